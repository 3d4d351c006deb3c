#include "orders/OrderPayments.h"

#include <QLoggingCategory>

namespace bitmarket::server::orders {

Q_LOGGING_CATEGORY(lcOrderPayments, "bitmarket.orders.payments")

const QString OrderPayments::kEventKind = QStringLiteral("orders.payment-event");

namespace {

ApiError notPayable() {
    return ApiError::of(ErrorCode::InvalidState, QStringLiteral("This order is not awaiting payment."));
}

ApiError unknownPayment() { return ApiError::notFound(QStringLiteral("No such payment.")); }

} // namespace

OrderPayments::OrderPayments(db::Database& db, OrderService& orders,
                             payments::PaymentProvider& provider, jobs::JobQueue& jobs)
    : m_db(db), m_orders(orders), m_provider(provider), m_jobs(jobs) {}

Result<Checkout> OrderPayments::start(const QString& orderId, const QString& buyerId,
                                      const QString& returnBaseUrl) {
    struct Ask {
        Order order;
        std::optional<PaymentRecord> open;
        int attempts = 0;
    };
    auto ask = m_db.read([&](db::Connection& c) -> Result<Ask> {
        StoredOrder stored;
        BITMARKET_TRY(stored, OrderService::partyOrder(c, orderId, buyerId));
        if (stored.order.buyerId != buyerId)
            return ApiError::forbidden(QStringLiteral("Only the buyer pays for the order."));
        if (stored.order.method != u"escrow" || stored.order.status != u"awaiting_payment")
            return notPayable();
        auto q = c.query("SELECT count(*) FROM payments WHERE order_id = ?1");
        q.bind(orderId);
        q.next();
        return Ask{stored.order, PaymentTable::openFor(c, orderId), int(q.integer(0))};
    });
    if (!ask)
        return ask.error();
    if (ask->open && ask->open->provider == m_provider.name())
        return Checkout{ask->open->id, ask->open->checkoutUrl};
    payments::PaymentRequest request{orderId, ask->order.listingTitle, ask->order.amount,
                                     returnBaseUrl + QStringLiteral("/payments/return/") + m_provider.name(),
                                     orderId + u':' + QString::number(ask->attempts + 1)};
    payments::ProviderPayment created;
    BITMARKET_TRY(created, m_provider.create(request));
    const qint64 t = m_orders.now();
    return m_db.write([&](db::Connection& c) -> Result<Checkout> {
        auto stored = OrderTable::findStored(c, orderId);
        if (!stored || stored->order.status != u"awaiting_payment")
            return notPayable();
        if (!PaymentTable::find(c, m_provider.name(), created.id))
            PaymentTable::insert(c, PaymentRecord{created.id, m_provider.name(), orderId,
                                                  ask->order.amount, QStringLiteral("pending"),
                                                  created.checkoutUrl, t, t});
        return Checkout{created.id, created.checkoutUrl};
    });
}

Result<Order> OrderPayments::settleReturn(const QMap<QString, QString>& query) {
    const payments::PaymentProvider::Return back = m_provider.readReturn(query);
    if (back.paymentId.isEmpty())
        return ApiError::validation(QStringLiteral("The checkout did not say which payment."));
    if (back.amount) {
        // The amount the browser carries is the buyer's to change: it must be the order's.
        auto recorded = m_db.read([&](db::Connection& c) -> Result<PaymentRecord> {
            auto payment = PaymentTable::find(c, m_provider.name(), back.paymentId);
            if (!payment)
                return unknownPayment();
            return *payment;
        });
        if (!recorded)
            return recorded.error();
        if (recorded->amount.amount != *back.amount)
            return ApiError::validation(
                QStringLiteral("The amount is not the order's; the payment was not confirmed."),
                "amount");
    }
    return settle(back.paymentId);
}

Result<Order> OrderPayments::settle(const QString& paymentId) {
    struct Known {
        PaymentRecord payment;
        QString orderStatus;
    };
    auto known = m_db.read([&](db::Connection& c) -> Result<Known> {
        auto payment = PaymentTable::find(c, m_provider.name(), paymentId);
        if (!payment)
            return unknownPayment();
        return Known{*payment, OrderTable::find(c, payment->orderId)->status};
    });
    if (!known)
        return known.error();
    const PaymentRecord& ours = known->payment;
    payments::ProviderPayment theirs;
    BITMARKET_TRY(theirs, m_provider.lookUp(paymentId));
    if (theirs.orderId != ours.orderId || theirs.amount.amount != ours.amount.amount) {
        // Not the payment the server asked for: nothing of it is applied, and it is given back.
        qCWarning(lcOrderPayments).noquote() << "payment" << paymentId << "does not match order"
                                             << ours.orderId << "; cancelling it";
        if (theirs.status == u"authorized" || theirs.status == u"paid")
            BITMARKET_TRY(theirs, m_provider.refund(paymentId, QStringLiteral("Amount mismatch")));
        return apply(ours, theirs.status == u"refunded" ? QStringLiteral("cancelled") : theirs.status);
    }
    const bool orderTakesIt = known->orderStatus == u"awaiting_payment";
    const bool orderCancelled = known->orderStatus == u"cancelled";
    if (theirs.status == u"authorized" && orderTakesIt)
        BITMARKET_TRY(theirs, m_provider.confirm(paymentId, ours.orderId, ours.amount));
    else if (orderCancelled && (theirs.status == u"pending" || theirs.status == u"authorized" ||
                                theirs.status == u"paid"))
        // The order's time ran out first: the payment is called off, or its money goes back.
        BITMARKET_TRY(theirs, m_provider.refund(paymentId, QStringLiteral("The order was cancelled.")));
    return apply(ours, theirs.status);
}

Result<Order> OrderPayments::apply(const PaymentRecord& payment, const QString& status) {
    const qint64 t = m_orders.now();
    return m_db.write([&](db::Connection& c) -> Result<Order> {
        StoredOrder stored;
        BITMARKET_TRY(stored, OrderService::partyOrder(c, payment.orderId, {}));
        const auto current = PaymentTable::find(c, payment.provider, payment.id);
        if (current && current->status != status)
            PaymentTable::setStatus(c, payment.provider, payment.id, status, t);
        // The order is paid by the first payment seen paid, once.
        if (status == u"paid" && stored.order.status == u"awaiting_payment")
            return m_orders.markPaidIn(c, stored, t);
        return *OrderTable::find(c, payment.orderId);
    });
}

Result<void> OrderPayments::receiveWebhook(const QString& providerName,
                                           const QMap<QByteArray, QByteArray>& headers,
                                           const QByteArray& body) {
    if (providerName != m_provider.name())
        return ApiError::notFound(QStringLiteral("This server does not take payments from that provider."));
    payments::WebhookNotice notice;
    BITMARKET_TRY(notice, m_provider.readWebhook(headers, body, m_orders.now()));
    const qint64 t = m_orders.now();
    auto stored = m_db.write([&](db::Connection& c) -> Result<bool> {
        if (!PaymentTable::recordEvent(c, m_provider.name(), notice.eventId, notice.paymentId, body, t))
            return false;
        jobs::JobQueue::NewJob job;
        job.kind = kEventKind;
        job.payload = QJsonObject{{"eventId", notice.eventId}, {"paymentId", notice.paymentId}};
        if (auto queued = m_jobs.enqueueIn(c, job); !queued)
            return queued.error();
        if (m_eventStored)
            c.afterCommit(m_eventStored);
        return true;
    });
    if (!stored)
        return stored.error();
    return {};
}

Result<void> OrderPayments::processEvent(const QString& eventId, const QString& paymentId) {
    auto settled = settle(paymentId);
    // An event about a payment this server never asked for changes nothing; it is done with.
    if (!settled && settled.error().code != ErrorCode::NotFound)
        return settled.error();
    const qint64 t = m_orders.now();
    auto marked = m_db.write([&](db::Connection& c) -> Result<bool> {
        PaymentTable::markEventProcessed(c, m_provider.name(), eventId, t);
        return true;
    });
    if (!marked)
        return marked.error();
    return {};
}

Result<Order> OrderPayments::cancel(const QString& orderId, const QString& userId,
                                    const QString& reason) {
    auto paid = m_db.read([&](db::Connection& c) -> Result<std::optional<PaymentRecord>> {
        StoredOrder stored;
        BITMARKET_TRY(stored, OrderService::partyOrder(c, orderId, userId));
        if (stored.order.status != u"paid")
            return std::optional<PaymentRecord>();
        return PaymentTable::paidFor(c, orderId);
    });
    if (!paid)
        return paid.error();
    if (!*paid)
        return m_orders.cancelUnpaid(orderId, userId, reason);
    const PaymentRecord payment = **paid;
    payments::ProviderPayment refunded;
    BITMARKET_TRY(refunded, m_provider.refund(payment.id, reason));
    const qint64 t = m_orders.now();
    return m_db.write([&](db::Connection& c) -> Result<Order> {
        StoredOrder stored;
        BITMARKET_TRY(stored, OrderService::partyOrder(c, orderId, userId));
        PaymentTable::setStatus(c, payment.provider, payment.id, refunded.status, t);
        if (stored.order.status != u"paid")
            return ApiError::of(ErrorCode::InvalidState,
                                QStringLiteral("This order cannot take that step in its current status."));
        return m_orders.refundIn(c, stored, reason, userId, t);
    });
}

Result<int> OrderPayments::reconcile() {
    const qint64 cutoff = m_orders.now() - kReconcileAfterMs;
    auto open = m_db.read([&](db::Connection& c) -> Result<QList<PaymentRecord>> {
        return PaymentTable::openSince(c, cutoff, 100);
    });
    if (!open)
        return open.error();
    for (const PaymentRecord& p : *open) {
        if (p.provider != m_provider.name())
            continue;
        if (auto settled = settle(p.id); !settled)
            qCWarning(lcOrderPayments).noquote() << "reconciling" << p.id << ":" << settled.error().message;
    }
    return int(open->size());
}

} // namespace bitmarket::server::orders
