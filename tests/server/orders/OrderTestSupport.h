// What the order and payment suites share: a server paying through a real sandbox, users,
// fixed-price listings, orders and the buyer paying at the sandbox's checkout.
#pragma once

#include "ApiTestSupport.h"
#include "PaymentSandboxProcess.h"

#include <QJsonArray>

namespace bitmarket::test {

class OrderMarket {
public:
    // Starts the sandbox (with `sandboxArgs`) and a server paying through it (with `serverArgs`).
    bool start(const QStringList& serverArgs = {}, const QStringList& sandboxArgs = {},
               bool toss = false);
    // Starts the server again on its data dir (after stop or kill), webhooks pointed at it.
    bool restartServer();

    ServerProcess& server() { return *m_server; }
    PaymentSandboxProcess& sandbox() { return m_sandbox; }

    TestUser user(const QString& name) { return registerNumbered(*m_server, name, m_users); }
    std::unique_ptr<HttpTestClient> as(const TestUser& u) { return clientAs(*m_server, u); }
    // A fixed-price listing of the seller's; its id.
    QString listing(const TestUser& seller, qint64 price = 150000);
    HttpResponse buy(const TestUser& buyer, const QString& listingId, const QString& method);
    // Buys with escrow; the order.
    QJsonObject escrowOrder(const TestUser& seller, const TestUser& buyer, qint64 price = 150000);
    // Asks for the payment and approves the card at checkout; the Location the browser is sent to.
    QUrl approve(const TestUser& buyer, const QString& orderId);
    QJsonObject order(const TestUser& u, const QString& orderId);
    // Polls the order until its status is `status` (or the time is up); the order as last read.
    QJsonObject waitForStatus(const TestUser& u, const QString& orderId, const QString& status,
                              int timeoutMs = 10'000);
    // How often the order's history went through `status`.
    static int timesIn(const QJsonObject& order, const QString& status);
    QJsonObject balance(const TestUser& u);
    QJsonArray ledger(const TestUser& u);

private:
    QStringList m_serverArgs;
    bool m_toss = false;
    PaymentSandboxProcess m_sandbox;
    std::unique_ptr<ServerProcess> m_server;
    QString m_dataDir;
    QTemporaryDir m_dir;
    int m_users = 0;
};

qint64 amountOf(const QJsonValue& money);

} // namespace bitmarket::test
