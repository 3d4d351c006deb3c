// A notification another process adds to the server's database (a `--worker` that
// finished a 3D model) reaches the user's open app live, as one the server added
// itself does, once; and one the server added itself is not announced twice.
#include "ApiTestSupport.h"
#include "RealtimeTestClient.h"
#include "bitmarket/NotificationRules.h"
#include "db/Database.h"
#include "events/InProcessEventBus.h"
#include "notifications/NotificationService.h"

using namespace bitmarket;
using namespace bitmarket::test;

class NotificationRelayTest : public QObject {
    Q_OBJECT

    static int framesOfType(const RealtimeTestClient& app, const QString& topic, const QString& type) {
        int n = 0;
        for (const QJsonObject& frame : app.eventsOn(topic))
            n += frame.value("type").toString() == type ? 1 : 0;
        return n;
    }

private Q_SLOTS:
    void notificationsFromAnotherProcessArriveLive() {
        ServerProcess server;
        QVERIFY(server.start({"--workers", "0"}));
        HttpTestClient http(server.httpUrl());
        const TestUser seller = registerUser(http, "relay_seller");
        const TestUser keeper = registerUser(http, "relay_keeper");
        QVERIFY(seller.ok() && keeper.ok());

        RealtimeTestClient sellersApp;
        sellersApp.open(server.wsUrl(), "Bearer " + seller.accessToken.toLatin1());
        QVERIFY(sellersApp.waitForConnected());
        const QString topic = "user:" + seller.id;
        QCOMPARE(sellersApp.subscribe({topic}).value("type").toString(), QStringLiteral("subscribed"));

        // Another process on the same database, as bitmarket-server --worker is.
        server::db::Database elsewhere({server.dataDir() + "/bitmarket.db", 1});
        server::InProcessEventBus elsewhereBus;
        server::jobs::JobQueue elsewhereJobs(elsewhere, elsewhereBus);
        server::notifications::NotificationService elsewhereNotifications(elsewhere, elsewhereBus,
                                                                          elsewhereJobs);
        const QJsonObject data{{"listingId", "l_relay"}, {"listingTitle", "Brass lamp"}, {"jobId", "job_1"}};
        auto written = elsewhere.write([&](server::db::Connection& c) -> Result<void> {
            elsewhereNotifications.notify(c, seller.id, notification::kModelReady, "l_relay", data);
            return {};
        });
        QVERIFY(written);

        const QJsonObject told = sellersApp.waitForFrame([](const QJsonObject& frame) {
            return frame.value("type") == QStringLiteral("notification.new");
        }, 3000);
        QVERIFY2(!told.isEmpty(), "the server never announced it");
        const QJsonObject notification = told.value("data").toObject().value("notification").toObject();
        QCOMPARE(notification.value("type").toString(), QStringLiteral("model.ready"));
        QCOMPARE(notification.value("data").toObject().value("listingTitle").toString(), QStringLiteral("Brass lamp"));
        QCOMPARE(told.value("data").toObject().value("unreadCount").toInteger(), 1);

        // One the server adds itself (a favorite's price drop) comes once, not again from the relay.
        http.setAccessToken(seller.accessToken);
        const HttpResponse created = http.post("/api/v1/listings", listingDraft("Kettle", 30'000, "home"));
        BM_EXPECT_STATUS(created, 201);
        const QString listingId = created.json().value("id").toString();
        RealtimeTestClient keepersApp;
        keepersApp.open(server.wsUrl(), "Bearer " + keeper.accessToken.toLatin1());
        QVERIFY(keepersApp.waitForConnected());
        const QString keeperTopic = "user:" + keeper.id;
        QCOMPARE(keepersApp.subscribe({keeperTopic}).value("type").toString(), QStringLiteral("subscribed"));
        HttpTestClient asKeeper(server.httpUrl());
        asKeeper.setAccessToken(keeper.accessToken);
        BM_EXPECT_STATUS(asKeeper.put("/api/v1/listings/" + listingId + "/favorite"), 200);
        BM_EXPECT_STATUS(http.patch("/api/v1/listings/" + listingId,
                                    QJsonObject{{"price", QJsonObject{{"amount", 25'000}, {"currency", "KRW"}}}}),
                         200);
        QTRY_COMPARE_WITH_TIMEOUT(framesOfType(keepersApp, keeperTopic, "notification.new"), 1, 3000);
        QTest::qWait(1500); // three relay rounds
        QCOMPARE(framesOfType(keepersApp, keeperTopic, "notification.new"), 1);
        QCOMPARE(framesOfType(sellersApp, topic, "notification.new"), 1);
        QCOMPARE(server.stop(), 0);
    }
};

QTEST_MAIN(NotificationRelayTest)
#include "NotificationRelayTest.moc"
