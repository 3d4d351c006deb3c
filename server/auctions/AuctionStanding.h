// An auction as the bidding rules see it: the seller's terms and the few numbers that decide
// the next bid (the two highest maximums and who holds the first). Amounts are in the
// listing's currency's minor unit.
#pragma once

#include "bitmarket/ApiTypes.h"

#include <optional>

namespace bitmarket::server::auctions {

struct AuctionStanding {
    // The listing.
    qint64 listingSeq = 0;
    QString listingId;
    QString listingTitle;
    QString sellerId;
    QString currency;
    // The terms.
    qint64 startPrice = 0;
    qint64 sellerIncrement = 0; // 0: the tiered table
    std::optional<qint64> buyNowPrice;
    std::optional<qint64> reservePrice;
    // How it stands.
    QString state;
    qint64 endsAtMs = 0;
    bool extended = false;
    qint64 price = 0;
    qint64 bidCount = 0;
    qint64 bidderCount = 0;
    QString leaderId;
    qint64 leaderMax = 0;
    std::optional<qint64> secondMax; // the highest maximum of anyone but the leader
    QString winnerId;
    std::optional<qint64> finalPrice;
    QString orderId;

    qint64 incrementAt(qint64 amount) const;
    qint64 minNextBid() const;
    bool reserveMet() const;
    // Until the first bid; with a reserve, until a bid meets it.
    bool buyNowOffered() const;
    // As everyone sees it (with the reserve for the seller, and `yourMax` for a bidder).
    Auction publicAuction() const;
};

} // namespace bitmarket::server::auctions
