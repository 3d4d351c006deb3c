// bitmarket-bench-chat: chat on the real server under load.
//
// 1,000 users connected over WebSocket, in 500 rooms (user 2i sells listing i, user 2i+1 chats
// about it). Messages are offered at a fixed rate for a fixed time, each a chat.send from a
// random member of a random room over that member's socket, with a client id. Measured: the
// offered and answered rates, delivered/s (chat.message frames reaching the other member), the
// end-to-end latency from the send to the other member's socket (p50/p99/max), the send ->
// chat.sent answer latency, and at the end that every answered message is persisted: the
// database holds exactly as many messages as were answered, and each room is numbered without
// gaps. Goal: p99 <= 20 ms.
//
// Options: --rooms N (500), --rate N messages/s offered (10000), --seconds S (60).
#include "bitmarket/Timestamp.h"
#include "BenchUsers.h"
#include "db/Connection.h"
#include "support/RawConnection.h"
#include "support/ServerProcess.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QWebSocket>
#include <httplib.h>

#include <algorithm>
#include <cstdio>

using namespace bitmarket;

namespace {

int argValue(const QStringList& args, const char* name, int fallback) {
    const int i = args.indexOf(QLatin1String(name));
    return i >= 0 && i + 1 < args.size() ? args[i + 1].toInt() : fallback;
}

double percentile(std::vector<double> values, double p) {
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, static_cast<size_t>(p * values.size()))];
}

void printLatency(const char* what, const std::vector<double>& ms) {
    std::printf("%-34s p50 %6.2f ms  p99 %6.2f ms  max %7.2f ms  (%zu)\n", what,
                percentile(ms, 0.5), percentile(ms, 0.99), percentile(ms, 1.0), ms.size());
}

std::string jsonText(const QJsonObject& o) {
    return QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString();
}

QString frameText(const QJsonObject& frame) {
    return QString::fromUtf8(QJsonDocument(frame).toJson(QJsonDocument::Compact));
}

struct Room {
    QString id;
    int seller = 0; // index into the users
    int buyer = 0;
};

