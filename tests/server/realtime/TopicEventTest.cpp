// Each typed domain event becomes the frames live clients are promised, on the right topics,
// and nothing else: the mapping realtime/ alone owns (see TopicEvent.h).
#include "realtime/TopicEvent.h"

#include "realtime/RealtimeTopic.h"
#include "realtime/ServerFrame.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace bitmarket;
using namespace bitmarket::server;

namespace {

Listing deskLamp() {
    Listing l;
    l.id = QStringLiteral("l_lamp");
    l.title = QStringLiteral("Desk lamp");
    l.price = Money{15000, QStringLiteral("KRW")};
    l.condition = QStringLiteral("good");
    l.tags = {QStringLiteral("lamp")};
    l.saleType = QStringLiteral("fixed");
    l.status = QStringLiteral("active");
    l.sellerId = QStringLiteral("u_seller");
    l.favoriteCount = 3;
    l.viewCount = 12;
    l.photos = {Photo{QStringLiteral("p_1"), QStringLiteral("/media/ab/a.jpg"),
                      QStringLiteral("/media/ab/a_320.jpg"), 640, 480}};
    l.seller =
        SellerSummary{QStringLiteral("u_seller"), QStringLiteral("minji"), QStringLiteral("Minji")};
    l.model = ModelInfo{QStringLiteral("running"), {}, {}, {}, 0, QStringLiteral("job_1"), {}};
    return l;
}

Job runningJob(const QString& listingId) {
    Job job;
    job.id = QStringLiteral("job_1");
    job.kind = QStringLiteral("model");
    job.status = QStringLiteral("running");
    job.progress = 0.4;
    job.stage = QStringLiteral("depth");
    job.listingId = listingId;
    job.attempts = 1;
    return job;
}

QJsonObject parsed(const QString& frame) {
    return QJsonDocument::fromJson(frame.toUtf8()).object();
}

} // namespace

class TopicEventTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void topicNamesAreTheOnesClientsSubscribeTo() {
        QCOMPARE(RealtimeTopic::listing("l_1"), QStringLiteral("listing:l_1"));
        QCOMPARE(RealtimeTopic::user("u_1"), QStringLiteral("user:u_1"));
        QVERIFY(RealtimeTopic::parse(RealtimeTopic::listing("l_1")).ok());
        QVERIFY(RealtimeTopic::parse(RealtimeTopic::user("u_1")).ok());
        QVERIFY(!RealtimeTopic::parse(QStringLiteral("listings:l_1")).ok());
        QVERIFY(!RealtimeTopic::parse(QStringLiteral("listing")).ok());
    }

    void listingUpdatedCarriesThePublicListing() {
        Listing listing = deskLamp();
        listing.isFavorite = true; // whoever published it, one viewer's heart never goes out
        const QList<TopicEvent> events = TopicEvent::from(ListingUpdated{listing});
        QCOMPARE(events.size(), 1);
        QCOMPARE(events[0].topic, QStringLiteral("listing:l_lamp"));
        QCOMPARE(events[0].type, QStringLiteral("listing.updated"));
        QJsonObject expected = deskLamp().toJson();
        QCOMPARE(events[0].data, expected);
        QVERIFY(!events[0].data.contains("isFavorite"));
        for (const char* key : {"photos", "seller", "model", "favoriteCount", "viewCount"})
            QVERIFY2(events[0].data.contains(key), key);

        const QJsonObject frame = parsed(ServerFrame::event(events[0], Language::English));
        QCOMPARE(frame.keys(), (QStringList{"data", "topic", "type"}));
        QCOMPARE(frame.value("type").toString(), QStringLiteral("listing.updated"));
        QCOMPARE(frame.value("topic").toString(), QStringLiteral("listing:l_lamp"));
        QCOMPARE(frame.value("data").toObject(), expected);
    }

    void listingRemovedSaysWhichListing() {
        const QList<TopicEvent> events = TopicEvent::from(ListingRemoved{"l_lamp"});
        QCOMPARE(events.size(), 1);
        QCOMPARE(events[0].topic, QStringLiteral("listing:l_lamp"));
        QCOMPARE(events[0].type, QStringLiteral("listing.removed"));
        QCOMPARE(events[0].data, (QJsonObject{{"id", "l_lamp"}}));
    }

    void jobProgressGoesToItsOwnerAndItsListing() {
        const QList<TopicEvent> events =
            TopicEvent::from(JobProgressed{runningJob("l_lamp"), "u_seller"});
        QCOMPARE(events.size(), 2);
        QCOMPARE(events[0].topic, QStringLiteral("user:u_seller"));
        QCOMPARE(events[1].topic, QStringLiteral("listing:l_lamp"));
        const QJsonObject expected{
            {"jobId", "job_1"}, {"listingId", "l_lamp"}, {"kind", "model"}, {"status", "running"},
            {"progress", 0.4},  {"stage", "depth"},      {"attempts", 1}};
        for (const TopicEvent& e : events) {
            QCOMPARE(e.type, QStringLiteral("job.progress"));
            QCOMPARE(e.data, expected);
        }
    }

    void failedJobSaysWhy() {
        Job job = runningJob("l_lamp");
        job.status = QStringLiteral("failed");
        job.error = QStringLiteral("The listing has no photos.");
        const QList<TopicEvent> events = TopicEvent::from(JobProgressed{job, "u_seller"});
        QCOMPARE(events.size(), 2);
        QCOMPARE(events[0].data.value("error").toString(), job.error);
    }

    void jobOfNoListingGoesToItsOwnerOnly() {
        const QList<TopicEvent> events =
            TopicEvent::from(JobProgressed{runningJob({}), "u_seller"});
        QCOMPARE(events.size(), 1);
        QCOMPARE(events[0].topic, QStringLiteral("user:u_seller"));
    }

    void endedSessionIsForTheHubNotForClients() {
        QVERIFY(TopicEvent::from(SessionEnded{"u_alice", "f_1"}).isEmpty());
        QVERIFY(TopicEvent::from(SessionEnded{"u_alice", {}}).isEmpty());
    }

    void notificationGoesToItsUserInEachReadersLanguage() {
        Notification english;
        english.id = QStringLiteral("n_1");
        english.type = QStringLiteral("price.drop");
        english.title = QStringLiteral("A favorite dropped its price");
        Notification korean = english;
        korean.title = QStringLiteral("관심 상품 가격이 내렸어요");
        const QList<TopicEvent> events =
            TopicEvent::from(NotificationAdded{QStringLiteral("u_1"), english, korean, 4});
        QCOMPARE(events.size(), 1);
        QCOMPARE(events[0].topic, RealtimeTopic::user(QStringLiteral("u_1")));
        QCOMPARE(events[0].type, QStringLiteral("notification.new"));
        const QJsonObject inEnglish = parsed(ServerFrame::event(events[0], Language::English));
        const QJsonObject inKorean = parsed(ServerFrame::event(events[0], Language::Korean));
        QCOMPARE(inEnglish.value("data").toObject().value("notification").toObject(), english.toJson());
        QCOMPARE(inKorean.value("data").toObject().value("notification").toObject(), korean.toJson());
        QCOMPARE(inKorean.value("data").toObject().value("unreadCount").toInt(), 4);
    }

    void readNotificationsTellTheUsersOtherDevices() {
        const QList<TopicEvent> events = TopicEvent::from(
            NotificationsRead{QStringLiteral("u_1"), {QStringLiteral("n_1")}, false, 2});
        QCOMPARE(events.size(), 1);
        QCOMPARE(events[0].topic, RealtimeTopic::user(QStringLiteral("u_1")));
        QCOMPARE(events[0].type, QStringLiteral("notification.read"));
        QCOMPARE(events[0].data.value("unreadCount").toInt(), 2);
        QCOMPARE(events[0].data.value("ids").toArray(), QJsonArray{QStringLiteral("n_1")});
        // Only numbers and ids: the same frame in every language.
        QVERIFY(events[0].koreanData.isEmpty());
    }

    void causesOfNotificationsAreNotFramesThemselves() {
        QVERIFY(TopicEvent::from(ListingPublished{deskLamp()}).isEmpty());
        QVERIFY(TopicEvent::from(ListingPriceDropped{deskLamp(), Money{20000, QStringLiteral("KRW")}})
                    .isEmpty());
        QVERIFY(TopicEvent::from(ModelFinished{QStringLiteral("l_lamp"), QStringLiteral("Desk lamp"),
                                               QStringLiteral("u_seller"), QStringLiteral("job_1"),
                                               true, {}})
                    .isEmpty());
    }
};

QTEST_GUILESS_MAIN(TopicEventTest)
#include "TopicEventTest.moc"
