// The money side of orders: asks the provider for a payment, settles it when the browser comes
// back or a webhook names it, refunds a paid order when it is cancelled, and looks up payments
// left open (reconciliation). The provider is always called outside a database write, and
// what a payment is comes from looking it up at the provider, never from a webhook's body or
// the browser's query alone. Settling is idempotent: however often and in whatever order the
// return page, webhooks and reconciliation settle a payment, the order is paid once.
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
    // The job kind that processes a stored webhook event: payload {provider, eventId, paymentId}.
    static const QString kEventKind;
    // Payments open (pending or authorized) this long are looked up by reconciliation.
    static constexpr qint64 kReconcileAfterMs = 60'000;

    OrderPayments(db::Database& db, OrderService& orders, payments::PaymentProvider& provider,
                  jobs::JobQueue& jobs);

    const payments::PaymentProvider& provider() const { return m_provider; }
    // Called once a stored webhook event and its job have committed (to wake the workers).
    void onEventStored(std::function<void()> stored) { m_eventStored = std::move(stored); }

    // The buyer's checkout for an escrow order awaiting payment: the open one again, or a new
    // payment whose checkout returns the browser to `returnBaseUrl`/payments/return/{provider}.
    Result<Checkout> start(const QString& orderId, const QString& buyerId,
                           const QString& returnBaseUrl);
    // The browser came back from checkout with this query: settles the payment it names.
    Result<Order> settleReturn(const QMap<QString, QString>& query);
    // Looks the payment up, confirms it when the card approved it and applies what it is.
    Result<Order> settle(const QString& paymentId);
    // A webhook request: checked (unauthorized when the signature or its time is wrong),
    // stored once per event id with a job to process it, in one write. not_found for another
    // provider's name.
    Result<void> receiveWebhook(const QString& providerName, const QMap<QByteArray, QByteArray>& headers,
                                const QByteArray& body);
    // The job's work for one stored event.
    Result<void> processEvent(const QString& eventId, const QString& paymentId);
    // Cancels an order: one that is paid is refunded in full at the provider first.
    Result<Order> cancel(const QString& orderId, const QString& userId, const QString& reason);
    // Settles open payments older than kReconcileAfterMs; returns how many it looked up.
    Result<int> reconcile();

private:
    Result<Order> apply(const PaymentRecord& payment, const QString& status);

    db::Database& m_db;
    OrderService& m_orders;
    payments::PaymentProvider& m_provider;
    jobs::JobQueue& m_jobs;
    std::function<void()> m_eventStored;
};

} // namespace bitmarket::server::orders
