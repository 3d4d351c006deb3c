// bitmarket-bench-notifications: what notifications cost the real server.
//
//  1. Publishing: 1,000 listings published one after another with no saved keyword, then
//     (after 10,000 users saved 30 keywords each) 1,000 more: publish latency p50/p99 without
//     and with keyword alerts, and how many alerts the keyword-alert jobs wrote, and when.
//  2. Delivery: 1,000 users connected over WebSocket, each keeping 5 of 50 listings whose
//     prices drop 50 times a second (100 keepers each: 5,000 notifications/s): the time from
//     the notification (its createdAt, taken in the cause's transaction) to its frame arriving
//     on the user's socket, p50/p99/max. Goal p99 <= 20 ms. The baseline, in the same run:
//     the same sockets following the same listings, whose titles change at the same rate
//     (5,000 listing.updated frames/s, no notification); both timed from the request.
//
// Options: --keyword-users N (10000), --keywords N (30), --listings N (1000),
// --socket-users N (1000), --seconds S (5).
#include "bitmarket/Ids.h"
#include "bitmarket/Timestamp.h"
#include "db/Database.h"
#include "market/FavoriteTable.h"
#include "notifications/KeywordTokens.h"
#include "notifications/NotificationService.h"
#include "notifications/SavedKeywordTable.h"
#include "BenchUsers.h"
#include "EventWait.h"
#include "support/RawConnection.h"
#include "support/ServerProcess.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTimer>
#include <QWebSocket>
#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <cstdio>
#include <thread>

using namespace bitmarket;
using namespace bitmarket::server;

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

// Words that look like words: syllables, so that prefixes of one are sometimes others.
QStringList vocabulary(int size) {
    static const char* syllables[] = {"ka", "lo", "mi", "ne", "su", "ra", "to", "bi", "de", "po",
                                      "an", "el", "or", "un", "ve", "ji", "ho", "ga", "ru", "se"};
    auto* rng = QRandomGenerator::global();
    QSet<QString> words;
    while (words.size() < size) {
        QString w;
        const int n = 2 + static_cast<int>(rng->bounded(3));
        for (int i = 0; i < n; ++i)
            w += QLatin1String(syllables[rng->bounded(20)]);
        words.insert(w);
    }
    return QStringList(words.begin(), words.end());
}

QString titleFrom(const QStringList& words) {
    auto* rng = QRandomGenerator::global();
    QStringList title;
    for (int i = 0; i < 5; ++i)
        title.append(words[rng->bounded(words.size())]);
    return title.join(u' ');
}

void seedKeywords(const QString& dataDir, int users, int perUser, const QStringList& words) {
    db::Database db({dataDir + "/bitmarket.db", 1});
    auto* rng = QRandomGenerator::global();
    auto seeded = db.write([&](db::Connection& c) -> Result<void> {
        for (int u = 0; u < users; ++u) {
            const QString id = newId("u");
            const QString name = QStringLiteral("keyword_%1").arg(u);
            c.query("INSERT INTO users (id, username, username_key, email, email_key, display_name, "
                    "password_hash, created_at) VALUES (?1, ?2, ?2, ?3, ?3, ?2, 'none', 0)")
                .bind(id, name, name + "@bench.local")
                .run();
            for (int k = 0; k < perUser; ++k) {
                SavedKeyword keyword;
                keyword.keyword = words[rng->bounded(words.size())];
                if (rng->bounded(10) < 3) // some keywords have two words
                    keyword.keyword += u' ' + words[rng->bounded(words.size())];
                notifications::SavedKeywordTable::add(
                    c, id, keyword, notifications::KeywordTokens::wordsOf(keyword.keyword), 0);
            }
        }
        return {};
    });
    if (!seeded)
        qFatal("keywords: %s", qPrintable(seeded.error().message));
}

qint64 countOf(const QString& dataDir, const char* sql) {
    db::Connection c(dataDir + "/bitmarket.db", db::Connection::Mode::ReadOnly);
    auto q = c.query(sql);
    q.next();
    return q.integer(0);
}

std::string jsonText(const QJsonObject& o) {
    return QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString();
}

