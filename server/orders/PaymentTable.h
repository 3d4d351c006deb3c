// Owns payments and payment_events: the payments the server asked its provider for, with what
// it last confirmed of each by looking it up, and the provider's webhook events as received
// (once per event id). Runs inside the caller's read or write.
#pragma once

#include "bitmarket/Money.h"
#include "db/Connection.h"

#include <QList>
#include <optional>

namespace bitmarket::server::orders {

struct PaymentRecord {
    QString id; // the provider's
    QString provider;
    QString orderId;
    Money amount;
    QString status; // pending, authorized, paid, declined, expired, refunded, cancelled
    QString checkoutUrl;
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;

    bool open() const { return status == u"pending" || status == u"authorized"; }
};

class PaymentTable {
public:
    static void insert(db::Connection& c, const PaymentRecord& payment);
    static std::optional<PaymentRecord> find(db::Connection& c, const QString& provider,
                                             const QString& paymentId);
    // The order's payment the buyer may still complete (pending or authorized), if any.
    static std::optional<PaymentRecord> openFor(db::Connection& c, const QString& orderId);
    // The order's paid payment, if any.
    static std::optional<PaymentRecord> paidFor(db::Connection& c, const QString& orderId);
    static void setStatus(db::Connection& c, const QString& provider, const QString& paymentId,
                          const QString& status, qint64 nowMs);
    // Open payments untouched since before `beforeMs`, oldest first: what reconciliation asks about.
    static QList<PaymentRecord> openSince(db::Connection& c, qint64 beforeMs, int limit);

    // Stores a webhook event; false when this event id was stored before.
    static bool recordEvent(db::Connection& c, const QString& provider, const QString& eventId,
                            const QString& paymentId, const QByteArray& body, qint64 nowMs);
    static bool hasEvent(db::Connection& c, const QString& provider, const QString& eventId);
    static void markEventProcessed(db::Connection& c, const QString& provider,
                                   const QString& eventId, qint64 nowMs);
};

} // namespace bitmarket::server::orders
