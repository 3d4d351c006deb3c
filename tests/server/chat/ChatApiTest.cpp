// Chat on the real server, over HTTP and WebSocket: one room per (listing, buyer), never on
// your own listing; members only (anyone else gets 404); the same client id twice is one
// message, also over a reconnect; live delivery in order (the answer and the message to the
// sender together, not held back by Nagle's rule), read receipts, typing (rate-limited)
// and the meet-up suggestion; unread counts against a brute-force count after random sends and
// reads; one notification per burst for a member who is away, none for one who is connected;
// block and unblock; image messages (and a file that lies about its type); system messages when
// the seller reserves, sells or reprices; appointment cards; paging back through history; and
// bad input of every shape.
#include "ApiTestSupport.h"
#include "RealtimeTestClient.h"

#include <QDir>
#include <QImage>
#include <QRandomGenerator>
#include <QTest>

#include <algorithm>
#include <cstdlib>

using namespace bitmarket::test;

namespace {

QJsonObject money(qint64 amount) {
    return QJsonObject{{"amount", amount}, {"currency", "KRW"}};
}

QByteArray bearer(const TestUser& u) {
    return "Bearer " + u.accessToken.toUtf8();
}

} // namespace

class ChatApiTest : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<ServerProcess> m_server;
    int m_users = 0;

    std::unique_ptr<HttpTestClient> as(const TestUser& u, const QByteArray& language = "en") {
        return clientAs(*m_server, u, language);
    }
    TestUser newUser(const QString& name) { return registerNumbered(*m_server, name, m_users); }
    QString publish(const TestUser& seller, const QString& title = QStringLiteral("Chat phone"),
                    qint64 price = 50'000) {
        const HttpResponse r = as(seller)->post("/api/v1/listings", listingDraft(title, price));
        return r.status == 201 ? r.json().value("id").toString() : QString();
    }
    QJsonObject openChat(const TestUser& buyer, const QString& listingId) {
        return as(buyer)->post("/api/v1/chats", QJsonObject{{"listingId", listingId}}).json();
    }
    HttpResponse say(const TestUser& u, const QString& chatId, const QString& text,
                     const QString& clientId = {}) {
        QJsonObject body{{"text", text}};
        if (!clientId.isEmpty())
            body.insert("clientId", clientId);
        return as(u)->post("/api/v1/chats/" + chatId + "/messages", body);
    }
    QJsonObject room(const TestUser& u, const QString& chatId) {
        return as(u)->get("/api/v1/chats/" + chatId).json();
    }
    // The whole history, oldest first, through every page.
    QList<QJsonObject> history(const TestUser& u, const QString& chatId, int pageSize = 20) {
        QList<QJsonObject> newestFirst;
        QString cursor;
        for (int guard = 0; guard < 1000; ++guard) {
            QString path = QStringLiteral("/api/v1/chats/%1/messages?limit=%2").arg(chatId).arg(pageSize);
            if (!cursor.isEmpty())
                path += "&cursor=" + QString::fromLatin1(QUrl::toPercentEncoding(cursor));
            const QJsonObject page = as(u)->get(path).json();
            for (const QJsonValue& m : page.value("items").toArray())
                newestFirst.append(m.toObject());
            cursor = page.value("nextCursor").toString();
            if (cursor.isEmpty())
                break;
        }
        std::reverse(newestFirst.begin(), newestFirst.end());
        return newestFirst;
    }
    std::unique_ptr<RealtimeTestClient> socketOf(const TestUser& u) {
        auto socket = std::make_unique<RealtimeTestClient>();
        socket->open(m_server->wsUrl(), bearer(u));
        if (!socket->waitForConnected())
            return nullptr;
        if (socket->subscribe({"user:" + u.id}).value("type") != "subscribed")
            return nullptr;
        return socket;
    }
    QList<QJsonObject> chatNotifications(const TestUser& u) {
        QList<QJsonObject> out;
        for (const QJsonValue& n : as(u)->get("/api/v1/notifications?limit=100").json().value("items").toArray()) {
            if (n.toObject().value("type") == "chat.message")
                out.append(n.toObject());
        }
        return out;
    }
    static QJsonObject messageFrame(RealtimeTestClient& socket, qint64 seq) {
        return socket.waitForFrame([seq](const QJsonObject& f) {
            return f.value("type") == "chat.message" &&
                   f.value("data").toObject().value("message").toObject().value("seq").toInteger() == seq;
        });
    }

