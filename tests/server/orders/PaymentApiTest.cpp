// Payments on the real server with the real sandbox: webhooks with a bad or stale signature
// refused (401, nothing changes), duplicate and out-of-order webhooks applied once, the webhook
// endpoint down and then back (the sandbox's retries land), kill -9 of the server while
// webhooks are processed (nothing lost, nothing twice), the ledger summing to zero with every
// balance matching its entries after a few hundred random steps, a payout whose answer was
// lost paid once, amount tampering refused at confirm, the toss adapter against the sandbox's
// Toss-shaped API, and money given back exactly when it must be: a paid order cancelled and
// shipped at the same moment (one wins, never both), a refund the provider could not make at
// once (retried, and made after a kill -9 and restart), a card approved after its order was
// cancelled (called off).
#include "OrderTestSupport.h"

#include "payments/WebhookSignature.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QTest>
#include <QUrlQuery>

using namespace bitmarket::test;

namespace {

QJsonObject shipment() { return QJsonObject{{"carrier", "CJ"}, {"trackingNumber", "1234"}}; }

QString paymentIdOf(const QUrl& back) { return QUrlQuery(back).queryItemValue("paymentId"); }

QString statusAtProvider(OrderMarket& market, const QString& paymentId) {
    return market.sandbox().api("GET", "/api/payments/" + paymentId).json().value("payment").toObject()
        .value("status").toString();
}

// Reads `what` every 200 ms until it is `wanted` (or 20 s have passed); what it read last.
QString readUntil(const std::function<QString()>& what, const QString& wanted) {
    QElapsedTimer t;
    t.start();
    QString seen;
    do {
        QTest::qWait(200);
        seen = what();
    } while (seen != wanted && t.elapsed() < 20'000);
    return seen;
}

// An order step as the signed-in user, sent without waiting: the steps of one call are all in
// flight at the same moment.
struct StepAtOnce {
    const TestUser* user;
    QString path;
    QJsonObject body;
};

QList<int> sendAtOnce(const QUrl& server, const QList<StepAtOnce>& steps) {
    QNetworkAccessManager network;
    QList<QNetworkReply*> replies;
    for (const StepAtOnce& s : steps) {
        QNetworkRequest request(server.resolved(QUrl(s.path)));
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
        request.setRawHeader("Authorization", "Bearer " + s.user->accessToken.toUtf8());
        replies << network.post(request, QJsonDocument(s.body).toJson(QJsonDocument::Compact));
    }
    QList<int> statuses;
    for (QNetworkReply* reply : replies) {
        if (!reply->isFinished())
            QTest::qWaitFor([reply] { return reply->isFinished(); }, 10'000);
        statuses << reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        reply->deleteLater();
    }
    return statuses;
}

} // namespace

class PaymentApiTest : public QObject {
    Q_OBJECT

private:
    HttpResponse postWebhook(OrderMarket& market, const QByteArray& body, const QByteArray& signature) {
        HttpTestClient http(market.server().httpUrl());
        http.setHeader("Sandbox-Signature", signature);
        return http.send("POST", "/api/v1/payments/webhooks/sandbox", body);
    }
    QByteArray secretOf(OrderMarket& market) {
        QFile f(market.sandbox().secretFile());
        f.open(QIODevice::ReadOnly);
        return f.readAll();
    }

private Q_SLOTS:
    void badAndStaleSignaturesAreRefused() {
        OrderMarket market;
        QVERIFY(market.start());
        const TestUser seller = market.user("seller");
        const TestUser buyer = market.user("buyer");
        const QString id = market.escrowOrder(seller, buyer).value("id").toString();
        // Approved at checkout, but its webhooks go nowhere and the browser never comes back.
        QVERIFY(market.sandbox().control(QJsonObject{{"webhookUrl", "http://127.0.0.1:9/"}}));
        const QString paymentId = paymentIdOf(market.approve(buyer, id));
        QVERIFY(!paymentId.isEmpty());
        const QByteArray body = QJsonDocument(QJsonObject{
            {"id", "evt_forged"}, {"type", "payment.updated"},
            {"data", QJsonObject{{"paymentId", paymentId}, {"status", "paid"}}}}).toJson(QJsonDocument::Compact);
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        using bitmarket::server::payments::WebhookSignature;
        const QByteArray forged = "t=" + QByteArray::number(now) + ",v1=" +
                                  WebhookSignature::sign("not-the-secret-at-all", now, body);
        BM_EXPECT_ERROR(postWebhook(market, body, forged), 401, "unauthorized");
        BM_EXPECT_ERROR(postWebhook(market, body, "garbage"), 401, "unauthorized");
        BM_EXPECT_ERROR(postWebhook(market, body, {}), 401, "unauthorized");
        const qint64 old = now - 3600;
        const QByteArray stale = "t=" + QByteArray::number(old) + ",v1=" +
                                 WebhookSignature::sign(secretOf(market), old, body);
        BM_EXPECT_ERROR(postWebhook(market, body, stale), 401, "unauthorized");
        // A body changed after signing.
        const QByteArray good = "t=" + QByteArray::number(now) + ",v1=" +
                                WebhookSignature::sign(secretOf(market), now, body);
        BM_EXPECT_ERROR(postWebhook(market, body + " ", good), 401, "unauthorized");
        QTest::qWait(500);
        QCOMPARE(market.order(buyer, id).value("status").toString(), QStringLiteral("awaiting_payment"));
        // A signed one is taken; what it says is not believed but looked up (the card approved
        // it, so the server confirms it).
        BM_EXPECT_STATUS(postWebhook(market, body, good), 200);
        QCOMPARE(market.waitForStatus(buyer, id, "paid").value("status").toString(), QStringLiteral("paid"));
        // The same event again changes nothing.
        BM_EXPECT_STATUS(postWebhook(market, body, good), 200);
        QCOMPARE(OrderMarket::timesIn(market.order(buyer, id), "paid"), 1);
    }

    void amountTamperingIsRefusedAtConfirm() {
        OrderMarket market;
        QVERIFY(market.start());
        const TestUser seller = market.user("seller");
        const TestUser buyer = market.user("buyer");
        const QString id = market.escrowOrder(seller, buyer, 300000).value("id").toString();
        QVERIFY(market.sandbox().control(QJsonObject{{"webhookUrl", "http://127.0.0.1:9/"}}));
        const QString paymentId = paymentIdOf(market.approve(buyer, id));
        const HttpResponse cheap = market.sandbox().api(
            "POST", "/api/payments/" + paymentId + "/confirm",
            QJsonObject{{"orderId", id}, {"amount", QJsonObject{{"amount", 1000}, {"currency", "KRW"}}}});
        QCOMPARE(cheap.status, 400);
        QCOMPARE(cheap.json().value("error").toObject().value("code").toString(), QStringLiteral("INVALID_AMOUNT"));
        QCOMPARE(market.order(buyer, id).value("status").toString(), QStringLiteral("awaiting_payment"));
    }

    void duplicateAndOutOfOrderWebhooksApplyOnce() {
        OrderMarket market;
        QVERIFY(market.start({}, {"--duplicate-webhooks", "--out-of-order-webhooks"}));
        const TestUser seller = market.user("seller");
        const TestUser buyer = market.user("buyer");
        QStringList ids;
        for (int i = 0; i < 5; ++i) {
            const QString id = market.escrowOrder(seller, buyer).value("id").toString();
            market.approve(buyer, id); // the browser never comes back: webhooks only
            ids << id;
        }
        for (const QString& id : ids) {
            const QJsonObject o = market.waitForStatus(buyer, id, "paid");
            QCOMPARE(o.value("status").toString(), QStringLiteral("paid"));
            QCOMPARE(OrderMarket::timesIn(o, "paid"), 1);
        }
        QTest::qWait(1500); // the late duplicates arrive too
        QJsonObject seen;
        int deliveries = 0;
        for (const QJsonValue& d : market.sandbox().deliveries()) {
            const QString event = d.toObject().value("eventId").toString();
            seen.insert(event, seen.value(event).toInt() + 1);
            deliveries += d.toObject().value("status").toInt() == 200;
        }
        QVERIFY2(deliveries > seen.size(), "every event should have been delivered more than once");
        for (const QString& id : ids)
            QCOMPARE(OrderMarket::timesIn(market.order(buyer, id), "paid"), 1);
        QCOMPARE(amountOf(market.balance(seller).value("pending")), 5 * 150000);
    }

    void webhookEndpointDownThenUp() {
        OrderMarket market;
        QVERIFY(market.start());
        const TestUser seller = market.user("seller");
        const TestUser buyer = market.user("buyer");
        const QString id = market.escrowOrder(seller, buyer).value("id").toString();
        QVERIFY(market.sandbox().control(QJsonObject{{"webhookUrl", "http://127.0.0.1:9/down"}}));
        market.approve(buyer, id);
        QTest::qWait(2500);
        QCOMPARE(market.order(buyer, id).value("status").toString(), QStringLiteral("awaiting_payment"));
        int failed = 0;
        for (const QJsonValue& d : market.sandbox().deliveries())
            failed += d.toObject().value("status").toInt() == 0;
        QVERIFY2(failed >= 2, "the sandbox should have retried while the endpoint was down");
        QVERIFY(market.sandbox().sendWebhooksTo(market.server().httpUrl()));
        QCOMPARE(market.waitForStatus(buyer, id, "paid").value("status").toString(), QStringLiteral("paid"));
    }

    void killDuringWebhookProcessingLosesNothing() {
        OrderMarket market;
        QVERIFY(market.start());
        const TestUser seller = market.user("seller");
        const TestUser buyer = market.user("buyer");
        constexpr int kOrders = 20;
        QStringList ids;
        QVERIFY(market.sandbox().control(QJsonObject{{"webhooksPaused", true}}));
        for (int i = 0; i < kOrders; ++i) {
            const QString id = market.escrowOrder(seller, buyer).value("id").toString();
            market.approve(buyer, id);
            ids << id;
        }
        // The provider slows down, so the jobs are mid-way when the server dies.
        QVERIFY(market.sandbox().control(QJsonObject{{"webhooksPaused", false}, {"apiDelayMs", 150}}));
        QTest::qWait(700);
        market.server().kill();
        QVERIFY(market.sandbox().control(QJsonObject{{"apiDelayMs", 0}}));
        QVERIFY(market.restartServer());
        for (const QString& id : ids) {
            const QJsonObject o = market.waitForStatus(buyer, id, "paid", 20'000);
            QCOMPARE(o.value("status").toString(), QStringLiteral("paid"));
            QCOMPARE(OrderMarket::timesIn(o, "paid"), 1);
        }
        QCOMPARE(amountOf(market.balance(seller).value("pending")), kOrders * 150000);
        int paymentsIn = 0;
        for (const QJsonValue& e : market.ledger(buyer))
            paymentsIn += e.toObject().value("kind").toString() == u"payment";
        QCOMPARE(paymentsIn, kOrders);
    }

    void ledgerSumsToZeroAfterRandomSteps() {
        OrderMarket market;
        QVERIFY(market.start());
        QList<TestUser> people;
        for (int i = 0; i < 6; ++i)
            people << market.user("trader");
        struct Live {
            QString id;
            TestUser buyer;
            TestUser seller;
        };
        QList<Live> live;
        QRandomGenerator random(1234);
        qint64 feesOfCompleted = 0;
        int steps = 0;
        for (; steps < 300; ++steps) {
            const int what = live.isEmpty() ? 0 : random.bounded(5);
            if (what == 0 || live.size() < 3) {
                const TestUser seller = people[random.bounded(int(people.size()))];
                TestUser buyer = people[random.bounded(int(people.size()))];
                if (buyer.id == seller.id)
                    continue;
                const qint64 price = 1000 * (1 + random.bounded(500));
                const QJsonObject o = market.escrowOrder(seller, buyer, price);
                live.append({o.value("id").toString(), buyer, seller});
                continue;
            }
            const int at = random.bounded(int(live.size()));
            const Live l = live[at];
            const QString status = market.order(l.buyer, l.id).value("status").toString();
            auto client = [&](const TestUser& u) { return market.as(u); };
            if (status == u"awaiting_payment" && what <= 2) {
                market.approve(l.buyer, l.id);
                market.waitForStatus(l.buyer, l.id, "paid");
            } else if (status == u"paid" && what == 3) {
                client(l.buyer)->post("/api/v1/orders/" + l.id + "/cancel", QJsonObject{{"reason", "random"}});
            } else if (status == u"paid") {
                client(l.seller)->post("/api/v1/orders/" + l.id + "/ship", shipment());
            } else if (status == u"shipped") {
                const HttpResponse r = client(l.buyer)->post("/api/v1/orders/" + l.id + "/confirm", {});
                if (r.status == 200)
                    feesOfCompleted += amountOf(r.json().value("order").toObject().value("fee"));
            } else if (status == u"awaiting_payment") {
                client(l.seller)->post("/api/v1/orders/" + l.id + "/cancel", QJsonObject{{"reason", "random"}});
            } else {
                live.removeAt(at);
            }
        }
        QVERIFY(steps >= 300);
        qint64 sumOfAll = 0;
        for (const TestUser& u : people) {
            QHash<QString, qint64> byAccount;
            for (const QJsonValue& v : market.ledger(u)) {
                const QJsonObject e = v.toObject();
                byAccount[e.value("account").toString()] += amountOf(e.value("amount"));
                sumOfAll += amountOf(e.value("amount"));
            }
            const QJsonObject b = market.balance(u);
            QCOMPARE(amountOf(b.value("pending")), byAccount.value("escrow"));
            QCOMPARE(amountOf(b.value("available")), byAccount.value("payable"));
            QCOMPARE(amountOf(b.value("paidOut")), byAccount.value("paid_out"));
        }
        // What every user's accounts hold, plus the platform's fees, is nothing.
        QCOMPARE(sumOfAll + feesOfCompleted, 0);
    }

    void payoutWithALostAnswerIsPaidOnce() {
        OrderMarket market;
        QVERIFY(market.start({"--payout-interval-seconds", "2"}));
        const TestUser seller = market.user("seller");
        const TestUser buyer = market.user("buyer");
        const QString id = market.escrowOrder(seller, buyer, 100000).value("id").toString();
        market.approve(buyer, id);
        QCOMPARE(market.waitForStatus(buyer, id, "paid").value("status").toString(), QStringLiteral("paid"));
        // The next payout is paid at the provider but its answer is lost.
        QVERIFY(market.sandbox().control(QJsonObject{{"payoutFailuresAfterPaying", 1}}));
        BM_EXPECT_STATUS(market.as(seller)->post("/api/v1/orders/" + id + "/ship", shipment()), 200);
        BM_EXPECT_STATUS(market.as(buyer)->post("/api/v1/orders/" + id + "/confirm", {}), 200);
        QElapsedTimer t;
        t.start();
        QJsonObject b;
        do {
            QTest::qWait(250);
            b = market.balance(seller);
        } while (amountOf(b.value("paidOut")) == 0 && t.elapsed() < 20'000);
        QCOMPARE(amountOf(b.value("paidOut")), 95000);
        QCOMPARE(amountOf(b.value("available")), 0);
        QTest::qWait(2500); // another payout run finds nothing to pay
        const QJsonArray payouts = market.sandbox().payouts();
        QCOMPARE(payouts.size(), 1);
        QCOMPARE(payouts[0].toObject().value("recipient").toString(), seller.id);
        QCOMPARE(amountOf(payouts[0].toObject().value("amount")), 95000);
        QCOMPARE(amountOf(market.balance(seller).value("paidOut")), 95000);
    }

    void cancelAndShipAtTheSameMomentNeverBoth() {
        OrderMarket market;
        QVERIFY(market.start());
        const TestUser seller = market.user("seller");
        const TestUser buyer = market.user("buyer");
        constexpr int kOrders = 12;
        QStringList ids;
        QHash<QString, QString> paymentOf;
        for (int i = 0; i < kOrders; ++i) {
            const QString id = market.escrowOrder(seller, buyer, 100000).value("id").toString();
            paymentOf.insert(id, paymentIdOf(market.approve(buyer, id)));
            QCOMPARE(market.waitForStatus(buyer, id, "paid").value("status").toString(), QStringLiteral("paid"));
            ids << id;
        }
        QList<StepAtOnce> steps;
        for (const QString& id : ids) {
            steps << StepAtOnce{&seller, "/api/v1/orders/" + id + "/ship", shipment()};
            steps << StepAtOnce{&buyer, "/api/v1/orders/" + id + "/cancel", QJsonObject{{"reason", "changed my mind"}}};
        }
        const QList<int> statuses = sendAtOnce(market.server().httpUrl(), steps);
        int shipped = 0;
        for (int i = 0; i < kOrders; ++i) {
            const int ship = statuses[2 * i];
            const int cancel = statuses[2 * i + 1];
            QVERIFY2((ship == 200 && cancel == 409) || (ship == 409 && cancel == 200),
                     qPrintable(QStringLiteral("ship %1, cancel %2").arg(ship).arg(cancel)));
            const QString id = ids[i];
            const QJsonObject o = market.order(buyer, id);
            if (ship == 200) {
                ++shipped;
                QCOMPARE(o.value("status").toString(), QStringLiteral("shipped"));
                QCOMPARE(statusAtProvider(market, paymentOf[id]), QStringLiteral("paid"));
            } else {
                QCOMPARE(o.value("status").toString(), QStringLiteral("refunded"));
                QCOMPARE(statusAtProvider(market, paymentOf[id]), QStringLiteral("refunded"));
            }
        }
        // The seller's escrow holds exactly the shipped orders' money.
        QCOMPARE(amountOf(market.balance(seller).value("pending")), shipped * 100000);
    }

    void refundTheProviderCannotMakeNowIsRetried() {
        OrderMarket market;
        QVERIFY(market.start({"--payment-refund-retry-seconds", "1"}));
        const TestUser seller = market.user("seller");
        const TestUser buyer = market.user("buyer");
        const QString id = market.escrowOrder(seller, buyer).value("id").toString();
        const QString paymentId = paymentIdOf(market.approve(buyer, id));
        QCOMPARE(market.waitForStatus(buyer, id, "paid").value("status").toString(), QStringLiteral("paid"));
        // The provider's next answer is an error: the refund cannot be made at once.
        QVERIFY(market.sandbox().control(QJsonObject{{"apiFailures", 1}}));
        const HttpResponse cancelled =
            market.as(buyer)->post("/api/v1/orders/" + id + "/cancel", QJsonObject{{"reason", "too late"}});
        BM_EXPECT_STATUS(cancelled, 200);
        const QJsonObject o = cancelled.json().value("order").toObject();
        QCOMPARE(o.value("status").toString(), QStringLiteral("refunded"));
        QCOMPARE(o.value("payment").toObject().value("status").toString(), QStringLiteral("paid"));
        // Refunded is decided: the seller can no longer ship it.
        BM_EXPECT_ERROR(market.as(seller)->post("/api/v1/orders/" + id + "/ship", shipment()), 409,
                        "invalid_state");
        // The refund job gives the money back.
        const QString payment = readUntil(
            [&] { return market.order(buyer, id).value("payment").toObject().value("status").toString(); },
            "refunded");
        QCOMPARE(payment, QStringLiteral("refunded"));
        QCOMPARE(statusAtProvider(market, paymentId), QStringLiteral("refunded"));
        qint64 sum = 0;
        for (const QJsonValue& e : market.ledger(buyer))
            sum += amountOf(e.toObject().value("amount"));
        QCOMPARE(sum, 0);
        QCOMPARE(amountOf(market.balance(seller).value("pending")), 0);
    }

    void aRefundDecidedBeforeAKillIsMadeAfterTheRestart() {
        OrderMarket market;
        QVERIFY(market.start({"--payment-refund-retry-seconds", "2"}));
        const TestUser seller = market.user("seller");
        const TestUser buyer = market.user("buyer");
        const QString id = market.escrowOrder(seller, buyer).value("id").toString();
        const QString paymentId = paymentIdOf(market.approve(buyer, id));
        QCOMPARE(market.waitForStatus(buyer, id, "paid").value("status").toString(), QStringLiteral("paid"));
        QVERIFY(market.sandbox().control(QJsonObject{{"apiFailures", 1}}));
        const HttpResponse cancelled =
            market.as(buyer)->post("/api/v1/orders/" + id + "/cancel", QJsonObject{{"reason", "changed my mind"}});
        BM_EXPECT_STATUS(cancelled, 200);
        QCOMPARE(cancelled.json().value("order").toObject().value("payment").toObject().value("status").toString(),
                 QStringLiteral("paid"));
        // The server dies before its refund job ran; the decision was committed with the job.
        market.server().kill();
        QVERIFY(market.restartServer());
        QCOMPARE(market.order(buyer, id).value("status").toString(), QStringLiteral("refunded"));
        QCOMPARE(readUntil([&] { return statusAtProvider(market, paymentId); }, "refunded"),
                 QStringLiteral("refunded"));
        QCOMPARE(readUntil(
                     [&] { return market.order(buyer, id).value("payment").toObject().value("status").toString(); },
                     "refunded"),
                 QStringLiteral("refunded"));
        BM_EXPECT_ERROR(market.as(seller)->post("/api/v1/orders/" + id + "/ship", shipment()), 409,
                        "invalid_state");
    }

    void paymentApprovedAfterTheOrderWasCancelledIsGivenBack() {
        OrderMarket market;
        QVERIFY(market.start());
        const TestUser seller = market.user("seller");
        const TestUser buyer = market.user("buyer");
        const QString id = market.escrowOrder(seller, buyer).value("id").toString();
        const HttpResponse payment = market.as(buyer)->post("/api/v1/orders/" + id + "/payment", {});
        BM_EXPECT_STATUS(payment, 201);
        const QString paymentId = payment.json().value("paymentId").toString();
        // The buyer cancels while the checkout is still open in the browser, then pays there.
        BM_EXPECT_STATUS(market.as(buyer)->post("/api/v1/orders/" + id + "/cancel",
                                                QJsonObject{{"reason", "bought elsewhere"}}),
                         200);
        market.sandbox().pay(payment.json().value("checkoutUrl").toString(), PaymentSandboxProcess::kApproves);
        // The card's approval is called off: nothing is charged.
        QCOMPARE(readUntil([&] { return statusAtProvider(market, paymentId); }, "cancelled"),
                 QStringLiteral("cancelled"));
        const QJsonObject o = market.order(buyer, id);
        QCOMPARE(o.value("status").toString(), QStringLiteral("cancelled"));
        QCOMPARE(OrderMarket::timesIn(o, "paid"), 0);
        QVERIFY(market.ledger(buyer).isEmpty());
        QCOMPARE(amountOf(market.balance(seller).value("pending")), 0);
    }

    void tossAdapterAgainstTheSandbox() {
        OrderMarket market;
        QVERIFY(market.start({}, {}, true));
        const TestUser seller = market.user("seller");
        const TestUser buyer = market.user("buyer");
        const QString id = market.escrowOrder(seller, buyer, 250000).value("id").toString();
        QVERIFY(market.sandbox().control(QJsonObject{{"webhookUrl", "http://127.0.0.1:9/"}}));
        const QUrl back = market.approve(buyer, id);
        QCOMPARE(back.path(), QStringLiteral("/payments/return/toss"));
        QUrlQuery query(back);
        QCOMPARE(query.queryItemValue("amount"), QStringLiteral("250000"));
        // The browser's amount changed on the way: not confirmed.
        QUrlQuery tampered = query;
        tampered.removeAllQueryItems("amount");
        tampered.addQueryItem("amount", "2500");
        HttpTestClient browser(market.server().httpUrl());
        const HttpResponse refused = browser.get("/payments/return/toss?" + tampered.toString(QUrl::FullyEncoded));
        QCOMPARE(refused.status, 400);
        QCOMPARE(market.order(buyer, id).value("status").toString(), QStringLiteral("awaiting_payment"));
        const HttpResponse page = browser.get("/payments/return/toss?" + query.toString(QUrl::FullyEncoded));
        BM_EXPECT_STATUS(page, 200);
        QJsonObject o = market.order(buyer, id);
        QCOMPARE(o.value("status").toString(), QStringLiteral("paid"));
        QCOMPARE(o.value("payment").toObject().value("provider").toString(), QStringLiteral("toss"));
        // Cancelled: refunded through POST /v1/payments/{paymentKey}/cancel.
        const HttpResponse cancelled =
            market.as(buyer)->post("/api/v1/orders/" + id + "/cancel", QJsonObject{{"reason", "wrong size"}});
        BM_EXPECT_STATUS(cancelled, 200);
        QCOMPARE(cancelled.json().value("order").toObject().value("status").toString(), QStringLiteral("refunded"));
        HttpTestClient toss(market.sandbox().url());
        toss.setHeader("Authorization", "Basic " + QByteArray("test_sk_sandbox:").toBase64());
        const QJsonObject atToss = toss.get("/v1/payments/" + query.queryItemValue("paymentKey")).json();
        QCOMPARE(atToss.value("status").toString(), QStringLiteral("CANCELED"));
        // A Toss webhook names a payment and is looked up; one for an unknown payment changes nothing.
        HttpTestClient hook(market.server().httpUrl());
        const HttpResponse unknown = hook.post("/api/v1/payments/webhooks/toss",
                                               QJsonObject{{"eventType", "PAYMENT_STATUS_CHANGED"},
                                                           {"createdAt", "2026-01-01T00:00:00Z"},
                                                           {"data", QJsonObject{{"paymentKey", "pay_nobody"}, {"status", "DONE"}}}});
        BM_EXPECT_STATUS(unknown, 200);
        BM_EXPECT_ERROR(hook.post("/api/v1/payments/webhooks/sandbox", QJsonObject{}), 404, "not_found");
    }
};

QTEST_GUILESS_MAIN(PaymentApiTest)
#include "PaymentApiTest.moc"
