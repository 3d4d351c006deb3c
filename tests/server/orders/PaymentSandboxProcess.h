// The real bitmarket-payment-sandbox for the order and payment suites: started on
// 127.0.0.1:0 with a fresh secret, its switches set over /control, and the buyer's side of
// its checkout played over HTTP (the form posted, the redirect read, not followed).
#pragma once

#include "support/HttpTestClient.h"

#include <QProcess>
#include <QTemporaryDir>

#include <memory>

namespace bitmarket::test {

class PaymentSandboxProcess {
public:
    static constexpr const char* kApproves = "4242424242424242";
    static constexpr const char* kDeclines = "4000000000000002";
    static constexpr const char* kTossSecretKey = "test_sk_sandbox";

    PaymentSandboxProcess();
    ~PaymentSandboxProcess();

    bool start(const QStringList& extraArgs = {});
    QUrl url() const { return m_url; }
    QString secretFile() const;
    QString tossKeyFile() const;
    // The server arguments that pay through this sandbox (its own API, or the Toss-shaped one).
    QStringList serverArgs() const;
    QStringList tossServerArgs() const;

    // Sets switches (and webhookUrl) through POST /control.
    bool control(const QJsonObject& switches);
    // Where webhooks go: the server's endpoint for `provider`.
    bool sendWebhooksTo(const QUrl& server, const QString& provider = QStringLiteral("sandbox"));
    // Posts the card on the checkout page; the redirect's Location (empty when there was none).
    QUrl pay(const QString& checkoutUrl, const QString& card);
    QJsonArray deliveries();
    QJsonArray payouts();
    // The sandbox's own API with the shared secret (for what the server's provider would send).
    HttpResponse api(const QByteArray& method, const QString& path, const QJsonObject& body = {});

private:
    QTemporaryDir m_dir;
    QByteArray m_secret;
    std::unique_ptr<QProcess> m_process;
    QUrl m_url;
};

} // namespace bitmarket::test
