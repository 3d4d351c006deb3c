// Password guessing against the real server, from several loopback addresses:
// failures slow the guesser down with growing delays (429 with Retry-After),
// but never lock the account's owner out, and a flood of made-up names from
// one address (a proxy, a campus NAT) does not shut out the others behind it.
#include "AddressedClient.h"
#include "ApiTestSupport.h"

#include <QTest>
#include <QThread>


using namespace bitmarket::test;

namespace {
const QString kPassword = QStringLiteral("correct-horse-1");

int retryAfter(const HttpResponse& r) {
    bool ok = false;
    const int seconds = r.header("Retry-After").toInt(&ok);
    return ok ? seconds : -1;
}

// Sleeps through a 429's Retry-After; false (without sleeping) unless it is a
// short delay, 1 to `maxSeconds`: what a throttle answers, not a lockout.
bool waitOut(const HttpResponse& limited, int maxSeconds = 60) {
    const int seconds = retryAfter(limited);
    if (limited.status != 429 || seconds < 1 || seconds > maxSeconds) {
        qWarning("not a short delay: %d, Retry-After %d", limited.status, seconds);
        return false;
    }
    QThread::msleep(seconds * 1000 + 50);
    return true;
}
} // namespace

class LoginThrottleTest : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<ServerProcess> m_server;

    AddressedClient from(int address) { return AddressedClient(m_server->httpUrl(), loopback(address)); }

    HttpResponse login(int address, const QString& name, const QString& password) {
        return from(address).post("/api/v1/auth/login", QJsonObject{{"login", name}, {"password", password}});
    }

    // Registers from `address`, which becomes an address the account knows.
    bool registerFrom(int address, const QString& username) {
        const HttpResponse r = from(address).post(
            "/api/v1/auth/register",
            QJsonObject{{"username", username}, {"email", username + "@test.local"}, {"password", kPassword}});
        return r.status == 201;
    }

