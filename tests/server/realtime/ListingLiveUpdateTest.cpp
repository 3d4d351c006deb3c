// What a viewer following listing:{id} on the real server is pushed when the listing changes:
// after an edit, a photo upload, a favorite and each state of a 3D model job, `listing.updated`
// carries exactly the listing GET /listings/{id} returns to an anonymous caller (same keys, same
// values, no isFavorite), so a client can show it without asking again; removing the listing
// pushes `listing.removed`. The slots run in order on one listing.
#include "RealtimeTestClient.h"
#include "server/ApiTestSupport.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QTest>

using namespace bitmarket::test;

namespace {

// The model job here fails at once (its photo file is gone), but it still moves through states.
constexpr int kModelJobMs = 20000;

QString compact(const QJsonValue& value) {
    return QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact));
}

QString typeOf(const QJsonObject& frame) {
    return frame.value("type").toString();
}

} // namespace

class ListingLiveUpdateTest : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<RealtimeTestClient> m_viewer;
    TestUser m_seller, m_fan;
    QString m_listingId;
    qint64 m_viewHour = 0; // the hour the server last counted this address's view in

    // Views count once per viewer per hour (of the server's clock, which is this machine's).
    static qint64 viewHour() { return QDateTime::currentMSecsSinceEpoch() / (3600 * 1000); }

    std::unique_ptr<HttpTestClient> as(const TestUser& u) {
        auto c = std::make_unique<HttpTestClient>(m_server->httpUrl());
        if (!u.accessToken.isEmpty())
            c->setAccessToken(u.accessToken);
        return c;
    }
    QString topic() const { return "listing:" + m_listingId; }
    QString listingPath() const { return "/api/v1/listings/" + m_listingId; }

    // The first listing.updated on the listing's topic whose listing matches; empty on timeout.
    QJsonObject waitForPushedListing(const std::function<bool(const QJsonObject&)>& matches,
                                     int timeoutMs = RealtimeTestClient::kWaitMs) {
        const QString followed = topic();
        return m_viewer
            ->waitForFrame(
                [&](const QJsonObject& frame) {
                    return typeOf(frame) == "listing.updated" &&
                           frame.value("topic").toString() == followed &&
                           matches(frame.value("data").toObject());
                },
                timeoutMs)
            .value("data")
            .toObject();
    }

    // Fails the test unless `pushed` is what an anonymous GET of the listing answers now,
    // less the caller's own isFavorite.
    void expectSameAsAnonymousGet(const QJsonObject& pushed) {
        QVERIFY2(!pushed.isEmpty(), "no listing.updated came");
        const HttpResponse r = as(TestUser{})->get(listingPath());
        BM_EXPECT_STATUS(r, 200);
        QJsonObject got = r.json();
        QCOMPARE(got.value("isFavorite"), QJsonValue(false));
        got.remove("isFavorite");
        // A GET in a new hour counts this address's view again, after the push was read.
        const qint64 hour = viewHour();
        if (hour != m_viewHour) {
            m_viewHour = hour;
            got.insert("viewCount", got.value("viewCount").toInteger() - 1);
        }
        QCOMPARE(pushed.keys(), got.keys());
        for (const QString& key : got.keys()) {
            QVERIFY2(
                pushed.value(key) == got.value(key),
                qPrintable(QStringLiteral("%1: pushed %2, GET %3")
                               .arg(key, compact(pushed.value(key)), compact(got.value(key)))));
        }
    }