QJsonObject listingBody(const QString& title, qint64 price) {
    return QJsonObject{{"title", title},
                       {"description", "A benchmark listing."},
                       {"categoryId", "home"},
                       {"price", QJsonObject{{"amount", price}, {"currency", "KRW"}}},
                       {"condition", "good"},
                       {"tags", QJsonArray{}},
                       {"region", "Seoul"},
                       {"saleType", "fixed"}};
}

// Publishes `count` listings one after another; each one's latency in ms.
std::vector<double> publish(const test::ServerProcess& server, const QString& token,
                            const QStringList& words, int count, QStringList* ids = nullptr) {
    httplib::Client http(server.httpUrl().host().toStdString(), server.httpUrl().port());
    const httplib::Headers headers{{"Authorization", "Bearer " + token.toStdString()}};
    std::vector<double> ms;
    for (int i = 0; i < count; ++i) {
        const std::string body = jsonText(listingBody(titleFrom(words), 100'000));
        QElapsedTimer t;
        t.start();
        auto r = http.Post("/api/v1/listings", headers, body, "application/json");
        ms.push_back(t.nsecsElapsed() / 1e6);
        if (!r || r->status != 201)
            qFatal("publish failed: %d", r ? r->status : 0);
        if (ids)
            ids->append(QJsonDocument::fromJson(QByteArray::fromStdString(r->body))
                            .object()
                            .value("id")
                            .toString());
    }
    return ms;
}

void printLatency(const char* what, const std::vector<double>& ms) {
    std::printf("%-34s p50 %6.2f ms  p99 %6.2f ms  max %7.2f ms  (%zu)\n", what,
                percentile(ms, 0.5), percentile(ms, 0.99), percentile(ms, 1.0), ms.size());
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int keywordUsers = argValue(args, "--keyword-users", 10'000);
    const int keywordsEach = argValue(args, "--keywords", 30);
    const int listings = argValue(args, "--listings", 1000);
    const int socketUsers = argValue(args, "--socket-users", 1000);
    const int seconds = argValue(args, "--seconds", 5);
    constexpr int kDropListings = 50;
    constexpr int kKeptEach = 5;
    // Every socket comes from 127.0.0.1, which the server then must not hold to its
    // per-address cap of 32 WebSockets: it is named a proxy (whose clients are many).
    const QStringList serverArgs{"--workers", "0", "--trusted-proxy", "127.0.0.1"};

    test::ServerProcess server;
    const QString dataDir = server.dataDir();
    const QStringList words = vocabulary(20'000);
    QElapsedTimer timer;
    timer.start();
    const QList<bench::BenchUser> users = bench::registerUsers(dataDir, "bench", socketUsers + 1);
    const bench::BenchUser seller = users.last();
    std::printf("registered %d users in %.1f s\n", socketUsers + 1, timer.elapsed() / 1000.0);

    // 1. Publishing, first with no saved keyword at all.
    if (!server.start(serverArgs))
        qFatal("server did not start");
    const std::vector<double> without = publish(server, seller.accessToken, words, listings);
    server.stop();
    timer.restart();
    seedKeywords(dataDir, keywordUsers, keywordsEach, words);
    std::printf("saved %d x %d keywords in %.1f s\n", keywordUsers, keywordsEach,
                timer.elapsed() / 1000.0);
    if (!server.start(serverArgs))
        qFatal("server did not start");
    const qint64 before = countOf(dataDir, "SELECT count(*) FROM notifications");
    const std::vector<double> with = publish(server, seller.accessToken, words, listings);
    // The alerts go out from jobs the publishing queued; they are counted once all ran.
    timer.restart();
    const QByteArray pendingAlerts =
        "SELECT count(*) FROM jobs WHERE status IN ('queued', 'running') AND kind = '" +
        notifications::NotificationService::kKeywordAlertsKind.toLatin1() + "'";
    while (countOf(dataDir, pendingAlerts.constData()) > 0 &&
           timer.elapsed() < 300'000)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    const double alertSeconds = timer.elapsed() / 1000.0;
    const qint64 alerts = countOf(dataDir, "SELECT count(*) FROM notifications") - before;
    std::printf("\n");
    printLatency("publish, no keywords saved", without);
    const QByteArray label = QStringLiteral("publish, %1 keywords saved")
                                 .arg(static_cast<qint64>(keywordUsers) * keywordsEach)
                                 .toLatin1();
    printLatency(label.constData(), with);
    std::printf("keyword alerts written: %lld (%.1f per listing), the last %.1f s after the last "
                "publish\n",
                alerts, static_cast<double>(alerts) / listings, alertSeconds);
    std::printf("publish p99 cost of alerts: %+.2f ms (goal <= 2 ms)\n\n",
                percentile(with, 0.99) - percentile(without, 0.99));
    server.stop();

    // 2. Delivery: each socket user keeps kKeptEach of kDropListings listings.
    QStringList dropIds;
    if (!server.start(serverArgs))
        qFatal("server did not start");
    publish(server, seller.accessToken, {QStringLiteral("plain")}, kDropListings, &dropIds);
    server.stop();
    {
        db::Database db({dataDir + "/bitmarket.db", 1});
        auto kept = db.write([&](db::Connection& c) -> Result<void> {
            for (int u = 0; u < socketUsers; ++u) {
                for (int k = 0; k < kKeptEach; ++k)
                    FavoriteTable::add(c, users[u].id, dropIds[(u + k * 10) % kDropListings], 0);
            }
            return {};
        });
        if (!kept)
            qFatal("favorites: %s", qPrintable(kept.error().message));
    }
    if (!server.start(serverArgs))
        qFatal("server did not start");

    // What arrives, on the bench's one thread: the notification's own latency (from its
    // createdAt), and for both phases the time from the request that caused a frame.
    std::vector<double> delivery;
    std::vector<double> fromRequest[2]; // [0] baseline listing edits, [1] price drops
    std::vector<qint64> sentAtMs[2];    // by request number, wall clock as the server's
    std::mutex sentMutex;
    const auto sentAt = [&](int phase, qint64 request) -> qint64 {
        std::lock_guard lock(sentMutex);
        return request >= 0 && request < static_cast<qint64>(sentAtMs[phase].size())
                   ? sentAtMs[phase][static_cast<size_t>(request)]
                   : 0;
    };
    constexpr qint64 kFirstDropPrice = 99'999; // below the 100,000 published: each one a drop
    std::atomic<int> subscribed = 0;
    QList<QWebSocket*> sockets;
    const auto frameText = [](const char* type, const QStringList& topics) {
        return QString::fromUtf8(
            QJsonDocument(QJsonObject{{"type", type},
                                      {"id", 1},
                                      {"data", QJsonObject{{"topics", QJsonArray::fromStringList(topics)}}}})
                .toJson(QJsonDocument::Compact));
    };
    QList<QStringList> keptTopics;
    for (int u = 0; u < socketUsers; ++u) {
        QStringList kept;
        for (int k = 0; k < kKeptEach; ++k)
            kept << "listing:" + dropIds[(u + k * 10) % kDropListings];
        keptTopics << kept;
        auto* socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, &app);
        const QStringList topics = QStringList{"user:" + users[u].id} + kept;
        QObject::connect(socket, &QWebSocket::connected, socket, [socket, topics, frameText] {
            socket->sendTextMessage(frameText("subscribe", topics));
        });
        QObject::connect(
            socket, &QWebSocket::textMessageReceived, socket, [&, socket](const QString& text) {
                const qint64 arrived = nowMs();
                const QJsonObject frame = QJsonDocument::fromJson(text.toUtf8()).object();
                const QString type = frame.value("type").toString();
                const QJsonObject data = frame.value("data").toObject();
                if (type == u"subscribed") {
                    ++subscribed;
                } else if (type == u"listing.updated") {
                    const QString title = data.value("title").toString();
                    if (title.startsWith(u"Edit "))
                        fromRequest[0].push_back(static_cast<double>(
                            arrived - sentAt(0, title.mid(5).toLongLong())));
                } else if (type == u"notification.new") {
                    const QJsonObject n = data.value("notification").toObject();
                    if (const auto created = fromRfc3339(n.value("createdAt").toString()))
                        delivery.push_back(static_cast<double>(arrived - *created));
                    const qint64 price =
                        n.value("data").toObject().value("newPrice").toObject().value("amount").toInteger();
                    fromRequest[1].push_back(
                        static_cast<double>(arrived - sentAt(1, kFirstDropPrice - price)));
                }
            });
        QNetworkRequest request(server.wsUrl());
        request.setRawHeader("Authorization", "Bearer " + users[u].accessToken.toLatin1());
        socket->open(request);
        sockets.append(socket);
    }
    bench::runEventsUntil([&] { return subscribed >= socketUsers; }, 60'000);
    std::printf("%d of %d users connected and subscribed\n", subscribed.load(), socketUsers);

    // 50 edits a second of the kept listings from another thread, each reaching the 100
    // sockets that keep the listing: 5,000 frames a second. Phase 0 edits titles (live
    // listing updates only, no notification: the baseline), phase 1 drops prices.
    std::vector<double> requestMs[2];
    const auto drive = [&](int phase) {
        std::atomic<bool> driving = true;
        std::thread driver([&] {
            httplib::Client http(server.httpUrl().host().toStdString(), server.httpUrl().port());
            const httplib::Headers headers{{"Authorization", "Bearer " + seller.accessToken.toStdString()}};
            const auto start = std::chrono::steady_clock::now();
            for (int i = 0; driving; ++i) {
                std::this_thread::sleep_until(start + std::chrono::milliseconds(20 * i));
                const QJsonObject change =
                    phase == 0 ? QJsonObject{{"title", QStringLiteral("Edit %1").arg(i)}}
                               : QJsonObject{{"price", QJsonObject{{"amount", kFirstDropPrice - i},
                                                                   {"currency", "KRW"}}}};
                {
                    std::lock_guard lock(sentMutex);
                    sentAtMs[phase].push_back(nowMs());
                }
                QElapsedTimer t;
                t.start();
                auto r = http.Patch(("/api/v1/listings/" + dropIds[i % kDropListings]).toStdString(),
                                    headers, jsonText(change), "application/json");
                requestMs[phase].push_back(t.nsecsElapsed() / 1e6);
                if (!r || r->status != 200)
                    qFatal("edit failed: %d", r ? r->status : 0);
            }
        });
        bench::runEventsFor(seconds * 1000);
        driving = false;
        driver.join();
        bench::runEventsFor(1000);
    };
    drive(0);
    for (int u = 0; u < socketUsers; ++u)
        sockets[u]->sendTextMessage(frameText("unsubscribe", keptTopics[u]));
    bench::runEventsFor(500);
    drive(1);

    const double perRequest = static_cast<double>(socketUsers) * kKeptEach / kDropListings;
    for (int phase = 0; phase < 2; ++phase)
        std::printf("%s: %zu requests in %d s, %.0f frames/s, %zu frames received of %.0f\n",
                    phase == 0 ? "title edits (baseline)" : "price drops",
                    requestMs[phase].size(), seconds, requestMs[phase].size() * perRequest / seconds,
                    fromRequest[phase].size(), requestMs[phase].size() * perRequest);
    printLatency("title edit request (baseline)", requestMs[0]);
    printLatency("price drop request (100 keepers)", requestMs[1]);
    printLatency("edit request -> listing.updated", fromRequest[0]);
    printLatency("drop request -> notification.new", fromRequest[1]);
    std::printf("notification p99 / baseline p99: %.2f\n",
                percentile(fromRequest[1], 0.99) / std::max(1.0, percentile(fromRequest[0], 0.99)));
    printLatency("delivery, notification -> socket", delivery);
    std::printf("delivery goal p99 <= 20 ms: %s\n",
                percentile(delivery, 0.99) <= 20 ? "met" : "MISSED");
    std::printf("server peak memory: %ld MB\n", test::memoryOf(server.pid()).peakKb / 1024);
    for (QWebSocket* socket : sockets)
        socket->abort();
    server.stop();
    return 0;
}
