#include "payments/SandboxProvider.h"

#include "payments/ProviderReplies.h"
#include "payments/WebhookSignature.h"

#include <QJsonDocument>

namespace bitmarket::server::payments {

namespace {

QString sandboxRefusal(const QJsonObject& body) {
    return body.value("error").toObject().value("message").toString();
}

} // namespace

SandboxProvider::SandboxProvider(ProviderHttp& http, QUrl apiUrl, QByteArray secret)
    : m_http(http), m_apiUrl(std::move(apiUrl)), m_secret(std::move(secret)) {}

Result<QJsonObject> SandboxProvider::call(const QByteArray& method, const QString& path,
                                          const QJsonObject& body, const QString& idempotencyKey) {
    return callProvider(m_http, m_apiUrl, "Bearer " + m_secret, {method, path, body, idempotencyKey},
                        sandboxRefusal);
}

Result<ProviderPayment> SandboxProvider::paymentCall(const QByteArray& method, const QString& path,
                                                     const QJsonObject& body,
                                                     const QString& idempotencyKey) {
    QJsonObject answer;
    BITMARKET_TRY(answer, call(method, path, body, idempotencyKey));
    const QJsonObject p = answer.value("payment").toObject();
    const QJsonObject amount = p.value("amount").toObject();
    return ProviderPayment{p.value("id").toString(), p.value("orderId").toString(),
                           Money{amount.value("amount").toInteger(), amount.value("currency").toString()},
                           p.value("status").toString(), p.value("checkoutUrl").toString()};
}

Result<ProviderPayment> SandboxProvider::create(const PaymentRequest& r) {
    return paymentCall("POST", QStringLiteral("/api/payments"),
                       QJsonObject{{"orderId", r.orderId},
                                   {"orderName", r.orderName},
                                   {"amount", r.amount.toJson()},
                                   {"returnUrl", r.returnUrl}},
                       r.idempotencyKey);
}

Result<ProviderPayment> SandboxProvider::confirm(const QString& paymentId, const QString& orderId,
                                                 const Money& amount) {
    return paymentCall("POST", QStringLiteral("/api/payments/%1/confirm").arg(paymentId),
                       QJsonObject{{"orderId", orderId}, {"amount", amount.toJson()}});
}

Result<ProviderPayment> SandboxProvider::lookUp(const QString& paymentId) {
    return paymentCall("GET", QStringLiteral("/api/payments/%1").arg(paymentId));
}

Result<ProviderPayment> SandboxProvider::refund(const QString& paymentId, const QString& reason) {
    return paymentCall("POST", QStringLiteral("/api/payments/%1/refund").arg(paymentId),
                       QJsonObject{{"reason", reason}});
}

Result<void> SandboxProvider::payOut(const PayoutRequest& r) {
    QJsonObject answer;
    BITMARKET_TRY(answer, call("POST", QStringLiteral("/api/payouts"),
                               QJsonObject{{"payoutId", r.payoutId},
                                           {"recipient", r.recipient},
                                           {"amount", r.amount.toJson()}}));
    return {};
}

Result<WebhookNotice> SandboxProvider::readWebhook(const QMap<QByteArray, QByteArray>& headers,
                                                   const QByteArray& body, qint64 nowMs) {
    if (auto signedOk = WebhookSignature::check(m_secret, headers.value("sandbox-signature"), body, nowMs);
        !signedOk)
        return signedOk.error();
    const QJsonObject event = QJsonDocument::fromJson(body).object();
    const QJsonObject data = event.value("data").toObject();
    WebhookNotice notice{event.value("id").toString(), data.value("paymentId").toString(),
                         data.value("status").toString()};
    if (notice.eventId.isEmpty() || notice.paymentId.isEmpty())
        return ApiError::validation(QStringLiteral("The webhook carries no event."));
    return notice;
}

PaymentProvider::Return SandboxProvider::readReturn(const QMap<QString, QString>& query) const {
    return Return{query.value(QStringLiteral("paymentId")), std::nullopt};
}

} // namespace bitmarket::server::payments
