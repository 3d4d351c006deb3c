// JobQueue on a real SQLite file with a hand-driven clock: claiming, leases
// that expire when a worker dies, retries under a retry policy, scheduled
// jobs and their unique keys, and the progress events live clients see.
#include "jobs/JobQueue.h"

#include "db/Database.h"
#include "events/InProcessEventBus.h"
#include "realtime/TopicEvent.h"

#include <QTemporaryDir>
#include <QTest>
#include <atomic>
#include <memory>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

using bitmarket::ApiError;
using bitmarket::ErrorCode;
using bitmarket::server::DomainEvent;
using bitmarket::server::InProcessEventBus;
using bitmarket::server::TopicEvent;
using bitmarket::server::db::Database;
using bitmarket::server::jobs::JobQueue;
using bitmarket::server::jobs::JobRecord;
using bitmarket::server::jobs::RetryPolicy;

namespace {

constexpr qint64 kStart = 1'800'000'000'000;

struct Fixture {
    explicit Fixture(const QString& dir) : path(dir + "/bitmarket.db") { open(); }

    void open() {
        queue.reset();
        db.reset();
        db = std::make_unique<Database>(Database::Options{path});
        JobQueue::Options options;
        options.clock = [this] { return clock.load(); };
        queue = std::make_unique<JobQueue>(*db, bus, options);
    }

    JobRecord enqueue(const QString& listingId = QStringLiteral("lst_1")) {
        return queue
            ->enqueue({.kind = "model",
                       .listingId = listingId,
                       .ownerId = "usr_owner",
                       .payload = {{"note", "x"}}})
            .value();
    }

    // Queued rows holding a key, straight from the table.
    qint64 queuedWithKey(const QString& key) {
        return db
            ->read([&](bitmarket::server::db::Connection& c) -> bitmarket::Result<qint64> {
                auto q = c.query(
                    "SELECT count(*) FROM jobs WHERE unique_key = ?1 AND status = 'queued'");
                q.bind(key);
                q.next();
                return q.integer(0);
            })
            .value();
    }

    RetryPolicy policy{3, 1000, 3000, {ErrorCode::ValidationFailed}};

    std::optional<JobRecord> claim(const QString& worker, qint64 leaseMs = 10'000) {
        return queue->claim(worker, leaseMs).value();
    }

    QString path;
    std::atomic<qint64> clock = kStart;
    InProcessEventBus bus;
    std::unique_ptr<Database> db;
    std::unique_ptr<JobQueue> queue;
};

} // namespace

class JobQueueTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void claimsTheOldestJobOnce();
    void heartbeatRecordsProgressAndExtendsTheLease();
    void expiredLeaseIsClaimedByAnotherWorker();
    void failureRetriesWithBackoffUntilAttemptsRunOut();
    void failureWithoutRetryEndsAtOnce();
    void completeStoresTheResultAndEndsTheLease();
    void releaseGivesTheJobBackWithoutUsingAnAttempt();
    void crashedWorkersJobSurvivesReopeningTheDatabase();
    void progressEventsReachOwnerAndListing();
    void sameTransactionErrorRollsBackTheTransition();
    void concurrentWorkersNeverShareAJob();
    void unknownJobIsNotFound();
    void scheduledJobWaitsForItsTime();
    void sameKeyMovesThePendingJob();
    void keyedJobSurvivesReopeningTheDatabase();
    void cancelByKeyDropsThePendingJob();
    void retryOfAJobWhoseKeyWasTakenGivesWay();
    void workersTakeOnlyTheirKindsOfJob();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

void JobQueueTest::init() {
    m_dir = std::make_unique<QTemporaryDir>();
}

