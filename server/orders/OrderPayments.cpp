#include "orders/OrderPayments.h"

#include <QLoggingCategory>

namespace bitmarket::server::orders {

Q_LOGGING_CATEGORY(lcOrderPayments, "bitmarket.orders.payments")

const QString OrderPayments::kEventKind = QStringLiteral("orders.payment-event");
const QString OrderPayments::kRefundKind = QStringLiteral("orders.payment-refund");

namespace {

ApiError notPayable() {
    return ApiError::of(ErrorCode::InvalidState, QStringLiteral("This order is not awaiting payment."));
}

ApiError unknownPayment() { return ApiError::notFound(QStringLiteral("No such payment.")); }

const QString kNotTaken = QStringLiteral("The order does not take this payment.");

// What the provider says is the payment the server asked for: the same order and amount.
bool asAsked(const PaymentRecord& ours, const payments::ProviderPayment& theirs) {
    return theirs.orderId == ours.orderId && theirs.amount.amount == ours.amount.amount;
}

// A payment in this status has taken the buyer's money or still can.
bool holdsMoney(const QString& status) {
    return status == u"pending" || status == u"authorized" || status == u"paid";
}

// Whether a signed event (saying `said`) tells only what the server already learnt from the
// provider itself of a decided payment. An open payment is always settled again: its confirm
// may not have been made yet.
bool alreadyKnown(db::Connection& c, const QString& provider, const QString& paymentId,
                  const QString& said) {
    if (said.isEmpty())
        return false;
    const auto payment = PaymentTable::find(c, provider, paymentId);
    return payment && payment->status == said && !payment->open();
}

// Records the provider's status of a payment; whether it changed.
bool recordStatusIn(db::Connection& c, const PaymentRecord& payment, const QString& status,
                    qint64 nowMs) {
    const auto current = PaymentTable::find(c, payment.provider, payment.id);
    if (!current || current->status == status)
        return false;
    PaymentTable::setStatus(c, payment.provider, payment.id, status, nowMs);
    return true;
}

} // namespace

OrderPayments::OrderPayments(db::Database& db, OrderService& orders,
                             payments::PaymentProvider& provider, jobs::JobQueue& jobs,
                             qint64 refundCheckAfterMs)
    : m_db(db), m_orders(orders), m_provider(provider), m_jobs(jobs),
      m_refundCheckAfterMs(refundCheckAfterMs) {}

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

Result<Order> OrderPayments::settle(const QString& paymentId, const QString& said,
                                    const QString& eventId) {
    struct Known {
        PaymentRecord payment;
        QString orderStatus;
    };
    auto known = m_db.read([&](db::Connection& c) -> Result<Known> {
        auto payment = PaymentTable::find(c, m_provider.name(), paymentId);
        if (!payment)
            return unknownPayment();
        return Known{*payment, OrderTable::statusOf(c, payment->orderId).value_or(QString())};
    });
    if (!known)
        return known.error();
    const PaymentRecord& ours = known->payment;
    const bool orderTakesIt = known->orderStatus == u"awaiting_payment";
    payments::ProviderPayment theirs;
    std::optional<payments::ProviderPayment> confirmed;
    if (said == u"authorized" && orderTakesIt && ours.open()) {
        // The provider checks the amount; on any refusal the payment is looked up below.
        if (auto c = m_provider.confirm(paymentId, ours.orderId, ours.amount); c && asAsked(ours, *c))
            confirmed = *c;
    }
    if (confirmed)
        theirs = *confirmed;
    else
        BITMARKET_TRY(theirs, m_provider.lookUp(paymentId));
    if (!asAsked(ours, theirs))
        qCWarning(lcOrderPayments).noquote() << "payment" << paymentId << "does not match order"
                                             << ours.orderId << "; giving it back";
    else if (theirs.status == u"authorized" && orderTakesIt)
        BITMARKET_TRY(theirs, m_provider.confirm(paymentId, ours.orderId, ours.amount));
    Applied applied;
    BITMARKET_TRY(applied, apply(ours, theirs, eventId));
    if (applied.refund)
        return giveBackNow(paymentId, kNotTaken, applied.order);
    return applied.order;
}

Result<OrderPayments::Applied> OrderPayments::apply(const PaymentRecord& payment,
                                                    const payments::ProviderPayment& theirs,
                                                    const QString& eventId) {
    const qint64 t = m_orders.now();
    return m_db.write([&](db::Connection& c) -> Result<Applied> {
        if (!eventId.isEmpty())
            PaymentTable::markEventProcessed(c, m_provider.name(), eventId, t);
        StoredOrder stored;
        BITMARKET_TRY(stored, OrderService::partyOrder(c, payment.orderId, {}));
        const QString& orderStatus = stored.order.status;
        const auto paidBy = PaymentTable::paidFor(c, payment.orderId);
        const bool changed = recordStatusIn(c, payment, theirs.status, t);
        const bool asked = asAsked(payment, theirs);
        // The order is paid by the first payment seen paid, once.
        if (asked && theirs.status == u"paid" && orderStatus == u"awaiting_payment") {
            Order paid;
            BITMARKET_TRY(paid, m_orders.markPaidIn(c, stored, t));
            return Applied{paid, false};
        }
        // Every other payment holding money goes back: one paid after the order was cancelled
        // or its time ran out, a second one after another paid the order, one not as asked.
        const bool theOrders = asked && (orderStatus == u"awaiting_payment" ||
                                         (paidBy && paidBy->id == payment.id));
        const bool refund = !theOrders && holdsMoney(theirs.status);
        if (refund) {
            if (auto queued = queueRefundIn(c, payment.id, kNotTaken, t); !queued)
                return queued.error();
        }
        const Order order = changed ? m_orders.announceIn(c, payment.orderId)
                                    : *OrderTable::find(c, payment.orderId);
        return Applied{order, refund};
    });
}

Result<void> OrderPayments::queueRefundIn(db::Connection& c, const QString& paymentId,
                                          const QString& reason, qint64 nowMs) {
    jobs::JobQueue::NewJob job;
    job.kind = kRefundKind;
    job.payload = QJsonObject{{"paymentId", paymentId}, {"reason", reason}};
    job.runAtMs = nowMs + m_refundCheckAfterMs;
    job.uniqueKey = QStringLiteral("refund:") + paymentId;
    if (auto queued = m_jobs.enqueueIn(c, job); !queued)
        return queued.error();
    return {};
}

Result<Order> OrderPayments::giveBack(const QString& paymentId, const QString& reason) {
    payments::ProviderPayment theirs;
    BITMARKET_TRY(theirs, m_provider.lookUp(paymentId));
    if (holdsMoney(theirs.status))
        BITMARKET_TRY(theirs, m_provider.refund(paymentId, reason));
    const qint64 t = m_orders.now();
    return m_db.write([&](db::Connection& c) -> Result<Order> {
        const auto payment = PaymentTable::find(c, m_provider.name(), paymentId);
        if (!payment)
            return unknownPayment();
        if (recordStatusIn(c, *payment, theirs.status, t))
            return m_orders.announceIn(c, payment->orderId);
        return *OrderTable::find(c, payment->orderId);
    });
}

Order OrderPayments::giveBackNow(const QString& paymentId, const QString& reason,
                                 const Order& order) {
    auto back = giveBack(paymentId, reason);
    if (back)
        return *back;
    qCWarning(lcOrderPayments).noquote() << "giving payment" << paymentId
                                         << "back failed for now; its job retries:"
                                         << back.error().message;
    return order;
}

Result<void> OrderPayments::receiveWebhook(const QString& providerName,
                                           const QMap<QByteArray, QByteArray>& headers,
                                           const QByteArray& body) {
    if (providerName != m_provider.name())
        return ApiError::notFound(QStringLiteral("This server does not take payments from that provider."));
    payments::WebhookNotice notice;
    BITMARKET_TRY(notice, m_provider.readWebhook(headers, body, m_orders.now()));
    enum class Seen { New, Stored, Known };
    auto seen = m_db.read([&](db::Connection& c) -> Result<Seen> {
        if (PaymentTable::hasEvent(c, m_provider.name(), notice.eventId))
            return Seen::Stored;
        return alreadyKnown(c, m_provider.name(), notice.paymentId, notice.status) ? Seen::Known
                                                                                   : Seen::New;
    });
    if (!seen)
        return seen.error();
    if (*seen == Seen::Stored)
        return {};
    if (*seen == Seen::Known) {
        // It says only what is already stored of a decided payment: losing its record in a crash
        // changes nothing, so the provider is answered without waiting for a commit.
        m_db.writeDetached([provider = m_provider.name(), notice, body, t = m_orders.now()](
                               db::Connection& c) {
            if (PaymentTable::recordEvent(c, provider, notice.eventId, notice.paymentId, body, t))
                PaymentTable::markEventProcessed(c, provider, notice.eventId, t);
        });
        return {};
    }
    const qint64 t = m_orders.now();
    auto stored = m_db.write([&](db::Connection& c) -> Result<bool> {
        if (!PaymentTable::recordEvent(c, m_provider.name(), notice.eventId, notice.paymentId, body, t))
            return false;
        if (alreadyKnown(c, m_provider.name(), notice.paymentId, notice.status)) {
            PaymentTable::markEventProcessed(c, m_provider.name(), notice.eventId, t);
            return true;
        }
        jobs::JobQueue::NewJob job;
        job.kind = kEventKind;
        job.payload = QJsonObject{
            {"eventId", notice.eventId}, {"paymentId", notice.paymentId}, {"status", notice.status}};
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

Result<void> OrderPayments::processEvent(const QString& eventId, const QString& paymentId,
                                         const QString& said) {
    // Known by now when the server learnt it after the event was stored.
    auto known = m_db.read([&](db::Connection& c) -> Result<bool> {
        return alreadyKnown(c, m_provider.name(), paymentId, said);
    });
    if (!known)
        return known.error();
    if (!*known) {
        auto settled = settle(paymentId, said, eventId);
        if (settled)
            return {};
        // An event about a payment this server never asked for changes nothing; it is done with.
        if (settled.error().code != ErrorCode::NotFound)
            return settled.error();
    }
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
    struct Cancelled {
        Order order;
        QString refundedPaymentId; // empty: nothing was paid
    };
    const qint64 t = m_orders.now();
    auto cancelled = m_db.write([&](db::Connection& c) -> Result<Cancelled> {
        StoredOrder stored;
        BITMARKET_TRY(stored, OrderService::partyOrder(c, orderId, userId));
        Order order;
        if (stored.order.status != u"paid") {
            BITMARKET_TRY(order, m_orders.cancelUnpaidIn(c, stored, userId, reason, t));
            return Cancelled{order, {}};
        }
        const auto payment = PaymentTable::paidFor(c, orderId);
        BITMARKET_TRY(order, m_orders.refundIn(c, stored, reason, userId, t));
        if (!payment)
            return Cancelled{order, {}};
        if (auto queued = queueRefundIn(c, payment->id, reason, t); !queued)
            return queued.error();
        return Cancelled{order, payment->id};
    });
    if (!cancelled)
        return cancelled.error();
    if (cancelled->refundedPaymentId.isEmpty())
        return cancelled->order;
    return giveBackNow(cancelled->refundedPaymentId, reason, cancelled->order);
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
