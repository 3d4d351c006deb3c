// Workers: jobs of any kind run by the handler registered for it, under that
// handler's retry policy; and the model pipeline around the engine: a
// seller's request, a worker running a stand-in engine script (progress
// lines, output files, failures, crashes, hangs), and what the listing and
// the live events say afterwards.
#include "jobs/Worker.h"
#include "jobs/WorkerRota.h"

#include "db/Database.h"
#include "events/InProcessEventBus.h"
#include "jobs/JobHandlers.h"
#include "jobs/JobQueue.h"
#include "market/ListingService.h"
#include "media/MediaStore.h"
#include "models/ModelJobHandler.h"
#include "models/ModelJobRunner.h"
#include "models/ModelJobService.h"
#include "realtime/TopicEvent.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

using namespace bitmarket;
using namespace bitmarket::server;
using namespace bitmarket::server::jobs;
using namespace bitmarket::server::models;

namespace {

// Writes model.glb, preview.png and report.json the way the real engine does,
// after a few progress lines; the model bytes name how many photos it got.
constexpr char kGoodEngine[] = R"sh(#!/bin/sh
while [ $# -gt 0 ]; do
  case "$1" in
    --images) images=$2; shift 2;;
    --out) out=$2; shift 2;;
    --report) report=$2; shift 2;;
    --preview) preview=$2; shift 2;;
    --quality) quality=$2; shift 2;;
    *) shift;;
  esac
done
count=$(ls "$images" | wc -l)
exif=$(grep -c Exif "$images/photo_001.jpg")
echo "progress load 0"
echo "progress load 1"
sleep 0.2
echo "progress sfm 0.5"
sleep 0.2
echo "progress sfm 1"
echo "progress texture 0.5"
sleep 0.2
printf 'glTF-fake-model-%s-%s-exif%s' "$count" "$quality" "$exif" > "$out"
printf 'PNG-fake-preview' > "$preview"
echo '{"quality": "approximate", "triangles": 1234}' > "$report"
echo "progress export 1"
)sh";

constexpr char kFailingEngine[] = R"sh(#!/bin/sh
echo "progress load 1"
echo "colmap: only 1 of 3 images registered" >&2
exit 3
)sh";

constexpr char kCrashingEngine[] = R"sh(#!/bin/sh
echo "progress sfm 0.2"
kill -9 $$
)sh";

// Like the real engine running COLMAP: the work happens in a child process.
constexpr char kHangingEngine[] = R"sh(#!/bin/sh
sleep 60 &
echo $! > "$FAKE_ENGINE_CHILD_PID"
echo "progress depth 0.1"
wait
)sh";

bool processIsGone(qint64 pid) {
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return true;
    return stat.readAll().contains(") Z "); // a zombie is gone, just not yet reaped
}

QByteArray photoBytes(int index) {
    QImage image(32, 24, QImage::Format_RGB32);
    image.fill(QColor::fromHsv(index * 100, 200, 200));
    QByteArray jpeg;
    QBuffer buffer(&jpeg);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "jpeg");
    return jpeg;
}

struct Pipeline {
    explicit Pipeline(const QString& dataDir, const QByteArray& engineScript, int maxAttempts = 3)
        : store(dataDir) {
        db = std::make_unique<db::Database>(db::Database::Options{dataDir + "/bitmarket.db"});
        queue = std::make_unique<JobQueue>(*db, bus);
        enginePath = dataDir + "/fake-engine.sh";
        QFile engine(enginePath);
        engine.open(QIODevice::WriteOnly);
        engine.write(engineScript);
        engine.close();
        engine.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);

