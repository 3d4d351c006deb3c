#include "OrderTestSupport.h"

#include <QElapsedTimer>
#include <QTest>

namespace bitmarket::test {

qint64 amountOf(const QJsonValue& money) { return money.toObject().value("amount").toInteger(); }

bool OrderMarket::start(const QStringList& serverArgs, const QStringList& sandboxArgs, bool toss) {
    m_toss = toss;
    if (!m_sandbox.start(sandboxArgs))
        return false;
    m_serverArgs = QStringList{"--registrations-per-hour", "1000", "--job-lease-ms", "3000"} +
                   (toss ? m_sandbox.tossServerArgs() : m_sandbox.serverArgs()) + serverArgs;
    m_dataDir = m_dir.filePath("data");
    return restartServer();
}

bool OrderMarket::restartServer() {
    m_server = std::make_unique<ServerProcess>(m_dataDir);
    if (!m_server->start(m_serverArgs))
        return false;
    return m_sandbox.sendWebhooksTo(m_server->httpUrl(), m_toss ? QStringLiteral("toss")
                                                                : QStringLiteral("sandbox"));
}

QString OrderMarket::listing(const TestUser& seller, qint64 price) {
    const HttpResponse r = as(seller)->post("/api/v1/listings", listingDraft("Camera", price));
    if (r.status != 201)
        qWarning("create listing: %d %s", r.status, r.body.constData());
    return r.json().value("id").toString();
}

HttpResponse OrderMarket::buy(const TestUser& buyer, const QString& listingId, const QString& method) {
    return as(buyer)->post("/api/v1/orders", QJsonObject{{"listingId", listingId}, {"method", method}});
}

QJsonObject OrderMarket::escrowOrder(const TestUser& seller, const TestUser& buyer, qint64 price) {
    const HttpResponse r = buy(buyer, listing(seller, price), QStringLiteral("escrow"));
    if (r.status != 201)
        qWarning("buy: %d %s", r.status, r.body.constData());
    return r.json().value("order").toObject();
}

QUrl OrderMarket::approve(const TestUser& buyer, const QString& orderId) {
    const HttpResponse r = as(buyer)->post("/api/v1/orders/" + orderId + "/payment", {});
    if (r.status != 201) {
        qWarning("payment: %d %s", r.status, r.body.constData());
        return {};
    }
    return m_sandbox.pay(r.json().value("checkoutUrl").toString(), PaymentSandboxProcess::kApproves);
}

QJsonObject OrderMarket::order(const TestUser& u, const QString& orderId) {
    return as(u)->get("/api/v1/orders/" + orderId).json().value("order").toObject();
}

QJsonObject OrderMarket::waitForStatus(const TestUser& u, const QString& orderId,
                                       const QString& status, int timeoutMs) {
    QElapsedTimer t;
    t.start();
    QJsonObject o;
    do {
        o = order(u, orderId);
        if (o.value("status").toString() == status)
            return o;
        QTest::qWait(100);
    } while (t.elapsed() < timeoutMs);
    return o;
}

int OrderMarket::timesIn(const QJsonObject& order, const QString& status) {
    int n = 0;
    for (const QJsonValue& step : order.value("history").toArray())
        n += step.toObject().value("status").toString() == status;
    return n;
}

QJsonObject OrderMarket::balance(const TestUser& u) { return as(u)->get("/api/v1/me/balance").json(); }

QJsonArray OrderMarket::ledger(const TestUser& u) {
    QJsonArray all;
    QString cursor;
    do {
        const QJsonObject page =
            as(u)->get("/api/v1/me/ledger?limit=100" + (cursor.isEmpty() ? QString() : "&cursor=" + cursor)).json();
        for (const QJsonValue& v : page.value("items").toArray())
            all.append(v);
        cursor = page.value("nextCursor").toString();
    } while (!cursor.isEmpty());
    return all;
}

} // namespace bitmarket::test
