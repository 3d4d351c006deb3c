#include "orders/OrderService.h"

#include "bitmarket/Cursor.h"
#include "idempotency/IdempotencyKeys.h"
#include "orders/Ledger.h"

#include <QDateTime>
#include <QJsonDocument>

namespace bitmarket::server::orders {

using idempotency::IdempotencyKeys;

const QString OrderService::kDeadlineKind = QStringLiteral("orders.deadline");

namespace {

const QString kCursorSort = QStringLiteral("orders");

ApiError noSuchOrder() { return ApiError::notFound(QStringLiteral("No such order.")); }

ApiError notNow() {
    return ApiError::of(ErrorCode::InvalidState,
                        QStringLiteral("This order cannot take that step in its current status."));
}

QString deadlineKey(const QString& orderId, const QString& due) {
    return QStringLiteral("order-%1:%2").arg(due, orderId);
}

} // namespace

QStringList otherSide(const Order& order, const QString& userId) {
    if (userId == order.buyerId)
        return {order.sellerId};
    if (userId == order.sellerId)
        return {order.buyerId};
    return {order.buyerId, order.sellerId};
}

OrderService::OrderService(db::Database& db, EventBus& events, const SameTransactionEvents& effects,
                           jobs::JobQueue& jobs, ListingService& listings, Options options)
    : m_db(db), m_events(events), m_effects(effects), m_jobs(jobs), m_listings(listings),
      m_options(options) {}

qint64 OrderService::now() const { return m_jobs.now(); }

Result<void> OrderService::scheduleIn(db::Connection& c, const QString& orderId, const QString& due,
                                      qint64 runAtMs) {
    jobs::JobQueue::NewJob job;
    job.kind = kDeadlineKind;
    job.payload = QJsonObject{{"orderId", orderId}, {"due", due}};
    job.runAtMs = runAtMs;
    job.uniqueKey = deadlineKey(orderId, due);
    if (auto queued = m_jobs.enqueueIn(c, job); !queued)
        return queued.error();
    return {};
}

Result<Order> OrderService::placeIn(db::Connection& c, const NewOrder& order, qint64 nowMs) {
    if (OrderTable::liveOrderFor(c, order.listingSeq))
        return ApiError::conflict(QStringLiteral("This listing already has an order."));
    const qint64 fee = order.method == u"escrow" ? order.amount.amount * m_options.feePercent / 100 : 0;
    const QString id = OrderTable::insert(c, order, fee, nowMs);
    if (order.status == u"awaiting_payment") {
        const qint64 window = order.source == u"auction" ? m_options.auctionPaymentWindowMs
                                                         : m_options.paymentWindowMs;
        if (auto scheduled = scheduleIn(c, id, QStringLiteral("payment"), nowMs + window); !scheduled)
            return scheduled.error();
    }
    Order placed = *OrderTable::find(c, id);
    c.afterCommit([this, placed] { m_events.publish(OrderChanged{placed, {}}); });
    return placed;
}

Result<Order> OrderService::buy(const QString& listingId, const QString& buyerId,
                                const QString& method, const idempotency::RetryKey& key) {
    const qint64 t = now();
    auto bought = m_db.write([&](db::Connection& c) -> Result<Order> {
        std::optional<Order> replayed;
        BITMARKET_TRY(replayed, answeredOrder(c, buyerId, key, t));
        if (replayed)
            return *replayed;
        const auto terms = ListingService::saleTermsIn(c, listingId);
        if (!terms)
            return ApiError::notFound(QStringLiteral("No such listing."));
        if (terms->sellerId == buyerId)
            return ApiError::of(ErrorCode::OwnListing,
                                QStringLiteral("You cannot buy your own listing."));
        if (terms->saleType != u"fixed")
            return ApiError::of(ErrorCode::InvalidState,
                                QStringLiteral("An auction is bought by bidding or with buy-now."));
        if (OrderTable::liveOrderFor(c, terms->listingSeq))
            return ApiError::conflict(QStringLiteral("This listing already has an order."));
        if (terms->status != u"active")
            return ApiError::of(ErrorCode::InvalidState, QStringLiteral("This listing is not for sale."));
        Order order;
        BITMARKET_TRY(order, placeIn(c,
                                     NewOrder{terms->listingSeq, buyerId, terms->sellerId, terms->price,
                                              method, QStringLiteral("purchase"),
                                              method == u"escrow" ? QStringLiteral("awaiting_payment")
                                                                  : QStringLiteral("awaiting_meetup")},
                                     t));
        ListingService::followOrder(c, terms->listingSeq, listing::Status::Reserved, t);
        if (auto told = m_effects.record(c, OrderChanged{order, {order.sellerId}}); !told)
            return told.error();
        rememberOrder(c, buyerId, key, order, t);
        return order;
    });
    if (bought)
        m_listings.announceUpdate(listingId);
    return bought;
}

Result<std::optional<Order>> OrderService::answeredOrder(db::Connection& c, const QString& buyerId,
                                                         const idempotency::RetryKey& key,
                                                         qint64 nowMs) {
    if (!key.present())
        return std::optional<Order>();
    std::optional<QString> answer;
    BITMARKET_TRY(answer, IdempotencyKeys::answered(c, buyerId, key, nowMs));
    if (!answer)
        return std::optional<Order>();
    return std::optional<Order>(Order::fromJson(QJsonDocument::fromJson(answer->toUtf8()).object()));
}

void OrderService::rememberOrder(db::Connection& c, const QString& buyerId,
                                 const idempotency::RetryKey& key, const Order& order, qint64 nowMs) {
    if (key.present())
        IdempotencyKeys::remember(c, buyerId, key,
                                  QString::fromUtf8(QJsonDocument(order.toJson()).toJson(QJsonDocument::Compact)),
                                  nowMs);
}

Result<StoredOrder> OrderService::partyOrder(db::Connection& c, const QString& orderId,
                                             const QString& userId) {
    auto stored = OrderTable::findStored(c, orderId);
    if (!stored)
        return noSuchOrder();
    if (!userId.isEmpty() && stored->order.buyerId != userId && stored->order.sellerId != userId)
        return noSuchOrder();
    return *stored;
}

Result<Order> OrderService::moveIn(db::Connection& c, const StoredOrder& stored, const QString& status,
                           const QStringList& tell, qint64 nowMs) {
    const Order& o = stored.order;
    OrderTable::move(c, stored.seq, status, nowMs);
    if (status == u"completed") {
        ListingService::followOrder(c, stored.listingSeq, listing::Status::Sold, nowMs);
        if (o.method == u"escrow")
            Ledger::post(c, QStringLiteral("complete:") + o.id, QStringLiteral("completion"),
                         {{Ledger::escrow(o.sellerId), -o.amount.amount},
                          {Ledger::payable(o.sellerId), o.amount.amount - o.fee.amount},
                          {Ledger::kRevenue, o.fee.amount}},
                         o.amount.currency, o.id, {}, nowMs);
    }
    Order moved = *OrderTable::find(c, o.id);
    if (auto told = m_effects.record(c, OrderChanged{moved, tell}); !told)
        return told.error();
    // The listing changes only when the order ends (sold, or back on sale).
    const QString listingId =
        status == u"completed" || status == u"cancelled" || status == u"refunded" ? o.listingId
                                                                                 : QString();
    c.afterCommit([this, moved, listingId] {
        m_events.publish(OrderChanged{moved, {}});
        if (!listingId.isEmpty())
            m_listings.announceUpdate(listingId);
    });
    return moved;
}

Result<Order> OrderService::cancelIn(db::Connection& c, const StoredOrder& stored, const QString& status,
                             const QString& reason, const QStringList& tell, qint64 nowMs) {
    OrderTable::setCancelReason(c, stored.seq, reason);
    // A fixed-price listing goes back on sale; an auction's listing has ended either way.
    ListingService::followOrder(c, stored.listingSeq,
                                stored.order.source == u"purchase" ? listing::Status::Active
                                                                   : listing::Status::Ended,
                                nowMs);
    return moveIn(c, stored, status, tell, nowMs);
}

Result<Order> OrderService::markPaidIn(db::Connection& c, const StoredOrder& stored, qint64 nowMs) {
    const Order& o = stored.order;
    Ledger::post(c, QStringLiteral("pay:") + o.id, QStringLiteral("payment"),
                 {{Ledger::buyer(o.buyerId), -o.amount.amount},
                  {Ledger::escrow(o.sellerId), o.amount.amount}},
                 o.amount.currency, o.id, {}, nowMs);
    return moveIn(c, stored, QStringLiteral("paid"), {o.sellerId}, nowMs);
}

Result<Order> OrderService::refundIn(db::Connection& c, const StoredOrder& stored, const QString& reason,
                             const QString& byUserId, qint64 nowMs) {
    const Order& o = stored.order;
    Ledger::post(c, QStringLiteral("refund:") + o.id, QStringLiteral("refund"),
                 {{Ledger::escrow(o.sellerId), -o.amount.amount},
                  {Ledger::buyer(o.buyerId), o.amount.amount}},
                 o.amount.currency, o.id, {}, nowMs);
    return cancelIn(c, stored, QStringLiteral("refunded"), reason, otherSide(o, byUserId), nowMs);
}

Result<Order> OrderService::ship(const QString& orderId, const QString& sellerId,
                                 const QString& carrier, const QString& trackingNumber) {
    const qint64 t = now();
    return m_db.write([&](db::Connection& c) -> Result<Order> {
        StoredOrder stored;
        BITMARKET_TRY(stored, partyOrder(c, orderId, sellerId));
        if (stored.order.sellerId != sellerId)
            return ApiError::forbidden(QStringLiteral("Only the seller ships the order."));
        if (stored.order.method != u"escrow" || stored.order.status != u"paid")
            return notNow();
        const qint64 autoConfirmAt = t + m_options.autoConfirmMs;
        OrderTable::setShipment(c, stored.seq, carrier, trackingNumber, autoConfirmAt);
        if (auto scheduled = scheduleIn(c, orderId, QStringLiteral("confirm"), autoConfirmAt); !scheduled)
            return scheduled.error();
        return moveIn(c, stored, QStringLiteral("shipped"), {stored.order.buyerId}, t);
    });
}

Result<Order> OrderService::confirm(const QString& orderId, const QString& userId) {
    const qint64 t = now();
    return m_db.write([&](db::Connection& c) -> Result<Order> {
        StoredOrder stored;
        BITMARKET_TRY(stored, partyOrder(c, orderId, userId));
        const Order& o = stored.order;
        const bool buyer = o.buyerId == userId;
        if (o.method == u"escrow") {
            if (!buyer)
                return ApiError::forbidden(QStringLiteral("Only the buyer confirms receipt."));
            if (o.status != u"shipped")
                return notNow();
            return moveIn(c, stored, QStringLiteral("completed"), {o.sellerId}, t);
        }
        if (o.status != u"awaiting_meetup" || (buyer ? o.buyerConfirmed : o.sellerConfirmed))
            return notNow();
        OrderTable::setConfirmed(c, stored.seq, buyer, t);
        if (buyer ? o.sellerConfirmed : o.buyerConfirmed)
            return moveIn(c, stored, QStringLiteral("completed"), otherSide(o, userId), t);
        Order confirmed = *OrderTable::find(c, orderId);
        if (auto told = m_effects.record(c, OrderChanged{confirmed, otherSide(o, userId)}); !told)
            return told.error();
        c.afterCommit([this, confirmed] { m_events.publish(OrderChanged{confirmed, {}}); });
        return confirmed;
    });
}

Result<Order> OrderService::cancelUnpaidIn(db::Connection& c, const StoredOrder& stored,
                                           const QString& userId, const QString& reason,
                                           qint64 nowMs) {
    const QString& status = stored.order.status;
    if (status != u"awaiting_payment" && status != u"awaiting_meetup")
        return notNow();
    return cancelIn(c, stored, QStringLiteral("cancelled"), reason, otherSide(stored.order, userId),
                    nowMs);
}

Order OrderService::announceIn(db::Connection& c, const QString& orderId) {
    Order order = *OrderTable::find(c, orderId);
    c.afterCommit([this, order] { m_events.publish(OrderChanged{order, {}}); });
    return order;
}

Result<void> OrderService::runDeadline(const QString& orderId, const QString& due) {
    const qint64 t = now();
    auto ran = m_db.write([&](db::Connection& c) -> Result<bool> {
        StoredOrder stored;
        BITMARKET_TRY(stored, partyOrder(c, orderId, {}));
        const Order& o = stored.order;
        Result<Order> step = o;
        if (due == u"payment" && o.status == u"awaiting_payment")
            step = cancelIn(c, stored, QStringLiteral("cancelled"),
                            QStringLiteral("Not paid in time."), {o.buyerId, o.sellerId}, t);
        else if (due == u"confirm" && o.status == u"shipped" && o.autoConfirmAtMs <= t)
            step = moveIn(c, stored, QStringLiteral("completed"), {o.buyerId, o.sellerId}, t);
        if (!step)
            return step.error();
        return true;
    });
    if (!ran)
        return ran.error();
    return {};
}

Result<Order> OrderService::get(const QString& orderId, const QString& userId) {
    return m_db.read([&](db::Connection& c) -> Result<Order> {
        StoredOrder stored;
        BITMARKET_TRY(stored, partyOrder(c, orderId, userId));
        return stored.order;
    });
}

Result<OrderPage> OrderService::mine(const QString& userId, const OrderQuery& query) {
    qint64 beforeSeq = 0;
    if (!query.cursor.isEmpty()) {
        const auto cursor = Cursor::decode(query.cursor);
        if (!cursor || cursor->sort != kCursorSort || cursor->keys.size() != 1)
            return ApiError::validation(QStringLiteral("This cursor is not valid for this query."),
                                        "cursor");
        beforeSeq = cursor->keys[0].toInteger();
    }
    return m_db.read([&](db::Connection& c) -> Result<OrderPage> {
        auto page = OrderTable::forUser(c, userId, query.role, query.status, beforeSeq, query.limit);
        OrderPage out{page.items, {}};
        if (page.nextBeforeSeq)
            out.nextCursor = Cursor{kCursorSort, QJsonArray{*page.nextBeforeSeq}}.encode();
        return out;
    });
}

} // namespace bitmarket::server::orders
