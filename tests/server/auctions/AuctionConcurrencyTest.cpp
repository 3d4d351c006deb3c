// Many bidders at once on few auctions, over real HTTP, then the invariants: the price never
// went down, every accepted bid is in the history exactly once and in bidCount, the leader's
// maximum covers the price, exactly one winner, and the order's amount is the final price.
// Then kill -9 in the middle of a bid storm: after the restart, every bid that got a 201 is
// there, in the place its answer gave it.
#include "ApiTestSupport.h"

#include <QElapsedTimer>
#include <QMutex>
#include <QRandomGenerator>
#include <QTest>

#include <map>

#include <signal.h>

using namespace bitmarket::test;

namespace {

QJsonObject money(qint64 amount) {
    return QJsonObject{{"amount", amount}, {"currency", "KRW"}};
}

qint64 amountOf(const QJsonValue& money) {
    return money.toObject().value("amount").toInteger();
}

// One accepted bid as its answer gave it.
struct Accepted {
    QString listingId;
    QString bidderId;
    qint64 max = 0;
    qint64 bidCount = 0; // the bid's place in the auction's history (1 = first)
    qint64 price = 0;    // the visible price it produced
};

class BidLog {
public:
    void add(const Accepted& a) {
        QMutexLocker lock(&m_mutex);
        m_accepted.append(a);
    }
    QList<Accepted> all() {
        QMutexLocker lock(&m_mutex);
        return m_accepted;
    }

private:
    QMutex m_mutex;
    QList<Accepted> m_accepted;
};

// Bids on random auctions of `listingIds` until `stopAt` (or `bids` bids), each a little above
// the minimum the bidder last saw, recording every 201.
void bidStorm(const QUrl& server, const TestUser& bidder, const QStringList& listingIds, int bids,
              qint64 stopAfterMs, BidLog& log) {
    HttpTestClient http(server);
    http.setAccessToken(bidder.accessToken);
    QElapsedTimer clock;
    clock.start();
    std::map<QString, qint64> nextMinimum;
    QRandomGenerator random(static_cast<quint32>(qHash(bidder.id)));
    for (int i = 0; i < bids && clock.elapsed() < stopAfterMs; ++i) {
        const QString id = listingIds[random.bounded(listingIds.size())];
        const qint64 max = std::max<qint64>(nextMinimum[id], 10'000) + random.bounded(1, 30) * 1'000;
        const HttpResponse r =
            http.post("/api/v1/listings/" + id + "/bids", QJsonObject{{"maxAmount", money(max)}});
        const QJsonObject body = r.json();
        if (r.status == 201) {
            const QJsonObject a = body.value("auction").toObject();
            log.add(Accepted{id, bidder.id, max, a.value("bidCount").toInteger(),
                             amountOf(a.value("currentPrice"))});
            nextMinimum[id] = amountOf(a.value("minNextBid"));
        } else if (r.errorCode() == "bid_too_low") {
            nextMinimum[id] = amountOf(body.value("error").toObject().value("minNextBid"));
        } else if (r.status == 0) {
            return; // the server is gone (the kill -9 case)
        }
    }
}

// The auction's whole history, oldest first.
QJsonArray historyOf(HttpTestClient& http, const QString& listingId) {
    QJsonArray newestFirst;
    QString cursor;
    for (int guard = 0; guard < 1000; ++guard) {
        QString path = "/api/v1/listings/" + listingId + "/bids?limit=100";
        if (!cursor.isEmpty())
            path += "&cursor=" + QString::fromLatin1(QUrl::toPercentEncoding(cursor));
        const QJsonObject page = http.get(path).json();
        for (const QJsonValue& b : page.value("items").toArray())
            newestFirst.append(b);
        cursor = page.value("nextCursor").toString();
        if (cursor.isEmpty())
            break;
    }
    QJsonArray oldestFirst;
    for (qsizetype i = newestFirst.size() - 1; i >= 0; --i)
        oldestFirst.append(newestFirst[i]);
    return oldestFirst;
}

} // namespace

class AuctionConcurrencyTest : public QObject {
    Q_OBJECT

private:
    QList<TestUser> users(ServerProcess& server, const QString& prefix, int n) {
        HttpTestClient http(server.httpUrl());
        QList<TestUser> out;
        for (int i = 0; i < n; ++i)
            out.append(registerUser(http, QStringLiteral("%1_%2").arg(prefix).arg(i)));
        return out;
    }
    QStringList auctions(ServerProcess& server, const TestUser& seller, int n, qint64 endsInMs) {
        HttpTestClient http(server.httpUrl());
        http.setAccessToken(seller.accessToken);
        QStringList ids;
        for (int i = 0; i < n; ++i)
            ids.append(http.post("/api/v1/listings", auctionDraft(QStringLiteral("Storm lot %1").arg(i), 10'000, endsInMs))
                           .json().value("id").toString());
        return ids;
    }
    static QStringList serverArgs() {
        return {"--registrations-per-hour", "1000", "--min-auction-seconds", "1",
                "--auction-extension-seconds", "1"};
    }

private Q_SLOTS:
    void manyBiddersOnFewAuctionsKeepTheInvariants() {
        ServerProcess server;
        QVERIFY(server.start(serverArgs()));
        const TestUser seller = users(server, "seller", 1).first();
        const QList<TestUser> bidders = users(server, "bidder", 16);
        const QStringList ids = auctions(server, seller, 4, 8000);
        BidLog log;
        concurrently(bidders.size(), [&](int i) {
            bidStorm(server.httpUrl(), bidders[i], ids, 40, 5000, log);
            return HttpResponse{};
        });
        const QList<Accepted> accepted = log.all();
        qInfo("%d bids accepted", static_cast<int>(accepted.size()));
        QVERIFY2(accepted.size() > 100, qPrintable(QStringLiteral("%1 bids accepted").arg(accepted.size())));

        HttpTestClient http(server.httpUrl());
        for (const QString& id : ids) {
            QList<Accepted> mine;
            for (const Accepted& a : accepted) {
                if (a.listingId == id)
                    mine.append(a);
            }
            const QJsonArray history = historyOf(http, id);
            QCOMPARE(history.size(), mine.size());
            // Each answer's place in the history holds that bid: its bidder and its price.
            for (const Accepted& a : mine) {
                const QJsonObject entry = history[a.bidCount - 1].toObject();
                QCOMPARE(entry.value("bidder").toObject().value("id").toString(), a.bidderId);
                QCOMPARE(amountOf(entry.value("amount")), a.price);
            }
            qint64 previous = 0;
            for (const QJsonValue& b : history) {
                QVERIFY2(amountOf(b.toObject().value("amount")) >= previous, "the price went down");
                previous = amountOf(b.toObject().value("amount"));
            }
        }
        // At the end (extended by late bids), one winner each: the leader, whose highest
        // max covers the final price, with an order of exactly that amount.
        QElapsedTimer waited;
        waited.start();
        for (const QString& id : ids) {
            QJsonObject a;
            do {
                a = http.get("/api/v1/listings/" + id).json().value("auction").toObject();
                if (a.value("state") == "ended")
                    break;
                QTest::qWait(100);
            } while (waited.elapsed() < 15'000);
            QCOMPARE(a.value("state").toString(), QStringLiteral("ended"));
            const QString winner = a.value("winnerId").toString();
            QCOMPARE(winner, a.value("leaderId").toString());
            qint64 winnersMax = 0;
            for (const Accepted& b : accepted) {
                if (b.listingId == id && b.bidderId == winner)
                    winnersMax = std::max(winnersMax, b.max);
            }
            QVERIFY(winnersMax >= amountOf(a.value("finalPrice")));
            QCOMPARE(amountOf(a.value("finalPrice")), amountOf(a.value("currentPrice")));
            HttpTestClient asWinner(server.httpUrl());
            for (const TestUser& u : bidders) {
                if (u.id == winner)
                    asWinner.setAccessToken(u.accessToken);
            }
            const QJsonObject order = asWinner.get("/api/v1/orders/" + a.value("orderId").toString()).json().value("order").toObject();
            QCOMPARE(amountOf(order.value("amount")), amountOf(a.value("finalPrice")));
            QCOMPARE(order.value("buyerId").toString(), winner);
        }
        // Exactly one order per auction.
        HttpTestClient asSeller(server.httpUrl());
        asSeller.setAccessToken(seller.accessToken);
        QCOMPARE(asSeller.get("/api/v1/me/orders?role=seller&limit=100").json().value("items").toArray().size(), ids.size());
        QCOMPARE(server.stop(), 0);
    }

    void everyAcceptedBidSurvivesKill9() {
        ServerProcess server;
        QVERIFY(server.start(serverArgs()));
        const TestUser seller = users(server, "seller", 1).first();
        const QList<TestUser> bidders = users(server, "bidder", 8);
        const QStringList ids = auctions(server, seller, 3, 3600 * 1000);
        BidLog log;
        const auto pid = static_cast<pid_t>(server.pid());
        QThread* killer = QThread::create([pid] {
            QThread::msleep(1500);
            ::kill(pid, SIGKILL);
        });
        killer->start();
        concurrently(bidders.size(), [&](int i) {
            bidStorm(server.httpUrl(), bidders[i], ids, 100'000, 4000, log);
            return HttpResponse{};
        });
        killer->wait();
        delete killer;
        server.kill(); // reaps the process the killer thread ended
        const QList<Accepted> accepted = log.all();
        QVERIFY2(accepted.size() > 20, qPrintable(QStringLiteral("%1 bids accepted before the kill").arg(accepted.size())));

        QVERIFY(server.start(serverArgs()));
        HttpTestClient http(server.httpUrl());
        for (const QString& id : ids) {
            const QJsonArray history = historyOf(http, id);
            for (const Accepted& a : accepted) {
                if (a.listingId != id)
                    continue;
                QVERIFY2(a.bidCount <= history.size(), "an answered bid was lost");
                const QJsonObject entry = history[a.bidCount - 1].toObject();
                QCOMPARE(entry.value("bidder").toObject().value("id").toString(), a.bidderId);
                QCOMPARE(amountOf(entry.value("amount")), a.price);
            }
            QCOMPARE(http.get("/api/v1/listings/" + id).json().value("auction").toObject().value("bidCount").toInteger(),
                     history.size());
        }
        QCOMPARE(server.stop(), 0);
    }
};

QTEST_MAIN(AuctionConcurrencyTest)
#include "AuctionConcurrencyTest.moc"