private Q_SLOTS:
    void init() {
        // A fresh server per test: every delay starts from nothing.
        m_server = std::make_unique<ServerProcess>();
        QVERIFY(m_server->start());
    }

    void cleanup() {
        if (m_server)
            QCOMPARE(m_server->stop(), 0);
        m_server.reset();
    }

    void guessesFromOneAddressWaitLongerEachTime() {
        QVERIFY(registerFrom(3, "slow_target"));
        // Three guesses are free, then each failure doubles the wait: 1 s, 2 s, ...
        for (int i = 0; i < 3; ++i)
            BM_EXPECT_ERROR(login(2, "slow_target", "guess-" + QString::number(i)), 401, "unauthorized");
        int previous = 0;
        for (int round = 0; round < 2; ++round) {
            const HttpResponse limited = login(2, "slow_target", "too-soon");
            BM_EXPECT_ERROR(limited, 429, "rate_limited");
            const int wait = retryAfter(limited);
            QVERIFY2(wait > previous && wait <= 2 << round, qPrintable(QString::number(wait)));
            previous = wait;
            QVERIFY(waitOut(limited));
            BM_EXPECT_ERROR(login(2, "slow_target", "guess-again"), 401, "unauthorized");
        }
        // Waiting out the delay is enough: the right password gets in, no 15-minute lockout.
        const HttpResponse limited = login(2, "slow_target", kPassword);
        BM_EXPECT_ERROR(limited, 429, "rate_limited");
        QVERIFY(waitOut(limited, 4));
        BM_EXPECT_STATUS(login(2, "slow_target", kPassword), 200);
    }

    void ownerSignsInWhileSomeoneElseGuesses() {
        QVERIFY(registerFrom(3, "victim"));
        int limited = 0;
        for (int i = 0; i < 12; ++i) {
            const HttpResponse r = login(2, "victim", "guess-" + QString::number(i));
            QVERIFY2(r.status == 401 || r.status == 429, r.body.constData());
            limited += r.status == 429;
        }
        QVERIFY2(limited >= 6, "twelve quick guesses were not slowed down");
        // The owner, from the address the account knows and from a new one, gets straight in.
        BM_EXPECT_STATUS(login(3, "victim", kPassword), 200);
        BM_EXPECT_STATUS(login(4, "victim", kPassword), 200);
        BM_EXPECT_STATUS(login(4, "victim@test.local", kPassword), 200);
    }

    void madeUpNamesDoNotShutOutTheirAddress() {
        QVERIFY(registerFrom(5, "regular_at_nat"));
        QVERIFY(registerFrom(6, "newcomer_at_nat"));
        // Someone behind the shared address tries 40 made-up accounts; meanwhile another
        // client's ordinary requests are answered promptly.
        ResponsivenessProbe bystander(m_server->httpUrl(), loopback(9), "/healthz");
        int firstLimited = -1;
        for (int i = 0; i < 40 && firstLimited < 0; ++i) {
            const HttpResponse r = login(5, "ghost" + QString::number(i), "whatever1");
            if (r.status == 429)
                firstLimited = i;
            else
                BM_EXPECT_ERROR(r, 401, "unauthorized");
        }
        // The guesser waits out the delays and goes on: they grow, 1 s, 2 s, 4 s...
        for (int round = 0; round < 2 && firstLimited >= 0; ++round) {
            const HttpResponse limited = login(5, "ghost-waiting", "whatever1");
            BM_EXPECT_ERROR(limited, 429, "rate_limited");
            QVERIFY(waitOut(limited));
            BM_EXPECT_ERROR(login(5, "ghost-after" + QString::number(round), "whatever1"), 401, "unauthorized");
        }
        const qint64 slowestMs = bystander.stop();
        QVERIFY2(firstLimited >= 30, qPrintable(QString::number(firstLimited)));
        QVERIFY2(slowestMs < 1000, qPrintable(QStringLiteral("/healthz took %1 ms").arg(slowestMs)));

        // Someone who signed in from this address before is not held up at all.
        BM_EXPECT_STATUS(login(5, "regular_at_nat", kPassword), 200);
        // Someone new behind it waits a moment, not fifteen minutes.
        const HttpResponse newcomer = login(5, "newcomer_at_nat", kPassword);
        BM_EXPECT_ERROR(newcomer, 429, "rate_limited");
        QVERIFY(waitOut(newcomer));
        BM_EXPECT_STATUS(login(5, "newcomer_at_nat", kPassword), 200);
    }

    void guessesFromManyAddressesSlowTheAccountButNotItsOwner() {
        QVERIFY(registerFrom(3, "spread_target"));
        // One guess from each of many addresses: the account's own delay starts after ten.
        int firstLimited = -1;
        for (int i = 0; i < 14 && firstLimited < 0; ++i) {
            const HttpResponse r = login(20 + i, "spread_target", "guess-" + QString::number(i));
            if (r.status == 429)
                firstLimited = i;
            else
                BM_EXPECT_ERROR(r, 401, "unauthorized");
        }
        QCOMPARE(firstLimited, 10);
        // A stranger's address waits; the owner at the address the account knows does not.
        BM_EXPECT_ERROR(login(40, "spread_target", kPassword), 429, "rate_limited");
        BM_EXPECT_STATUS(login(3, "spread_target", kPassword), 200);
    }

    void parallelGuessesAreCountedBeforeTheyAreChecked() {
        QVERIFY(registerFrom(3, "parallel_target"));
        const QUrl base = m_server->httpUrl();
        const QList<HttpResponse> answers = concurrently(12, [&](int i) {
            return AddressedClient(base, loopback(2))
                .post("/api/v1/auth/login",
                      QJsonObject{{"login", "parallel_target"}, {"password", QStringLiteral("guess-%1").arg(i)}});
        });
        int tried = 0;
        for (const HttpResponse& r : answers) {
            QVERIFY2(r.status == 401 || r.status == 429, r.body.constData());
            tried += r.status == 401;
        }
        QVERIFY2(tried <= 3, qPrintable(QStringLiteral("%1 of 12 parallel guesses were checked").arg(tried)));
        BM_EXPECT_STATUS(login(3, "parallel_target", kPassword), 200);
    }
};

QTEST_GUILESS_MAIN(LoginThrottleTest)
#include "LoginThrottleTest.moc"
