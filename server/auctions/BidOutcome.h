// What placing a bid answers: whether the bidder leads, their maximum, and the auction as it
// stands after the bid (with their own maximum). Kept as the answer to a retried bid.
#pragma once

#include "bitmarket/ApiTypes.h"

#include <string>

namespace bitmarket::server::auctions {

struct BidOutcome {
    bool leading = false;
    Money yourMax;
    Auction auction;

    QJsonObject toJson() const;
    // The same JSON as toJson(), written straight to text: the answer on the hottest write
    // path, and what a retried bid gets again.
    std::string jsonText() const;
    static BidOutcome fromJson(const QJsonObject& o);
};

} // namespace bitmarket::server::auctions
