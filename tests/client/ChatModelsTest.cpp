// The chat models against the real server, two members each with their own app parts (API,
// socket, session, room list): "Chat with seller" opens one room however often it is pressed;
// the seller's list gets the room live with its unread count and the buyer's text; reading it
// clears the count and puts "read" under the buyer's message; the room groups runs of one
// sender, shows the day once and pages back through older history to the first message;
// "typing…" shows and goes; the meet-up suggestion becomes a card the other member accepts;
// the seller reserves from the room and both headers and lists say so; a card proposed by hand
// is checked first and declined; a message written while the server is down shows pending and
// is stored once when it comes back; a block shows in the room and nothing can be written.
#include "api/ApiClient.h"
#include "chat/ChatListModel.h"
#include "chat/ChatRoom.h"
#include "realtime/RealtimeClient.h"
#include "session/Session.h"
#include "support/HttpTestClient.h"
#include "support/ServerProcess.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace bitmarket::test;

namespace {

constexpr int kWaitMs = 15000;

QString passwordOf(const QString& username) {
    return "correct horse " + username;
}

// One member's app: what ClientApplication puts together, without a window. It keeps what it
// remembers in `configDir` (a folder of its own when none is given).
struct Member {
    explicit Member(const QString& configDir = {})
        : configPath(configDir.isEmpty() ? ownConfig.path() : configDir) {}
    QTemporaryDir ownConfig;
    QString configPath;
    ApiClient api;
    RealtimeClient realtime{&api};
    Session session{&api, configPath};
    ChatListModel chats{&api, &realtime, &session};
    QString id;
};

QVariant roleOf(const QAbstractItemModel& model, int row, const QByteArray& name) {
    const QHash<int, QByteArray> roles = model.roleNames();
    return model.data(model.index(row, 0), roles.key(name));
}

int rowWith(const QAbstractItemModel& model, const QByteArray& role, const QVariant& value) {
    for (int row = 0; row < model.rowCount(); ++row) {
        if (roleOf(model, row, role) == value)
            return row;
    }
    return -1;
}

// An open room of `member`, on screen (it reads what arrives).
std::unique_ptr<ChatRoom> openRoom(Member& member, const QString& chatId) {
    auto room = std::make_unique<ChatRoom>();
    room->setChats(&member.chats);
    room->setChatId(chatId);
    room->setActive(true);
    if (!QTest::qWaitFor([&] { return room->loaded() && !room->loading(); }, kWaitMs))
        qWarning("the room did not load");
    return room;
}

} // namespace

class ChatModelsTest : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<ServerProcess> m_server;
    QString m_listingId;
    std::unique_ptr<Member> m_seller;
    std::unique_ptr<Member> m_buyer;
    QString m_chatId;

    QString signUp(const QString& username) {
        HttpTestClient http(m_server->httpUrl());
        const HttpResponse r = http.post("/api/v1/auth/register",
                                         QJsonObject{{"username", username},
                                                     {"email", username + "@test.local"},
                                                     {"password", passwordOf(username)},
                                                     {"displayName", username.left(1).toUpper() + username.mid(1)}});
        return r.json().value("accessToken").toString();
    }
    std::unique_ptr<Member> signIn(const QString& username, const QString& configDir = {}) {
        auto member = std::make_unique<Member>(configDir);
        member->api.setServerUrl(m_server->httpUrl());
        member->session.signIn(username, passwordOf(username));
        if (!QTest::qWaitFor([&] { return member->session.signedIn(); }, kWaitMs))
            qWarning("%s did not sign in", qPrintable(username));
        member->id = member->session.userId();
        member->realtime.start();
        if (!QTest::qWaitFor([&] { return member->realtime.online(); }, kWaitMs))
            qWarning("%s's socket did not open", qPrintable(username));
        QTest::qWait(300); // the subscription to user:{id} arrives
        return member;
    }
    std::unique_ptr<HttpTestClient> http(const QString& username) {
        auto client = std::make_unique<HttpTestClient>(m_server->httpUrl());
        const HttpResponse login = client->post(
            "/api/v1/auth/login", QJsonObject{{"login", username}, {"password", passwordOf(username)}});
        client->setAccessToken(login.json().value("accessToken").toString());
        return client;
    }