        ModelJobRunner::Options runnerOptions;
        runnerOptions.enginePath = enginePath;
        runnerOptions.workDir = dataDir + "/work";
        runnerOptions.reportIntervalMs = 100;
        runner = std::make_unique<ModelJobRunner>(*db, store, runnerOptions);
        // Wired as the server wires it: the listing's owner tells live viewers.
        listings = std::make_unique<ListingService>(*db, bus, effects);
        const auto listingChanged = [this](const QString& listingId) {
            listings->announceUpdate(listingId);
        };
        ModelJobHandler::Options modelOptions;
        modelOptions.retry.maxAttempts = maxAttempts;
        modelOptions.retry.backoffBaseMs = 0; // retries are runnable at once in tests
        modelOptions.listingChanged = listingChanged;
        handler = std::make_unique<ModelJobHandler>(*runner, modelOptions);
        handlers.add(*handler);
        service = std::make_unique<ModelJobService>(*db, *queue, listingChanged);
        Worker::Options workerOptions;
        workerOptions.workerId = "test-worker";
        workerOptions.leaseMs = 5'000;
        workerOptions.idlePollMs = 50;
        worker = std::make_unique<Worker>(*queue, handlers, workerOptions);
        // What live clients receive for each event on the bus.
        bus.subscribe([this](const DomainEvent& e) {
            std::lock_guard lock(mutex);
            for (const TopicEvent& t : TopicEvent::from(e))
                events.push_back(t);
        });
        seed();
    }

    // A seller, a buyer, one listing with three photos and one without.
    void seed() {
        auto seeded = db->write([this](db::Connection& c) -> Result<void> {
            for (const char* user : {"usr_seller", "usr_buyer"}) {
                c.query("INSERT INTO users (id, username, username_key, email, email_key, "
                        "display_name, password_hash, created_at) "
                        "VALUES (?1, ?1, ?1, ?1, ?1, ?1, 'x', 0)")
                    .bind(user)
                    .run();
            }
            c.query("INSERT OR IGNORE INTO categories (id, name, parent_id, position) "
                    "VALUES ('cat_test', 'Test', NULL, 99)")
                .run();
            for (const char* listing : {"lst_tree", "lst_empty"}) {
                c.query("INSERT INTO listings (id, seller_id, title, description, category_id, "
                        "price_amount, currency, condition, tags, region, sale_type, status, "
                        "created_at, updated_at) VALUES (?1, 'usr_seller', 'Tree', '', "
                        "'cat_test', 1000, 'KRW', 'good', '[]', 'Seoul', 'fixed', 'active', 0, 0)")
                    .bind(listing)
                    .run();
            }
            // The first photo came from a phone: its focal length was kept.
            if (!store.storeVariant(QString(64, u'a'), media::MediaStore::kCamera, "json",
                                    R"({"focalLength35mm": 28})"))
                return ApiError::internal();
            for (int i = 0; i < 3; ++i) {
                const QString hash = QString(64, QChar(u'a' + i));
                c.query("INSERT INTO photos (id, listing_id, position, hash, url, thumb_url, "
                        "width, height, created_at) "
                        "VALUES (?1, 'lst_tree', ?2, ?3, ?4, ?4, 10, 10, 0)")
                    .bind(QStringLiteral("pho_%1").arg(i), i, hash,
                          media::MediaStore::urlPath(hash))
                    .run();
                if (!store.storeVariant(hash, media::MediaStore::kFull, "jpg", photoBytes(i)))
                    return ApiError::internal();
            }
            return {};
        });
        QVERIFY(seeded.ok());
    }

    std::optional<ModelInfo> listingModel() {
        return db
            ->read([](db::Connection& c) -> Result<std::optional<ModelInfo>> {
                auto q = c.query("SELECT status, url, preview_url, quality, triangles, job_id, "
                                 "error FROM listing_models WHERE listing_id = 'lst_tree'");
                if (!q.next())
                    return std::optional<ModelInfo>();
                return std::optional(ModelInfo{q.text(0), q.text(1), q.text(2), q.text(3),
                                               q.integer(4), q.text(5), q.text(6)});
            })
            .value();
    }

    std::vector<TopicEvent> eventsOfType(const QString& type) {
        std::lock_guard lock(mutex);
        std::vector<TopicEvent> found;
        for (const TopicEvent& e : events) {
            if (e.type == type)
                found.push_back(e);
        }
        return found;
    }

    QString enginePath;
    media::MediaStore store;
    InProcessEventBus bus;
    SameTransactionEvents effects;
    std::unique_ptr<db::Database> db;
    std::unique_ptr<JobQueue> queue;
    std::unique_ptr<ModelJobRunner> runner;
    std::unique_ptr<ModelJobHandler> handler;
    JobHandlers handlers;
    std::unique_ptr<ModelJobService> service;
    std::unique_ptr<ListingService> listings;
    std::unique_ptr<Worker> worker;
    std::mutex mutex;
    std::vector<TopicEvent> events;
};

