// bitmarket-bench-auctions: how fast the real server decides bids, and how fast watchers see them.
//
//  1. Bids: 1,000 live auctions, 200 concurrent bidders over HTTP keep-alive for --seconds
//     (60): each bids on a random auction a little above the minimum it last saw, with an
//     Idempotency-Key, as the desktop app does. Accepted bids/s and latency p50/p99 of every
//     bid request. Goal: >= 20,000 accepted bids/s with p99 <= 10 ms (10,000 to resolve).
//     Ceilings in the same run: GET /healthz with the same 200 clients (the HTTP stack with
//     nothing behind it), and the same rows a bid writes, written by a bare SQLite loop that
//     commits 100 bids at a time (the database with nothing in front of it).
//  2. Fan-out: 1,000 WebSockets watching one hot auction while two bidders take turns on it
//     50 times a second (50,000 frames/s): from each bid request to its auction.bid frame on
//     every socket, p50/p99. Goal p99 <= 50 ms.
//  And the server's peak memory.
//
// Options: --auctions N (1000), --bidders N (200), --seconds S (60), --watchers N (1000),
// --hot-bids-per-second N (50), --mute-outbid (every bidder mutes outbid notifications).
#include "BenchUsers.h"
#include "EventWait.h"
#include "LoadGenerator.h"
#include "support/RawConnection.h"
#include "support/ServerProcess.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QWebSocket>
#include <httplib.h>
#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <mutex>
#include <thread>

using namespace bitmarket;

