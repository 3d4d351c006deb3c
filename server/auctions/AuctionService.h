// Live auctions: bids decided by the proxy ladder, buy-now, the seller's cancel, the close, and
// what bidders read (history, their own bids and maximum).
//
// Every bid is decided inside the database's write, on its one writer thread: bids on one
// auction are decided strictly one after another against the standing the previous bid
// committed, while bids on other auctions share the same group commit, so each accepted bid is
// durable before its answer and nothing waits on a lock held across a commit. What a bid or a
// close causes in other domains (the outbid, won and lost notifications, the order, the
// listing's price and status) is written in the same transaction; watchers get auction.bid and
// auction.closed once it commits.
#pragma once

#include "auctions/AuctionStanding.h"
#include "bitmarket/ApiTypes.h"
#include "bitmarket/AuctionRules.h"
#include "db/Database.h"
#include "events/EventBus.h"
#include "events/SameTransactionEvents.h"
#include "idempotency/RetryKey.h"
#include "market/ListingService.h"
#include "orders/OrderService.h"

#include <functional>

namespace bitmarket::server::auctions {

struct BidPage {
    QList<Bid> items;
    QString nextCursor;
};

struct MyBidPage {
    QList<MyBid> items;
    QString nextCursor;
};

class AuctionService {
public:
    struct Options {
        qint64 shortestAuctionMs = auction::kShortestMs; // what a seller may create
        qint64 lateBidWindowMs = auction::kLateBidWindowMs;
    };

    AuctionService(db::Database& db, EventBus& events, const SameTransactionEvents& effects,
                   ListingService& listings, orders::OrderService& orders, Options options);

    // For SameTransactionEvents: a published auction listing starts its auction.
    Result<void> handle(db::Connection& c, const DomainEvent& event);
    // Called after a new auction committed, so the closer can wake for an earlier end.
    void onAuctionStarted(std::function<void()> listener);

    Result<PlacedBid> placeBid(const QString& listingId, const QString& bidderId,
                                const Money& maxAmount, const idempotency::RetryKey& key);
    Result<Order> buyNow(const QString& listingId, const QString& buyerId,
                         const idempotency::RetryKey& key);
    // The seller's, before the first bid; the listing afterwards.
    Result<Listing> cancel(const QString& listingId, const QString& sellerId);
    // The seller's new terms (checked as on create), before the first bid; the listing after.
    // Everyone watching gets the listing with them (listing.updated).
    Result<Listing> changeTerms(const QString& listingId, const QString& sellerId,
                                const Auction& terms);

    // Closes the running auctions whose end has come, in the order they end; how many.
    Result<int> closeDue(int limit);
    Result<std::optional<qint64>> nextEnd();

    Result<BidPage> history(const QString& listingId, const QString& cursor, int limit);
    Result<MyBidPage> bidsOf(const QString& userId, const QString& cursor, int limit);
    // The user's own maximum in the auction, if they bid.
    Result<std::optional<Money>> yourMax(const QString& listingId, const QString& userId);

    qint64 shortestAuctionMs() const { return m_options.shortestAuctionMs; }

private:
    // Ends `s` inside a write: a sale to the leader when the reserve is met (an order in the
    // same transaction), unsold otherwise.
    Result<void> closeIn(db::Connection& c, AuctionStanding s, qint64 nowMs);
    Result<void> announceClosed(db::Connection& c, const AuctionStanding& s,
                                AuctionClosed::Reason reason);

    db::Database& m_db;
    EventBus& m_events;
    const SameTransactionEvents& m_effects;
    ListingService& m_listings;
    orders::OrderService& m_orders;
    Options m_options;
    std::function<void()> m_started;
};

} // namespace bitmarket::server::auctions