// Listings and rooms over HTTP, as a client makes them.
QList<Room> makeRooms(const test::ServerProcess& server, const QList<bench::BenchUser>& users,
                      int rooms) {
    httplib::Client http(server.httpUrl().host().toStdString(), server.httpUrl().port());
    QList<Room> out;
    for (int i = 0; i < rooms; ++i) {
        const auto as = [&](int user) {
            return httplib::Headers{{"Authorization", "Bearer " + users[user].accessToken.toStdString()}};
        };
        const QJsonObject listing{{"title", QStringLiteral("Bench item %1").arg(i)},
                                  {"description", "A benchmark listing."},
                                  {"categoryId", "home"},
                                  {"price", QJsonObject{{"amount", 10'000}, {"currency", "KRW"}}},
                                  {"condition", "good"},
                                  {"tags", QJsonArray{}},
                                  {"region", "Seoul"},
                                  {"saleType", "fixed"}};
        auto created = http.Post("/api/v1/listings", as(2 * i), jsonText(listing), "application/json");
        if (!created || created->status != 201)
            qFatal("listing failed: %d", created ? created->status : 0);
        const QString listingId =
            QJsonDocument::fromJson(QByteArray::fromStdString(created->body)).object().value("id").toString();
        auto opened = http.Post("/api/v1/chats", as(2 * i + 1),
                                jsonText(QJsonObject{{"listingId", listingId}}), "application/json");
        if (!opened || opened->status != 201)
            qFatal("chat failed: %d", opened ? opened->status : 0);
        out.append(Room{QJsonDocument::fromJson(QByteArray::fromStdString(opened->body))
                            .object()
                            .value("id")
                            .toString(),
                        2 * i, 2 * i + 1});
    }
    return out;
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    // Each line as it is printed, also into a file: the phases can be followed (and profiled).
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    const QStringList args = app.arguments();
    const int roomCount = argValue(args, "--rooms", 500);
    const int rate = argValue(args, "--rate", 10'000);
    const int seconds = argValue(args, "--seconds", 60);
    // Every socket comes from 127.0.0.1, which must not be held to the per-address cap.
    const QStringList serverArgs{"--workers", "0", "--trusted-proxy", "127.0.0.1"};

    test::ServerProcess server;
    QElapsedTimer timer;
    timer.start();
    const QList<bench::BenchUser> users = bench::registerUsers(server.dataDir(), "chat", 2 * roomCount);
    if (!server.start(serverArgs))
        qFatal("server did not start");
    const QList<Room> rooms = makeRooms(server, users, roomCount);
    std::printf("%d users, %d rooms ready in %.1f s; server pid %lld\n", 2 * roomCount, roomCount,
                timer.elapsed() / 1000.0, static_cast<long long>(server.pid()));

    // Sends by client id: when, and who must receive it.
    struct Sent {
        qint64 atNs = 0;
        int receiver = 0;
    };
    QHash<QString, Sent> sent;
    std::vector<double> endToEnd;
    std::vector<double> answered;
    qint64 created = 0;
    qint64 refused = 0;
    qint64 delivered = 0;
    int subscribed = 0;
    QElapsedTimer clock;
    clock.start();

    QList<QWebSocket*> sockets;
    for (int u = 0; u < users.size(); ++u) {
        auto* socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, &app);
        const QString topic = "user:" + users[u].id;
        QObject::connect(socket, &QWebSocket::connected, socket, [socket, topic] {
            socket->sendTextMessage(frameText({{"type", "subscribe"},
                                               {"id", "s"},
                                               {"data", QJsonObject{{"topics", QJsonArray{topic}}}}}));
        });
        QObject::connect(socket, &QWebSocket::textMessageReceived, socket, [&, u](const QString& text) {
            const qint64 now = clock.nsecsElapsed();
            const QJsonObject frame = QJsonDocument::fromJson(text.toUtf8()).object();
            const QString type = frame.value("type").toString();
            if (type == u"subscribed") {
                ++subscribed;
                return;
            }
            if (type == u"error") {
                ++refused;
                return;
            }
            const QJsonObject data = frame.value("data").toObject();
            const QString clientId = data.value("message").toObject().value("clientId").toString();
            const auto it = sent.constFind(clientId);
            if (it == sent.constEnd())
                return;
            if (type == u"chat.sent") {
                answered.push_back((now - it->atNs) / 1e6);
                created += data.value("created").toBool() ? 1 : 0;
            } else if (type == u"chat.message" && it->receiver == u) {
                endToEnd.push_back((now - it->atNs) / 1e6);
                ++delivered;
            }
        });
        QNetworkRequest request(server.wsUrl());
        request.setRawHeader("Authorization", "Bearer " + users[u].accessToken.toLatin1());
        socket->open(request);
        sockets.append(socket);
    }
    QElapsedTimer waited;
    waited.start();
    while (subscribed < users.size() && waited.elapsed() < 60'000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    std::printf("%d of %lld sockets connected and subscribed\n", subscribed,
                static_cast<long long>(users.size()));

    // Offer `rate` messages a second in ticks of 5 ms.
    QRandomGenerator random(42);
    qint64 offered = 0;
    const qint64 startNs = clock.nsecsElapsed();
    const qint64 runNs = seconds * 1'000'000'000LL;
    while (clock.nsecsElapsed() - startNs < runNs) {
        const qint64 due = (clock.nsecsElapsed() - startNs) * rate / 1'000'000'000LL;
        for (; offered < due; ++offered) {
            const Room& room = rooms[random.bounded(static_cast<int>(rooms.size()))];
            const bool fromBuyer = random.bounded(2) == 0;
            const int from = fromBuyer ? room.buyer : room.seller;
            const QString clientId = QStringLiteral("b%1").arg(offered);
            sent[clientId] = Sent{clock.nsecsElapsed(), fromBuyer ? room.seller : room.buyer};
            sockets[from]->sendTextMessage(frameText(
                {{"type", "chat.send"},
                 {"id", clientId},
                 {"data", QJsonObject{{"chatId", room.id},
                                      {"text", QStringLiteral("Message %1, is it still there?").arg(offered)},
                                      {"clientId", clientId}}}}));
        }
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    const double sendSeconds = (clock.nsecsElapsed() - startNs) / 1e9;
    QElapsedTimer drain;
    drain.start();
    while ((static_cast<qint64>(answered.size()) + refused < offered || delivered < created) &&
           drain.elapsed() < 30'000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    const double allSeconds = (clock.nsecsElapsed() - startNs) / 1e9;
    for (QWebSocket* socket : sockets)
        socket->abort();
    const long peakMb = test::memoryOf(server.pid()).peakKb / 1024;
    server.stop();

    // Persisted: the messages in the database, and each room numbered 1..n.
    using bitmarket::server::db::Connection;
    Connection c(server.dataDir() + "/bitmarket.db", Connection::Mode::ReadOnly);
    auto count = c.query("SELECT count(*) FROM chat_messages");
    count.next();
    const qint64 stored = count.integer(0);
    auto gaps = c.query("SELECT count(*) FROM chats WHERE last_seq != "
                        "(SELECT count(*) FROM chat_messages m WHERE m.chat_seq = chats.seq)");
    gaps.next();
    const qint64 roomsWithGaps = gaps.integer(0);

    std::printf("\noffered   %lld messages in %.1f s: %.0f/s\n", static_cast<long long>(offered),
                sendSeconds, offered / sendSeconds);
    std::printf("answered  %zu (%lld stored, %lld refused), %.0f/s over %.1f s\n", answered.size(),
                static_cast<long long>(created), static_cast<long long>(refused),
                answered.size() / allSeconds, allSeconds);
    std::printf("delivered %lld to the other member, %.0f/s\n", static_cast<long long>(delivered),
                delivered / allSeconds);
    printLatency("send -> chat.sent answer", answered);
    printLatency("send -> other member's socket", endToEnd);
    // Sends still queued when the sockets closed may be stored without their answer arriving:
    // the database may hold more than was answered, never fewer.
    std::printf("persisted: %lld messages in the database for %lld answered as stored%s; rooms "
                "with gaps: %lld\n",
                static_cast<long long>(stored), static_cast<long long>(created),
                stored >= created ? " (every answered one)" : " (ANSWERED MESSAGES MISSING)",
                static_cast<long long>(roomsWithGaps));
    std::printf("end-to-end goal p99 <= 20 ms: %s\n", percentile(endToEnd, 0.99) <= 20 ? "met" : "MISSED");
    std::printf("server peak memory: %ld MB\n", peakMb);
    return 0;
}
