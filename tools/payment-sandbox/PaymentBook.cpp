#include "PaymentBook.h"

#include <QDateTime>
#include <QUuid>

namespace sandbox {

qint64 nowMs() { return QDateTime::currentMSecsSinceEpoch(); }

namespace {
QString newKey(const char* prefix) {
    return QLatin1String(prefix) + QUuid::createUuid().toString(QUuid::Id128).left(24);
}
} // namespace

Outcome<Payment> PaymentBook::create(const Payment& draft, const QString& idempotencyKey) {
    std::lock_guard lock(m_mutex);
    if (!idempotencyKey.isEmpty()) {
        if (auto it = m_byKey.constFind(idempotencyKey); it != m_byKey.cend()) {
            const Payment& first = m_payments[*it];
            if (first.orderId != draft.orderId || first.amount != draft.amount)
                return Outcome<Payment>::refused(
                    409, QStringLiteral("IDEMPOTENCY_CONFLICT"),
                    QStringLiteral("This idempotency key was used for another payment."));
            return Outcome<Payment>{first, {}, true};
        }
    }
    Payment p = draft;
    p.id = newKey("pay_");
    p.status = QStringLiteral("pending");
    p.createdAtMs = p.updatedAtMs = nowMs();
    m_payments.insert(p.id, p);
    m_byOrder.insert(p.orderId, p.id);
    if (!idempotencyKey.isEmpty())
        m_byKey.insert(idempotencyKey, p.id);
    return Outcome<Payment>{p};
}

std::optional<Payment> PaymentBook::find(const QString& paymentId) const {
    std::lock_guard lock(m_mutex);
    if (auto it = m_payments.constFind(paymentId); it != m_payments.cend())
        return *it;
    return std::nullopt;
}

std::optional<Payment> PaymentBook::findByOrder(const QString& orderId) const {
    std::lock_guard lock(m_mutex);
    if (auto it = m_byOrder.constFind(orderId); it != m_byOrder.cend())
        return m_payments.value(*it);
    return std::nullopt;
}

Outcome<Payment> PaymentBook::change(const QString& paymentId, const QString& status) {
    Payment& p = m_payments[paymentId];
    p.status = status;
    p.updatedAtMs = nowMs();
    return Outcome<Payment>{p};
}

Outcome<Payment> PaymentBook::decide(const QString& paymentId, const QString& status) {
    std::lock_guard lock(m_mutex);
    if (!m_payments.contains(paymentId))
        return Outcome<Payment>::refused(404, QStringLiteral("NOT_FOUND_PAYMENT"),
                                         QStringLiteral("No such payment."));
    if (m_payments[paymentId].status != u"pending")
        return Outcome<Payment>::refused(409, QStringLiteral("ALREADY_PROCESSED_PAYMENT"),
                                         QStringLiteral("This payment was already decided."));
    return change(paymentId, status);
}

Outcome<Payment> PaymentBook::confirm(const QString& paymentId, const QString& orderId,
                                      qint64 amount) {
    std::lock_guard lock(m_mutex);
    if (!m_payments.contains(paymentId))
        return Outcome<Payment>::refused(404, QStringLiteral("NOT_FOUND_PAYMENT"),
                                         QStringLiteral("No such payment."));
    const Payment& p = m_payments[paymentId];
    if (p.orderId != orderId || p.amount != amount)
        return Outcome<Payment>::refused(
            400, QStringLiteral("INVALID_AMOUNT"),
            QStringLiteral("The order or amount is not the one the payment was created with."));
    if (p.status == u"paid")
        return Outcome<Payment>{p, {}, true};
    if (p.status != u"authorized")
        return Outcome<Payment>::refused(409, QStringLiteral("NOT_AUTHORIZED_PAYMENT"),
                                         QStringLiteral("The card has not approved this payment."));
    Outcome<Payment> done = change(paymentId, QStringLiteral("paid"));
    m_payments[paymentId].approvedAtMs = m_payments[paymentId].updatedAtMs;
    done.value->approvedAtMs = done.value->updatedAtMs;
    return done;
}

Outcome<Payment> PaymentBook::cancel(const QString& paymentId, const QString& reason) {
    std::lock_guard lock(m_mutex);
    if (!m_payments.contains(paymentId))
        return Outcome<Payment>::refused(404, QStringLiteral("NOT_FOUND_PAYMENT"),
                                         QStringLiteral("No such payment."));
    const Payment& p = m_payments[paymentId];
    if (p.status == u"refunded" || p.status == u"cancelled")
        return Outcome<Payment>{p, {}, true};
    if (p.status == u"declined" || p.status == u"expired")
        return Outcome<Payment>::refused(409, QStringLiteral("NOT_CANCELABLE_PAYMENT"),
                                         QStringLiteral("Nothing was charged on this payment."));
    m_payments[paymentId].cancelReason = reason;
    return change(paymentId, p.status == u"paid" ? QStringLiteral("refunded")
                                                 : QStringLiteral("cancelled"));
}

Outcome<Payout> PaymentBook::payOut(const Payout& draft) {
    std::lock_guard lock(m_mutex);
    if (auto it = m_payouts.constFind(draft.id); it != m_payouts.cend()) {
        if (it->amount != draft.amount || it->recipient != draft.recipient)
            return Outcome<Payout>::refused(409, QStringLiteral("IDEMPOTENCY_CONFLICT"),
                                            QStringLiteral("This payout id was used for another payout."));
        return Outcome<Payout>{*it, {}, true};
    }
    Payout p = draft;
    p.createdAtMs = nowMs();
    m_payouts.insert(p.id, p);
    m_payoutOrder.append(p.id);
    return Outcome<Payout>{p};
}

QList<Payout> PaymentBook::payouts() const {
    std::lock_guard lock(m_mutex);
    QList<Payout> out;
    for (const QString& id : m_payoutOrder)
        out.append(m_payouts.value(id));
    return out;
}

} // namespace sandbox
