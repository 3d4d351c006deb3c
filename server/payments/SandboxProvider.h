// The bitmarket-payment-sandbox's own API (tools/payment-sandbox): `Authorization: Bearer
// <secret>` with the shared secret, which also signs its webhooks (WebhookSignature).
#pragma once

#include "payments/PaymentProvider.h"
#include "payments/ProviderHttp.h"

#include <QUrl>

namespace bitmarket::server::payments {

class SandboxProvider : public PaymentProvider {
public:
    SandboxProvider(ProviderHttp& http, QUrl apiUrl, QByteArray secret);

    QString name() const override { return QStringLiteral("sandbox"); }
    Result<ProviderPayment> create(const PaymentRequest& request) override;
    Result<ProviderPayment> confirm(const QString& paymentId, const QString& orderId,
                                    const Money& amount) override;
    Result<ProviderPayment> lookUp(const QString& paymentId) override;
    Result<ProviderPayment> refund(const QString& paymentId, const QString& reason) override;
    Result<void> payOut(const PayoutRequest& request) override;
    Result<WebhookNotice> readWebhook(const QMap<QByteArray, QByteArray>& headers,
                                      const QByteArray& body, qint64 nowMs) override;
    Return readReturn(const QMap<QString, QString>& query) const override;

private:
    Result<QJsonObject> call(const QByteArray& method, const QString& path,
                             const QJsonObject& body = {}, const QString& idempotencyKey = {});
    Result<ProviderPayment> paymentCall(const QByteArray& method, const QString& path,
                                        const QJsonObject& body = {},
                                        const QString& idempotencyKey = {});

    ProviderHttp& m_http;
    QUrl m_apiUrl;
    QByteArray m_secret;
};

} // namespace bitmarket::server::payments
