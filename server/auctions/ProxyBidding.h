// The proxy ladder: what one bid (a maximum) does to an auction. A pure function of the
// standing, so every rule is decided in one place and tested without a server.
//
// - The visible price is the lowest that keeps the leader ahead: the second-highest maximum
//   plus one increment, capped at the leader's maximum; with one bidder, the start price.
//   Once the leader's maximum reaches the reserve, the price is at least the reserve.
// - A bid below the minimum next bid is refused. On equal maximums the earlier bid leads.
// - The leader may raise their own maximum; that moves the price only up to the reserve.
// - A bid within the late-bid window of the end moves the end to that long after the bid.
#pragma once

#include "auctions/AuctionStanding.h"

#include <variant>

namespace bitmarket::server::auctions {

struct BidAccepted {
    AuctionStanding after;
    bool leading = false;  // the bidder leads after their bid
    bool newBidder = false;
    QString outbidUserId;  // the leader this bid took the lead from
};

struct BidTooLow {
    qint64 minNextBid = 0;
};

struct BidNotAboveOwnMax {
    qint64 currentMax = 0;
};

using BidDecision = std::variant<BidAccepted, BidTooLow, BidNotAboveOwnMax>;

class ProxyBidding {
public:
    // `bidderMax`: the bidder's maximum so far in this auction (nullopt: their first bid).
    // The caller has checked that the auction runs, that it is not the bidder's own and the currency.
    static BidDecision place(const AuctionStanding& before, const QString& bidderId,
                             std::optional<qint64> bidderMax, qint64 maxAmount, qint64 nowMs,
                             qint64 lateBidWindowMs);
};

} // namespace bitmarket::server::auctions
