// Many senders at once over real HTTP: every room's messages are numbered 1..n without a gap or
// a repeat, each answered message holds the seq its answer gave, and a retried client id never
// makes a second message. Then kill -9 in the middle of a message storm: after the restart,
// every message that got its answer is there, in its place, with its words.
#include "ApiTestSupport.h"

#include <QElapsedTimer>
#include <QMutex>
#include <QTest>

#include <signal.h>

using namespace bitmarket::test;

namespace {

struct Answered {
    QString chatId;
    QString clientId;
    QString text;
    qint64 seq = 0;
};

class AnswerLog {
public:
    void add(const Answered& a) {
        QMutexLocker lock(&m_mutex);
        m_answered.append(a);
    }
    QList<Answered> all() {
        QMutexLocker lock(&m_mutex);
        return m_answered;
    }

private:
    QMutex m_mutex;
    QList<Answered> m_answered;
};

struct Room {
    QString id;
    TestUser buyer;
};

// Sends up to `count` messages to random rooms the sender is in, for at most `stopAfterMs`;
// every fifth message is sent twice under the same client id (a retry).
void storm(const QUrl& server, const TestUser& sender, const QStringList& chatIds, int count,
           qint64 stopAfterMs, AnswerLog& log) {
    HttpTestClient http(server);
    http.setAccessToken(sender.accessToken);
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < count && clock.elapsed() < stopAfterMs; ++i) {
        const QString chatId = chatIds[i % chatIds.size()];
        const QString clientId = QStringLiteral("%1-%2").arg(sender.username).arg(i);
        const QString text = QStringLiteral("%1 says %2").arg(sender.username).arg(i);
        for (int attempt = 0; attempt < (i % 5 == 0 ? 2 : 1); ++attempt) {
            const HttpResponse r = http.post("/api/v1/chats/" + chatId + "/messages",
                                             QJsonObject{{"text", text}, {"clientId", clientId}});
            if (r.status == 0)
                return; // the server is gone (the kill -9 case)
            if (r.status == 201)
                log.add(Answered{chatId, clientId, text, r.json().value("seq").toInteger()});
        }
    }
}

} // namespace

