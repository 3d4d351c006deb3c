#include "payments/TossProvider.h"

#include "payments/ProviderReplies.h"

#include <QJsonDocument>
#include <QUrlQuery>

namespace bitmarket::server::payments {

namespace {

QString tossRefusal(const QJsonObject& body) { return body.value("message").toString(); }

} // namespace

TossProvider::TossProvider(ProviderHttp& http, QUrl apiUrl, QByteArray secretKey)
    : m_http(http), m_apiUrl(std::move(apiUrl)),
      m_authorization("Basic " + (secretKey + ':').toBase64()) {}

QString TossProvider::statusOf(const QJsonObject& p) {
    const QString status = p.value("status").toString();
    if (status == u"DONE")
        return QStringLiteral("paid");
    if (status == u"IN_PROGRESS")
        return QStringLiteral("authorized");
    if (status == u"CANCELED" || status == u"PARTIAL_CANCELED")
        return p.value("approvedAt").isString() ? QStringLiteral("refunded") : QStringLiteral("cancelled");
    if (status == u"ABORTED")
        return QStringLiteral("declined");
    if (status == u"EXPIRED")
        return QStringLiteral("expired");
    return QStringLiteral("pending"); // READY, WAITING_FOR_DEPOSIT
}

Result<ProviderPayment> TossProvider::call(const QByteArray& method, const QString& path,
                                           const QJsonObject& body, const QString& idempotencyKey) {
    QJsonObject p;
    BITMARKET_TRY(p, callProvider(m_http, m_apiUrl, m_authorization,
                                  {method, path, body, idempotencyKey}, tossRefusal));
    return ProviderPayment{p.value("paymentKey").toString(), p.value("orderId").toString(),
                           Money{p.value("totalAmount").toInteger(),
                                 p.value("currency").toString(QStringLiteral("KRW"))},
                           statusOf(p), p.value("checkout").toObject().value("url").toString()};
}

Result<ProviderPayment> TossProvider::create(const PaymentRequest& r) {
    QUrl failUrl(r.returnUrl);
    QUrlQuery failed(failUrl);
    failed.addQueryItem(QStringLiteral("failed"), QStringLiteral("1"));
    failUrl.setQuery(failed);
    return call("POST", QStringLiteral("/v1/payments"),
                QJsonObject{{"method", "CARD"},
                            {"amount", r.amount.amount},
                            {"orderId", r.orderId},
                            {"orderName", r.orderName},
                            {"successUrl", r.returnUrl},
                            {"failUrl", failUrl.toString()}},
                r.idempotencyKey);
}

Result<ProviderPayment> TossProvider::confirm(const QString& paymentId, const QString& orderId,
                                              const Money& amount) {
    return call("POST", QStringLiteral("/v1/payments/confirm"),
                QJsonObject{{"paymentKey", paymentId}, {"orderId", orderId}, {"amount", amount.amount}});
}

Result<ProviderPayment> TossProvider::lookUp(const QString& paymentId) {
    return call("GET", QStringLiteral("/v1/payments/%1").arg(paymentId));
}

Result<ProviderPayment> TossProvider::refund(const QString& paymentId, const QString& reason) {
    return call("POST", QStringLiteral("/v1/payments/%1/cancel").arg(paymentId),
                QJsonObject{{"cancelReason", reason}});
}

Result<void> TossProvider::payOut(const PayoutRequest&) {
    return ApiError::of(ErrorCode::InvalidState,
                        QStringLiteral("Payouts are not offered through Toss Payments on this server."));
}

Result<WebhookNotice> TossProvider::readWebhook(const QMap<QByteArray, QByteArray>&,
                                                const QByteArray& body, qint64) {
    const QJsonObject event = QJsonDocument::fromJson(body).object();
    const QJsonObject data = event.value("data").toObject();
    const QString paymentKey = data.value("paymentKey").toString();
    if (event.value("eventType").toString() != u"PAYMENT_STATUS_CHANGED" || paymentKey.isEmpty())
        return ApiError::validation(QStringLiteral("The webhook carries no event."));
    // Toss events carry no id of their own: one per payment, status and time.
    return WebhookNotice{paymentKey + u':' + data.value("status").toString() + u':' +
                             event.value("createdAt").toString(),
                         paymentKey};
}

PaymentProvider::Return TossProvider::readReturn(const QMap<QString, QString>& query) const {
    bool ok = false;
    const qint64 amount = query.value(QStringLiteral("amount")).toLongLong(&ok);
    return Return{query.value(QStringLiteral("paymentKey")), ok ? std::optional<qint64>(amount) : std::nullopt};
}

} // namespace bitmarket::server::payments
