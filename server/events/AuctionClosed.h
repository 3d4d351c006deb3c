// An auction ended: its time ran out (sold to the leader, or unsold), it was bought now, or its
// seller cancelled it. Recorded in the closing transaction (winner, other bidders and seller
// are told in it) and published once that commits.
#pragma once

#include "bitmarket/ApiTypes.h"

namespace bitmarket::server {

struct AuctionClosed {
    enum class Reason { TimeUp, BoughtNow, Cancelled };

    QString listingId;
    QString listingTitle;
    QString sellerId;
    Auction auction;           // the public state as it ended
    Reason reason = Reason::TimeUp;
    QStringList otherBidderIds; // everyone who bid, but the winner
};

} // namespace bitmarket::server