// A kind of job whose runs end as the test says, recording what the worker
// asked of it.
class ScriptedHandler : public JobHandler {
public:
    ScriptedHandler(QString kind, RetryPolicy policy)
        : m_kind(std::move(kind)), m_policy(std::move(policy)) {}

    QString kind() const override { return m_kind; }
    RetryPolicy retryPolicy() const override { return m_policy; }
    Result<QJsonObject> run(const JobRecord& job, const JobProgress& progress) override {
        ++runs;
        progress(0.5, QStringLiteral("halfway"));
        if (outcomes.empty())
            return QJsonObject{{"ran", job.job.id}};
        Result<QJsonObject> next = outcomes.front();
        outcomes.erase(outcomes.begin());
        return next;
    }
    Result<void> recordStatus(db::Connection&, const JobRecord& job) override {
        recorded << job.job.status;
        return {};
    }
    void statusChanged(const JobRecord& job) override { announced << job.job.status; }

    std::vector<Result<QJsonObject>> outcomes;
    int runs = 0;
    QStringList recorded;
    QStringList announced;

private:
    QString m_kind;
    RetryPolicy m_policy;
};

struct Queue {
    explicit Queue(const QString& dataDir)
        : db(std::make_unique<db::Database>(db::Database::Options{dataDir + "/bitmarket.db"})),
          queue(*db, bus), worker(queue, handlers, Worker::Options{"test-worker", 5'000, 50}) {}

    QString enqueue(const QString& kind) {
        return queue.enqueue({.kind = kind, .ownerId = "usr_1"}).value().job.id;
    }
    Job job(const QString& id) { return queue.get(id).value().job; }

    InProcessEventBus bus;
    std::unique_ptr<db::Database> db;
    JobQueue queue;
    JobHandlers handlers;
    Worker worker;
};

// Holds each job it runs until let go, counting the jobs that ran and how many run at once.
class HeldHandler : public JobHandler {
public:
    QString kind() const override { return QStringLiteral("payment.event"); }
    RetryPolicy retryPolicy() const override { return RetryPolicy{}; }
    Result<QJsonObject> run(const JobRecord&, const JobProgress&) override {
        std::unique_lock lock(m_mutex);
        ++running;
        m_changed.notify_all();
        m_changed.wait(lock, [this] { return m_released; });
        --running;
        ++done;
        m_changed.notify_all();
        return QJsonObject{};
    }
    bool waitUntil(const std::function<bool()>& reached, int ms) {
        std::unique_lock lock(m_mutex);
        return m_changed.wait_for(lock, std::chrono::milliseconds(ms), reached);
    }
    void release() {
        std::lock_guard lock(m_mutex);
        m_released = true;
        m_changed.notify_all();
    }

    int running = 0; // guarded by the mutex
    int done = 0;    // guarded by the mutex

private:
    std::mutex m_mutex;
    std::condition_variable m_changed;
    bool m_released = false;
};

} // namespace

class WorkerTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void modelIsMadeAndShownOnTheListing();
    void onlyTheSellerOfAListingWithPhotosMayAsk();
    void secondRequestReturnsTheRunningJob();
    void failingEngineIsRetriedThenFailsWithAPlainReason();
    void crashedEngineIsRetried();
    void listingWithoutPhotoFilesFailsWithoutRetry();
    void killedWorkersJobIsFinishedByAnother();
    void workerThatKeepsDyingEndsTheJob();
    void stoppingTheWorkerStopsTheEngineAndRequeues();
    void eachKindRunsWithItsHandler();
    void unknownKindFailsClearly();
    void handlerWithOneAttemptFailsAtOnce();
    void neverRetryErrorFailsAtOnce();
    void handlersBackoffIsHonoured();
    void aRotaWakesAWaitingWorkerForEachJob();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

void WorkerTest::init() {
    m_dir = std::make_unique<QTemporaryDir>();
}

void WorkerTest::modelIsMadeAndShownOnTheListing() {
    Pipeline p(m_dir->path(), kGoodEngine);
    auto requested = p.service->requestModel("lst_tree", "usr_seller");
    QVERIFY(requested.ok());
    QCOMPARE(requested->status, QStringLiteral("queued"));
    QCOMPARE(requested->kind, QStringLiteral("model"));
    QCOMPARE(p.listingModel()->status, QStringLiteral("queued"));
    QCOMPARE(p.listingModel()->jobId, requested->id);

    QVERIFY(p.worker->processNext());
    QVERIFY(!p.worker->processNext());

    const Job job = p.service->job(requested->id, "usr_seller").value();
    QCOMPARE(job.status, QStringLiteral("done"));
    QCOMPARE(job.progress, 1.0);

    const ModelInfo model = *p.listingModel();
    QCOMPARE(model.status, QStringLiteral("done"));
    QCOMPARE(model.quality, QStringLiteral("approximate"));
    QCOMPARE(model.triangles, 1234);
    QVERIFY(model.error.isEmpty());
    const auto glb = p.store.resolve(model.url);
    QVERIFY2(glb.has_value(), qPrintable(model.url));
    QVERIFY(model.url.endsWith(".glb"));
    QFile glbFile(*glb);
    QVERIFY(glbFile.open(QIODevice::ReadOnly));
    // All three photos reached the engine, the phone's with its focal length.
    QCOMPARE(glbFile.readAll(), QByteArray("glTF-fake-model-3-normal-exif1"));
    QVERIFY(p.store.resolve(model.previewUrl).has_value());
    QVERIFY(model.previewUrl.endsWith(".png"));

    // Progress went out live, moving forward through the engine's stages.
    double last = -1;
    QStringList stages;
    for (const TopicEvent& e : p.eventsOfType("job.progress")) {
        if (e.topic != u"listing:lst_tree")
            continue;
        const double progress = e.data.value("progress").toDouble();
        if (e.data.value("status").toString() == u"running") {
            QVERIFY(progress >= last);
            last = progress;
        }
        stages << e.data.value("stage").toString();
    }
    QVERIFY2(stages.contains("sfm") && stages.contains("texture"), qPrintable(stages.join(',')));
    QCOMPARE(stages.last(), QStringLiteral("done"));
    QVERIFY(last > 0.2 && last < 1.0);

    const auto updates = p.eventsOfType("listing.updated");
    QVERIFY(!updates.empty());
    QCOMPARE(updates.back().topic, QStringLiteral("listing:lst_tree"));
    QCOMPARE(updates.back().data.value("model").toObject().value("status").toString(),
             QStringLiteral("done"));
    QVERIFY(QDir(m_dir->path() + "/work").isEmpty()); // the scratch folder is gone
}

void WorkerTest::onlyTheSellerOfAListingWithPhotosMayAsk() {
    Pipeline p(m_dir->path(), kGoodEngine);
    QCOMPARE(p.service->requestModel("lst_tree", "usr_buyer").error().code, ErrorCode::Forbidden);
    QCOMPARE(p.service->requestModel("lst_nope", "usr_seller").error().code, ErrorCode::NotFound);
    QCOMPARE(p.service->requestModel("lst_empty", "usr_seller").error().code,
             ErrorCode::ValidationFailed);
    QVERIFY(!p.queue->activeFor("lst_empty", "model").value());

    auto requested = p.service->requestModel("lst_tree", "usr_seller");
    QVERIFY(requested.ok());
    QCOMPARE(p.service->job(requested->id, "usr_buyer").error().code, ErrorCode::NotFound);
    QCOMPARE(p.service->job("job_nope", "usr_seller").error().code, ErrorCode::NotFound);
}

void WorkerTest::secondRequestReturnsTheRunningJob() {
    Pipeline p(m_dir->path(), kGoodEngine);
    const QString first = p.service->requestModel("lst_tree", "usr_seller")->id;
    QCOMPARE(p.service->requestModel("lst_tree", "usr_seller")->id, first);
    QVERIFY(p.worker->processNext());
    // Once done, asking again makes a new model.
    const QString second = p.service->requestModel("lst_tree", "usr_seller")->id;
    QVERIFY(second != first);
}

void WorkerTest::failingEngineIsRetriedThenFailsWithAPlainReason() {
    Pipeline p(m_dir->path(), kFailingEngine, 2);
    const QString id = p.service->requestModel("lst_tree", "usr_seller")->id;

    QVERIFY(p.worker->processNext());
    Job job = p.queue->get(id)->job;
    QCOMPARE(job.status, QStringLiteral("queued"));
    QCOMPARE(job.attempts, 1);
    // The engine's own words (they name the server's folders) stay in the log; the job,
    // and the listing anyone reads, carry a plain reason.
    QCOMPARE(job.error, QStringLiteral("The 3D engine failed (exit code 3)."));
    QCOMPARE(p.listingModel()->status, QStringLiteral("queued"));

    QVERIFY(p.worker->processNext());
    job = p.queue->get(id)->job;
    QCOMPARE(job.status, QStringLiteral("failed"));
    QCOMPARE(job.attempts, 2);
    QVERIFY(!job.error.contains("images registered"));
    QCOMPARE(p.listingModel()->status, QStringLiteral("failed"));
    QCOMPARE(p.listingModel()->error, job.error);
    QVERIFY(!p.worker->processNext());
}

void WorkerTest::crashedEngineIsRetried() {
    Pipeline p(m_dir->path(), kCrashingEngine);
    const QString id = p.service->requestModel("lst_tree", "usr_seller")->id;
    QVERIFY(p.worker->processNext());
    const Job job = p.queue->get(id)->job;
    QCOMPARE(job.status, QStringLiteral("queued"));
    QVERIFY2(job.error.contains("stopped unexpectedly"), qPrintable(job.error));
}

void WorkerTest::listingWithoutPhotoFilesFailsWithoutRetry() {
    Pipeline p(m_dir->path(), kGoodEngine);
    const QString id = p.service->requestModel("lst_tree", "usr_seller")->id;
    for (int i = 0; i < 3; ++i)
        p.store.remove(QString(64, QChar(u'a' + i)), media::MediaStore::kFull, "jpg");
    QVERIFY(p.worker->processNext());
    const Job job = p.queue->get(id)->job;
    QCOMPARE(job.status, QStringLiteral("failed"));
    QCOMPARE(job.attempts, 1);
    QVERIFY(job.error.contains("no photos"));
}

void WorkerTest::killedWorkersJobIsFinishedByAnother() {
    Pipeline p(m_dir->path(), kGoodEngine);
    const QString id = p.service->requestModel("lst_tree", "usr_seller")->id;
    // A worker process claims the job and is killed: no heartbeat, no result.
    QVERIFY(p.queue->claim("killed-worker", 300).value());
    QVERIFY(!p.worker->processNext());

    QTest::qWait(350);
    QVERIFY(p.worker->processNext());
    const Job job = p.queue->get(id)->job;
    QCOMPARE(job.status, QStringLiteral("done"));
    QCOMPARE(job.attempts, 2);
    QCOMPARE(p.listingModel()->status, QStringLiteral("done"));
}

void WorkerTest::workerThatKeepsDyingEndsTheJob() {
    Pipeline p(m_dir->path(), kGoodEngine, 2);
    const QString id = p.service->requestModel("lst_tree", "usr_seller")->id;
    for (int i = 0; i < 2; ++i) {
        QVERIFY(p.queue->claim("doomed-worker", 50).value());
        QTest::qWait(60);
    }
    QVERIFY(p.worker->processNext());
    const Job job = p.queue->get(id)->job;
    QCOMPARE(job.status, QStringLiteral("failed"));
    QVERIFY2(job.error.contains("stopped unexpectedly 2 times"), qPrintable(job.error));
    QCOMPARE(p.listingModel()->status, QStringLiteral("failed"));
}

void WorkerTest::stoppingTheWorkerStopsTheEngineAndRequeues() {
    Pipeline p(m_dir->path(), kHangingEngine);
    const QString pidFile = m_dir->filePath("engine-child.pid");
    qputenv("FAKE_ENGINE_CHILD_PID", QFile::encodeName(pidFile));
    const QString id = p.service->requestModel("lst_tree", "usr_seller")->id;
    std::thread thread([&p] { p.worker->run(); });
    QElapsedTimer timer;
    timer.start();
    while (p.queue->get(id)->job.stage != u"depth" && timer.elapsed() < 10'000)
        QTest::qWait(20);
    QCOMPARE(p.queue->get(id)->job.status, QStringLiteral("running"));
    QCOMPARE(p.listingModel()->status, QStringLiteral("running"));

    timer.restart();
    p.worker->stop();
    thread.join();
    QVERIFY2(timer.elapsed() < 3'000, qPrintable(QString::number(timer.elapsed())));
    const Job job = p.queue->get(id)->job;
    QCOMPARE(job.status, QStringLiteral("queued"));
    QCOMPARE(job.attempts, 0);
    QCOMPARE(p.listingModel()->status, QStringLiteral("queued"));

    QFile pid(pidFile);
    QVERIFY(pid.open(QIODevice::ReadOnly));
    const qint64 child = pid.readAll().trimmed().toLongLong();
    QVERIFY(child > 0);
    QTRY_VERIFY_WITH_TIMEOUT(processIsGone(child), 2000);
}

void WorkerTest::eachKindRunsWithItsHandler() {
    Queue q(m_dir->path());
    ScriptedHandler closes("auction.close", RetryPolicy{});
    ScriptedHandler payouts("payout", RetryPolicy{});
    q.handlers.add(closes);
    q.handlers.add(payouts);
    const QString close = q.enqueue("auction.close");
    const QString payout = q.enqueue("payout");

    QVERIFY(q.worker.processNext());
    QVERIFY(q.worker.processNext());
    QVERIFY(!q.worker.processNext());
    QCOMPARE(closes.runs, 1);
    QCOMPARE(payouts.runs, 1);
    QCOMPARE(q.job(close).status, QStringLiteral("done"));
    QCOMPARE(q.queue.get(close)->result.value("ran").toString(), close);
    QCOMPARE(q.queue.get(payout)->result.value("ran").toString(), payout);
    // The handler wrote along with each transition and heard of each after it.
    QCOMPARE(closes.recorded, (QStringList{"running", "done"}));
    QCOMPARE(closes.announced, (QStringList{"running", "done"}));
}

void WorkerTest::unknownKindFailsClearly() {
    Queue q(m_dir->path());
    const QString id = q.enqueue("nobody.handles.this");
    QVERIFY(q.worker.processNext());
    const Job job = q.job(id);
    QCOMPARE(job.status, QStringLiteral("failed"));
    QCOMPARE(job.attempts, 1);
    QVERIFY2(job.error.contains("no handler for \"nobody.handles.this\" jobs"),
             qPrintable(job.error));
    QVERIFY(!q.worker.processNext());
}

void WorkerTest::handlerWithOneAttemptFailsAtOnce() {
    Queue q(m_dir->path());
    ScriptedHandler once("webhook", RetryPolicy{1, 0, 0, {}});
    once.outcomes.push_back(ApiError::internal("gateway timed out"));
    q.handlers.add(once);
    const QString id = q.enqueue("webhook");
    QVERIFY(q.worker.processNext());
    const Job job = q.job(id);
    QCOMPARE(job.status, QStringLiteral("failed"));
    QCOMPARE(job.attempts, 1);
    QCOMPARE(job.error, QStringLiteral("gateway timed out"));
    QVERIFY(!q.worker.processNext());
    QCOMPARE(once.runs, 1);
    QCOMPARE(once.recorded.last(), QStringLiteral("failed"));
}

void WorkerTest::neverRetryErrorFailsAtOnce() {
    Queue q(m_dir->path());
    ScriptedHandler payouts("payout", RetryPolicy{5, 0, 0, {ErrorCode::Forbidden}});
    payouts.outcomes.push_back(ApiError::internal("bank offline"));
    payouts.outcomes.push_back(ApiError::forbidden("account closed"));
    q.handlers.add(payouts);
    const QString id = q.enqueue("payout");

    QVERIFY(q.worker.processNext()); // an error retrying may fix
    QCOMPARE(q.job(id).status, QStringLiteral("queued"));
    QVERIFY(q.worker.processNext()); // one it cannot
    const Job job = q.job(id);
    QCOMPARE(job.status, QStringLiteral("failed"));
    QCOMPARE(job.attempts, 2);
    QCOMPARE(job.error, QStringLiteral("account closed"));
    QVERIFY(!q.worker.processNext());
    QCOMPARE(payouts.runs, 2);
}

void WorkerTest::handlersBackoffIsHonoured() {
    Queue q(m_dir->path());
    ScriptedHandler slow("notifications.cleanup", RetryPolicy{3, 400, 400, {}});
    slow.outcomes.push_back(ApiError::internal("disk busy"));
    q.handlers.add(slow);
    const QString id = q.enqueue("notifications.cleanup");
    QVERIFY(q.worker.processNext());
    const JobRecord waiting = q.queue.get(id).value();
    QCOMPARE(waiting.job.status, QStringLiteral("queued"));
    QVERIFY(qAbs(waiting.runAfterMs - waiting.job.updatedAtMs - 400) <= 1);
    QVERIFY(!q.worker.processNext()); // still backing off
    QTest::qWait(450);
    QVERIFY(q.worker.processNext());
    QCOMPARE(q.job(id).status, QStringLiteral("done"));
    QCOMPARE(q.job(id).attempts, 2);
}

void WorkerTest::aRotaWakesAWaitingWorkerForEachJob() {
    // Workers that would look for work only once a minute: every job below runs because the
    // rota woke a worker for it.
    Queue q(m_dir->path());
    HeldHandler held;
    q.handlers.add(held);
    std::vector<std::unique_ptr<Worker>> workers;
    std::vector<Worker*> crew;
    for (int i = 0; i < 2; ++i) {
        workers.push_back(std::make_unique<Worker>(
            q.queue, q.handlers, Worker::Options{QStringLiteral("payments-%1").arg(i), 5'000, 60'000}));
        crew.push_back(workers.back().get());
    }
    std::vector<std::thread> threads;
    for (auto& worker : workers)
        threads.emplace_back([w = worker.get()] { w->run(); });
    WorkerRota rota(crew);
    // Give both a moment to find the queue empty and wait.
    QTest::qWait(200);

    // Two jobs, two workers: each is woken for one and both run at once.
    q.enqueue("payment.event");
    rota.wakeOne();
    q.enqueue("payment.event");
    rota.wakeOne();
    QVERIFY(held.waitUntil([&] { return held.running == 2; }, 3'000));

    // Both busy: the third job waits for one of them, not for the next poll a minute away.
    const QString third = q.enqueue("payment.event");
    rota.wakeOne();
    QElapsedTimer sinceReleased;
    sinceReleased.start();
    held.release();
    QVERIFY(held.waitUntil([&] { return held.done == 3; }, 3'000));
    QVERIFY(sinceReleased.elapsed() < 3'000);
    QTRY_COMPARE_WITH_TIMEOUT(q.job(third).status, QStringLiteral("done"), 3'000);

    for (auto& worker : workers)
        worker->stop();
    for (std::thread& t : threads)
        t.join();
}

QTEST_GUILESS_MAIN(WorkerTest)
#include "WorkerTest.moc"