namespace {

using Clock = std::chrono::steady_clock;

int argValue(const QStringList& args, const char* name, int fallback) {
    const int i = args.indexOf(QLatin1String(name));
    return i >= 0 && i + 1 < args.size() ? args[i + 1].toInt() : fallback;
}

double percentile(std::vector<double>& sorted, double p) {
    if (sorted.empty())
        return 0;
    return sorted[std::min(sorted.size() - 1, static_cast<size_t>(p * sorted.size()))];
}

std::string jsonText(const QJsonObject& o) {
    return QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString();
}

// The amount of the first `"<key>":{"amount":N` in a JSON text: the bidders read only the
// minimum next bid, and parsing every answer would cost the load generator more than the server.
qint64 amountAfter(const std::string& body, const char* key) {
    const std::string needle = std::string("\"") + key + "\":{\"amount\":";
    const size_t at = body.find(needle);
    return at == std::string::npos ? -1 : std::atoll(body.c_str() + at + needle.size());
}

QStringList createAuctions(const test::ServerProcess& server, const QList<bench::BenchUser>& sellers,
                           int count) {
    httplib::Client http(server.httpUrl().host().toStdString(), server.httpUrl().port());
    http.set_keep_alive(true);
    QStringList ids;
    const QString endsAt = QDateTime::currentDateTimeUtc().addSecs(6 * 3600).toString(Qt::ISODateWithMs);
    for (int i = 0; i < count; ++i) {
        const QJsonObject body{{"title", QStringLiteral("Bench lot %1").arg(i)},
                               {"categoryId", "home"},
                               {"condition", "good"},
                               {"saleType", "auction"},
                               {"auction", QJsonObject{{"startPrice", QJsonObject{{"amount", 10'000}, {"currency", "KRW"}}},
                                                       {"endsAt", endsAt}}}};
        const httplib::Headers headers{
            {"Authorization", "Bearer " + sellers[i % sellers.size()].accessToken.toStdString()}};
        auto r = http.Post("/api/v1/listings", headers, jsonText(body), "application/json");
        if (!r || r->status != 201)
            qFatal("create auction: %d %s", r ? r->status : 0, r ? r->body.c_str() : "");
        ids.append(QJsonDocument::fromJson(QByteArray::fromStdString(r->body)).object().value("id").toString());
    }
    return ids;
}

struct BidRun {
    std::string firstFailure; // the first answer that was neither accepted nor outbid
    long accepted = 0;
    long tooLow = 0;
    long failed = 0;
    double seconds = 0;
    std::vector<double> latenciesMs; // every bid request, sorted
};

BidRun bidStorm(const test::ServerProcess& server, const QList<bench::BenchUser>& bidders,
                const QStringList& listingIds, double seconds) {
    std::vector<std::atomic<qint64>> minimum(listingIds.size());
    for (auto& m : minimum)
        m = 10'000;
    std::vector<std::string> paths;
    for (const QString& id : listingIds)
        paths.push_back(("/api/v1/listings/" + id + "/bids").toStdString());
    std::mutex mutex;
    BidRun run;
    const auto started = Clock::now();
    const auto deadline = started + std::chrono::duration<double>(seconds);
    std::vector<std::thread> threads;
    for (int b = 0; b < bidders.size(); ++b) {
        threads.emplace_back([&, b] {
            httplib::Client http(server.httpUrl().host().toStdString(), server.httpUrl().port());
            http.set_keep_alive(true);
            http.set_tcp_nodelay(true);
            const std::string authorization = "Bearer " + bidders[b].accessToken.toStdString();
            QRandomGenerator random(static_cast<quint32>(b + 1));
            std::vector<double> mine;
            // This bidder's accepted maximum per auction: a new bid is above it, as a person
            // raising their own maximum does (the server refuses one that is not).
            std::vector<qint64> myMax(paths.size(), 0);
            long accepted = 0, tooLow = 0, failed = 0;
            for (long i = 0; Clock::now() < deadline; ++i) {
                const int a = static_cast<int>(random.bounded(static_cast<int>(paths.size())));
                const qint64 max = std::max<qint64>(
                    minimum[a] + static_cast<qint64>(random.bounded(4)) * 500, myMax[a] + 500);
                const httplib::Headers headers{{"Authorization", authorization},
                                               {"Idempotency-Key", "b" + std::to_string(b) + "-" + std::to_string(i)}};
                const std::string body = "{\"maxAmount\":{\"amount\":" + std::to_string(max) + ",\"currency\":\"KRW\"}}";
                const auto t0 = Clock::now();
                auto r = http.Post(paths[a], headers, body, "application/json");
                mine.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
                if (!r) {
                    ++failed;
                    continue;
                }
                const qint64 next = amountAfter(r->body, "minNextBid");
                if (next > 0) {
                    qint64 seen = minimum[a];
                    while (next > seen && !minimum[a].compare_exchange_weak(seen, next)) {
                    }
                }
                if (r->status == 201) {
                    ++accepted;
                    myMax[a] = max;
                } else if (r->status == 409)
                    ++tooLow; // someone bid higher first, or the leader's max already covered it
                else if (++failed == 1) {
                    std::lock_guard lock(mutex);
                    if (run.firstFailure.empty())
                        run.firstFailure = std::to_string(r->status) + " " + r->body;
                }
            }
            std::lock_guard lock(mutex);
            run.latenciesMs.insert(run.latenciesMs.end(), mine.begin(), mine.end());
            run.accepted += accepted;
            run.tooLow += tooLow;
            run.failed += failed;
        });
    }
    for (auto& t : threads)
        t.join();
    run.seconds = std::chrono::duration<double>(Clock::now() - started).count();
    std::sort(run.latenciesMs.begin(), run.latenciesMs.end());
    return run;
}

void exec(sqlite3* db, const char* sql) {
    char* error = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &error) != SQLITE_OK)
        qFatal("sqlite: %s", error);
}

// The rows one accepted bid writes (bid, bidder's max, standing, listing price, Idempotency-Key),
// written by one loop that commits 100 bids at a time, WAL with fsync: the database's ceiling.
double bareSqliteBidsPerSecond(int auctions, double seconds) {
    QTemporaryDir dir;
    sqlite3* db = nullptr;
    sqlite3_open((dir.path() + "/bare.db").toUtf8().constData(), &db);
    exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
             "CREATE TABLE listings (seq INTEGER PRIMARY KEY, price_amount INTEGER, updated_at INTEGER);"
             "CREATE TABLE auctions (listing_seq INTEGER PRIMARY KEY, current_price INTEGER, bid_count INTEGER,"
             " leader_id TEXT, leader_max INTEGER, second_max INTEGER);"
             "CREATE TABLE bids (seq INTEGER PRIMARY KEY, listing_seq INTEGER, bidder_id TEXT, max_amount INTEGER,"
             " amount INTEGER, created_at INTEGER);"
             "CREATE INDEX bids_listing ON bids(listing_seq, seq);"
             "CREATE TABLE auction_bidders (listing_seq INTEGER, bidder_id TEXT, max_amount INTEGER, last_bid_seq INTEGER,"
             " PRIMARY KEY (listing_seq, bidder_id)) WITHOUT ROWID;"
             "CREATE TABLE idempotency_keys (user_id TEXT, key TEXT, fingerprint BLOB, answer TEXT, created_at INTEGER,"
             " PRIMARY KEY (user_id, key)) WITHOUT ROWID;");
    exec(db, "BEGIN");
    for (int i = 1; i <= auctions; ++i) {
        const std::string sql = "INSERT INTO listings VALUES (" + std::to_string(i) + ", 10000, 0);"
                                "INSERT INTO auctions VALUES (" + std::to_string(i) + ", 10000, 0, NULL, 0, NULL);";
        exec(db, sql.c_str());
    }
    exec(db, "COMMIT");
    const char* statements[] = {
        "SELECT current_price, bid_count, leader_id, leader_max FROM auctions WHERE listing_seq = ?1",
        "INSERT INTO bids (listing_seq, bidder_id, max_amount, amount, created_at) VALUES (?1, ?2, ?3, ?3, ?4)",
        "INSERT INTO auction_bidders VALUES (?1, ?2, ?3, ?4) ON CONFLICT (listing_seq, bidder_id) DO UPDATE SET"
        " max_amount = excluded.max_amount, last_bid_seq = excluded.last_bid_seq",
        "UPDATE auctions SET current_price = ?3, bid_count = bid_count + 1, leader_id = ?2, leader_max = ?3 WHERE listing_seq = ?1",
        "UPDATE listings SET price_amount = ?3, updated_at = ?4 WHERE seq = ?1",
        "INSERT INTO idempotency_keys VALUES (?2, ?5, zeroblob(32), ?6, ?4)"};
    std::vector<sqlite3_stmt*> prepared;
    for (const char* sql : statements) {
        sqlite3_stmt* st = nullptr;
        if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) != SQLITE_OK)
            qFatal("prepare: %s", sqlite3_errmsg(db));
        prepared.push_back(st);
    }
    const std::string answer(560, 'a');
    long bids = 0;
    const auto started = Clock::now();
    while (std::chrono::duration<double>(Clock::now() - started).count() < seconds) {
        exec(db, "BEGIN");
        for (int i = 0; i < 100; ++i, ++bids) {
            const int listing = static_cast<int>(bids % auctions) + 1;
            const std::string bidder = "u_bidder_" + std::to_string(bids % 200);
            const std::string key = "k" + std::to_string(bids);
            for (sqlite3_stmt* st : prepared) {
                sqlite3_bind_int64(st, 1, listing);
                sqlite3_bind_text(st, 2, bidder.c_str(), -1, SQLITE_TRANSIENT);
                sqlite3_bind_int64(st, 3, 10'000 + bids);
                sqlite3_bind_int64(st, 4, bids);
                sqlite3_bind_text(st, 5, key.c_str(), -1, SQLITE_TRANSIENT);
                sqlite3_bind_text(st, 6, answer.c_str(), -1, SQLITE_STATIC);
                while (sqlite3_step(st) == SQLITE_ROW) {
                }
                sqlite3_reset(st);
            }
        }
        exec(db, "COMMIT");
    }
    const double elapsed = std::chrono::duration<double>(Clock::now() - started).count();
    for (sqlite3_stmt* st : prepared)
        sqlite3_finalize(st);
    sqlite3_close(db);
    return bids / elapsed;
}

