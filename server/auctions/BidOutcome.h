// What placing a bid answers: whether the bidder leads, their maximum, and the auction as it
// stands after the bid (with their own maximum). Kept as the answer to a retried bid.
#pragma once

#include "bitmarket/ApiTypes.h"

namespace bitmarket::server::auctions {

struct BidOutcome {
    bool leading = false;
    Money yourMax;
    Auction auction;

    QJsonObject toJson() const;
    static BidOutcome fromJson(const QJsonObject& o);
};

} // namespace bitmarket::server::auctions
