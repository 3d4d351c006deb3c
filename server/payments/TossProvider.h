// Toss Payments (https://docs.tosspayments.com), written against its public API: payments are
// created with POST /v1/payments (the checkout window's URL comes back), confirmed with POST
// /v1/payments/confirm {paymentKey, orderId, amount}, looked up with GET
// /v1/payments/{paymentKey} and cancelled with POST /v1/payments/{paymentKey}/cancel, all with
// `Authorization: Basic base64(secretKey + ":")`. Its payment-status webhooks are not signed:
// one only names a payment, which the server then looks up here. Payouts (Toss's separate
// payout service) are not offered through this adapter.
#pragma once

#include "payments/PaymentProvider.h"
#include "payments/ProviderHttp.h"

#include <QUrl>

namespace bitmarket::server::payments {

class TossProvider : public PaymentProvider {
public:
    TossProvider(ProviderHttp& http, QUrl apiUrl, QByteArray secretKey);

    QString name() const override { return QStringLiteral("toss"); }
    Result<ProviderPayment> create(const PaymentRequest& request) override;
    Result<ProviderPayment> confirm(const QString& paymentId, const QString& orderId,
                                    const Money& amount) override;
    Result<ProviderPayment> lookUp(const QString& paymentId) override;
    Result<ProviderPayment> refund(const QString& paymentId, const QString& reason) override;
    Result<void> payOut(const PayoutRequest& request) override;
    Result<WebhookNotice> readWebhook(const QMap<QByteArray, QByteArray>& headers,
                                      const QByteArray& body, qint64 nowMs) override;
    Return readReturn(const QMap<QString, QString>& query) const override;

    // The server's word for a Toss status (DONE → paid, ...).
    static QString statusOf(const QJsonObject& tossPayment);

private:
    Result<ProviderPayment> call(const QByteArray& method, const QString& path,
                                 const QJsonObject& body = {}, const QString& idempotencyKey = {});

    ProviderHttp& m_http;
    QUrl m_apiUrl;
    QByteArray m_authorization;
};

} // namespace bitmarket::server::payments
