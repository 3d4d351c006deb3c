#include "auctions/AuctionService.h"

#include "auctions/AuctionTable.h"
#include "auctions/ProxyBidding.h"
#include "bitmarket/Cursor.h"
#include "bitmarket/Timestamp.h"
#include "idempotency/IdempotencyKeys.h"
#include "market/ListingTable.h"

#include <QJsonDocument>

namespace bitmarket::server::auctions {

namespace {

using idempotency::IdempotencyKeys;

const QString kBidsCursor = QStringLiteral("bids");
const QString kMyBidsCursor = QStringLiteral("my-bids");

// A listing that exists but sells at a fixed price is told apart from one that does not exist.
ApiError noSuchAuction(db::Connection& c, const QString& listingId) {
    if (ListingTable::sellerOf(c, listingId))
        return ApiError::of(ErrorCode::InvalidState, QStringLiteral("This listing is not an auction."));
    return ApiError::notFound(QStringLiteral("No such listing."));
}

ApiError closed() {
    return ApiError::of(ErrorCode::AuctionClosed, QStringLiteral("This auction has ended."));
}

Result<qint64> beforeSeqOf(const QString& cursorText, const QString& sort) {
    if (cursorText.isEmpty())
        return qint64(0);
    const auto cursor = Cursor::decode(cursorText);
    if (!cursor || cursor->sort != sort || cursor->keys.size() != 1)
        return ApiError::validation(QStringLiteral("This cursor is not valid for this query."),
                                    "cursor");
    return cursor->keys[0].toInteger();
}

// Whether the caller may act on a running auction at `nowMs` (bids after the end are refused
// even before the closer has ended it).
bool runs(const AuctionStanding& s, qint64 nowMs) {
    return s.state == auction::kRunning && nowMs < s.endsAtMs;
}

} // namespace

AuctionService::AuctionService(db::Database& db, EventBus& events,
                               const SameTransactionEvents& effects, ListingService& listings,
                               orders::OrderService& orders, Options options)
    : m_db(db), m_events(events), m_effects(effects), m_listings(listings), m_orders(orders),
      m_options(std::move(options)) {
}

void AuctionService::onAuctionStarted(std::function<void()> listener) {
    m_started = std::move(listener);
}

Result<void> AuctionService::handle(db::Connection& c, const DomainEvent& event) {
    const auto* published = std::get_if<ListingPublished>(&event);
    if (!published || !published->listing.auction)
        return {};
    auto q = c.query("SELECT seq FROM listings WHERE id = ?1");
    q.bind(published->listing.id);
    if (!q.next())
        return ApiError::notFound(QStringLiteral("No such listing."));
    const Auction& terms = *published->listing.auction;
    AuctionTable::start(c, q.integer(0), terms.endsAtMs, terms.startPrice.amount);
    if (m_started)
        c.afterCommit(m_started);
    return {};
}

Result<PlacedBid> AuctionService::placeBid(const QString& listingId, const QString& bidderId,
                                            const Money& maxAmount,
                                            const idempotency::RetryKey& key) {
    const qint64 t = nowMs();
    return m_db.write([&](db::Connection& c) -> Result<PlacedBid> {
        if (key.present()) {
            std::optional<QString> answer;
            BITMARKET_TRY(answer, IdempotencyKeys::answered(c, bidderId, key, t));
            if (answer)
                return PlacedBid::fromJson(QJsonDocument::fromJson(answer->toUtf8()).object());
        }
        const auto loaded = AuctionTable::loadForBidder(c, listingId, bidderId);
        if (!loaded)
            return noSuchAuction(c, listingId);
        const AuctionStanding* before = &loaded->standing;
        if (before->sellerId == bidderId)
            return ApiError::of(ErrorCode::OwnListing,
                                QStringLiteral("You cannot bid on your own listing."));
        if (!runs(*before, t))
            return closed();
        if (maxAmount.currency != before->currency)
            return ApiError::validation(QStringLiteral("Bid in the auction's currency, %1."),
                                        "maxAmount")
                .arg(before->currency);
        const BidDecision decision = ProxyBidding::place(*before, bidderId, loaded->bidderMax, maxAmount.amount,
                                                         t, m_options.lateBidWindowMs);
        if (const auto* low = std::get_if<BidTooLow>(&decision)) {
            const Money minimum{low->minNextBid, before->currency};
            ApiError e = ApiError::of(ErrorCode::BidTooLow, QStringLiteral("Bid at least %1."),
                                      "maxAmount")
                             .arg(minimum.plainText());
            e.details.insert("minNextBid", minimum.toJson());
            return e;
        }
        if (const auto* own = std::get_if<BidNotAboveOwnMax>(&decision))
            return ApiError::validation(
                       QStringLiteral("Your maximum is already %1; raise it or leave it."),
                       "maxAmount")
                .arg(Money{own->currentMax, before->currency}.plainText());
        const BidAccepted& accepted = std::get<BidAccepted>(decision);
        const AuctionStanding& after = accepted.after;
        AuctionTable::recordBid(c, after, bidderId, maxAmount.amount, t,
                                after.endsAtMs != before->endsAtMs);
        ListingService::followAuctionPrice(c, after.listingSeq, after.price, t);

        AuctionBidPlaced placed{listingId, after.listingTitle, after.publicAuction(), bidderId,
                                accepted.outbidUserId};
        if (auto recorded = m_effects.record(c, placed); !recorded)
            return recorded.error();
        c.afterCommit([this, placed] { m_events.publish(placed); });

        PlacedBid outcome{accepted.leading, maxAmount, placed.auction};
        outcome.auction.yourMax = maxAmount;
        if (key.present()) {
            std::string answer;
            JsonWriter w(answer);
            outcome.writeJson(w);
            IdempotencyKeys::remember(c, bidderId, key, QString::fromStdString(answer), t);
        }
        return outcome;
    });
}

Result<Order> AuctionService::buyNow(const QString& listingId, const QString& buyerId,
                                     const idempotency::RetryKey& key) {
    const qint64 t = nowMs();
    auto bought = m_db.write([&](db::Connection& c) -> Result<Order> {
        std::optional<Order> replayed;
        BITMARKET_TRY(replayed, orders::OrderService::answeredOrder(c, buyerId, key, t));
        if (replayed)
            return *replayed;
        auto s = AuctionTable::load(c, listingId);
        if (!s)
            return noSuchAuction(c, listingId);
        if (s->sellerId == buyerId)
            return ApiError::of(ErrorCode::OwnListing,
                                QStringLiteral("You cannot buy your own listing."));
        if (!runs(*s, t))
            return closed();
        if (!s->buyNowPrice)
            return ApiError::of(ErrorCode::InvalidState,
                                QStringLiteral("This auction has no buy-now price."));
        if (!s->buyNowOffered())
            return ApiError::of(ErrorCode::InvalidState,
                                QStringLiteral("Buy-now is no longer offered."));
        Order order;
        BITMARKET_TRY(order, m_orders.placeIn(c,
                                              orders::NewOrder{s->listingSeq, buyerId, s->sellerId,
                                                               Money{*s->buyNowPrice, s->currency},
                                                               QStringLiteral("escrow"),
                                                               QStringLiteral("buy_now"),
                                                               QStringLiteral("awaiting_payment")},
                                              t));
        s->state = auction::kEnded;
        s->winnerId = buyerId;
        s->finalPrice = *s->buyNowPrice;
        s->orderId = order.id;
        s->price = *s->buyNowPrice;
        AuctionTable::close(c, *s, t);
        ListingService::followAuctionPrice(c, s->listingSeq, s->price, t);
        ListingService::followAuctionEnd(c, s->listingSeq, listing::Status::Reserved, t);
        if (auto announced = announceClosed(c, *s, AuctionClosed::Reason::BoughtNow); !announced)
            return announced.error();
        orders::OrderService::rememberOrder(c, buyerId, key, order, t);
        return order;
    });
    return bought;
}

Result<Listing> AuctionService::cancel(const QString& listingId, const QString& sellerId) {
    const qint64 t = nowMs();
    return m_db.write([&](db::Connection& c) -> Result<Listing> {
        auto s = AuctionTable::load(c, listingId);
        if (!s)
            return noSuchAuction(c, listingId);
        if (s->sellerId != sellerId)
            return ApiError::forbidden(QStringLiteral("Only the seller can cancel the auction."));
        if (!runs(*s, t))
            return closed();
        if (s->bidCount > 0)
            return ApiError::of(ErrorCode::InvalidState,
                                QStringLiteral("An auction can be cancelled only before the first bid."));
        s->state = auction::kCancelled;
        AuctionTable::close(c, *s, t);
        ListingService::followAuctionEnd(c, s->listingSeq, listing::Status::Ended, t);
        if (auto announced = announceClosed(c, *s, AuctionClosed::Reason::Cancelled); !announced)
            return announced.error();
        return ListingTable::find(c, listingId, sellerId);
    });
}

Result<Listing> AuctionService::changeTerms(const QString& listingId, const QString& sellerId,
                                            const Auction& terms) {
    const qint64 t = nowMs();
    auto changed = m_db.write([&](db::Connection& c) -> Result<Listing> {
        auto s = AuctionTable::load(c, listingId);
        if (!s)
            return noSuchAuction(c, listingId);
        if (s->sellerId != sellerId)
            return ApiError::forbidden(QStringLiteral("Only the seller can change the terms."));
        if (!runs(*s, t))
            return closed();
        if (s->bidCount > 0)
            return ApiError::of(ErrorCode::InvalidState,
                                QStringLiteral("The terms are frozen after the first bid."));
        if (terms.startPrice.currency != s->currency)
            return ApiError::validation(QStringLiteral("The currency cannot change."),
                                        "auction.startPrice");
        ListingService::followAuctionTerms(c, s->listingSeq, terms, t);
        AuctionTable::restart(c, s->listingSeq, terms.endsAtMs, terms.startPrice.amount);
        // The end may have come closer: the closer looks at the ends again.
        if (m_started)
            c.afterCommit(m_started);
        return ListingTable::find(c, listingId, sellerId);
    });
    if (changed)
        m_listings.announceUpdate(listingId);
    return changed;
}

Result<void> AuctionService::closeIn(db::Connection& c, AuctionStanding s, qint64 nowMs) {
    if (s.reserveMet()) {
        Order order;
        BITMARKET_TRY(order, m_orders.placeIn(c,
                                              orders::NewOrder{s.listingSeq, s.leaderId, s.sellerId,
                                                               Money{s.price, s.currency},
                                                               QStringLiteral("escrow"),
                                                               QStringLiteral("auction"),
                                                               QStringLiteral("awaiting_payment")},
                                              nowMs));
        s.winnerId = s.leaderId;
        s.finalPrice = s.price;
        s.orderId = order.id;
    }
    s.state = auction::kEnded;
    AuctionTable::close(c, s, nowMs);
    ListingService::followAuctionEnd(
        c, s.listingSeq, s.winnerId.isEmpty() ? listing::Status::Ended : listing::Status::Reserved,
        nowMs);
    return announceClosed(c, s, AuctionClosed::Reason::TimeUp);
}

Result<void> AuctionService::announceClosed(db::Connection& c, const AuctionStanding& s,
                                            AuctionClosed::Reason reason) {
    QStringList others = AuctionTable::bidderIds(c, s.listingSeq);
    others.removeAll(s.winnerId);
    AuctionClosed ended{s.listingId, s.listingTitle, s.sellerId, s.publicAuction(), reason, others};
    if (auto recorded = m_effects.record(c, ended); !recorded)
        return recorded.error();
    c.afterCommit([this, ended] {
        m_events.publish(ended);
        m_listings.announceUpdate(ended.listingId);
    });
    return {};
}

Result<int> AuctionService::closeDue(int limit) {
    const qint64 t = nowMs();
    return m_db.write([&](db::Connection& c) -> Result<int> {
        const QStringList due = AuctionTable::dueListingIds(c, t, limit);
        for (const QString& id : due) {
            if (auto closed = closeIn(c, *AuctionTable::load(c, id), t); !closed)
                return closed.error();
        }
        return static_cast<int>(due.size());
    });
}

Result<std::optional<qint64>> AuctionService::nextEnd() {
    return m_db.read([](db::Connection& c) -> Result<std::optional<qint64>> {
        return AuctionTable::nextEnd(c);
    });
}

Result<BidPage> AuctionService::history(const QString& listingId, const QString& cursor, int limit) {
    qint64 beforeSeq = 0;
    BITMARKET_TRY(beforeSeq, beforeSeqOf(cursor, kBidsCursor));
    return m_db.read([&](db::Connection& c) -> Result<BidPage> {
        const auto s = AuctionTable::load(c, listingId);
        if (!s)
            return noSuchAuction(c, listingId);
        const QList<BidRecord> rows = AuctionTable::history(c, s->listingSeq, beforeSeq, limit + 1);
        BidPage page;
        for (qsizetype i = 0; i < rows.size() && i < limit; ++i)
            page.items.append(rows[i].bid);
        if (rows.size() > limit)
            page.nextCursor = Cursor{kBidsCursor, QJsonArray{rows[limit - 1].seq}}.encode();
        return page;
    });
}

Result<MyBidPage> AuctionService::bidsOf(const QString& userId, const QString& cursor, int limit) {
    qint64 beforeSeq = 0;
    BITMARKET_TRY(beforeSeq, beforeSeqOf(cursor, kMyBidsCursor));
    return m_db.read([&](db::Connection& c) -> Result<MyBidPage> {
        const QList<BidderEntry> rows = AuctionTable::bidsOf(c, userId, beforeSeq, limit + 1);
        MyBidPage page;
        for (qsizetype i = 0; i < rows.size() && i < limit; ++i) {
            Listing l;
            BITMARKET_TRY(l, ListingTable::find(c, rows[i].listingId, userId));
            const Auction& a = *l.auction;
            MyBid mine{l, Money{rows[i].maxAmount, l.price.currency}, {}};
            mine.listing.auction->yourMax = mine.yourMax;
            if (a.state == auction::kRunning)
                mine.status = a.leaderId == userId ? auction::kLeading : auction::kOutbid;
            else
                mine.status = a.winnerId == userId ? auction::kWon : auction::kLost;
            page.items.append(mine);
        }
        if (rows.size() > limit)
            page.nextCursor = Cursor{kMyBidsCursor, QJsonArray{rows[limit - 1].lastBidSeq}}.encode();
        return page;
    });
}

Result<std::optional<Money>> AuctionService::yourMax(const QString& listingId,
                                                     const QString& userId) {
    return m_db.read([&](db::Connection& c) -> Result<std::optional<Money>> {
        const auto loaded = AuctionTable::loadForBidder(c, listingId, userId);
        if (!loaded || !loaded->bidderMax)
            return std::optional<Money>();
        return std::optional<Money>(Money{*loaded->bidderMax, loaded->standing.currency});
    });
}

} // namespace bitmarket::server::auctions
