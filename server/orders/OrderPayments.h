// The money side of orders: asks the provider for a payment, settles it when the browser comes
// back or a webhook names it, refunds a paid order when it is cancelled, and looks up payments
// left open (reconciliation). The provider is always called outside a database write, and
// what a payment is comes from looking it up at the provider, never from a webhook's body or
// the browser's query alone. Settling is idempotent: however often and in whatever order the
// return page, webhooks and reconciliation settle a payment, the order is paid once.
// Money that must go back (a paid order cancelled, a payment the order no longer takes: paid
// after the order was cancelled, or a second one after another paid it) is decided inside a
// write that also queues a refund job, so the decision is never undone by a step taken at the
// same moment (a shipment) nor lost by a crash; the refund is tried at once and the job
// retries it until the provider has given the money back.
#pragma once

#include "jobs/JobQueue.h"
#include "orders/OrderService.h"
#include "payments/PaymentProvider.h"

#include <QMap>

namespace bitmarket::server::orders {

struct Checkout {
    QString paymentId;
    QString checkoutUrl;
};

class OrderPayments {
public:
    // The job kind that processes a stored webhook event: payload {eventId, paymentId, status}
    // (status: what the signed event says the payment is, if the provider signs its events).
    static const QString kEventKind;
    // The job kind that gives a payment's money back: payload {paymentId, reason}.
    static const QString kRefundKind;
    // Payments open (pending or authorized) this long are looked up by reconciliation.
    static constexpr qint64 kReconcileAfterMs = 60'000;

    // `refundCheckAfterMs`: how long the refund job waits before it checks the refund tried at
    // once (and retries it).
    OrderPayments(db::Database& db, OrderService& orders, payments::PaymentProvider& provider,
                  jobs::JobQueue& jobs, qint64 refundCheckAfterMs);

    const payments::PaymentProvider& provider() const { return m_provider; }
    // Called once a stored webhook event and its job have committed (to wake the workers).
    void onEventStored(std::function<void()> stored) { m_eventStored = std::move(stored); }

    // The buyer's checkout for an escrow order awaiting payment: the open one again, or a new
    // payment whose checkout returns the browser to `returnBaseUrl`/payments/return/{provider}.
    Result<Checkout> start(const QString& orderId, const QString& buyerId,
                           const QString& returnBaseUrl);
    // The browser came back from checkout with this query: settles the payment it names.
    Result<Order> settleReturn(const QMap<QString, QString>& query);
    // Looks the payment up, confirms it when the card approved it and applies what it is. When
    // a signed event said the card approved it (`said` "authorized") and the order still takes
    // it, it is confirmed straight away: the provider's answer to the confirm is the look-up.
    // `eventId` names the stored webhook event being settled: it is marked processed in the
    // write that applies the payment.
    Result<Order> settle(const QString& paymentId, const QString& said = {},
                         const QString& eventId = {});
    // A webhook request: checked (unauthorized when the signature or its time is wrong),
    // stored once per event id with a job to process it, in one write; one that only says what
    // the server already knows of a decided payment is stored as processed, with no job, and
    // answered before that commits. An event id already stored (a duplicate delivery) is
    // answered without a write.
    // not_found for another provider's name.
    Result<void> receiveWebhook(const QString& providerName, const QMap<QByteArray, QByteArray>& headers,
                                const QByteArray& body);
    // The job's work for one stored event. A signed event that says what the server already
    // learnt from the provider itself of a payment that is decided (a duplicate, the echo of
    // the server's own confirm) needs no look-up; any other is settled.
    Result<void> processEvent(const QString& eventId, const QString& paymentId, const QString& said);
    // Cancels an order. A paid one is refunded in full: refunded at once, its money given back
    // at the provider right after (and by the refund job until the provider has done it).
    Result<Order> cancel(const QString& orderId, const QString& userId, const QString& reason);
    // The refund job's work: looks the payment up and, while it still holds money (or could:
    // pending), refunds or calls it off at the provider; records what it then is. Idempotent.
    Result<Order> giveBack(const QString& paymentId, const QString& reason);
    // Settles open payments older than kReconcileAfterMs; returns how many it looked up.
    Result<int> reconcile();

private:
    struct Applied {
        Order order;
        bool refund = false; // the payment's money goes back: the refund job was queued
    };
    // Records what the provider says the payment is and what follows for the order,
    // and, with an `eventId`, marks that stored event processed in the same write.
    Result<Applied> apply(const PaymentRecord& payment, const payments::ProviderPayment& theirs,
                          const QString& eventId);
    // Inside a write: the refund job for the payment, durable with the write.
    Result<void> queueRefundIn(db::Connection& c, const QString& paymentId, const QString& reason,
                               qint64 nowMs);
    // Gives the money back at once after the write that queued the refund; when the provider
    // cannot now, the job retries and the order is answered as it is.
    Order giveBackNow(const QString& paymentId, const QString& reason, const Order& order);

    db::Database& m_db;
    OrderService& m_orders;
    payments::PaymentProvider& m_provider;
    jobs::JobQueue& m_jobs;
    qint64 m_refundCheckAfterMs;
    std::function<void()> m_eventStored;
};

} // namespace bitmarket::server::orders