class ChatConcurrencyTest : public QObject {
    Q_OBJECT

private:
    // One seller, `rooms` buyers each with a room about the seller's listing.
    static QList<Room> rooms(ServerProcess& server, const TestUser& seller, int n) {
        HttpTestClient http(server.httpUrl());
        http.setAccessToken(seller.accessToken);
        const QString listingId =
            http.post("/api/v1/listings", listingDraft("Storm bike", 120'000)).json().value("id").toString();
        QList<Room> out;
        for (int i = 0; i < n; ++i) {
            HttpTestClient asBuyer(server.httpUrl());
            const TestUser buyer = registerUser(asBuyer, QStringLiteral("storm_buyer_%1").arg(i));
            asBuyer.setAccessToken(buyer.accessToken);
            out.append(Room{asBuyer.post("/api/v1/chats", QJsonObject{{"listingId", listingId}})
                                .json()
                                .value("id")
                                .toString(),
                            buyer});
        }
        return out;
    }
    static QList<QJsonObject> history(const QUrl& server, const TestUser& member, const QString& chatId) {
        HttpTestClient http(server);
        http.setAccessToken(member.accessToken);
        QList<QJsonObject> newestFirst;
        QString cursor;
        for (int guard = 0; guard < 1000; ++guard) {
            QString path = "/api/v1/chats/" + chatId + "/messages?limit=100";
            if (!cursor.isEmpty())
                path += "&cursor=" + QString::fromLatin1(QUrl::toPercentEncoding(cursor));
            const QJsonObject page = http.get(path).json();
            for (const QJsonValue& m : page.value("items").toArray())
                newestFirst.append(m.toObject());
            cursor = page.value("nextCursor").toString();
            if (cursor.isEmpty())
                break;
        }
        std::reverse(newestFirst.begin(), newestFirst.end());
        return newestFirst;
    }
    // Each room numbered 1..n without gaps; each answer's seq holds its message; no client id twice.
    static void checkRooms(const QUrl& server, const TestUser& seller, const QList<Room>& all,
                           const QList<Answered>& answered) {
        for (const Room& room : all) {
            const QList<QJsonObject> messages = history(server, seller, room.id);
            QSet<QString> clientIds;
            for (int i = 0; i < messages.size(); ++i) {
                QCOMPARE(messages[i].value("seq").toInteger(), i + 1);
                const QString clientId = messages[i].value("clientId").toString();
                QVERIFY2(!clientIds.contains(clientId), qPrintable("client id twice: " + clientId));
                clientIds.insert(clientId);
            }
            for (const Answered& a : answered) {
                if (a.chatId != room.id)
                    continue;
                QVERIFY2(a.seq >= 1 && a.seq <= messages.size(), "an answered message is missing");
                const QJsonObject& m = messages[a.seq - 1];
                QCOMPARE(m.value("clientId").toString(), a.clientId);
                QCOMPARE(m.value("text").toString(), a.text);
            }
            HttpTestClient http(server);
            http.setAccessToken(seller.accessToken);
            QCOMPARE(http.get("/api/v1/chats/" + room.id).json().value("lastSeq").toInteger(), messages.size());
        }
    }

private Q_SLOTS:
    void concurrentSendersLeaveNoGaps() {
        ServerProcess server;
        QVERIFY(server.start({"--registrations-per-hour", "1000"}));
        HttpTestClient http(server.httpUrl());
        const TestUser seller = registerUser(http, "storm_seller");
        const QList<Room> all = rooms(server, seller, 3);
        QStringList chatIds;
        for (const Room& r : all)
            chatIds.append(r.id);
        AnswerLog log;
        // The seller writes in every room from four threads, each buyer in theirs from two.
        concurrently(4 + 2 * all.size(), [&](int i) {
            if (i < 4) {
                TestUser me = seller;
                me.username = QStringLiteral("seller%1").arg(i);
                storm(server.httpUrl(), me, chatIds, 40, 20'000, log);
            } else {
                TestUser me = all[(i - 4) / 2].buyer;
                me.username += QStringLiteral("-%1").arg(i % 2);
                storm(server.httpUrl(), me, {all[(i - 4) / 2].id}, 40, 20'000, log);
            }
            return HttpResponse{};
        });
        const QList<Answered> answered = log.all();
        QCOMPARE(answered.size(), 4 * 40 + 2 * all.size() * 40);
        checkRooms(server.httpUrl(), seller, all, answered);
        QCOMPARE(server.stop(), 0);
    }

    void everyAnsweredMessageSurvivesKill9() {
        ServerProcess server;
        QVERIFY(server.start({"--registrations-per-hour", "1000"}));
        HttpTestClient http(server.httpUrl());
        const TestUser seller = registerUser(http, "storm_seller");
        const QList<Room> all = rooms(server, seller, 4);
        AnswerLog log;
        const auto pid = static_cast<pid_t>(server.pid());
        QThread* killer = QThread::create([pid] {
            QThread::msleep(1500);
            ::kill(pid, SIGKILL);
        });
        killer->start();
        concurrently(2 * all.size(), [&](int i) {
            TestUser me = all[i / 2].buyer;
            me.username += QStringLiteral("-%1").arg(i % 2);
            storm(server.httpUrl(), me, {all[i / 2].id}, 100'000, 5000, log);
            return HttpResponse{};
        });
        killer->wait();
        delete killer;
        server.kill(); // reaps the process the killer thread ended
        const QList<Answered> answered = log.all();
        QVERIFY2(answered.size() > 50, qPrintable(QStringLiteral("%1 messages answered before the kill").arg(answered.size())));
        qInfo("%d messages answered before the kill", static_cast<int>(answered.size()));

        QVERIFY(server.start({"--registrations-per-hour", "1000"}));
        checkRooms(server.httpUrl(), seller, all, answered);
        QCOMPARE(server.stop(), 0);
    }
};

QTEST_MAIN(ChatConcurrencyTest)
#include "ChatConcurrencyTest.moc"