private Q_SLOTS:
    void initTestCase() {
        m_server = std::make_unique<ServerProcess>();
        QVERIFY(m_server->start());
        HttpTestClient http(m_server->httpUrl());
        m_seller = registerUser(http, "lamp_seller");
        m_fan = registerUser(http, "lamp_fan");
        QVERIFY(m_seller.ok() && m_fan.ok());
        const HttpResponse created =
            as(m_seller)->post("/api/v1/listings", listingDraft("Desk lamp", 15000, "home"));
        BM_EXPECT_STATUS(created, 201);
        m_listingId = created.json().value("id").toString();
        // This address's view of the hour is counted now, so later GETs count none.
        m_viewHour = viewHour();
        BM_EXPECT_STATUS(as(TestUser{})->get(listingPath()), 200);

        m_viewer = std::make_unique<RealtimeTestClient>();
        m_viewer->open(m_server->wsUrl());
        QVERIFY(m_viewer->waitForConnected());
        QCOMPARE(typeOf(m_viewer->subscribe({topic()})), QStringLiteral("subscribed"));
    }

    void cleanupTestCase() {
        m_viewer.reset();
        if (m_server)
            QCOMPARE(m_server->stop(), 0);
    }

    void editPushesTheListing() {
        BM_EXPECT_STATUS(
            as(m_seller)->patch(listingPath(),
                                QJsonObject{{"title", "Brass desk lamp"}, {"region", "Busan"}}),
            200);
        const QJsonObject pushed = waitForPushedListing(
            [](const QJsonObject& l) { return l.value("title").toString() == "Brass desk lamp"; });
        QCOMPARE(pushed.value("region").toString(), QStringLiteral("Busan"));
        QVERIFY(pushed.contains("seller"));
        expectSameAsAnonymousGet(pushed);
    }

    void auctionPushKeepsTheReserveSecret() {
        const QJsonObject body = auctionDraft("Pushed auction", 10'000, 2 * 3600 * 1000, 77'000);
        const HttpResponse created = as(m_seller)->post("/api/v1/listings", body);
        BM_EXPECT_STATUS(created, 201);
        const QString id = created.json().value("id").toString();
        RealtimeTestClient watcher;
        watcher.open(m_server->wsUrl());
        QVERIFY(watcher.waitForConnected());
        QCOMPARE(typeOf(watcher.subscribe({"listing:" + id})), QStringLiteral("subscribed"));
        BM_EXPECT_STATUS(as(m_seller)->patch("/api/v1/listings/" + id, QJsonObject{{"title", "Pushed auction, edited"}}), 200);
        const QJsonObject frame = watcher.waitForFrame([](const QJsonObject& f) { return typeOf(f) == "listing.updated"; });
        const QJsonObject auction = frame.value("data").toObject().value("auction").toObject();
        QVERIFY2(!auction.isEmpty(), qPrintable(compact(frame)));
        QVERIFY2(!auction.contains("reservePrice"), qPrintable(compact(auction)));
        QCOMPARE(auction.value("reserveMet"), QJsonValue(false));
    }

    void photoUploadPushesTheListing() {
        BM_EXPECT_STATUS(as(m_seller)->upload(listingPath() + "/photos",
                                              {UploadFile{"lamp.png", encodedImage(64, 48, QColor(200, 150, 40), "PNG"), "image/png"}}),
                         201);
        const QJsonObject pushed = waitForPushedListing(
            [](const QJsonObject& l) { return l.value("photos").toArray().size() == 1; });
        QVERIFY(!pushed.value("thumbUrl").toString().isEmpty());
        expectSameAsAnonymousGet(pushed);
    }

    void favoritePushesTheListing() {
        BM_EXPECT_STATUS(as(m_fan)->put(listingPath() + "/favorite"), 200);
        const QJsonObject pushed = waitForPushedListing(
            [](const QJsonObject& l) { return l.value("favoriteCount").toInteger() == 1; });
        // The fan's own heart is the fan's business, not every viewer's.
        QVERIFY(!pushed.contains("isFavorite"));
        expectSameAsAnonymousGet(pushed);
    }

    void modelJobStatesPushTheListing() {
        // Without its photo file the job fails on its first run, without retries.
        const QJsonObject detail = as(TestUser{})->get(listingPath()).json();
        const QString photoUrl =
            detail.value("photos").toArray().first().toObject().value("url").toString();
        QVERIFY(QFile::remove(m_server->dataDir() + photoUrl));
        BM_EXPECT_STATUS(as(m_seller)->post(listingPath() + "/model", {}), 202);

        const auto modelStatus = [](const QJsonObject& l) {
            return l.value("model").toObject().value("status").toString();
        };
        const QJsonObject queued =
            waitForPushedListing([&](const QJsonObject& l) { return modelStatus(l) == "queued"; });
        QVERIFY2(!queued.isEmpty(), "the request did not push the queued model");
        const QJsonObject failed = waitForPushedListing(
            [&](const QJsonObject& l) { return modelStatus(l) == "failed"; }, kModelJobMs);
        QVERIFY(failed.value("model").toObject().contains("error"));
        QCOMPARE(queued.keys(), failed.keys());
        expectSameAsAnonymousGet(failed);
    }

    // A viewer who stops following the listing (leaves its page) gets no more of it, though
    // it still follows its own topic on the same socket.
    void unsubscribedListingIsNoLongerPushed() {
        RealtimeTestClient fan;
        fan.open(m_server->wsUrl(), "Bearer " + m_fan.accessToken.toLatin1());
        QVERIFY(fan.waitForConnected());
        QCOMPARE(typeOf(fan.subscribe({"user:" + m_fan.id, topic()})), "subscribed");
        BM_EXPECT_STATUS(as(m_seller)->patch(listingPath(), {{"title", "Followed lamp"}}), 200);
        QVERIFY(!fan.waitForEvent(topic()).isEmpty());
        QCOMPARE(typeOf(fan.unsubscribe({topic()})), "unsubscribed");
        BM_EXPECT_STATUS(as(m_seller)->patch(listingPath(), {{"title", "Unfollowed lamp"}}), 200);
        // The one still following sees the edit; by then the other would have too.
        QVERIFY(!waitForPushedListing([](const QJsonObject& l) {
                     return l.value("title") == QStringLiteral("Unfollowed lamp");
                 }).isEmpty());
        QTest::qWait(200);
        QCOMPARE(fan.eventsOn(topic()).size(), 1);
    }

    void removalPushesListingRemoved() {
        BM_EXPECT_STATUS(as(m_seller)->del(listingPath()), 204);
        const QJsonObject removed = m_viewer->waitForFrame(
            [](const QJsonObject& frame) { return typeOf(frame) == "listing.removed"; });
        QCOMPARE(removed.value("topic").toString(), topic());
        QCOMPARE(removed.value("data").toObject(), (QJsonObject{{"id", m_listingId}}));
        BM_EXPECT_ERROR(as(TestUser{})->get(listingPath()), 404, "not_found");
    }
};

QTEST_GUILESS_MAIN(ListingLiveUpdateTest)
#include "ListingLiveUpdateTest.moc"