private Q_SLOTS:
    void initTestCase() {
        m_server = std::make_unique<ServerProcess>();
        QVERIFY(m_server->start({"--registrations-per-hour", "1000"}));
    }
    void cleanupTestCase() {
        QCOMPARE(m_server->stop(), 0);
    }

    void oneRoomPerListingAndBuyerNeverOnYourOwn() {
        const TestUser seller = newUser("seller");
        const TestUser buyer = newUser("buyer");
        const QString listingId = publish(seller);
        QVERIFY(!listingId.isEmpty());

        const HttpResponse first = as(buyer)->post("/api/v1/chats", QJsonObject{{"listingId", listingId}});
        BM_EXPECT_STATUS(first, 201);
        const QJsonObject chat = first.json();
        QCOMPARE(chat.value("buyerId").toString(), buyer.id);
        QCOMPARE(chat.value("sellerId").toString(), seller.id);
        QCOMPARE(chat.value("counterpart").toObject().value("id").toString(), seller.id);
        QCOMPARE(chat.value("listing").toObject().value("title").toString(), QStringLiteral("Chat phone"));
        QCOMPARE(chat.value("listing").toObject().value("status").toString(), QStringLiteral("active"));
        QCOMPARE(chat.value("unreadCount").toInteger(), 0);

        const HttpResponse again = as(buyer)->post("/api/v1/chats", QJsonObject{{"listingId", listingId}});
        BM_EXPECT_STATUS(again, 200);
        QCOMPARE(again.json().value("id").toString(), chat.value("id").toString());

        BM_EXPECT_ERROR(as(seller)->post("/api/v1/chats", QJsonObject{{"listingId", listingId}}), 403, "own_listing");
        BM_EXPECT_ERROR(as(buyer)->post("/api/v1/chats", QJsonObject{{"listingId", "l_nothere000000000"}}), 404, "not_found");

        // The seller sees the same room, the buyer as the counterpart.
        const QJsonObject sellersView = room(seller, chat.value("id").toString());
        QCOMPARE(sellersView.value("counterpart").toObject().value("id").toString(), buyer.id);
        QCOMPARE(sellersView.value("counterpart").toObject().value("displayName").toString(), buyer.username.toUpper());
    }

    void someoneElseGetsNotFound() {
        const TestUser seller = newUser("seller");
        const TestUser buyer = newUser("buyer");
        const TestUser stranger = newUser("stranger");
        const QString chatId = openChat(buyer, publish(seller)).value("id").toString();
        BM_EXPECT_STATUS(say(buyer, chatId, "hello"), 201);

        BM_EXPECT_ERROR(as(stranger)->get("/api/v1/chats/" + chatId), 404, "not_found");
        BM_EXPECT_ERROR(as(stranger)->get("/api/v1/chats/" + chatId + "/messages"), 404, "not_found");
        BM_EXPECT_ERROR(say(stranger, chatId, "let me in"), 404, "not_found");
        BM_EXPECT_ERROR(as(stranger)->post("/api/v1/chats/" + chatId + "/read", QJsonObject{{"upToSeq", 1}}), 404, "not_found");
        BM_EXPECT_ERROR(as(stranger)->upload("/api/v1/chats/" + chatId + "/images",
                                             {UploadFile{"a.png", encodedImage(40, 40, Qt::red, "PNG"), "image/png"}}),
                        404, "not_found");
        QVERIFY(as(stranger)->get("/api/v1/chats").json().value("items").toArray().isEmpty());
        // Nothing the stranger tried was added.
        QCOMPARE(history(buyer, chatId).size(), 1);
        BM_EXPECT_ERROR(HttpTestClient(m_server->httpUrl()).get("/api/v1/chats"), 401, "unauthorized");
    }

    void sameClientIdTwiceIsOneMessageAlsoOverAReconnect() {
        const TestUser seller = newUser("seller");
        const TestUser buyer = newUser("buyer");
        const QString chatId = openChat(buyer, publish(seller)).value("id").toString();

        const HttpResponse first = say(buyer, chatId, "Is it still available?", "c-1");
        BM_EXPECT_STATUS(first, 201);
        const HttpResponse retried = say(buyer, chatId, "Is it still available?", "c-1");
        BM_EXPECT_STATUS(retried, 200);
        QCOMPARE(retried.json().value("id"), first.json().value("id"));
        QCOMPARE(retried.json().value("seq").toInteger(), 1);
        // The same client id from the other member is their own message.
        BM_EXPECT_STATUS(say(seller, chatId, "Yes!", "c-1"), 201);

        // Over WebSocket: sent, the socket drops, the client sends again after reconnecting.
        QJsonObject sentId;
        {
            auto socket = socketOf(buyer);
            QVERIFY(socket);
            const QJsonObject reply = socket->request("chat.send", {{"chatId", chatId}, {"text", "  On my way  "}, {"clientId", "c-2"}});
            QCOMPARE(reply.value("type").toString(), QStringLiteral("chat.sent"));
            const QJsonObject message = reply.value("data").toObject().value("message").toObject();
            QCOMPARE(message.value("text").toString(), QStringLiteral("On my way"));
            QCOMPARE(message.value("seq").toInteger(), 3);
            QCOMPARE(reply.value("data").toObject().value("created").toBool(), true);
            sentId = message;
        }
        auto reconnected = socketOf(buyer);
        QVERIFY(reconnected);
        const QJsonObject again = reconnected->request("chat.send", {{"chatId", chatId}, {"text", "On my way"}, {"clientId", "c-2"}});
        QCOMPARE(again.value("type").toString(), QStringLiteral("chat.sent"));
        QCOMPARE(again.value("data").toObject().value("created").toBool(), false);
        QCOMPARE(again.value("data").toObject().value("message").toObject().value("id"), sentId.value("id"));

        const QList<QJsonObject> all = history(seller, chatId);
        QCOMPARE(all.size(), 3);
        for (int i = 0; i < all.size(); ++i)
            QCOMPARE(all[i].value("seq").toInteger(), i + 1);
    }

    void messagesArriveLiveInOrderWithReadReceiptsAndTyping() {
        const TestUser seller = newUser("seller");
        const TestUser buyer = newUser("buyer");
        const QString chatId = openChat(buyer, publish(seller)).value("id").toString();
        auto sellerSocket = socketOf(seller);
        auto buyerSocket = socketOf(buyer);
        QVERIFY(sellerSocket && buyerSocket);

        for (int i = 1; i <= 5; ++i) {
            const QJsonObject reply = buyerSocket->request("chat.send", {{"chatId", chatId}, {"text", QStringLiteral("line %1").arg(i)}, {"clientId", QStringLiteral("live-%1").arg(i)}});
            QCOMPARE(reply.value("type").toString(), QStringLiteral("chat.sent"));
        }
        QVERIFY(!messageFrame(*sellerSocket, 5).isEmpty());
        QList<qint64> seqs;
        for (const QJsonObject& f : sellerSocket->eventsOn("user:" + seller.id)) {
            if (f.value("type") == "chat.message")
                seqs.append(f.value("data").toObject().value("message").toObject().value("seq").toInteger());
        }
        QCOMPARE(seqs, (QList<qint64>{1, 2, 3, 4, 5}));
        QCOMPARE(room(seller, chatId).value("unreadCount").toInteger(), 5);

        // The seller reads up to 3: the buyer's socket gets the receipt, the room shows it.
        BM_EXPECT_STATUS(as(seller)->post("/api/v1/chats/" + chatId + "/read", QJsonObject{{"upToSeq", 3}}), 204);
        const QJsonObject receipt = buyerSocket->waitForFrame([](const QJsonObject& f) { return f.value("type") == "chat.read"; });
        QCOMPARE(receipt.value("data").toObject().value("upToSeq").toInteger(), 3);
        QCOMPARE(receipt.value("data").toObject().value("userId").toString(), seller.id);
        QCOMPARE(room(buyer, chatId).value("otherReadSeq").toInteger(), 3);
        QCOMPARE(room(seller, chatId).value("unreadCount").toInteger(), 2);

        // Typing five times in a burst reaches the seller once; the buyer's own socket never.
        for (int i = 0; i < 5; ++i)
            QCOMPARE(buyerSocket->request("chat.typing", {{"chatId", chatId}}).value("type").toString(),
                     QStringLiteral("chat.typing.sent"));
        QVERIFY(!sellerSocket->waitForFrame([](const QJsonObject& f) { return f.value("type") == "chat.typing"; }).isEmpty());
        QTest::qWait(300);
        int typing = 0;
        for (const QJsonObject& f : sellerSocket->eventsOn("user:" + seller.id))
            typing += f.value("type") == "chat.typing" ? 1 : 0;
        QCOMPARE(typing, 1);
        for (const QJsonObject& f : buyerSocket->eventsOn("user:" + buyer.id))
            QVERIFY(f.value("type") != "chat.typing");

        // Asking for someone else's chat, or anonymously, is refused on the socket.
        const TestUser stranger = newUser("stranger");
        auto strangerSocket = socketOf(stranger);
        QVERIFY(strangerSocket);
        const QJsonObject refused = strangerSocket->request("chat.send", {{"chatId", chatId}, {"text", "hi"}});
        QCOMPARE(refused.value("type").toString(), QStringLiteral("error"));
        QCOMPARE(refused.value("data").toObject().value("code").toString(), QStringLiteral("not_found"));
        RealtimeTestClient anonymous;
        anonymous.open(m_server->wsUrl());
        QVERIFY(anonymous.waitForConnected());
        QCOMPARE(anonymous.request("chat.send", {{"chatId", chatId}, {"text", "hi"}}).value("data").toObject().value("code").toString(),
                 QStringLiteral("unauthorized"));
        QCOMPARE(buyerSocket->request("chat.send", {{"chatId", chatId}, {"text", 5}}).value("data").toObject().value("field").toString(),
                 QStringLiteral("text"));
        QCOMPARE(history(buyer, chatId).size(), 5);
    }

    void theAnswerAndTheMessageReachTheSenderTogether() {
        // One send gives the sender's socket two frames at once: the answer and the message
        // on their own topic. The second must not wait for the client's delayed ack (Nagle's
        // rule held it ~40 ms).
        const TestUser seller = newUser("seller");
        const TestUser buyer = newUser("buyer");
        const QString chatId = openChat(buyer, publish(seller)).value("id").toString();
        auto buyerSocket = socketOf(buyer);
        QVERIFY(buyerSocket);
        QList<qint64> gapsMs;
        for (int i = 1; i <= 20; ++i) {
            const QString clientId = QStringLiteral("together-%1").arg(i);
            const QJsonObject reply = buyerSocket->request("chat.send", {{"chatId", chatId}, {"text", QStringLiteral("line %1").arg(i)}, {"clientId", clientId}});
            QCOMPARE(reply.value("type").toString(), QStringLiteral("chat.sent"));
            const auto isMessage = [&clientId](const QJsonObject& f) {
                return f.value("type") == "chat.message" &&
                       f.value("data").toObject().value("message").toObject().value("clientId") == clientId;
            };
            QVERIFY(!buyerSocket->waitForFrame(isMessage).isEmpty());
            const qint64 answeredAt = buyerSocket->arrivedAtMs([&reply](const QJsonObject& f) {
                return f.value("type") == "chat.sent" && f.value("id") == reply.value("id");
            });
            gapsMs.append(std::abs(buyerSocket->arrivedAtMs(isMessage) - answeredAt));
        }
        std::sort(gapsMs.begin(), gapsMs.end());
        qInfo() << "ms between the answer and the message, sorted:" << gapsMs;
        QVERIFY2(gapsMs[gapsMs.size() / 2] < 20, "the second frame of a send waited for an ack");
    }

    void aMeetUpNamedByBothSidesIsSuggested() {
        const TestUser seller = newUser("seller");
        const TestUser buyer = newUser("buyer");
        const QString chatId = openChat(buyer, publish(seller)).value("id").toString();
        auto sellerSocket = socketOf(seller);
        auto buyerSocket = socketOf(buyer);
        QVERIFY(sellerSocket && buyerSocket);
        BM_EXPECT_STATUS(say(buyer, chatId, "토요일 오전 10시 어때요?"), 201);
        QTest::qWait(200);
        QVERIFY(sellerSocket->waitForFrame([](const QJsonObject& f) { return f.value("type") == "chat.suggestion"; }, 200).isEmpty());
        BM_EXPECT_STATUS(say(seller, chatId, "좋아요, 도서관 앞에서 봬요"), 201);
        for (RealtimeTestClient* socket : {sellerSocket.get(), buyerSocket.get()}) {
            const QJsonObject s = socket->waitForFrame([](const QJsonObject& f) { return f.value("type") == "chat.suggestion"; });
            QCOMPARE(s.value("data").toObject().value("place").toString(), QStringLiteral("도서관 앞"));
            QCOMPARE(s.value("data").toObject().value("chatId").toString(), chatId);
            const QDateTime at = QDateTime::fromString(s.value("data").toObject().value("at").toString(), Qt::ISODateWithMs).toLocalTime();
            QCOMPARE(at.date().dayOfWeek(), 6);
            QCOMPARE(at.time(), QTime(10, 0));
        }
    }

    void textRulesAndBadInput() {
        const TestUser seller = newUser("seller");
        const TestUser buyer = newUser("buyer");
        const QString chatId = openChat(buyer, publish(seller)).value("id").toString();
        const QString path = "/api/v1/chats/" + chatId + "/messages";

        BM_EXPECT_ERROR(say(buyer, chatId, "   \n\t "), 400, "validation_failed");
        QCOMPARE(errorField(say(buyer, chatId, "")), QStringLiteral("text"));
        BM_EXPECT_ERROR(say(buyer, chatId, QString(2001, u'가')), 400, "validation_failed");
        const HttpResponse longest = say(buyer, chatId, "  " + QString(2000, u'가') + "  ");
        BM_EXPECT_STATUS(longest, 201);
        QCOMPARE(longest.json().value("text").toString().size(), 2000);
        BM_EXPECT_ERROR(as(buyer)->send("POST", path, "{\"text\": \"unclosed"), 400, "validation_failed");
        BM_EXPECT_ERROR(as(buyer)->send("POST", path, "[\"text\"]"), 400, "validation_failed");
        BM_EXPECT_ERROR(as(buyer)->post(path, QJsonObject{{"text", 42}}), 400, "validation_failed");
        BM_EXPECT_ERROR(as(buyer)->post(path, QJsonObject{{"clientId", "x"}}), 400, "validation_failed");
        BM_EXPECT_ERROR(as(buyer)->post(path, QJsonObject{{"text", "hi"}, {"clientId", 7}}), 400, "validation_failed");
        BM_EXPECT_ERROR(say(buyer, chatId, "hi", QString(65, u'x')), 400, "validation_failed");
        BM_EXPECT_ERROR(as(buyer)->post("/api/v1/chats", QJsonObject{{"listingId", 12}}), 400, "validation_failed");
        BM_EXPECT_ERROR(as(buyer)->get(path + "?limit=0"), 400, "validation_failed");
        BM_EXPECT_ERROR(as(buyer)->get(path + "?cursor=garbage"), 400, "validation_failed");
        BM_EXPECT_ERROR(as(buyer)->get(path + "?before=abc"), 400, "validation_failed");
        const QString read = "/api/v1/chats/" + chatId + "/read";
        BM_EXPECT_ERROR(as(seller)->post(read, QJsonObject{{"upToSeq", -1}}), 400, "validation_failed");
        BM_EXPECT_ERROR(as(seller)->post(read, QJsonObject{{"upToSeq", "1"}}), 400, "validation_failed");
        BM_EXPECT_ERROR(as(seller)->post(read, QJsonObject{}), 400, "validation_failed");
        // Korean for the Korean reader.
        const HttpResponse korean = as(buyer, "ko")->post(path, QJsonObject{{"text", " "}});
        QCOMPARE(korean.json().value("error").toObject().value("message").toString(), QStringLiteral("메시지를 입력해 주세요."));
        // Only the one good message was stored.
        QCOMPARE(history(seller, chatId).size(), 1);

        // The cursor never moves back, and never past the last message.
        BM_EXPECT_STATUS(say(buyer, chatId, "two"), 201);
        BM_EXPECT_STATUS(as(seller)->post(read, QJsonObject{{"upToSeq", 99}}), 204);
        QCOMPARE(room(seller, chatId).value("yourReadSeq").toInteger(), 2);
        BM_EXPECT_STATUS(as(seller)->post(read, QJsonObject{{"upToSeq", 1}}), 204);
        QCOMPARE(room(seller, chatId).value("yourReadSeq").toInteger(), 2);
        QCOMPARE(room(seller, chatId).value("unreadCount").toInteger(), 0);
        BM_EXPECT_STATUS(say(buyer, chatId, "three"), 201);
        QCOMPARE(room(seller, chatId).value("unreadCount").toInteger(), 1);
    }

    void unreadCountsMatchABruteForceCount() {
        const TestUser seller = newUser("seller");
        const QList<TestUser> buyers = {newUser("buyer"), newUser("buyer"), newUser("buyer")};
        const QString listingId = publish(seller);
        QStringList chatIds;
        for (const TestUser& b : buyers)
            chatIds.append(openChat(b, listingId).value("id").toString());
        // The model: each room's messages (by sender) and each member's explicit reads.
        struct Model {
            QStringList senders; // index i: sender of seq i + 1
            QHash<QString, qint64> read;
        };
        QList<Model> models(chatIds.size());
        QRandomGenerator random(1234);
        const auto unreadOf = [](const Model& m, const QString& userId) {
            // Your own message reads everything before it.
            qint64 cursor = m.read.value(userId);
            for (qsizetype i = 0; i < m.senders.size(); ++i) {
                if (m.senders[i] == userId)
                    cursor = std::max<qint64>(cursor, i + 1);
            }
            qint64 unread = 0;
            for (qsizetype i = cursor; i < m.senders.size(); ++i)
                ++unread;
            return unread;
        };
        for (int step = 0; step < 120; ++step) {
            const int r = random.bounded(static_cast<int>(chatIds.size()));
            Model& m = models[r];
            const TestUser& member = random.bounded(2) == 0 ? seller : buyers[r];
            if (random.bounded(3) == 0) {
                const qint64 upTo = random.bounded(static_cast<int>(m.senders.size()) + 3);
                BM_EXPECT_STATUS(as(member)->post("/api/v1/chats/" + chatIds[r] + "/read", QJsonObject{{"upToSeq", upTo}}), 204);
                m.read[member.id] = std::max(m.read.value(member.id), std::min<qint64>(upTo, m.senders.size()));
            } else {
                BM_EXPECT_STATUS(say(member, chatIds[r], QStringLiteral("step %1").arg(step)), 201);
                m.senders.append(member.id);
            }
            if (step % 10 != 9)
                continue;
            // The seller's list and each buyer's room agree with the brute-force count.
            const QJsonArray list = as(seller)->get("/api/v1/chats").json().value("items").toArray();
            QCOMPARE(list.size(), chatIds.size());
            for (const QJsonValue& v : list) {
                const int i = static_cast<int>(chatIds.indexOf(v.toObject().value("id").toString()));
                QVERIFY(i >= 0);
                QCOMPARE(v.toObject().value("unreadCount").toInteger(), unreadOf(models[i], seller.id));
                QCOMPARE(v.toObject().value("lastSeq").toInteger(), models[i].senders.size());
            }
            for (int i = 0; i < buyers.size(); ++i)
                QCOMPARE(room(buyers[i], chatIds[i]).value("unreadCount").toInteger(), unreadOf(models[i], buyers[i].id));
            // The seller's total over all rooms, as the navigation's badge shows it.
            qint64 sellerUnread = 0;
            for (const Model& m : models)
                sellerUnread += unreadOf(m, seller.id);
            const HttpResponse total = as(seller)->get("/api/v1/chats/unread-count");
            BM_EXPECT_STATUS(total, 200);
            QCOMPARE(total.json().value("count").toInteger(), sellerUnread);
            QCOMPARE(as(buyers[0])->get("/api/v1/chats/unread-count").json().value("count").toInteger(),
                     unreadOf(models[0], buyers[0].id));
        }
        // Newest activity first.
        const QJsonArray list = as(seller)->get("/api/v1/chats").json().value("items").toArray();
        for (int i = 1; i < list.size(); ++i)
            QVERIFY(list[i - 1].toObject().value("updatedAt").toString() >= list[i].toObject().value("updatedAt").toString());
    }

    void anAwayMemberIsToldOncePerBurst() {
        const TestUser seller = newUser("seller");
        const TestUser buyer = newUser("buyer");
        const QString chatId = openChat(buyer, publish(seller, "Burst lamp")).value("id").toString();
        for (const char* text : {"hello?", "is the lamp still there?", "I can pick it up today"})
            BM_EXPECT_STATUS(say(buyer, chatId, text), 201);
        QList<QJsonObject> told = chatNotifications(seller);
        QCOMPARE(told.size(), 1);
        QCOMPARE(told[0].value("count").toInt(), 3);
        QCOMPARE(told[0].value("body").toString(), QStringLiteral("I can pick it up today"));
        QCOMPARE(told[0].value("data").toObject().value("chatId").toString(), chatId);
        QVERIFY(told[0].value("title").toString().contains(buyer.username.toUpper()));
        QCOMPARE(as(seller, "ko")->get("/api/v1/notifications?limit=100").json().value("items").toArray()[0].toObject().value("title").toString(),
                 QStringLiteral("%1님의 새 메시지 3개").arg(buyer.username.toUpper()));
        // The buyer, who sent them, is told nothing.
        QVERIFY(chatNotifications(buyer).isEmpty());

        // Reading the chat reads its notification; the next message starts a new burst.
        BM_EXPECT_STATUS(as(seller)->post("/api/v1/chats/" + chatId + "/read", QJsonObject{{"upToSeq", 3}}), 204);
        QVERIFY(!chatNotifications(seller)[0].value("readAt").isNull());
        BM_EXPECT_STATUS(say(buyer, chatId, "still there?"), 201);
        told = chatNotifications(seller);
        QCOMPARE(told.size(), 2);
        QCOMPARE(told[0].value("count").toInt(), 1);
        QVERIFY(told[0].value("readAt").isNull());
        // Answering reads it as well.
        BM_EXPECT_STATUS(say(seller, chatId, "yes, come by"), 201);
        QVERIFY(!chatNotifications(seller)[0].value("readAt").isNull());
        QCOMPARE(room(seller, chatId).value("unreadCount").toInteger(), 0);

        // With a socket open the seller sees the message live and gets no notification.
        auto socket = socketOf(seller);
        QVERIFY(socket);
        BM_EXPECT_STATUS(say(buyer, chatId, "I see you are online"), 201);
        QVERIFY(!messageFrame(*socket, 6).isEmpty());
        QCOMPARE(chatNotifications(seller).size(), 2);
        QVERIFY(!chatNotifications(seller)[0].value("readAt").isNull());
    }

    void blockedUsersCannotOpenOrMessageUntilUnblocked() {
        const TestUser seller = newUser("seller");
        const TestUser buyer = newUser("buyer");
        const QString chatId = openChat(buyer, publish(seller)).value("id").toString();
        BM_EXPECT_STATUS(say(buyer, chatId, "hi"), 201);

        BM_EXPECT_STATUS(as(seller)->put("/api/v1/users/" + buyer.id + "/block"), 204);
        BM_EXPECT_STATUS(as(seller)->put("/api/v1/users/" + buyer.id + "/block"), 204);
        BM_EXPECT_ERROR(say(buyer, chatId, "hello?"), 403, "blocked");
        const QString another = publish(seller, "Another");
        BM_EXPECT_ERROR(as(buyer)->post("/api/v1/chats", QJsonObject{{"listingId", another}}), 403, "blocked");
        // The blocker cannot write either while the block stands.
        BM_EXPECT_ERROR(say(seller, chatId, "go away"), 403, "blocked");
        QCOMPARE(room(buyer, chatId).value("blockedYou").toBool(), true);
        QCOMPARE(room(seller, chatId).value("blockedByYou").toBool(), true);
        const QJsonArray blocks = as(seller)->get("/api/v1/me/blocks").json().value("items").toArray();
        QCOMPARE(blocks.size(), 1);
        QCOMPARE(blocks[0].toObject().value("id").toString(), buyer.id);
        BM_EXPECT_ERROR(as(seller)->put("/api/v1/users/" + seller.id + "/block"), 400, "validation_failed");
        BM_EXPECT_ERROR(as(seller)->put("/api/v1/users/u_nobody0000000000/block"), 404, "not_found");

        BM_EXPECT_STATUS(as(seller)->del("/api/v1/users/" + buyer.id + "/block"), 204);
        BM_EXPECT_STATUS(say(buyer, chatId, "hello again"), 201);
        QCOMPARE(room(buyer, chatId).value("blockedYou").toBool(), false);
        QVERIFY(as(seller)->get("/api/v1/me/blocks").json().value("items").toArray().isEmpty());
        QCOMPARE(history(buyer, chatId).size(), 2);
    }

    void imageMessagesGoThroughThePhotoPipeline() {
        const TestUser seller = newUser("seller");
        const TestUser buyer = newUser("buyer");
        const QString chatId = openChat(buyer, publish(seller)).value("id").toString();
        const QString path = "/api/v1/chats/" + chatId + "/images";

        const HttpResponse sent = as(buyer)->upload(path, {UploadFile{"scratch.png", encodedImage(640, 480, QColor(200, 40, 40), "PNG"), "image/png"}});
        BM_EXPECT_STATUS(sent, 201);
        const QJsonObject message = sent.json();
        QCOMPARE(message.value("kind").toString(), QStringLiteral("image"));
        const QJsonObject image = message.value("image").toObject();
        QCOMPARE(image.value("width").toInt(), 640);
        QCOMPARE(image.value("height").toInt(), 480);
        HttpTestClient anon(m_server->httpUrl());
        const HttpResponse full = anon.get(image.value("url").toString());
        BM_EXPECT_STATUS(full, 200);
        QVERIFY(full.body.startsWith("\xFF\xD8")); // stored as a re-encoded JPEG
        BM_EXPECT_STATUS(anon.get(image.value("thumbUrl").toString()), 200);

        // A text file that claims to be a JPEG is refused, and nothing is added.
        BM_EXPECT_ERROR(as(buyer)->upload(path, {UploadFile{"photo.jpg", QByteArray("this is not a photo, only words"), "image/jpeg"}}),
                        415, "unsupported_media_type");
        // So is a truncated JPEG.
        const QByteArray jpeg = encodedImage(300, 300, Qt::blue, "JPEG");
        const HttpResponse cut = as(buyer)->upload(path, {UploadFile{"cut.jpg", jpeg.left(jpeg.size() / 3), "image/jpeg"}});
        QVERIFY2(cut.status == 400 || cut.status == 415, cut.body.constData());
        BM_EXPECT_ERROR(as(buyer)->post(path, QJsonObject{}), 415, "unsupported_media_type");
        QCOMPARE(room(seller, chatId).value("lastSeq").toInteger(), 1);
        QCOMPARE(room(seller, chatId).value("lastMessage").toObject().value("kind").toString(), QStringLiteral("image"));
    }

    void aPhoneShotIsUprightedAndStrippedOfItsMetadata() {
        const QDir photos(datasetsDir() + "/monstree/photos");
        const QStringList shots = photos.entryList({"*.JPG"}, QDir::Files, QDir::Name);
        if (shots.isEmpty())
            QSKIP("the monstree photos are not in ../shared/datasets");
        const QByteArray original = readFileBytes(photos.filePath(shots.first()));
        QVERIFY(original.contains("Exif"));
        QCOMPARE(QImage::fromData(original).size(), QSize(1600, 1200)); // stored sideways, turned by EXIF

        const TestUser seller = newUser("seller");
        const TestUser buyer = newUser("buyer");
        const QString chatId = openChat(buyer, publish(seller)).value("id").toString();
        const HttpResponse sent = as(buyer)->upload("/api/v1/chats/" + chatId + "/images", {UploadFile{shots.first(), original, "image/jpeg"}});
        BM_EXPECT_STATUS(sent, 201);
        const QJsonObject image = sent.json().value("image").toObject();
        QCOMPARE(image.value("width").toInt(), 1200);
        QCOMPARE(image.value("height").toInt(), 1600);
        HttpTestClient anon(m_server->httpUrl());
        for (const char* key : {"url", "thumbUrl"}) {
            const HttpResponse served = anon.get(image.value(key).toString());
            BM_EXPECT_STATUS(served, 200);
            const QImage upright = QImage::fromData(served.body, "JPEG");
            QVERIFY2(upright.width() < upright.height(), key);
            QVERIFY(!served.body.contains("Exif"));
            QVERIFY(!served.body.contains("GPS"));
        }
    }

    void theListingsChangesAppearInEveryRoom() {
        const TestUser seller = newUser("seller");
        const TestUser buyer = newUser("buyer");
        const TestUser other = newUser("buyer");
        const QString listingId = publish(seller, "Desk", 80'000);
        const QString chatId = openChat(buyer, listingId).value("id").toString();
        const QString otherChat = openChat(other, listingId).value("id").toString();
        auto buyerSocket = socketOf(buyer);
        QVERIFY(buyerSocket);

        const QString status = "/api/v1/chats/" + chatId + "/listing-status";
        BM_EXPECT_ERROR(as(buyer)->post(status, QJsonObject{{"status", "sold"}}), 403, "forbidden");
        BM_EXPECT_ERROR(as(seller)->post(status, QJsonObject{{"status", "removed"}}), 400, "validation_failed");
        const HttpResponse reserved = as(seller)->post(status, QJsonObject{{"status", "reserved"}});
        BM_EXPECT_STATUS(reserved, 200);
        QCOMPARE(reserved.json().value("listing").toObject().value("status").toString(), QStringLiteral("reserved"));
        const QJsonObject live = messageFrame(*buyerSocket, 1);
        const QJsonObject system = live.value("data").toObject().value("message").toObject().value("system").toObject();
        QCOMPARE(system.value("event").toString(), QStringLiteral("listing_reserved"));
        // Reserved for this buyer: said in their room, not in the other buyer's.
        QCOMPARE(system.value("reservedFor").toString(), buyer.id);
        QVERIFY(!history(other, otherChat).first().value("system").toObject().contains("reservedFor"));
        QCOMPARE(as(buyer)->get("/api/v1/listings/" + listingId).json().value("status").toString(), QStringLiteral("reserved"));

        QJsonObject patch{{"price", money(70'000)}};
        BM_EXPECT_STATUS(as(seller)->patch("/api/v1/listings/" + listingId, patch), 200);
        BM_EXPECT_STATUS(as(seller)->post(status, QJsonObject{{"status", "sold"}}), 200);
        for (const auto& [member, id] : {std::pair{buyer, chatId}, std::pair{other, otherChat}}) {
            const QList<QJsonObject> all = history(member, id);
            QCOMPARE(all.size(), 3);
            QCOMPARE(all[0].value("system").toObject().value("event").toString(), QStringLiteral("listing_reserved"));
            QCOMPARE(all[1].value("system").toObject().value("event").toString(), QStringLiteral("price_changed"));
            QCOMPARE(all[1].value("system").toObject().value("price").toObject().value("amount").toInteger(), 70'000);
            QCOMPARE(all[2].value("system").toObject().value("event").toString(), QStringLiteral("listing_sold"));
            QVERIFY(all[2].value("senderId").isNull());
            QCOMPARE(room(member, id).value("listing").toObject().value("status").toString(), QStringLiteral("sold"));
            // The buyers have three news to read; the seller, who made them, none.
            QCOMPARE(room(member, id).value("unreadCount").toInteger(), 3);
            QCOMPARE(room(seller, id).value("unreadCount").toInteger(), 0);
        }
        // An edit that changes neither price nor status says nothing.
        BM_EXPECT_STATUS(as(seller)->patch("/api/v1/listings/" + listingId, QJsonObject{{"title", "Desk, oak"}}), 200);
        QCOMPARE(room(buyer, chatId).value("lastSeq").toInteger(), 3);
    }

    void appointmentsAreProposedAndAnsweredByTheOtherMember() {
        const TestUser seller = newUser("seller");
        const TestUser buyer = newUser("buyer");
        const QString chatId = openChat(buyer, publish(seller)).value("id").toString();
        const QString path = "/api/v1/chats/" + chatId + "/appointments";
        const QString at = rfc3339FromNow(2 * 24 * 3600 * 1000LL);

        BM_EXPECT_ERROR(as(buyer)->post(path, QJsonObject{{"at", rfc3339FromNow(-60'000)}, {"place", "Library"}}), 400, "validation_failed");
        BM_EXPECT_ERROR(as(buyer)->post(path, QJsonObject{{"at", "tomorrow"}, {"place", "Library"}}), 400, "validation_failed");
        BM_EXPECT_ERROR(as(buyer)->post(path, QJsonObject{{"at", at}, {"place", "  "}}), 400, "validation_failed");
        const HttpResponse proposed = as(buyer)->post(path, QJsonObject{{"at", at}, {"place", "홍대입구역 2번 출구"}});
        BM_EXPECT_STATUS(proposed, 201);
        const QJsonObject card = proposed.json();
        QCOMPARE(card.value("kind").toString(), QStringLiteral("appointment"));
        QCOMPARE(card.value("appointment").toObject().value("status").toString(), QStringLiteral("proposed"));
        const QString answer = path + "/" + card.value("id").toString();

        BM_EXPECT_ERROR(as(buyer)->post(answer + "/accept", QJsonObject{}), 403, "forbidden");
        BM_EXPECT_ERROR(as(seller)->post(path + "/cm_nothere0000000000/accept", QJsonObject{}), 404, "not_found");
        const HttpResponse accepted = as(seller)->post(answer + "/accept", QJsonObject{});
        BM_EXPECT_STATUS(accepted, 200);
        QCOMPARE(accepted.json().value("appointment").toObject().value("status").toString(), QStringLiteral("accepted"));
        BM_EXPECT_ERROR(as(seller)->post(answer + "/decline", QJsonObject{}), 409, "invalid_state");

        const QList<QJsonObject> all = history(buyer, chatId);
        QCOMPARE(all.size(), 2);
        QCOMPARE(all[0].value("appointment").toObject().value("status").toString(), QStringLiteral("accepted"));
        QCOMPARE(all[0].value("appointment").toObject().value("place").toString(), QStringLiteral("홍대입구역 2번 출구"));
        QCOMPARE(all[1].value("system").toObject().value("event").toString(), QStringLiteral("appointment_accepted"));
        QCOMPARE(all[1].value("system").toObject().value("messageId").toString(), card.value("id").toString());
        // The buyer has the answer to read; the seller, who gave it, has read everything, and
        // the notification of the card with it.
        QCOMPARE(room(buyer, chatId).value("unreadCount").toInteger(), 1);
        QCOMPARE(room(seller, chatId).value("unreadCount").toInteger(), 0);
        QCOMPARE(chatNotifications(seller).size(), 1);
        QVERIFY(!chatNotifications(seller)[0].value("readAt").isNull());

        // A second card, declined.
        const QString second = as(seller)->post(path, QJsonObject{{"at", at}, {"place", "Cafe"}}).json().value("id").toString();
        const HttpResponse declined = as(buyer)->post(path + "/" + second + "/decline", QJsonObject{});
        BM_EXPECT_STATUS(declined, 200);
        QCOMPARE(declined.json().value("appointment").toObject().value("status").toString(), QStringLiteral("declined"));
    }

    void historyPagesBackwardsBySequence() {
        const TestUser seller = newUser("seller");
        const TestUser buyer = newUser("buyer");
        const QString chatId = openChat(buyer, publish(seller)).value("id").toString();
        for (int i = 1; i <= 45; ++i)
            BM_EXPECT_STATUS(say(i % 2 ? buyer : seller, chatId, QStringLiteral("m%1").arg(i)), 201);
        const QString path = "/api/v1/chats/" + chatId + "/messages?limit=20";
        QJsonObject page = as(buyer)->get(path).json();
        QJsonArray items = page.value("items").toArray();
        QCOMPARE(items.size(), 20);
        QCOMPARE(items.first().toObject().value("seq").toInteger(), 45);
        QCOMPARE(items.last().toObject().value("seq").toInteger(), 26);
        const QList<QJsonObject> all = history(buyer, chatId, 20);
        QCOMPARE(all.size(), 45);
        for (int i = 0; i < all.size(); ++i) {
            QCOMPARE(all[i].value("seq").toInteger(), i + 1);
            QCOMPARE(all[i].value("text").toString(), QStringLiteral("m%1").arg(i + 1));
        }
        items = as(buyer)->get("/api/v1/chats/" + chatId + "/messages?before=10&limit=3").json().value("items").toArray();
        QCOMPARE(items.size(), 3);
        QCOMPARE(items[0].toObject().value("seq").toInteger(), 9);
        QCOMPARE(items[2].toObject().value("seq").toInteger(), 7);
    }
};

QTEST_MAIN(ChatApiTest)
#include "ChatApiTest.moc"
