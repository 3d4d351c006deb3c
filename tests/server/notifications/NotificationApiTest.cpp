// Notifications against the real server: each type comes from the action that should cause
// it and from nothing else; keyword alerts reach each matching user once and never the seller;
// price drops only on a decrease; bursts group into one unread notification; mutes; the
// reader's language; the unread count against a count of the inbox itself after random reads;
// a notification survives kill -9 right after its cause; two sockets of one user agree.
#include "ApiTestSupport.h"
#include "RealtimeTestClient.h"

#include <QRandomGenerator>
#include <QTest>

using namespace bitmarket::test;

namespace {

QJsonObject money(qint64 amount) {
    return QJsonObject{{"amount", amount}, {"currency", "KRW"}};
}

} // namespace

class NotificationApiTest : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<ServerProcess> m_server;
    int m_users = 0;

    std::unique_ptr<HttpTestClient> as(const TestUser& u, const QByteArray& language = "en") {
        return clientAs(*m_server, u, language);
    }
    TestUser newUser(const QString& name) { return registerNumbered(*m_server, name, m_users); }
    QString publish(const TestUser& seller, QJsonObject draft) {
        const HttpResponse r = as(seller)->post("/api/v1/listings", draft);
        return r.status == 201 ? r.json().value("id").toString() : QString();
    }
    bool saveKeyword(const TestUser& u, const QJsonObject& keyword) {
        const int status = as(u)->post("/api/v1/me/keywords", keyword).status;
        return status == 201 || status == 200;
    }
    // The whole inbox, every page, newest first.
    QList<QJsonObject> inbox(const TestUser& u, const QByteArray& language = "en",
                             bool unreadOnly = false, int pageSize = 7) {
        QList<QJsonObject> all;
        QString cursor;
        for (int guard = 0; guard < 100; ++guard) {
            QString path = QStringLiteral("/api/v1/notifications?limit=%1").arg(pageSize);
            if (unreadOnly)
                path += "&unread=true";
            if (!cursor.isEmpty())
                path += "&cursor=" + QString::fromLatin1(QUrl::toPercentEncoding(cursor));
            const HttpResponse r = as(u, language)->get(path);
            if (r.status != 200) {
                qWarning("inbox: %d %s", r.status, r.body.constData());
                return {};
            }
            for (const QJsonValue& v : r.json().value("items").toArray())
                all.append(v.toObject());
            cursor = r.json().value("nextCursor").toString();
            if (cursor.isEmpty())
                break;
        }
        return all;
    }
    // Keyword alerts go out from a job a second or so after publishing.
    bool waitForInbox(const TestUser& u, int size) {
        return QTest::qWaitFor([&] { return inbox(u).size() >= size; }, 10'000);
    }
    QStringList typesIn(const TestUser& u) {
        QStringList types;
        for (const QJsonObject& n : inbox(u))
            types.append(n.value("type").toString());
        return types;
    }
    qint64 unreadCount(const TestUser& u) {
        const HttpResponse r = as(u)->get("/api/v1/notifications/unread-count");
        return r.status == 200 ? r.json().value("count").toInteger() : -1;
    }
    bool changePrice(const TestUser& seller, const QString& listingId, qint64 amount) {
        return as(seller)->patch("/api/v1/listings/" + listingId, {{"price", money(amount)}}).status ==
               200;
    }

private Q_SLOTS:
    void initTestCase() {
        m_server = std::make_unique<ServerProcess>();
        // This suite signs up many more accounts from 127.0.0.1 than one address may.
        QVERIFY(m_server->start({"--registrations-per-hour", "1000"}));
    }

    void cleanupTestCase() {
        if (m_server)
            QCOMPARE(m_server->stop(), 0);
    }

    void keywordAlertReachesEachMatchingUserOnceAndNeverTheSeller() {
        const TestUser seller = newUser("lamp_seller");
        const TestUser twoKeywords = newUser("two_keywords");
        const TestUser inCategory = newUser("in_category");
        const TestUser wrongCategory = newUser("wrong_category");
        const TestUser tooCheap = newUser("too_cheap");
        const TestUser otherWords = newUser("other_words");
        const TestUser korean = newUser("korean_words");
        QVERIFY(seller.ok() && twoKeywords.ok() && inCategory.ok() && wrongCategory.ok() &&
                tooCheap.ok() && otherWords.ok() && korean.ok());
        QVERIFY(saveKeyword(seller, {{"keyword", "lamp"}}));
        QVERIFY(saveKeyword(twoKeywords, {{"keyword", "lamp"}}));
        QVERIFY(saveKeyword(twoKeywords, {{"keyword", "Brass DESK"}}));
        // A parent category takes in its children (phones is under electronics).
        QVERIFY(saveKeyword(inCategory, {{"keyword", "lamp"}, {"categoryId", "electronics"}}));
        QVERIFY(saveKeyword(wrongCategory, {{"keyword", "lamp"}, {"categoryId", "books"}}));
        QVERIFY(saveKeyword(tooCheap, {{"keyword", "lamp"}, {"maxPrice", money(20'000)}}));
        QVERIFY(saveKeyword(otherWords, {{"keyword", "lamp shade"}}));
        QVERIFY(saveKeyword(korean, {{"keyword", "조명"}}));

        QJsonObject draft = listingDraft("Brass desk lamps, vintage", 30'000, "phones");
        draft.insert("tags", QJsonArray{"조명을", "interior"});
        const QString listingId = publish(seller, draft);
        QVERIFY(!listingId.isEmpty());

        for (const TestUser& told : {twoKeywords, inCategory, korean}) {
            QVERIFY2(waitForInbox(told, 1), qPrintable(told.username));
            const QList<QJsonObject> items = inbox(told);
            QCOMPARE(items.size(), 1);
            QCOMPARE(items[0].value("type").toString(), QStringLiteral("keyword.match"));
            QCOMPARE(items[0].value("data").toObject().value("listingId").toString(), listingId);
            QCOMPARE(items[0].value("readAt").type(), QJsonValue::Null);
            QCOMPARE(unreadCount(told), 1);
        }
        for (const TestUser& untold : {seller, wrongCategory, tooCheap, otherWords})
            QVERIFY2(inbox(untold).isEmpty(), qPrintable(untold.username));

        // Changing the listing, keeping it or raising its price tells nobody anything new.
        BM_EXPECT_STATUS(as(seller)->patch("/api/v1/listings/" + listingId,
                                            {{"title", "Brass desk lamp shade"}}),
                         200);
        BM_EXPECT_STATUS(as(twoKeywords)->put("/api/v1/listings/" + listingId + "/favorite"), 200);
        QVERIFY(changePrice(seller, listingId, 31'000));
        QCOMPARE(inbox(otherWords).size(), 0);
        QCOMPARE(typesIn(twoKeywords), QStringList{"keyword.match"});
        QVERIFY(inbox(seller).isEmpty());
    }

    void priceDropOnlyOnADecreaseAndBurstsGroup() {
        const TestUser seller = newUser("dropper");
        const TestUser keeper = newUser("keeper");
        const TestUser bystander = newUser("bystander");
        QVERIFY(seller.ok() && keeper.ok() && bystander.ok());
        const QString listingId = publish(seller, listingDraft("Oak bookshelf", 100'000, "furniture"));
        QVERIFY(!listingId.isEmpty());
        BM_EXPECT_STATUS(as(keeper)->put("/api/v1/listings/" + listingId + "/favorite"), 200);

        QVERIFY(changePrice(seller, listingId, 120'000)); // up
        QVERIFY(changePrice(seller, listingId, 120'000)); // the same
        BM_EXPECT_STATUS(as(seller)->patch("/api/v1/listings/" + listingId, {{"region", "Busan"}}), 200);
        QVERIFY(inbox(keeper).isEmpty());

        QVERIFY(changePrice(seller, listingId, 90'000));
        QList<QJsonObject> items = inbox(keeper);
        QCOMPARE(items.size(), 1);
        QCOMPARE(items[0].value("type").toString(), QStringLiteral("price.drop"));
        const QJsonObject data = items[0].value("data").toObject();
        QCOMPARE(data.value("oldPrice").toObject().value("amount").toInteger(), 120'000);
        QCOMPARE(data.value("newPrice").toObject().value("amount").toInteger(), 90'000);
        const QString firstId = items[0].value("id").toString();

        // A burst while it is unread is the same notification, updated.
        QVERIFY(changePrice(seller, listingId, 85'000));
        QVERIFY(changePrice(seller, listingId, 80'000));
        items = inbox(keeper);
        QCOMPARE(items.size(), 1);
        QCOMPARE(items[0].value("id").toString(), firstId);
        QCOMPARE(items[0].value("count").toInt(), 3);
        QCOMPARE(items[0].value("data").toObject().value("newPrice").toObject().value("amount").toInteger(),
                 80'000);
        QVERIFY(items[0].value("body").toString().contains(QStringLiteral("₩80,000")));
        QCOMPARE(unreadCount(keeper), 1);

        // Once read, the next drop is a new notification.
        BM_EXPECT_STATUS(as(keeper)->post("/api/v1/notifications/read", {{"ids", QJsonArray{firstId}}}), 204);
        QCOMPARE(unreadCount(keeper), 0);
        QVERIFY(changePrice(seller, listingId, 70'000));
        items = inbox(keeper);
        QCOMPARE(items.size(), 2);
        QVERIFY(items[0].value("id").toString() != firstId);
        QCOMPARE(items[0].value("count").toInt(), 1);
        QVERIFY(!items[1].value("readAt").toString().isEmpty());
        QCOMPARE(unreadCount(keeper), 1);
        QVERIFY(inbox(bystander).isEmpty());
        QVERIFY(inbox(seller).isEmpty());
    }

    void mutedTypesAreNotStored() {
        const TestUser seller = newUser("mute_seller");
        const TestUser keeper = newUser("mute_keeper");
        QVERIFY(seller.ok() && keeper.ok());
        HttpResponse r = as(keeper)->get("/api/v1/me/notification-settings");
        BM_EXPECT_STATUS(r, 200);
        QCOMPARE(r.json().value("muted").toArray().size(), 0);
        r = as(keeper)->put("/api/v1/me/notification-settings", {{"muted", QJsonArray{"price.drop"}}});
        BM_EXPECT_STATUS(r, 200);
        QCOMPARE(r.json().value("muted").toArray(), QJsonArray{"price.drop"});
        BM_EXPECT_ERROR(as(keeper)->put("/api/v1/me/notification-settings", {{"muted", QJsonArray{"price.up"}}}),
                        400, "validation_failed");
        BM_EXPECT_ERROR(as(keeper)->put("/api/v1/me/notification-settings", {{"muted", "price.drop"}}),
                        400, "validation_failed");
        BM_EXPECT_ERROR(as(TestUser{})->get("/api/v1/me/notification-settings"), 401, "unauthorized");
        // The refused changes left the mute as it was.
        QCOMPARE(as(keeper)->get("/api/v1/me/notification-settings").json().value("muted").toArray(),
                 QJsonArray{"price.drop"});

        QVERIFY(saveKeyword(keeper, {{"keyword", "kettle"}}));
        const QString listingId = publish(seller, listingDraft("Electric kettle", 30'000, "home"));
        QVERIFY(waitForInbox(keeper, 1));
        BM_EXPECT_STATUS(as(keeper)->put("/api/v1/listings/" + listingId + "/favorite"), 200);
        QVERIFY(changePrice(seller, listingId, 25'000));
        QCOMPARE(typesIn(keeper), QStringList{"keyword.match"}); // the other type still comes

        BM_EXPECT_STATUS(as(keeper)->put("/api/v1/me/notification-settings", {{"muted", QJsonArray{}}}), 200);
        QVERIFY(changePrice(seller, listingId, 20'000));
        QCOMPARE(typesIn(keeper), (QStringList{"price.drop", "keyword.match"}));
    }

    void titleAndBodyAreInTheReadersLanguage() {
        const TestUser seller = newUser("lang_seller");
        const TestUser reader = newUser("lang_reader");
        QVERIFY(seller.ok() && reader.ok());
        QVERIFY(saveKeyword(reader, {{"keyword", "camera"}}));
        const QString listingId = publish(seller, listingDraft("Film camera", 150'000, "cameras"));
        QVERIFY(waitForInbox(reader, 1));
        BM_EXPECT_STATUS(as(reader)->put("/api/v1/listings/" + listingId + "/favorite"), 200);
        QVERIFY(changePrice(seller, listingId, 120'000));

        const QList<QJsonObject> english = inbox(reader, "en");
        const QList<QJsonObject> korean = inbox(reader, "ko-KR,ko;q=0.9");
        QCOMPARE(english.size(), 2);
        QCOMPARE(korean.size(), 2);
        QCOMPARE(english[0].value("title").toString(), QStringLiteral("A favorite dropped its price"));
        QCOMPARE(korean[0].value("title").toString(), QStringLiteral("관심 상품 가격이 내렸어요"));
        QCOMPARE(english[0].value("body").toString(), QStringLiteral("Film camera: ₩150,000 → ₩120,000"));
        QCOMPARE(korean[0].value("body").toString(), QStringLiteral("Film camera: 150,000원 → 120,000원"));
        QCOMPARE(english[1].value("title").toString(), QStringLiteral("New listing for ‘camera’"));
        QCOMPARE(korean[1].value("title").toString(), QStringLiteral("‘camera’ 새 매물"));
        // The same notifications, only the words differ.
        for (int i = 0; i < 2; ++i) {
            QCOMPARE(korean[i].value("id"), english[i].value("id"));
            QCOMPARE(korean[i].value("data"), english[i].value("data"));
        }
    }

    void unreadCountMatchesTheInboxAfterRandomReads() {
        const TestUser seller = newUser("many_seller");
        const TestUser reader = newUser("many_reader");
        const TestUser other = newUser("many_other");
        QVERIFY(seller.ok() && reader.ok() && other.ok());
        QVERIFY(saveKeyword(reader, {{"keyword", "widget"}}));
        QVERIFY(saveKeyword(other, {{"keyword", "widget"}}));
        for (int i = 0; i < 23; ++i)
            QVERIFY(!publish(seller, listingDraft(QStringLiteral("Widget number %1").arg(i), 1000 + i, "toys")).isEmpty());
        QVERIFY(waitForInbox(reader, 23) && waitForInbox(other, 23));
        QStringList ids;
        for (const QJsonObject& n : inbox(reader))
            ids.append(n.value("id").toString());
        QCOMPARE(ids.size(), 23);
        QCOMPARE(QSet<QString>(ids.begin(), ids.end()).size(), 23); // pages neither repeat nor skip
        const QList<QJsonObject> othersInbox = inbox(other);
        QCOMPARE(othersInbox.size(), 23);

        auto* rng = QRandomGenerator::global();
        for (int round = 0; round < 6; ++round) {
            QJsonArray pick;
            for (int k = 0; k < 4; ++k)
                pick.append(ids[rng->bounded(ids.size())]);
            pick.append("n_doesnotexist0000000");
            // Another user's id is not the reader's to read.
            pick.append(othersInbox[rng->bounded(othersInbox.size())].value("id").toString());
            BM_EXPECT_STATUS(as(reader)->post("/api/v1/notifications/read", {{"ids", pick}}), 204);
            const QList<QJsonObject> all = inbox(reader);
            const qint64 bruteForce = std::count_if(all.begin(), all.end(), [](const QJsonObject& n) {
                return n.value("readAt").isNull();
            });
            QCOMPARE(unreadCount(reader), bruteForce);
            QCOMPARE(inbox(reader, "en", true).size(), bruteForce);
        }
        QCOMPARE(unreadCount(other), 23);

        BM_EXPECT_ERROR(as(reader)->post("/api/v1/notifications/read", QJsonObject{}), 400, "validation_failed");
        BM_EXPECT_ERROR(as(reader)->post("/api/v1/notifications/read", {{"ids", "n_x"}}), 400, "validation_failed");
        BM_EXPECT_ERROR(as(reader)->get("/api/v1/notifications?unread=maybe"), 400, "validation_failed");
        BM_EXPECT_ERROR(as(reader)->get("/api/v1/notifications?cursor=garbage"), 400, "validation_failed");
        BM_EXPECT_ERROR(as(reader)->get("/api/v1/notifications?limit=0"), 400, "validation_failed");
        BM_EXPECT_ERROR(as(TestUser{})->get("/api/v1/notifications"), 401, "unauthorized");
        BM_EXPECT_STATUS(as(reader)->post("/api/v1/notifications/read", {{"all", true}}), 204);
        QCOMPARE(unreadCount(reader), 0);
        QCOMPARE(inbox(reader, "en", true).size(), 0);
        QCOMPARE(unreadCount(other), 23);
    }

    void savedKeywordsAreLimitedAndValidated() {
        const TestUser u = newUser("keyword_owner");
        const TestUser stranger = newUser("keyword_stranger");
        QVERIFY(u.ok() && stranger.ok());
        BM_EXPECT_ERROR(as(u)->post("/api/v1/me/keywords", {{"keyword", "   "}}), 400, "validation_failed");
        BM_EXPECT_ERROR(as(u)->post("/api/v1/me/keywords", {{"keyword", "!!!"}}), 400, "validation_failed");
        BM_EXPECT_ERROR(as(u)->post("/api/v1/me/keywords", {{"keyword", QString(41, u'a')}}), 400, "validation_failed");
        BM_EXPECT_ERROR(as(u)->post("/api/v1/me/keywords", {{"keyword", "sofa"}, {"categoryId", "spaceships"}}), 400,
                        "validation_failed");
        BM_EXPECT_ERROR(as(u)->post("/api/v1/me/keywords", {{"keyword", "sofa"}, {"maxPrice", -5}}), 400,
                        "validation_failed");
        BM_EXPECT_ERROR(as(TestUser{})->post("/api/v1/me/keywords", {{"keyword", "sofa"}}), 401, "unauthorized");

        const HttpResponse first = as(u)->post("/api/v1/me/keywords",
                                               {{"keyword", "sofa"}, {"categoryId", "furniture"}, {"maxPrice", money(50'000)}});
        BM_EXPECT_STATUS(first, 201);
        QCOMPARE(first.json().value("categoryId").toString(), QStringLiteral("furniture"));
        QCOMPARE(first.json().value("maxPrice").toObject().value("amount").toInteger(), 50'000);
        const HttpResponse again = as(u)->post("/api/v1/me/keywords",
                                               {{"keyword", "sofa"}, {"categoryId", "furniture"}, {"maxPrice", money(50'000)}});
        BM_EXPECT_STATUS(again, 200);
        QCOMPARE(again.json().value("id"), first.json().value("id"));
        for (int i = 1; i < 30; ++i)
            BM_EXPECT_STATUS(as(u)->post("/api/v1/me/keywords", {{"keyword", QStringLiteral("thing %1").arg(i)}}), 201);
        BM_EXPECT_ERROR(as(u)->post("/api/v1/me/keywords", {{"keyword", "one too many"}}), 409, "conflict");
        const QJsonArray saved = as(u)->get("/api/v1/me/keywords").json().value("items").toArray();
        QCOMPARE(saved.size(), 30);
        QCOMPARE(saved[0].toObject().value("keyword").toString(), QStringLiteral("sofa"));

        const QString id = first.json().value("id").toString();
        BM_EXPECT_ERROR(as(stranger)->del("/api/v1/me/keywords/" + id), 404, "not_found");
        BM_EXPECT_STATUS(as(u)->del("/api/v1/me/keywords/" + id), 204);
        BM_EXPECT_ERROR(as(u)->del("/api/v1/me/keywords/" + id), 404, "not_found");
        QCOMPARE(as(u)->get("/api/v1/me/keywords").json().value("items").toArray().size(), 29);
        BM_EXPECT_STATUS(as(u)->post("/api/v1/me/keywords", {{"keyword", "room again"}}), 201);

        // A deleted keyword alerts no more.
        const TestUser seller = newUser("sofa_seller");
        QVERIFY(!publish(seller, listingDraft("Sofa, two seats", 40'000, "furniture")).isEmpty());
        QVERIFY(inbox(u).isEmpty());
    }

    void failedModelTellsTheSellerOnly() {
        const TestUser seller = newUser("modeller");
        const TestUser keeper = newUser("model_keeper");
        QVERIFY(seller.ok() && keeper.ok());
        const QString listingId = publish(seller, listingDraft("Clay vase", 20'000, "art"));
        QVERIFY(!listingId.isEmpty());
        BM_EXPECT_STATUS(as(keeper)->put("/api/v1/listings/" + listingId + "/favorite"), 200);
        const HttpResponse photo = as(seller)->upload("/api/v1/listings/" + listingId + "/photos",
                                                       {UploadFile{"a.png", encodedImage(64, 48, QColor(200, 120, 10), "PNG"), "image/png"}});
        BM_EXPECT_STATUS(photo, 201);
        QVERIFY(inbox(seller).isEmpty());
        // Requested, then its photos are gone before the worker gets to it: it fails for good.
        const HttpResponse requested = as(seller)->post("/api/v1/listings/" + listingId + "/model", {});
        BM_EXPECT_STATUS(requested, 202);
        const QString photoId = photo.json().value("items").toArray().first().toObject().value("id").toString();
        as(seller)->del("/api/v1/listings/" + listingId + "/photos/" + photoId);
        const QString jobPath = "/api/v1/jobs/" + requested.json().value("job").toObject().value("id").toString();
        QTRY_COMPARE_WITH_TIMEOUT(as(seller)->get(jobPath).json().value("status").toString(),
                                  QStringLiteral("failed"), 20'000);
        const QList<QJsonObject> items = inbox(seller);
        QCOMPARE(items.size(), 1);
        QCOMPARE(items[0].value("type").toString(), QStringLiteral("model.failed"));
        QCOMPARE(items[0].value("data").toObject().value("listingId").toString(), listingId);
        QVERIFY(!items[0].value("data").toObject().value("error").toString().isEmpty());
        QVERIFY(inbox(keeper).isEmpty());
    }

    void twoSocketsOfOneUserAgree() {
        const TestUser seller = newUser("ws_seller");
        const TestUser reader = newUser("ws_reader");
        QVERIFY(seller.ok() && reader.ok());
        const QString topic = "user:" + reader.id;
        RealtimeTestClient desktop, laptop;
        desktop.open(m_server->wsUrl(), "Bearer " + reader.accessToken.toLatin1(), "en");
        laptop.open(m_server->wsUrl(), "Bearer " + reader.accessToken.toLatin1(), "ko");
        QVERIFY(desktop.waitForConnected() && laptop.waitForConnected());
        QCOMPARE(desktop.subscribe({topic}).value("type").toString(), QStringLiteral("subscribed"));
        QCOMPARE(laptop.subscribe({topic}).value("type").toString(), QStringLiteral("subscribed"));

        QVERIFY(saveKeyword(reader, {{"keyword", "drone"}}));
        const QString listingId = publish(seller, listingDraft("Camera drone", 300'000, "cameras"));
        QVERIFY(!listingId.isEmpty());
        const auto isNew = [](const QJsonObject& f) { return f.value("type").toString() == u"notification.new"; };
        const QJsonObject onDesktop = desktop.waitForFrame(isNew);
        const QJsonObject onLaptop = laptop.waitForFrame(isNew);
        QVERIFY(!onDesktop.isEmpty() && !onLaptop.isEmpty());
        QCOMPARE(onDesktop.value("topic").toString(), topic);
        const QJsonObject english = onDesktop.value("data").toObject();
        const QJsonObject korean = onLaptop.value("data").toObject();
        QCOMPARE(english.value("unreadCount").toInt(), 1);
        QCOMPARE(korean.value("unreadCount").toInt(), 1);
        const QJsonObject n = english.value("notification").toObject();
        QCOMPARE(n.value("type").toString(), QStringLiteral("keyword.match"));
        QCOMPARE(n.value("title").toString(), QStringLiteral("New listing for ‘drone’"));
        QCOMPARE(korean.value("notification").toObject().value("title").toString(), QStringLiteral("‘drone’ 새 매물"));
        QCOMPARE(korean.value("notification").toObject().value("id"), n.value("id"));
        // The frame is the notification as the inbox shows it.
        QCOMPARE(n, inbox(reader).first());

        // Read on one device (over HTTP): both sockets hear it.
        BM_EXPECT_STATUS(as(reader)->post("/api/v1/notifications/read", {{"ids", QJsonArray{n.value("id")}}}), 204);
        const auto isRead = [](const QJsonObject& f) { return f.value("type").toString() == u"notification.read"; };
        for (RealtimeTestClient* client : {&desktop, &laptop}) {
            const QJsonObject read = client->waitForFrame(isRead);
            QVERIFY(!read.isEmpty());
            QCOMPARE(read.value("data").toObject().value("unreadCount").toInt(), 0);
            QCOMPARE(read.value("data").toObject().value("ids").toArray(), QJsonArray{n.value("id")});
        }
        // Others' topics carried none of it.
        QCOMPARE(desktop.eventsOn("user:" + seller.id).size(), 0);
    }

    void notificationSurvivesKillRightAfterItsCause() {
        ServerProcess server;
        QVERIFY(server.start({"--workers", "0"}));
        HttpTestClient http(server.httpUrl());
        const TestUser seller = registerUser(http, "crash_seller");
        const TestUser watcher = registerUser(http, "crash_watcher");
        QVERIFY(seller.ok() && watcher.ok());
        HttpTestClient asWatcher(server.httpUrl());
        asWatcher.setAccessToken(watcher.accessToken);
        BM_EXPECT_STATUS(asWatcher.post("/api/v1/me/keywords", {{"keyword", "piano"}}), 201);
        HttpTestClient asSeller(server.httpUrl());
        asSeller.setAccessToken(seller.accessToken);
        BM_EXPECT_STATUS(asSeller.post("/api/v1/listings", listingDraft("Upright piano", 900'000, "other")), 201);
        server.kill();

        // The alert's job was committed with the listing; the restarted server runs it.
        QVERIFY(server.start({"--workers", "0"}));
        HttpTestClient after(server.httpUrl());
        after.setAccessToken(watcher.accessToken);
        QJsonArray items;
        QTRY_VERIFY_WITH_TIMEOUT(
            !(items = after.get("/api/v1/notifications").json().value("items").toArray()).isEmpty(), 10'000);
        QCOMPARE(items.size(), 1);
        QCOMPARE(items[0].toObject().value("type").toString(), QStringLiteral("keyword.match"));
        QCOMPARE(server.stop(), 0);
    }
};

QTEST_GUILESS_MAIN(NotificationApiTest)
#include "NotificationApiTest.moc"
