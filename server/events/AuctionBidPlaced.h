// A bid was accepted. Recorded in the bid's transaction (the bidder it pushed out of the lead is
// told then) and published once that commits (watchers see the new state).
#pragma once

#include "bitmarket/ApiTypes.h"

namespace bitmarket::server {

struct AuctionBidPlaced {
    QString listingId;
    QString listingTitle;
    Auction auction;          // the public state after the bid: no reserve, nobody's maximum
    QString bidderId;
    QString outbidUserId;     // the leader this bid took the lead from; empty when none
};

} // namespace bitmarket::server
