// Idempotency-Keys on a real database with a clock of the test's: the first answer comes back
// for the same request, another request under the key is a conflict, keys are per user, a key
// older than a day is free again, and the hourly clean-up forgets only those and books its
// next run an hour later.
#include "db/Database.h"
#include "events/InProcessEventBus.h"
#include "idempotency/IdempotencyCleanup.h"
#include "idempotency/IdempotencyKeys.h"
#include "jobs/JobQueue.h"

#include <QTemporaryDir>
#include <QTest>

using namespace bitmarket;
using namespace bitmarket::server;
using namespace bitmarket::server::idempotency;

namespace {
constexpr qint64 kHour = 3600LL * 1000;
constexpr qint64 kNow = 1000 * kHour;

RetryKey key(const char* text, const char* request) {
    return RetryKey{QString::fromLatin1(text), QByteArray(request)};
}
} // namespace

class IdempotencyKeysTest : public QObject {
    Q_OBJECT

private:
    // The answer remembered under `k` for `user` at `at`, or "(none)", or the error code.
    static QString answered(db::Database& db, const QString& user, const RetryKey& k, qint64 at) {
        auto r = db.read([&](db::Connection& c) { return IdempotencyKeys::answered(c, user, k, at); });
        if (!r)
            return r.error().codeName();
        return r->value_or(QStringLiteral("(none)"));
    }

private Q_SLOTS:
    void theFirstAnswerComesBackForADayAndTheCleanupForgetsOlderOnes() {
        QTemporaryDir dir;
        db::Database db({dir.filePath("bitmarket.db"), 1});
        InProcessEventBus bus;
        jobs::JobQueue queue(db, bus, jobs::JobQueue::Options{[] { return kNow; }});
        QVERIFY(db.write([&](db::Connection& c) -> Result<void> {
            IdempotencyKeys::remember(c, "u_1", key("old", "bid A"), "answer old", kNow - 25 * kHour);
            IdempotencyKeys::remember(c, "u_1", key("fresh", "bid B"), "answer fresh", kNow - 23 * kHour);
            return {};
        }));
        QCOMPARE(answered(db, "u_1", key("fresh", "bid B"), kNow), QStringLiteral("answer fresh"));
        QCOMPARE(answered(db, "u_1", key("fresh", "bid C"), kNow), QStringLiteral("idempotency_conflict"));
        QCOMPARE(answered(db, "u_2", key("fresh", "bid C"), kNow), QStringLiteral("(none)"));
        // Older than a day: the key is free again, whatever it was used for.
        QCOMPARE(answered(db, "u_1", key("old", "bid Z"), kNow), QStringLiteral("(none)"));

        IdempotencyCleanup cleanup(db, queue);
        QVERIFY(cleanup.scheduleFirst());
        auto first = queue.pending(IdempotencyCleanup::kKind);
        QVERIFY(first && first->has_value());
        QCOMPARE((*first)->runAfterMs, kNow);
        auto outcome = cleanup.run(**first, [](double, const QString&) { return true; });
        QVERIFY(outcome);
        QCOMPARE(outcome->value("forgotten").toInt(), 1);
        QCOMPARE(answered(db, "u_1", key("fresh", "bid B"), kNow), QStringLiteral("answer fresh"));
        auto next = queue.pending(IdempotencyCleanup::kKind);
        QVERIFY(next && next->has_value());
        QCOMPARE((*next)->runAfterMs, kNow + IdempotencyCleanup::kIntervalMs);
        // Scheduling again at the next start adds no second run.
        QVERIFY(cleanup.scheduleFirst());
        QCOMPARE((*queue.pending(IdempotencyCleanup::kKind))->runAfterMs, kNow + IdempotencyCleanup::kIntervalMs);
    }
};

QTEST_GUILESS_MAIN(IdempotencyKeysTest)
#include "IdempotencyKeysTest.moc"
