// Sign-ups against the real server, as a script would send them: each costs a
// 32 MiB scrypt hash, so the server bounds how many hash at once (memory stays
// near its idle size however many arrive together) and how many accounts one
// address may register (429 with Retry-After past the limit).
#include "AddressedClient.h"
#include "ApiTestSupport.h"
#include "support/RawConnection.h"

#include <QElapsedTimer>
#include <QTest>
#include <QThread>


using namespace bitmarket::test;

namespace {
QJsonObject signUp(const QString& username) {
    return {{"username", username}, {"email", username + "@test.local"}, {"password", "correct-horse-1"}};
}
} // namespace

class HashingSlotsTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void fortySignUpsAtOnceStayWithinMemory() {
        ServerProcess server;
        QVERIFY(server.start());
        // The peak from here on is the sign-ups' own.
        resetPeakMemory(server.pid());
        const qint64 idleKb = memoryOf(server.pid()).rssKb;
        QVERIFY(idleKb > 0);

        ResponsivenessProbe bystander(server.httpUrl(), loopback(200), "/api/v1/categories");
        const QUrl base = server.httpUrl();
        QElapsedTimer took;
        took.start();
        // Forty addresses, so the per-address limit is not what holds them back. Those
        // sent away come back after Retry-After, as a client would.
        QList<int> pending;
        for (int i = 0; i < 40; ++i)
            pending.append(i);
        int sentAway = 0;
        for (int round = 0; round < 8 && !pending.isEmpty(); ++round) {
            const QList<HttpResponse> answers = concurrently(int(pending.size()), [&](int k) {
                const int i = pending[k];
                return AddressedClient(base, loopback(10 + i))
                    .post("/api/v1/auth/register", signUp(QStringLiteral("crowd%1").arg(i)));
            });
            QList<int> again;
            int wait = 0;
            for (int k = 0; k < answers.size(); ++k) {
                if (answers[k].status == 201)
                    continue;
                BM_EXPECT_ERROR(answers[k], 429, "rate_limited");
                wait = std::max(wait, answers[k].header("Retry-After").toInt());
                QVERIFY(wait > 0);
                again.append(pending[k]);
            }
            sentAway += int(again.size());
            pending = again;
            QThread::msleep(wait * 1000);
        }
        const qint64 slowestMs = bystander.stop();

        const qint64 grownMb = (memoryOf(server.pid()).peakKb - idleKb) / 1024;
        qInfo("40 parallel sign-ups: all made in %lld ms (%d answers were 429 first), peak memory +%lld MB, "
              "slowest other request %lld ms",
              took.elapsed(), sentAway, grownMb, slowestMs);
        QVERIFY2(pending.isEmpty(), qPrintable(QStringLiteral("%1 never registered").arg(pending.size())));
        // Two hashes at a time hold 64 MiB; the rest is the requests themselves.
        QVERIFY2(grownMb < 150, qPrintable(QStringLiteral("+%1 MB").arg(grownMb)));
        QVERIFY2(slowestMs < 1000, qPrintable(QStringLiteral("%1 ms").arg(slowestMs)));
        QCOMPARE(server.stop(), 0);
    }

    void oneAddressRegistersOnlySoManyAccounts() {
        ServerProcess server;
        QVERIFY(server.start({"--registrations-per-hour", "3"}));
        AddressedClient script(server.httpUrl(), loopback(2));
        for (int i = 0; i < 3; ++i)
            BM_EXPECT_STATUS(script.post("/api/v1/auth/register", signUp(QStringLiteral("bot%1").arg(i))), 201);
        const HttpResponse limited = script.post("/api/v1/auth/register", signUp("bot3"));
        BM_EXPECT_ERROR(limited, 429, "rate_limited");
        const int retryAfter = limited.header("Retry-After").toInt();
        QVERIFY2(retryAfter > 3000 && retryAfter <= 3600, limited.header("Retry-After").constData());
        // Taken usernames count too: probing which names exist costs the same.
        BM_EXPECT_ERROR(script.post("/api/v1/auth/register", signUp("bot0")), 429, "rate_limited");
        // Another address is not affected, and the accounts made work.
        BM_EXPECT_STATUS(AddressedClient(server.httpUrl(), loopback(3)).post("/api/v1/auth/register", signUp("human")), 201);
        BM_EXPECT_STATUS(script.post("/api/v1/auth/login", QJsonObject{{"login", "bot1"}, {"password", "correct-horse-1"}}), 200);
        QCOMPARE(server.stop(), 0);
    }
};

QTEST_GUILESS_MAIN(HashingSlotsTest)
#include "HashingSlotsTest.moc"