void printLatency(const char* what, std::vector<double>& sorted) {
    std::printf("%-44s n=%zu p50 %.2f ms  p99 %.2f ms  max %.2f ms\n", what, sorted.size(),
                percentile(sorted, 0.5), percentile(sorted, 0.99), sorted.empty() ? 0 : sorted.back());
}

// 1,000 sockets on one auction while two bidders take turns `bidsPerSecond` times a second: the
// time from each bid request to its auction.bid frame on each socket.
std::vector<double> fanOut(const test::ServerProcess& server, const QList<bench::BenchUser>& bidders,
                           const QString& hotId, int watchers, int bidsPerSecond, int seconds) {
    std::mutex sentMutex;
    std::vector<qint64> sentAtMs; // by bidCount - 1 (the hot auction starts without bids)
    std::vector<double> delivery;
    std::atomic<int> subscribed = 0;
    const QString topic = "listing:" + hotId;
    QList<QWebSocket*> sockets;
    for (int w = 0; w < watchers; ++w) {
        auto* socket = new QWebSocket;
        QObject::connect(socket, &QWebSocket::connected, socket, [socket, topic] {
            socket->sendTextMessage(QString::fromUtf8(QJsonDocument(QJsonObject{
                {"type", "subscribe"}, {"data", QJsonObject{{"topics", QJsonArray{topic}}}}}).toJson(QJsonDocument::Compact)));
        });
        // Read as text, not parsed: 1,000 sockets in one client thread must keep up.
        QObject::connect(socket, &QWebSocket::textMessageReceived, socket, [&](const QString& text) {
            const qint64 arrived = QDateTime::currentMSecsSinceEpoch();
            if (text.contains(u"\"type\":\"subscribed\"")) {
                ++subscribed;
            } else if (text.contains(u"\"type\":\"auction.bid\"")) {
                const QString key = QStringLiteral("\"bidCount\":");
                const qsizetype at = text.indexOf(key);
                const qint64 count = at < 0 ? 0 : QStringView(text).mid(at + key.size(), 12).split(u',').first().toLongLong();
                std::lock_guard lock(sentMutex);
                if (count >= 1 && count <= static_cast<qint64>(sentAtMs.size()))
                    delivery.push_back(static_cast<double>(arrived - sentAtMs[count - 1]));
            }
        });
        socket->open(server.wsUrl());
        sockets.append(socket);
    }
    bench::runEventsUntil([&] { return subscribed >= watchers; }, 60'000);
    std::printf("%d of %d watchers subscribed to the hot auction\n", subscribed.load(), watchers);

    std::atomic<bool> bidding = true;
    std::thread bidder([&] {
        httplib::Client http(server.httpUrl().host().toStdString(), server.httpUrl().port());
        http.set_keep_alive(true);
        http.set_tcp_nodelay(true);
        const std::string path = ("/api/v1/listings/" + hotId + "/bids").toStdString();
        const auto start = Clock::now();
        qint64 next = 10'000;
        for (int i = 0; bidding; ++i) {
            std::this_thread::sleep_until(start + std::chrono::microseconds(1'000'000 / bidsPerSecond * i));
            // Two bidders take turns, so each bid is accepted and moves the price.
            const bench::BenchUser& who = bidders[i % 2];
            const httplib::Headers headers{{"Authorization", "Bearer " + who.accessToken.toStdString()}};
            {
                std::lock_guard lock(sentMutex);
                sentAtMs.push_back(QDateTime::currentMSecsSinceEpoch());
            }
            auto r = http.Post(path, headers,
                               "{\"maxAmount\":{\"amount\":" + std::to_string(next) + ",\"currency\":\"KRW\"}}",
                               "application/json");
            if (!r || r->status != 201)
                qFatal("hot bid: %d %s", r ? r->status : 0, r ? r->body.c_str() : "");
            next = amountAfter(r->body, "minNextBid");
        }
    });
    bench::runEventsFor(seconds * 1000);
    bidding = false;
    bidder.join();
    bench::runEventsFor(1000);
    std::printf("hot auction: %zu bids, %zu frames received of %zu\n", sentAtMs.size(), delivery.size(),
                sentAtMs.size() * static_cast<size_t>(watchers));
    for (QWebSocket* socket : sockets) {
        socket->abort();
        socket->deleteLater();
    }
    std::sort(delivery.begin(), delivery.end());
    return delivery;
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    // Each line as it is printed, also into a file: the phases can be followed (and profiled).
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    const QStringList args = app.arguments();
    const int auctionCount = argValue(args, "--auctions", 1000);
    const int bidderCount = argValue(args, "--bidders", 200);
    const int seconds = argValue(args, "--seconds", 60);
    const int watchers = argValue(args, "--watchers", 1000);
    const int hotBidsPerSecond = argValue(args, "--hot-bids-per-second", 50);

    test::ServerProcess server;
    const QList<bench::BenchUser> users = bench::registerUsers(server.dataDir(), "bench", bidderCount + 10);
    const QList<bench::BenchUser> bidders = users.mid(0, bidderCount);
    const QList<bench::BenchUser> sellers = users.mid(bidderCount);
    // Every client comes from 127.0.0.1, which the server must then not hold to its
    // per-address caps: it is named a proxy. Each keep-alive connection holds a thread.
    if (!server.start({"--workers", "0", "--trusted-proxy", "127.0.0.1", "--http-threads",
                       QString::number(std::min(1024, bidderCount + 32))}))
        qFatal("server did not start");
    const QStringList ids = createAuctions(server, sellers, auctionCount + 1);
    const QString hotId = ids.last();
    const QStringList storm = ids.mid(0, auctionCount);
    std::printf("%d auctions, %d bidders, %d s; server pid %lld\n", auctionCount, bidderCount,
                seconds, static_cast<long long>(server.pid()));

    const double cpuAtStart = test::cpuSecondsOf(server.pid());
    const bench::LoadResult health = bench::LoadGenerator(server.httpUrl().host().toStdString(),
                                                         server.httpUrl().port(), bidderCount, 10)
                                         .run([](int, long) { return std::string("/healthz"); });
    if (args.contains("--mute-outbid")) {
        // What the outbid notifications cost: every bidder mutes them first.
        httplib::Client http(server.httpUrl().host().toStdString(), server.httpUrl().port());
        for (const bench::BenchUser& b : bidders)
            http.Put("/api/v1/me/notification-settings",
                     {{"Authorization", "Bearer " + b.accessToken.toStdString()}},
                     R"({"muted":["auction.outbid"]})", "application/json");
    }
    const double cpuBefore = test::cpuSecondsOf(server.pid());
    const double healthCpu = cpuBefore - cpuAtStart;
    BidRun bids = bidStorm(server, bidders, storm, seconds);
    const double serverCpu = test::cpuSecondsOf(server.pid()) - cpuBefore;
    const double bare = bareSqliteBidsPerSecond(auctionCount, 10);

    const double acceptedPerSecond = bids.accepted / bids.seconds;
    std::printf("GET /healthz (ceiling, HTTP): %.0f req/s, p50 %.2f ms, p99 %.2f ms, server CPU %.1f us per request\n",
                health.throughput(), health.percentileMs(0.5), health.percentileMs(0.99),
                healthCpu * 1e6 / std::max<long>(1, health.requests()));
    std::printf("bare SQLite, the rows of a bid, 100 per commit (ceiling, database): %.0f bids/s\n", bare);
    std::printf("bids: %ld accepted (%.0f/s), %ld outbid before they arrived (409), %ld failed, %.0f requests/s\n",
                bids.accepted, acceptedPerSecond, bids.tooLow, bids.failed,
                bids.latenciesMs.size() / bids.seconds);
    printLatency("bid request (all answers)", bids.latenciesMs);
    if (!bids.firstFailure.empty())
        std::printf("first failed bid: %s\n", bids.firstFailure.c_str());
    // Independent of how busy the machine is: what each bid costs the server.
    std::printf("server CPU per bid request: %.1f us (%.2f cores busy)\n",
                serverCpu * 1e6 / std::max<size_t>(1, bids.latenciesMs.size()), serverCpu / bids.seconds);
    std::printf("accepted bids/s vs /healthz req/s: %.2f; vs bare SQLite: %.2f\n",
                acceptedPerSecond / std::max(1.0, health.throughput()), acceptedPerSecond / std::max(1.0, bare));
    const double p99 = percentile(bids.latenciesMs, 0.99);
    std::printf("goal >= 20,000 accepted bids/s with p99 <= 10 ms: %s (resolve: >= 10,000)\n",
                acceptedPerSecond >= 20'000 && p99 <= 10 ? "met"
                : acceptedPerSecond >= 10'000 && p99 <= 10 ? "resolve bar met, goal MISSED"
                                                          : "MISSED");
    std::vector<double> delivery = fanOut(server, bidders, hotId, watchers, hotBidsPerSecond, 10);
    printLatency("hot auction: bid request -> auction.bid frame", delivery);
    std::printf("fan-out goal p99 <= 50 ms: %s\n", percentile(delivery, 0.99) <= 50 ? "met" : "MISSED");
    std::printf("server peak memory: %ld MB\n", test::memoryOf(server.pid()).peakKb / 1024);
    server.stop();
    return 0;
}