void JobQueueTest::claimsTheOldestJobOnce() {
    Fixture f(m_dir->path());
    const JobRecord first = f.enqueue();
    f.clock += 1;
    const JobRecord second = f.enqueue(QStringLiteral("lst_2"));
    QCOMPARE(first.job.status, QStringLiteral("queued"));
    QCOMPARE(first.runAfterMs, kStart); // runnable at once

    auto a = f.claim("w1");
    QVERIFY(a);
    QCOMPARE(a->job.id, first.job.id);
    QCOMPARE(a->job.status, QStringLiteral("running"));
    QCOMPARE(a->job.attempts, 1);
    QCOMPARE(a->leaseOwner, QStringLiteral("w1"));
    QCOMPARE(a->leaseExpiresAtMs, f.clock + 10'000);
    QCOMPARE(a->payload.value("note").toString(), QStringLiteral("x"));

    auto b = f.claim("w2");
    QVERIFY(b);
    QCOMPARE(b->job.id, second.job.id);
    QVERIFY(!f.claim("w3"));
}

void JobQueueTest::heartbeatRecordsProgressAndExtendsTheLease() {
    Fixture f(m_dir->path());
    const QString id = f.enqueue().job.id;
    QVERIFY(f.claim("w1"));

    f.clock += 8'000;
    auto beat = f.queue->heartbeat(id, "w1", 0.3, "sfm", 10'000);
    QVERIFY(beat.ok());
    QCOMPARE(beat->job.progress, 0.3);
    QCOMPARE(beat->job.stage, QStringLiteral("sfm"));
    QCOMPARE(beat->leaseExpiresAtMs, f.clock + 10'000);

    // Progress never moves back, even if a report arrives late.
    beat = f.queue->heartbeat(id, "w1", 0.2, "sfm", 10'000);
    QCOMPARE(beat->job.progress, 0.3);

    // Past the first lease but within the renewed one: nobody can take it.
    f.clock += 5'000;
    QVERIFY(!f.claim("w2"));
    QCOMPARE(f.queue->get(id)->job.status, QStringLiteral("running"));
    QCOMPARE(f.queue->get(id)->job.progress, 0.3);

    auto stranger = f.queue->heartbeat(id, "w2", 0.5, "depth", 10'000);
    QVERIFY(!stranger.ok());
    QCOMPARE(stranger.error().code, ErrorCode::Conflict);
}

void JobQueueTest::expiredLeaseIsClaimedByAnotherWorker() {
    Fixture f(m_dir->path());
    const QString id = f.enqueue().job.id;
    QVERIFY(f.claim("w1", 5'000));
    QVERIFY(f.queue->heartbeat(id, "w1", 0.4, "depth", 5'000).ok());

    f.clock += 4'999;
    QVERIFY(!f.claim("w2"));
    f.clock += 1;
    auto taken = f.claim("w2");
    QVERIFY(taken);
    QCOMPARE(taken->job.id, id);
    QCOMPARE(taken->job.attempts, 2);
    QCOMPARE(taken->leaseOwner, QStringLiteral("w2"));
    QCOMPARE(taken->job.progress, 0.0); // a new attempt starts from the beginning

    // The first worker, back from the dead, can no longer touch the job.
    QCOMPARE(f.queue->heartbeat(id, "w1", 0.9, "texture", 5'000).error().code, ErrorCode::Conflict);
    QCOMPARE(f.queue->complete(id, "w1", {}).error().code, ErrorCode::Conflict);
    QCOMPARE(f.queue->fail(id, "w1", ApiError::internal("late"), f.policy).error().code,
             ErrorCode::Conflict);
    QVERIFY(f.queue->complete(id, "w2", {{"url", "/media/x"}}).ok());
}

void JobQueueTest::failureRetriesWithBackoffUntilAttemptsRunOut() {
    Fixture f(m_dir->path());
    const QString id = f.enqueue().job.id;
    QCOMPARE(f.policy.backoffAfter(1), 1000);
    QCOMPARE(f.policy.backoffAfter(2), 2000);
    QCOMPARE(f.policy.backoffAfter(3), 3000); // capped
    QCOMPARE(f.policy.backoffAfter(30), 3000);

    QVERIFY(f.claim("w1"));
    auto failed = f.queue->fail(id, "w1", ApiError::internal("engine exit 3"), f.policy);
    QVERIFY(failed.ok());
    QCOMPARE(failed->job.status, QStringLiteral("queued"));
    QCOMPARE(failed->job.error, QStringLiteral("engine exit 3"));
    QCOMPARE(failed->runAfterMs, f.clock + 1000);
    QVERIFY(failed->leaseOwner.isEmpty());

    f.clock += 999;
    QVERIFY(!f.claim("w1"));
    f.clock += 1;
    auto second = f.claim("w1");
    QVERIFY(second);
    QCOMPARE(second->job.attempts, 2);
    QVERIFY(second->job.error.isEmpty());
    QVERIFY(f.queue->fail(id, "w1", ApiError::internal("engine exit 3"), f.policy).ok());

    f.clock += 1999;
    QVERIFY(!f.claim("w1"));
    f.clock += 1;
    QCOMPARE(f.claim("w1")->job.attempts, 3);
    auto last = f.queue->fail(id, "w1", ApiError::internal("no images registered"), f.policy);
    QVERIFY(last.ok());
    QCOMPARE(last->job.status, QStringLiteral("failed"));
    QCOMPARE(last->job.error, QStringLiteral("no images registered"));

    f.clock += 1'000'000;
    QVERIFY(!f.claim("w1"));
    QCOMPARE(f.queue->get(id)->job.status, QStringLiteral("failed"));
}

void JobQueueTest::failureWithoutRetryEndsAtOnce() {
    Fixture f(m_dir->path());
    const QString id = f.enqueue().job.id;
    QVERIFY(f.claim("w1"));
    // The policy says retrying cannot fix a validation error.
    auto failed =
        f.queue->fail(id, "w1", ApiError::validation("The listing has no photos."), f.policy);
    QCOMPARE(failed->job.status, QStringLiteral("failed"));
    QCOMPARE(failed->job.attempts, 1);
    f.clock += 1'000'000;
    QVERIFY(!f.claim("w1"));
}

void JobQueueTest::completeStoresTheResultAndEndsTheLease() {
    Fixture f(m_dir->path());
    const QString id = f.enqueue().job.id;
    QVERIFY(f.claim("w1"));
    QVERIFY(f.queue->heartbeat(id, "w1", 0.5, "depth", 10'000).ok());
    auto done = f.queue->complete(id, "w1", {{"url", "/media/ab/x.glb"}, {"triangles", 5}});
    QVERIFY(done.ok());
    QCOMPARE(done->job.status, QStringLiteral("done"));
    QCOMPARE(done->job.progress, 1.0);

    const JobRecord stored = f.queue->get(id).value();
    QCOMPARE(stored.result.value("url").toString(), QStringLiteral("/media/ab/x.glb"));
    QCOMPARE(stored.result.value("triangles").toInt(), 5);
    QVERIFY(stored.leaseOwner.isEmpty());
    QVERIFY(stored.isFinished());
    QCOMPARE(f.queue->complete(id, "w1", {}).error().code, ErrorCode::Conflict);
    QVERIFY(!f.claim("w2"));
    QVERIFY(!f.queue->activeFor("lst_1", "model").value());
}

void JobQueueTest::releaseGivesTheJobBackWithoutUsingAnAttempt() {
    Fixture f(m_dir->path());
    const QString id = f.enqueue().job.id;
    QVERIFY(f.claim("w1"));
    QCOMPARE(f.queue->activeFor("lst_1", "model").value()->job.id, id);
    auto released = f.queue->release(id, "w1");
    QVERIFY(released.ok());
    QCOMPARE(released->job.status, QStringLiteral("queued"));
    QCOMPARE(released->job.attempts, 0);
    auto again = f.claim("w2");
    QVERIFY(again);
    QCOMPARE(again->job.attempts, 1);
}

void JobQueueTest::crashedWorkersJobSurvivesReopeningTheDatabase() {
    Fixture f(m_dir->path());
    const QString id = f.enqueue().job.id;
    const QString other = f.enqueue(QStringLiteral("lst_2")).job.id;
    QVERIFY(f.claim("w1", 30'000));
    QVERIFY(f.queue->heartbeat(id, "w1", 0.25, "sfm", 30'000).ok());

    // The server dies with the job running and the second one queued.
    f.open();
    const JobRecord running = f.queue->get(id).value();
    QCOMPARE(running.job.status, QStringLiteral("running"));
    QCOMPARE(running.job.progress, 0.25);
    QCOMPARE(running.job.stage, QStringLiteral("sfm"));
    QCOMPARE(f.queue->get(other)->job.status, QStringLiteral("queued"));

    // The queued job is picked up at once; the orphan once its lease runs out.
    QCOMPARE(f.claim("w2")->job.id, other);
    QVERIFY(!f.claim("w2"));
    f.clock += 30'000;
    auto reclaimed = f.claim("w2");
    QVERIFY(reclaimed);
    QCOMPARE(reclaimed->job.id, id);
    QCOMPARE(reclaimed->job.attempts, 2);
    QVERIFY(f.queue->complete(id, "w2", {}).ok());

    f.open();
    QCOMPARE(f.queue->get(id)->job.status, QStringLiteral("done"));
}

void JobQueueTest::progressEventsReachOwnerAndListing() {
    Fixture f(m_dir->path());
    std::mutex mutex;
    // What live clients receive for each event on the bus.
    std::vector<TopicEvent> events;
    f.bus.subscribe([&](const DomainEvent& e) {
        std::lock_guard lock(mutex);
        for (const TopicEvent& t : TopicEvent::from(e))
            events.push_back(t);
    });
    const QString id = f.enqueue().job.id;
    QVERIFY(f.claim("w1"));
    QVERIFY(f.queue->heartbeat(id, "w1", 0.5, "depth", 10'000).ok());
    QVERIFY(f.queue->fail(id, "w1", ApiError::validation("boom"), f.policy).ok());

    QCOMPARE(events.size(), size_t(8)); // four transitions, two topics each
    QStringList statuses;
    for (const TopicEvent& e : events) {
        QCOMPARE(e.type, QStringLiteral("job.progress"));
        QCOMPARE(e.data.value("jobId").toString(), id);
        QCOMPARE(e.data.value("listingId").toString(), QStringLiteral("lst_1"));
        QVERIFY(e.data.contains("progress"));
        QVERIFY(e.data.contains("stage"));
        if (e.topic == u"user:usr_owner")
            statuses << e.data.value("status").toString();
        else
            QCOMPARE(e.topic, QStringLiteral("listing:lst_1"));
    }
    QCOMPARE(statuses, (QStringList{"queued", "running", "running", "failed"}));
    QCOMPARE(events[4].data.value("progress").toDouble(), 0.5);
    QCOMPARE(events[4].data.value("stage").toString(), QStringLiteral("depth"));
    QCOMPARE(events.back().data.value("error").toString(), QStringLiteral("boom"));
}

void JobQueueTest::sameTransactionErrorRollsBackTheTransition() {
    Fixture f(m_dir->path());
    const QString id = f.enqueue().job.id;
    QVERIFY(f.claim("w1"));
    auto refused =
        f.queue->complete(id, "w1", {}, [](bitmarket::server::db::Connection&, const JobRecord&) {
            return bitmarket::Result<void>(bitmarket::ApiError::conflict("listing changed"));
        });
    QVERIFY(!refused.ok());
    QCOMPARE(f.queue->get(id)->job.status, QStringLiteral("running"));

    auto notQueued =
        f.queue->enqueue({.kind = "model", .listingId = "lst_9", .ownerId = "usr_owner"},
                         [](bitmarket::server::db::Connection&, const JobRecord&) {
                             return bitmarket::Result<void>(bitmarket::ApiError::forbidden());
                         });
    QCOMPARE(notQueued.error().code, ErrorCode::Forbidden);
    QVERIFY(!f.queue->activeFor("lst_9", "model").value());
}

void JobQueueTest::concurrentWorkersNeverShareAJob() {
    Fixture f(m_dir->path());
    constexpr int kJobs = 40;
    for (int i = 0; i < kJobs; ++i)
        f.enqueue(QStringLiteral("lst_%1").arg(i));
    std::mutex mutex;
    std::multiset<QString> claimed;
    std::vector<std::thread> workers;
    for (int w = 0; w < 4; ++w) {
        workers.emplace_back([&, w] {
            const QString me = QStringLiteral("w%1").arg(w);
            while (auto job = f.queue->claim(me, 60'000).value()) {
                QVERIFY(f.queue->complete(job->job.id, me, {}).ok());
                std::lock_guard lock(mutex);
                claimed.insert(job->job.id);
            }
        });
    }
    for (auto& worker : workers)
        worker.join();
    QCOMPARE(int(claimed.size()), kJobs);
    QCOMPARE(int(std::set<QString>(claimed.begin(), claimed.end()).size()), kJobs);
}

void JobQueueTest::unknownJobIsNotFound() {
    Fixture f(m_dir->path());
    QCOMPARE(f.queue->get("job_nope").error().code, ErrorCode::NotFound);
    QCOMPARE(f.queue->heartbeat("job_nope", "w1", 0.1, "x", 1000).error().code,
             ErrorCode::NotFound);
}

void JobQueueTest::scheduledJobWaitsForItsTime() {
    Fixture f(m_dir->path());
    std::atomic<int> published = 0;
    f.bus.subscribe([&](const DomainEvent&) { ++published; });
    auto scheduled = f.queue->schedule("auction.close", "auction-close:lst_7", kStart + 60'000,
                                       {{"id", "lst_7"}});
    QVERIFY(scheduled.ok());
    QCOMPARE(scheduled->job.status, QStringLiteral("queued"));
    QCOMPARE(scheduled->runAfterMs, kStart + 60'000);
    QCOMPARE(scheduled->uniqueKey, QStringLiteral("auction-close:lst_7"));

    QVERIFY(!f.claim("w1"));
    f.clock += 59'999;
    QVERIFY(!f.claim("w1"));
    f.clock += 1;
    auto due = f.claim("w1");
    QVERIFY(due);
    QCOMPARE(due->job.id, scheduled->job.id);
    QCOMPARE(due->job.kind, QStringLiteral("auction.close"));
    QCOMPARE(due->payload.value("id").toString(), QStringLiteral("lst_7"));
    // Nobody asked for it and no listing shows it: nothing goes out live.
    QCOMPARE(published.load(), 0);

    QCOMPARE(f.queue->schedule("auction.close", "", kStart).error().code,
             ErrorCode::ValidationFailed);
}

void JobQueueTest::sameKeyMovesThePendingJob() {
    Fixture f(m_dir->path());
    const QString key = QStringLiteral("order-confirm:ord_1");
    const JobRecord first =
        f.queue->schedule("order.confirm", key, kStart + 10'000, {{"v", 1}}).value();
    const JobRecord moved =
        f.queue->schedule("order.confirm", key, kStart + 20'000, {{"v", 2}}).value();
    QCOMPARE(moved.job.id, first.job.id);
    QCOMPARE(moved.runAfterMs, kStart + 20'000);
    QCOMPARE(f.queuedWithKey(key), 1);
    QCOMPARE(f.queue->pending(key).value()->runAfterMs, kStart + 20'000);

    // The first time has no job any more; the later one has.
    f.clock = kStart + 10'000;
    QVERIFY(!f.claim("w1"));
    f.clock = kStart + 20'000;
    auto due = f.claim("w1");
    QVERIFY(due);
    QCOMPARE(due->job.id, first.job.id);
    QCOMPARE(due->payload.value("v").toInt(), 2);
    QVERIFY(!f.claim("w2"));

    // A key is one piece of work: another kind cannot take it over.
    f.queue->schedule("order.confirm", "order-confirm:ord_2", kStart + 90'000).value();
    QCOMPARE(f.queue->schedule("payout", "order-confirm:ord_2", kStart).error().code,
             ErrorCode::Conflict);
}

void JobQueueTest::keyedJobSurvivesReopeningTheDatabase() {
    Fixture f(m_dir->path());
    const QString key = QStringLiteral("notifications-cleanup");
    const JobRecord first = f.queue->schedule("notifications.cleanup", key, kStart + 5'000).value();

    // A restart: the key still names the same pending job.
    f.open();
    const JobRecord moved = f.queue->schedule("notifications.cleanup", key, kStart + 8'000).value();
    QCOMPARE(moved.job.id, first.job.id);
    QCOMPARE(f.queuedWithKey(key), 1);

    // The database itself refuses a second queued job with the key, whoever writes it.
    auto duplicate =
        f.db->write([&](bitmarket::server::db::Connection& c) -> bitmarket::Result<void> {
            c.query(
                 "INSERT INTO jobs (id, kind, unique_key, status, run_after, created_at, "
                 "updated_at) VALUES ('job_dup', 'notifications.cleanup', ?1, 'queued', 0, 0, 0)")
                .bind(key)
                .run();
            return {};
        });
    QVERIFY(!duplicate.ok());

    f.open();
    f.clock = kStart + 5'000;
    QVERIFY(!f.claim("w1"));
    f.clock = kStart + 8'000;
    QCOMPARE(f.claim("w1")->job.id, first.job.id);
}

void JobQueueTest::cancelByKeyDropsThePendingJob() {
    Fixture f(m_dir->path());
    const QString key = QStringLiteral("auction-close:lst_3");
    const JobRecord scheduled = f.queue->schedule("auction.close", key, kStart + 1'000).value();
    QCOMPARE(f.queue->cancel(key).value(), true);
    QCOMPARE(f.queue->get(scheduled.job.id)->job.status, QStringLiteral("cancelled"));
    QVERIFY(f.queue->get(scheduled.job.id)->isFinished());
    QVERIFY(!f.queue->pending(key).value());
    f.clock += 10'000;
    QVERIFY(!f.claim("w1"));
    QCOMPARE(f.queue->cancel(key).value(), false);
    QCOMPARE(f.queue->cancel("no-such-key").value(), false);

    // The key is free again.
    const JobRecord again = f.queue->schedule("auction.close", key, kStart + 20'000).value();
    QVERIFY(again.job.id != scheduled.job.id);
}

void JobQueueTest::retryOfAJobWhoseKeyWasTakenGivesWay() {
    Fixture f(m_dir->path());
    const QString key = QStringLiteral("payout:usr_9");
    const JobRecord running = f.queue->schedule("payout", key, kStart).value();
    QVERIFY(f.claim("w1"));
    // A running job is no longer pending: scheduling the key again adds the next one.
    const JobRecord next = f.queue->schedule("payout", key, kStart + 50'000).value();
    QVERIFY(next.job.id != running.job.id);

    auto failed = f.queue->fail(running.job.id, "w1", ApiError::internal("bank offline"), f.policy);
    QVERIFY(failed.ok());
    QCOMPARE(failed->job.status, QStringLiteral("cancelled"));
    QCOMPARE(f.queuedWithKey(key), 1);
    QCOMPARE(f.queue->pending(key).value()->job.id, next.job.id);
}

QTEST_GUILESS_MAIN(JobQueueTest)
#include "JobQueueTest.moc"

void JobQueueTest::workersTakeOnlyTheirKindsOfJob() {
    Fixture f(m_dir->path());
    // A 3D model queued first must not stand in front of a close that is due.
    const JobRecord model = f.enqueue();
    f.clock += 1;
    const JobRecord close = f.queue->schedule("auction.close", "auction-close:lst_9", f.clock).value();
    f.clock += 1;
    const JobRecord payout = f.queue->schedule("payout", "payout:usr_1", f.clock).value();

    const auto models = JobQueue::Kinds::only({"model"});
    const auto allButModels = JobQueue::Kinds::allBut({"model"});
    auto upkeep = f.queue->claim("upkeep", 10'000, allButModels).value();
    QVERIFY(upkeep);
    QCOMPARE(upkeep->job.id, close.job.id);
    auto modelWorker = f.queue->claim("3d", 10'000, models).value();
    QVERIFY(modelWorker);
    QCOMPARE(modelWorker->job.id, model.job.id);
    QVERIFY(!f.queue->claim("3d", 10'000, models).value());
    auto both = f.queue->claim("any", 10'000, JobQueue::Kinds::only({"auction.close", "payout"})).value();
    QVERIFY(both);
    QCOMPARE(both->job.id, payout.job.id);
    QVERIFY(!f.queue->claim("any", 10'000).value());

    // Jobs whose workers died go back only to workers of their kinds.
    f.clock += 10'001;
    auto reclaimed = f.queue->claim("3d-2", 10'000, models).value();
    QVERIFY(reclaimed);
    QCOMPARE(reclaimed->job.id, model.job.id);
    QCOMPARE(reclaimed->job.attempts, 2);
    QVERIFY(!f.queue->claim("3d-2", 10'000, models).value());
    auto closeAgain = f.queue->claim("upkeep-2", 10'000, allButModels).value();
    QVERIFY(closeAgain);
    QCOMPARE(closeAgain->job.id, close.job.id);
}
