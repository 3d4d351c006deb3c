#include "auctions/ProxyBidding.h"

#include <algorithm>

namespace bitmarket::server::auctions {

namespace {

void meetReserve(AuctionStanding& s) {
    if (s.reservePrice && s.leaderMax >= *s.reservePrice)
        s.price = std::max(s.price, *s.reservePrice);
}

} // namespace

BidDecision ProxyBidding::place(const AuctionStanding& before, const QString& bidderId,
                                std::optional<qint64> bidderMax, qint64 maxAmount, qint64 nowMs,
                                qint64 lateBidWindowMs) {
    AuctionStanding s = before;
    BidAccepted accepted;
    accepted.newBidder = !bidderMax.has_value();
    if (s.bidCount > 0 && s.leaderId == bidderId) {
        if (maxAmount <= s.leaderMax)
            return BidNotAboveOwnMax{s.leaderMax};
        s.leaderMax = maxAmount;
        meetReserve(s);
        accepted.leading = true;
    } else {
        if (maxAmount < s.minNextBid())
            return BidTooLow{s.minNextBid()};
        if (s.bidCount == 0) {
            s.leaderId = bidderId;
            s.leaderMax = maxAmount;
            s.price = s.startPrice;
            accepted.leading = true;
        } else if (maxAmount > s.leaderMax) {
            accepted.outbidUserId = s.leaderId;
            s.secondMax = s.leaderMax;
            s.leaderId = bidderId;
            s.leaderMax = maxAmount;
            s.price = std::min(*s.secondMax + s.incrementAt(*s.secondMax), s.leaderMax);
            accepted.leading = true;
        } else {
            // The leader's maximum covers it (an equal one too: the earlier bid leads).
            s.secondMax = maxAmount;
            s.price = std::min(maxAmount + s.incrementAt(maxAmount), s.leaderMax);
        }
        meetReserve(s);
    }
    s.bidCount += 1;
    if (accepted.newBidder)
        s.bidderCount += 1;
    if (nowMs >= s.endsAtMs - lateBidWindowMs && nowMs + lateBidWindowMs > s.endsAtMs) {
        s.endsAtMs = nowMs + lateBidWindowMs;
        s.extended = true;
    }
    accepted.after = s;
    return accepted;
}

} // namespace bitmarket::server::auctions