private slots:
    void initTestCase() {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        m_server = std::make_unique<ServerProcess>();
        QVERIFY(m_server->start({"--registrations-per-hour", "1000"}));
        const QString sellerToken = signUp("hana");
        QVERIFY(!signUp("dojin").isEmpty());
        HttpTestClient seller(m_server->httpUrl());
        seller.setAccessToken(sellerToken);
        const HttpResponse listing = seller.post(
            "/api/v1/listings",
            QJsonObject{{"title", "Desk lamp, brass"}, {"description", "Warm light."},
                        {"categoryId", "other"}, {"price", QJsonObject{{"amount", 35000}, {"currency", "KRW"}}},
                        {"condition", "good"}, {"tags", QJsonArray{"lamp"}}, {"region", "Seoul"}});
        QCOMPARE(listing.status, 201);
        m_listingId = listing.json().value("id").toString();
        m_seller = signIn("hana");
        m_buyer = signIn("dojin");
        QVERIFY(m_seller->realtime.online() && m_buyer->realtime.online());
    }
    void cleanupTestCase() {
        m_buyer.reset();
        m_seller.reset();
        QCOMPARE(m_server->stop(), 0);
    }

    void chatWithSellerOpensOneRoom() {
        QSignalSpy opened(&m_buyer->chats, &ChatListModel::roomOpened);
        m_buyer->chats.openForListing(m_listingId);
        QVERIFY(opened.wait(kWaitMs));
        m_chatId = opened.at(0).at(0).toString();
        m_buyer->chats.openForListing(m_listingId);
        QVERIFY(opened.wait(kWaitMs));
        QCOMPARE(opened.at(1).at(0).toString(), m_chatId);
        QCOMPARE(m_buyer->chats.rowCount(), 1);
        QCOMPARE(roleOf(m_buyer->chats, 0, "title").toString(), QStringLiteral("Desk lamp, brass"));
        QCOMPARE(roleOf(m_buyer->chats, 0, "counterpartName").toString(), QStringLiteral("Hana"));
        QCOMPARE(roleOf(m_buyer->chats, 0, "priceText").toString(), QStringLiteral("₩35,000"));

        // The seller may not chat about their own listing: the reason comes back.
        QSignalSpy failed(&m_seller->chats, &ChatListModel::openFailed);
        m_seller->chats.openForListing(m_listingId);
        QVERIFY(failed.wait(kWaitMs));
        QCOMPARE(failed.at(0).at(0).toString(), QStringLiteral("You cannot chat about your own listing."));
    }

    void theSellersListGetsTheRoomLiveAndReadingClearsIt() {
        auto buyerRoom = openRoom(*m_buyer, m_chatId);
        QVERIFY(buyerRoom->send("  Is the lamp still available?  "));
        QVERIFY(!buyerRoom->send("   "));
        // Shown at once, pending, then stored.
        QCOMPARE(buyerRoom->rowCount(), 1);
        QVERIFY(QTest::qWaitFor([&] { return roleOf(*buyerRoom, 0, "seq").toLongLong() == 1; }, kWaitMs));
        QCOMPARE(roleOf(*buyerRoom, 0, "text").toString(), QStringLiteral("Is the lamp still available?"));
        QVERIFY(roleOf(*buyerRoom, 0, "mine").toBool());
        QVERIFY(!roleOf(*buyerRoom, 0, "pending").toBool());
        QCOMPARE(buyerRoom->rowCount(), 1);

        QVERIFY(QTest::qWaitFor([&] { return m_seller->chats.rowCount() == 1; }, kWaitMs));
        QVERIFY(QTest::qWaitFor([&] { return m_seller->chats.totalUnread() == 1; }, kWaitMs));
        QCOMPARE(roleOf(m_seller->chats, 0, "lastMessage").toString(), QStringLiteral("Is the lamp still available?"));
        QCOMPARE(roleOf(m_seller->chats, 0, "counterpartName").toString(), QStringLiteral("Dojin"));
        QVERIFY(!roleOf(*buyerRoom, 0, "readReceipt").toBool());

        // The seller opens it: read, and the buyer sees "read" under the message.
        auto sellerRoom = openRoom(*m_seller, m_chatId);
        QCOMPARE(sellerRoom->rowCount(), 1);
        QVERIFY(!roleOf(*sellerRoom, 0, "mine").toBool());
        QVERIFY(QTest::qWaitFor([&] { return m_seller->chats.totalUnread() == 0; }, kWaitMs));
        QVERIFY(QTest::qWaitFor([&] { return roleOf(*buyerRoom, 0, "readReceipt").toBool(); }, kWaitMs));

        // An answer arrives in the buyer's room and list; the room is on screen, so it is read.
        QVERIFY(sellerRoom->send("Yes, come and see it."));
        QVERIFY(QTest::qWaitFor([&] { return buyerRoom->rowCount() == 2; }, kWaitMs));
        QCOMPARE(roleOf(*buyerRoom, 0, "text").toString(), QStringLiteral("Yes, come and see it."));
        QVERIFY(!roleOf(*buyerRoom, 0, "mine").toBool());
        QVERIFY(QTest::qWaitFor([&] {
            return roleOf(m_buyer->chats, 0, "lastMessage").toString() == QStringLiteral("Yes, come and see it.");
        }, kWaitMs));
        QVERIFY(QTest::qWaitFor([&] { return m_buyer->chats.totalUnread() == 0; }, kWaitMs));
        // The receipt moved to the seller's own message once the buyer read it.
        QVERIFY(QTest::qWaitFor([&] { return roleOf(*sellerRoom, 0, "readReceipt").toBool(); }, kWaitMs));
        // A room not on screen counts what comes.
        buyerRoom->setActive(false);
        QVERIFY(sellerRoom->send("It is in Mapo."));
        QVERIFY(QTest::qWaitFor([&] { return m_buyer->chats.totalUnread() == 1; }, kWaitMs));
        buyerRoom->setActive(true);
        QVERIFY(QTest::qWaitFor([&] { return m_buyer->chats.totalUnread() == 0; }, kWaitMs));
    }

    void runsDaysAndPagingBack() {
        // 3 messages so far; 62 more over HTTP in runs of four per sender.
        auto buyerHttp = http("dojin");
        auto sellerHttp = http("hana");
        for (int i = 0; i < 62; ++i) {
            HttpTestClient& who = (i / 4) % 2 == 0 ? *buyerHttp : *sellerHttp;
            QCOMPARE(who.post("/api/v1/chats/" + m_chatId + "/messages",
                              QJsonObject{{"text", QStringLiteral("history %1").arg(i)}}).status,
                     201);
        }
        auto room = openRoom(*m_buyer, m_chatId);
        QCOMPARE(room->rowCount(), ChatRoom::kPageSize);
        QVERIFY(room->hasOlder());
        for (int guard = 0; guard < 5 && room->hasOlder(); ++guard) {
            const int before = room->rowCount();
            room->loadOlder();
            QVERIFY(QTest::qWaitFor([&] { return room->rowCount() > before || !room->hasOlder(); }, kWaitMs));
        }
        QCOMPARE(room->rowCount(), 65);
        QVERIFY(!room->hasOlder());
        for (int row = 0; row < room->rowCount(); ++row)
            QCOMPARE(roleOf(*room, row, "seq").toLongLong(), 65 - row);
        // All today: the day shows once, above the first message.
        QVERIFY(roleOf(*room, 64, "showDay").toBool());
        QCOMPARE(roleOf(*room, 64, "dayText").toString(), QStringLiteral("Today"));
        for (int row = 0; row < 64; ++row)
            QVERIFY(!roleOf(*room, row, "showDay").toBool());
        // A run of four: rows 0..1 are the seller's last two (history 60, 61), then four of the
        // buyer's (56..59): the newest of a run ends it, the oldest starts it.
        QVERIFY(roleOf(*room, 0, "lastInGroup").toBool());
        QVERIFY(!roleOf(*room, 0, "firstInGroup").toBool());
        QVERIFY(roleOf(*room, 1, "firstInGroup").toBool());
        QVERIFY(roleOf(*room, 2, "lastInGroup").toBool());
        QVERIFY(!roleOf(*room, 3, "lastInGroup").toBool());
        QVERIFY(roleOf(*room, 5, "firstInGroup").toBool());
        QCOMPARE(roleOf(*room, 2, "mine").toBool(), true);
        QCOMPARE(roleOf(*room, 1, "mine").toBool(), false);
    }

    void typingTheSuggestionAndAnAcceptedCard() {
        auto buyerRoom = openRoom(*m_buyer, m_chatId);
        auto sellerRoom = openRoom(*m_seller, m_chatId);
        buyerRoom->typed();
        QVERIFY(QTest::qWaitFor([&] { return sellerRoom->otherTyping(); }, kWaitMs));
        QVERIFY(QTest::qWaitFor([&] { return !sellerRoom->otherTyping(); }, ChatRoom::kTypingShownMs + 2000));

        QVERIFY(sellerRoom->send(QStringLiteral("내일 오후 3시에 홍대입구역 2번 출구 어때요?")));
        QVERIFY(buyerRoom->send(QStringLiteral("좋아요, 내일 오후 3시에 홍대입구역 2번 출구에서 봬요")));
        QVERIFY(QTest::qWaitFor([&] { return buyerRoom->hasSuggestion() && sellerRoom->hasSuggestion(); }, kWaitMs));
        QVERIFY2(buyerRoom->suggestionText().contains(QStringLiteral("홍대입구역 2번 출구")),
                 qPrintable(buyerRoom->suggestionText()));
        QVERIFY(buyerRoom->suggestionText().contains("Tomorrow · 3:00"));
        buyerRoom->sendSuggestion();
        QVERIFY(QTest::qWaitFor([&] { return !buyerRoom->hasSuggestion(); }, kWaitMs));
        QVERIFY(QTest::qWaitFor([&] { return roleOf(*sellerRoom, 0, "kind").toString() == "appointment"; }, kWaitMs));
        QVERIFY(roleOf(*sellerRoom, 0, "canAnswer").toBool());
        QVERIFY(!roleOf(*buyerRoom, 0, "canAnswer").toBool());
        QCOMPARE(roleOf(*sellerRoom, 0, "appointmentPlace").toString(), QStringLiteral("홍대입구역 2번 출구"));
        sellerRoom->answerAppointment(roleOf(*sellerRoom, 0, "messageId").toString(), true);
        // The buyer's card turns accepted from the system message that follows it.
        QVERIFY(QTest::qWaitFor([&] {
            const int card = rowWith(*buyerRoom, "kind", "appointment");
            return card >= 0 && roleOf(*buyerRoom, card, "appointmentStatus").toString() == "accepted";
        }, kWaitMs));
        QCOMPARE(roleOf(*buyerRoom, 0, "systemText").toString(), QStringLiteral("The appointment was accepted."));
        QCOMPARE(roleOf(*sellerRoom, 0, "systemText").toString(), QStringLiteral("You accepted the appointment."));
        QVERIFY(!roleOf(*sellerRoom, 1, "canAnswer").toBool());
    }

    void theSellerReservesFromTheRoom() {
        auto buyerRoom = openRoom(*m_buyer, m_chatId);
        auto sellerRoom = openRoom(*m_seller, m_chatId);
        QVERIFY(sellerRoom->isSeller());
        QVERIFY(!buyerRoom->isSeller());
        QCOMPARE(buyerRoom->listingStatus(), QStringLiteral("active"));
        // The buyer cannot; the reason comes back.
        QSignalSpy refused(buyerRoom.get(), &ChatRoom::notice);
        buyerRoom->setListingStatus("reserved");
        QVERIFY(refused.wait(kWaitMs));
        QCOMPARE(buyerRoom->listingStatus(), QStringLiteral("active"));

        sellerRoom->setListingStatus("reserved");
        QVERIFY(QTest::qWaitFor([&] { return buyerRoom->listingStatus() == "reserved"; }, kWaitMs));
        QCOMPARE(buyerRoom->listingStatusText(), QStringLiteral("Reserved"));
        QVERIFY(QTest::qWaitFor([&] { return sellerRoom->listingStatus() == "reserved"; }, kWaitMs));
        QVERIFY(QTest::qWaitFor([&] {
            return roleOf(*buyerRoom, 0, "systemText").toString() == "The seller reserved this item for you.";
        }, kWaitMs));
        QVERIFY(QTest::qWaitFor([&] { return roleOf(m_buyer->chats, 0, "status").toString() == "reserved"; }, kWaitMs));
        QVERIFY(QTest::qWaitFor([&] { return roleOf(m_seller->chats, 0, "status").toString() == "reserved"; }, kWaitMs));
    }

    void aMeetUpProposedByHand() {
        auto buyerRoom = openRoom(*m_buyer, m_chatId);
        auto sellerRoom = openRoom(*m_seller, m_chatId);
        QSignalSpy notices(buyerRoom.get(), &ChatRoom::notice);
        QVERIFY(!buyerRoom->proposeAppointment(1, "25:61", "Gate 3"));
        QCOMPARE(notices.takeFirst().at(0).toString(), QStringLiteral("Give the time as 15:30."));
        QVERIFY(!buyerRoom->proposeAppointment(1, "10:30", "   "));
        QCOMPARE(notices.takeFirst().at(0).toString(), QStringLiteral("Say where to meet."));
        QVERIFY(!buyerRoom->proposeAppointment(0, "0:00", "Gate 3"));
        QCOMPARE(notices.takeFirst().at(0).toString(), QStringLiteral("Pick a time that is still to come."));
        QVERIFY(buyerRoom->proposeAppointment(2, "10:30", " Gate 3 "));
        QVERIFY(QTest::qWaitFor([&] {
            return roleOf(*sellerRoom, 0, "kind").toString() == "appointment" &&
                   roleOf(*sellerRoom, 0, "appointmentPlace").toString() == "Gate 3";
        }, kWaitMs));
        QVERIFY(roleOf(*sellerRoom, 0, "appointmentTime").toString().endsWith("10:30 AM"));
        sellerRoom->answerAppointment(roleOf(*sellerRoom, 0, "messageId").toString(), false);
        QVERIFY(QTest::qWaitFor([&] {
            return roleOf(*buyerRoom, 0, "systemText").toString() == "The appointment was declined.";
        }, kWaitMs));
        QCOMPARE(roleOf(*buyerRoom, 1, "appointmentStatus").toString(), QStringLiteral("declined"));
        QVERIFY(notices.isEmpty());
    }

    void writtenOfflineIsSentOnceWhenTheServerIsBack() {
        auto buyerRoom = openRoom(*m_buyer, m_chatId);
        const qint64 before = roleOf(*buyerRoom, 0, "seq").toLongLong();
        const QUrl httpUrl = m_server->httpUrl();
        const QUrl wsUrl = m_server->wsUrl();
        QCOMPARE(m_server->stop(), 0);
        QVERIFY(QTest::qWaitFor([&] { return !m_buyer->realtime.online(); }, kWaitMs));

        QVERIFY(buyerRoom->send("Written while the server was away"));
        QTest::qWait(1500);
        QCOMPARE(rowWith(*buyerRoom, "text", "Written while the server was away"), 0);
        QVERIFY(roleOf(*buyerRoom, 0, "pending").toBool());
        QCOMPARE(roleOf(*buyerRoom, 0, "seq").toLongLong(), 0);

        QVERIFY(m_server->start({"--registrations-per-hour", "1000",
                                 "--listen", QStringLiteral("127.0.0.1:%1").arg(httpUrl.port()),
                                 "--ws-listen", QStringLiteral("127.0.0.1:%1").arg(wsUrl.port())}));
        QVERIFY(QTest::qWaitFor([&] { return roleOf(*buyerRoom, 0, "seq").toLongLong() == before + 1; }, 45000));
        QVERIFY(!roleOf(*buyerRoom, 0, "pending").toBool());
        QCOMPARE(roleOf(*buyerRoom, 0, "text").toString(), QStringLiteral("Written while the server was away"));
        // Stored once, whatever the socket and HTTP tried meanwhile.
        auto sellerRoom = openRoom(*m_seller, m_chatId);
        int copies = 0;
        for (int row = 0; row < sellerRoom->rowCount(); ++row)
            copies += roleOf(*sellerRoom, row, "text").toString() == "Written while the server was away";
        QCOMPARE(copies, 1);
        QCOMPARE(roleOf(*sellerRoom, 0, "seq").toLongLong(), before + 1);
    }

    void writtenOfflineIsSentAfterTheAppStartsAgain() {
        QTemporaryDir appDir;
        auto app = signIn("dojin", appDir.path());
        auto room = openRoom(*app, m_chatId);
        const qint64 before = roleOf(*room, 0, "seq").toLongLong();
        const QUrl httpUrl = m_server->httpUrl();
        const QUrl wsUrl = m_server->wsUrl();
        QCOMPARE(m_server->stop(), 0);
        QVERIFY(QTest::qWaitFor([&] { return !app->realtime.online(); }, kWaitMs));
        QVERIFY(room->send("Written just before quitting"));
        QVERIFY(roleOf(*room, 0, "pending").toBool());
        // The app quits with the message unsent.
        room.reset();
        app.reset();
        QCOMPARE(QDir(appDir.path()).entryList({"outbox-*.json"}).size(), 1);

        QVERIFY(m_server->start({"--registrations-per-hour", "1000",
                                 "--listen", QStringLiteral("127.0.0.1:%1").arg(httpUrl.port()),
                                 "--ws-listen", QStringLiteral("127.0.0.1:%1").arg(wsUrl.port())}));
        app = signIn("dojin", appDir.path());
        room = openRoom(*app, m_chatId);
        QVERIFY(QTest::qWaitFor([&] { return roleOf(*room, 0, "seq").toLongLong() == before + 1; }, 45000));
        QCOMPARE(roleOf(*room, 0, "text").toString(), QStringLiteral("Written just before quitting"));
        QVERIFY(!roleOf(*room, 0, "pending").toBool());
        auto sellerRoom = openRoom(*m_seller, m_chatId);
        QVERIFY(QTest::qWaitFor([&] { return roleOf(*sellerRoom, 0, "seq").toLongLong() == before + 1; }, kWaitMs));
        int copies = 0;
        for (int row = 0; row < sellerRoom->rowCount(); ++row)
            copies += roleOf(*sellerRoom, row, "text").toString() == "Written just before quitting";
        QCOMPARE(copies, 1);
        // Sent: nothing is left in the file.
        QVERIFY(QTest::qWaitFor([&] { return QDir(appDir.path()).entryList({"outbox-*.json"}).isEmpty(); }, kWaitMs));
        QVERIFY(QTest::qWaitFor([&] { return m_buyer->realtime.online() && m_seller->realtime.online(); }, 45000));
    }

    void aBlockShowsInTheRoom() {
        auto buyerRoom = openRoom(*m_buyer, m_chatId);
        auto sellerRoom = openRoom(*m_seller, m_chatId);
        QVERIFY(sellerRoom->canWrite());
        sellerRoom->block();
        QVERIFY(QTest::qWaitFor([&] { return sellerRoom->loaded() && sellerRoom->blockedByYou(); }, kWaitMs));
        QVERIFY(!sellerRoom->canWrite());
        auto blockedRoom = openRoom(*m_buyer, m_chatId);
        QVERIFY(blockedRoom->blockedYou());
        QVERIFY(!blockedRoom->send("Hello?"));
        // The room opened before the block learns it from the refusal of the server.
        QVERIFY(buyerRoom->send("Still there?"));
        QVERIFY(QTest::qWaitFor([&] { return roleOf(*buyerRoom, 0, "failed").toBool(); }, kWaitMs));
        QCOMPARE(roleOf(*buyerRoom, 0, "errorText").toString(), QStringLiteral("This person has blocked you."));
        buyerRoom->discard(roleOf(*buyerRoom, 0, "clientId").toString());
        QCOMPARE(rowWith(*buyerRoom, "text", "Still there?"), -1);

        sellerRoom->unblock();
        QVERIFY(QTest::qWaitFor([&] { return sellerRoom->loaded() && sellerRoom->canWrite(); }, kWaitMs));
    }

    void theBadgeCountsRoomsBeyondTheFirstPage() {
        m_buyer->chats.reload();
        QVERIFY(QTest::qWaitFor([&] { return !m_buyer->chats.loading(); }, kWaitMs));
        QTest::qWait(2 * ChatListModel::kRecountDelayMs);
        const int before = m_buyer->chats.totalUnread();
        // Another seller answers the buyer in more rooms than a page shows.
        const int rooms = ChatListModel::kPageSize + 5;
        QVERIFY(!signUp("yuna").isEmpty());
        auto yuna = http("yuna");
        auto buyer = http("dojin");
        QStringList chatIds;
        for (int i = 0; i < rooms; ++i) {
            const HttpResponse listing = yuna->post(
                "/api/v1/listings",
                QJsonObject{{"title", QStringLiteral("Record %1").arg(i)}, {"description", "Vinyl."},
                            {"categoryId", "other"}, {"price", QJsonObject{{"amount", 9000}, {"currency", "KRW"}}},
                            {"condition", "good"}, {"tags", QJsonArray{"vinyl"}}, {"region", "Seoul"}});
            QCOMPARE(listing.status, 201);
            const HttpResponse opened =
                buyer->post("/api/v1/chats", QJsonObject{{"listingId", listing.json().value("id").toString()}});
            QCOMPARE(opened.status, 201);
            chatIds << opened.json().value("id").toString();
            QCOMPARE(yuna->post("/api/v1/chats/" + chatIds.last() + "/messages",
                                QJsonObject{{"text", "Still want it?"}, {"clientId", QStringLiteral("yuna-%1").arg(i)}})
                         .status,
                     201);
        }
        QVERIFY(QTest::qWaitFor([&] { return m_buyer->chats.totalUnread() == before + rooms; }, kWaitMs));
        // Started again, the list holds one page; the badge still counts every room.
        m_buyer->chats.reload();
        QVERIFY(QTest::qWaitFor([&] { return !m_buyer->chats.loading(); }, kWaitMs));
        QCOMPARE(m_buyer->chats.rowCount(), ChatListModel::kPageSize);
        QVERIFY(QTest::qWaitFor([&] { return m_buyer->chats.totalUnread() == before + rooms; }, kWaitMs));
        // Read on another device, in the oldest room (not loaded): the badge goes down live.
        QCOMPARE(rowWith(m_buyer->chats, "chatId", chatIds.first()), -1);
        QCOMPARE(buyer->post("/api/v1/chats/" + chatIds.first() + "/read", QJsonObject{{"upToSeq", 1}}).status, 204);
        QVERIFY(QTest::qWaitFor([&] { return m_buyer->chats.totalUnread() == before + rooms - 1; }, kWaitMs));
        QCOMPARE(m_buyer->chats.rowCount(), ChatListModel::kPageSize);
    }
};

QTEST_MAIN(ChatModelsTest)
#include "ChatModelsTest.moc"
