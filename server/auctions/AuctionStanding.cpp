#include "auctions/AuctionStanding.h"

#include "bitmarket/AuctionRules.h"

namespace bitmarket::server::auctions {

qint64 AuctionStanding::incrementAt(qint64 amount) const {
    return auction::incrementAt(Money{amount, currency}, sellerIncrement).amount;
}

qint64 AuctionStanding::minNextBid() const {
    return bidCount == 0 ? startPrice : price + incrementAt(price);
}

bool AuctionStanding::reserveMet() const {
    return bidCount > 0 && (!reservePrice || leaderMax >= *reservePrice);
}

bool AuctionStanding::buyNowOffered() const {
    return buyNowPrice && (bidCount == 0 || (reservePrice && !reserveMet()));
}

Auction AuctionStanding::publicAuction() const {
    auto money = [this](qint64 amount) { return Money{amount, currency}; };
    Auction a;
    a.startPrice = money(startPrice);
    a.tieredIncrement = sellerIncrement == 0;
    if (buyNowPrice)
        a.buyNowPrice = money(*buyNowPrice);
    a.endsAtMs = endsAtMs;
    a.state = state;
    a.currentPrice = money(price);
    a.bidCount = bidCount;
    a.bidderCount = bidderCount;
    a.leaderId = leaderId;
    a.reserveMet = reserveMet();
    a.extended = extended;
    a.winnerId = winnerId;
    if (finalPrice)
        a.finalPrice = money(*finalPrice);
    a.orderId = orderId;
    auction::fillNextBid(a, sellerIncrement);
    return a;
}

} // namespace bitmarket::server::auctions
