// Orders: a sale between a buyer and a seller (the rules: docs/orders.md). A fixed-price
// listing is bought here; other domains create orders inside their own write (an auction's
// close, buy-now), so the cause and the order commit together. Every step is checked against
// the order's current status, recorded in its history, published as OrderChanged (both sides'
// sockets) and told to the side that did not act (a notification in the same transaction).
// Steps that move money at the provider (paying, refunding) are OrderPayments'.
#pragma once

#include "bitmarket/ApiTypes.h"
#include "db/Database.h"
#include "events/EventBus.h"
#include "events/SameTransactionEvents.h"
#include "idempotency/RetryKey.h"
#include "jobs/JobQueue.h"
#include "market/ListingService.h"
#include "orders/OrderTable.h"
#include "orders/PaymentTable.h"

namespace bitmarket::server::orders {

struct OrderPage {
    QList<Order> items;
    QString nextCursor;
};

struct OrderQuery {
    QString role = QStringLiteral("buyer"); // buyer, seller
    QString status;                         // empty: any
    QString cursor;
    int limit = 20;
};

class OrderService {
public:
    struct Options {
        qint64 paymentWindowMs = 30LL * 60 * 1000;                // an unpaid order's time to pay
        qint64 auctionPaymentWindowMs = 3LL * 24 * 3600 * 1000; // the same after an auction win
        qint64 autoConfirmMs = 7LL * 24 * 3600 * 1000;          // shipped → completed by itself
        int feePercent = 5; // the platform's fee on an escrow sale
    };
    // The job kind of an order's deadline: payload {orderId, due: "payment" | "confirm"}.
    static const QString kDeadlineKind;

    OrderService(db::Database& db, EventBus& events, const SameTransactionEvents& effects,
                 jobs::JobQueue& jobs, ListingService& listings, Options options);

    // Inside the caller's write: conflict when the listing already has a live order.
    Result<Order> placeIn(db::Connection& c, const NewOrder& order, qint64 nowMs);

    // Buys a fixed-price listing (it becomes reserved).
    Result<Order> buy(const QString& listingId, const QString& buyerId, const QString& method,
                      const idempotency::RetryKey& key);
    Result<Order> ship(const QString& orderId, const QString& sellerId, const QString& carrier,
                       const QString& trackingNumber);
    // The buyer confirms receipt; in person each side confirms and the second completes it.
    Result<Order> confirm(const QString& orderId, const QString& userId);
    // Cancels an order nothing was paid for (awaiting payment or a meet-up), inside the
    // caller's write; invalid_state for any other status.
    Result<Order> cancelUnpaidIn(db::Connection& c, const StoredOrder& order, const QString& userId,
                                 const QString& reason, qint64 nowMs);
    // A deadline came: an unpaid order is cancelled, a shipped one completed; otherwise nothing.
    Result<void> runDeadline(const QString& orderId, const QString& due);

    // Inside a buying write with an Idempotency-Key: the order that key already answered, if any;
    // and the order to answer it with from now on.
    static Result<std::optional<Order>> answeredOrder(db::Connection& c, const QString& buyerId,
                                                      const idempotency::RetryKey& key, qint64 nowMs);
    static void rememberOrder(db::Connection& c, const QString& buyerId,
                              const idempotency::RetryKey& key, const Order& order, qint64 nowMs);

    // The order, for its buyer or seller only (not_found for anyone else).
    Result<Order> get(const QString& orderId, const QString& userId);
    Result<OrderPage> mine(const QString& userId, const OrderQuery& query);

    // For OrderPayments, inside its write: the order's stored row (not_found unless `userId`,
    // when given, is a party), the step to paid, and the refund of a paid order.
    static Result<StoredOrder> partyOrder(db::Connection& c, const QString& orderId,
                                          const QString& userId);
    Result<Order> markPaidIn(db::Connection& c, const StoredOrder& order, qint64 nowMs);
    Result<Order> refundIn(db::Connection& c, const StoredOrder& order, const QString& reason,
                   const QString& byUserId, qint64 nowMs);
    // The order's payment changed at the provider (refunded, say) and nothing else: both sides'
    // sockets see the order again once the caller's write commits.
    Order announceIn(db::Connection& c, const QString& orderId);

    qint64 now() const;

private:
    // Writes the new status and what follows from it, then tells: returns the order as it is.
    Result<Order> moveIn(db::Connection& c, const StoredOrder& order, const QString& status,
                 const QStringList& tell, qint64 nowMs);
    Result<Order> cancelIn(db::Connection& c, const StoredOrder& order, const QString& status,
                   const QString& reason, const QStringList& tell, qint64 nowMs);
    Result<void> scheduleIn(db::Connection& c, const QString& orderId, const QString& due,
                            qint64 runAtMs);

    db::Database& m_db;
    EventBus& m_events;
    const SameTransactionEvents& m_effects;
    jobs::JobQueue& m_jobs;
    ListingService& m_listings;
    Options m_options;
};

// The other party of the order than `userId` (both when userId is neither: the system acted).
QStringList otherSide(const Order& order, const QString& userId);

} // namespace bitmarket::server::orders
