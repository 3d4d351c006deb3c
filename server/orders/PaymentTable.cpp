#include "orders/PaymentTable.h"

namespace bitmarket::server::orders {

namespace {

constexpr const char* kSelect =
    "SELECT id, provider, order_id, amount, currency, status, checkout_url, created_at, "
    "updated_at FROM payments ";

PaymentRecord paymentFromRow(const db::Query& q) {
    return PaymentRecord{q.text(0), q.text(1), q.text(2), Money{q.integer(3), q.text(4)},
                         q.text(5), q.text(6), q.integer(7), q.integer(8)};
}

std::optional<PaymentRecord> one(db::Query q) {
    if (!q.next())
        return std::nullopt;
    return paymentFromRow(q);
}

} // namespace

void PaymentTable::insert(db::Connection& c, const PaymentRecord& p) {
    c.query("INSERT INTO payments (id, provider, order_id, amount, currency, status, "
            "checkout_url, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)")
        .bind(p.id, p.provider, p.orderId, p.amount.amount, p.amount.currency, p.status,
              p.checkoutUrl, p.createdAtMs)
        .run();
}

std::optional<PaymentRecord> PaymentTable::find(db::Connection& c, const QString& provider,
                                                const QString& paymentId) {
    auto q = c.query(std::string(kSelect) + "WHERE provider = ?1 AND id = ?2");
    q.bind(provider, paymentId);
    return one(std::move(q));
}

std::optional<PaymentRecord> PaymentTable::openFor(db::Connection& c, const QString& orderId) {
    auto q = c.query(std::string(kSelect) +
                     "WHERE order_id = ?1 AND status IN ('pending', 'authorized') "
                     "ORDER BY seq DESC LIMIT 1");
    q.bind(orderId);
    return one(std::move(q));
}

std::optional<PaymentRecord> PaymentTable::paidFor(db::Connection& c, const QString& orderId) {
    auto q = c.query(std::string(kSelect) + "WHERE order_id = ?1 AND status = 'paid' LIMIT 1");
    q.bind(orderId);
    return one(std::move(q));
}

void PaymentTable::setStatus(db::Connection& c, const QString& provider, const QString& paymentId,
                             const QString& status, qint64 nowMs) {
    c.query("UPDATE payments SET status = ?3, updated_at = ?4 WHERE provider = ?1 AND id = ?2")
        .bind(provider, paymentId, status, nowMs)
        .run();
}

QList<PaymentRecord> PaymentTable::openSince(db::Connection& c, qint64 beforeMs, int limit) {
    auto q = c.query(std::string(kSelect) +
                     "WHERE status IN ('pending', 'authorized') AND updated_at < ?1 "
                     "ORDER BY updated_at LIMIT ?2");
    q.bind(beforeMs, limit);
    QList<PaymentRecord> out;
    while (q.next())
        out.append(paymentFromRow(q));
    return out;
}

bool PaymentTable::recordEvent(db::Connection& c, const QString& provider, const QString& eventId,
                               const QString& paymentId, const QByteArray& body, qint64 nowMs) {
    c.query("INSERT OR IGNORE INTO payment_events (provider, event_id, payment_id, body, "
            "received_at) VALUES (?1, ?2, ?3, ?4, ?5)")
        .bind(provider, eventId, paymentId, QString::fromUtf8(body), nowMs)
        .run();
    return c.changes() > 0;
}

bool PaymentTable::hasEvent(db::Connection& c, const QString& provider, const QString& eventId) {
    auto q = c.query("SELECT 1 FROM payment_events WHERE provider = ?1 AND event_id = ?2");
    q.bind(provider, eventId);
    return q.next();
}

void PaymentTable::markEventProcessed(db::Connection& c, const QString& provider,
                                      const QString& eventId, qint64 nowMs) {
    c.query("UPDATE payment_events SET processed_at = ?3 WHERE provider = ?1 AND event_id = ?2 "
            "AND processed_at IS NULL")
        .bind(provider, eventId, nowMs)
        .run();
}

} // namespace bitmarket::server::orders
