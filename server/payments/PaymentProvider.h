// A card provider as the server sees it: create a payment the buyer completes on the
// provider's checkout page, confirm it server to server with the amount the server expects,
// look it up, refund it, pay a seller out, and read its webhooks. Every call goes over the
// network and may be slow or fail: callers make them off the database writer, and treat a
// webhook only as a hint to look the payment up.
#pragma once

#include "bitmarket/Money.h"
#include "bitmarket/Result.h"

#include <QByteArray>
#include <QMap>
#include <optional>
#include <QString>

namespace bitmarket::server::payments {

// What the provider says of a payment. status: pending (not decided at checkout), authorized
// (the card approved; the merchant must confirm), paid, declined, expired, refunded, cancelled.
struct ProviderPayment {
    QString id;
    QString orderId;
    Money amount;
    QString status;
    QString checkoutUrl;
};

struct PaymentRequest {
    QString orderId;
    QString orderName;
    Money amount;
    QString returnUrl;      // where the checkout sends the browser back (to the server)
    QString idempotencyKey; // the same key asks for the same payment again
};

struct PayoutRequest {
    QString payoutId; // the server's; the provider pays each id once
    QString recipient;
    Money amount;
};

// A webhook the provider signed: which event, about which payment, and the status the event
// says the payment now has (empty when the provider does not sign its events: then nothing in
// them is believed).
struct WebhookNotice {
    QString eventId;
    QString paymentId;
    QString status;
};

class PaymentProvider {
public:
    virtual ~PaymentProvider() = default;

    // "sandbox" or "toss": the name in /payments/webhooks/{provider} and /payments/return/{provider}.
    virtual QString name() const = 0;
    virtual Result<ProviderPayment> create(const PaymentRequest& request) = 0;
    virtual Result<ProviderPayment> confirm(const QString& paymentId, const QString& orderId,
                                            const Money& amount) = 0;
    virtual Result<ProviderPayment> lookUp(const QString& paymentId) = 0;
    virtual Result<ProviderPayment> refund(const QString& paymentId, const QString& reason) = 0;
    virtual Result<void> payOut(const PayoutRequest& request) = 0;
    // The event a webhook request carries, once its signature and time are checked
    // (unauthorized when they are not; validation_failed when the body is not an event).
    virtual Result<WebhookNotice> readWebhook(const QMap<QByteArray, QByteArray>& headers,
                                              const QByteArray& body, qint64 nowMs) = 0;
    // The payment a browser comes back with on the return page; for Toss the amount it
    // carries must be the order's.
    struct Return {
        QString paymentId;
        std::optional<qint64> amount;
    };
    virtual Return readReturn(const QMap<QString, QString>& query) const = 0;
};

} // namespace bitmarket::server::payments
