// Owns auctions (how each stands), bids (every accepted bid) and auction_bidders (each
// bidder's maximum). The seller's terms are the listing's (auction_terms, market's); this
// table reads them with the standing.
#pragma once

#include "auctions/AuctionStanding.h"
#include "db/Connection.h"

#include <optional>

namespace bitmarket::server::auctions {

struct BidRecord {
    qint64 seq = 0;
    Bid bid;
};

struct BidderEntry {
    qint64 listingSeq = 0;
    QString listingId;
    qint64 maxAmount = 0;
    qint64 lastBidSeq = 0;
};

class AuctionTable {
public:
    static void start(db::Connection& c, qint64 listingSeq, qint64 endsAtMs, qint64 startPrice);
    // New terms before the first bid: the auction starts over at their price and end.
    static void restart(db::Connection& c, qint64 listingSeq, qint64 endsAtMs, qint64 startPrice);
    static std::optional<AuctionStanding> load(db::Connection& c, const QString& listingId);
    struct ForBidder {
        AuctionStanding standing;
        std::optional<qint64> bidderMax; // nullopt: they have not bid
    };
    static std::optional<ForBidder> loadForBidder(db::Connection& c, const QString& listingId,
                                                  const QString& bidderId);

    // Stores an accepted bid and the standing it produced (`endMoved`: a late bid extended it);
    // returns the bid's seq.
    static qint64 recordBid(db::Connection& c, const AuctionStanding& after, const QString& bidderId,
                            qint64 maxAmount, qint64 nowMs, bool endMoved);
    // Ends the auction as `after` says (state, winner, final price, order).
    static void close(db::Connection& c, const AuctionStanding& after, qint64 nowMs);

    // Running auctions whose end has come, in the order they end.
    static QStringList dueListingIds(db::Connection& c, qint64 nowMs, int limit);
    // When the next running auction ends (nullopt: none runs).
    static std::optional<qint64> nextEnd(db::Connection& c);

    static QStringList bidderIds(db::Connection& c, qint64 listingSeq);
    // Newest first, before `beforeSeq` (0: from the newest).
    static QList<BidRecord> history(db::Connection& c, qint64 listingSeq, qint64 beforeSeq, int limit);
    // The auctions the user bid on, most recently bid first, before `beforeSeq` (0: from the newest).
    static QList<BidderEntry> bidsOf(db::Connection& c, const QString& userId, qint64 beforeSeq,
                                     int limit);
};

} // namespace bitmarket::server::auctions
