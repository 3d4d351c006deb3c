// JobEventRelay: progress written by a worker in another process (here a
// second Database on the same file with its own, unheard EventBus) reaches
// this server's live clients once, nothing is published twice, and the job's
// handler hears of each status change.
#include "jobs/JobEventRelay.h"

#include "db/Database.h"
#include "events/InProcessEventBus.h"
#include "jobs/JobHandlers.h"
#include "jobs/JobQueue.h"
#include "realtime/TopicEvent.h"

#include <QTemporaryDir>
#include <QTest>
#include <memory>
#include <mutex>
#include <vector>

using namespace bitmarket::server;
using namespace bitmarket::server::jobs;

namespace {

struct Process {
    explicit Process(const QString& path)
        : db(std::make_unique<db::Database>(db::Database::Options{path})), queue(*db, bus) {}
    InProcessEventBus bus;
    std::unique_ptr<db::Database> db;
    JobQueue queue;
};

// Notes the listings whose model job changed status.
class ListingWatcher : public JobHandler {
public:
    QString kind() const override { return QStringLiteral("model"); }
    RetryPolicy retryPolicy() const override { return {}; }
    bitmarket::Result<QJsonObject> run(const JobRecord&, const JobProgress&) override {
        return QJsonObject{};
    }
    void statusChanged(const JobRecord& job) override { listingsChanged << job.job.listingId; }
    QStringList listingsChanged;
};

JobQueue::NewJob modelJob(const QString& listingId) {
    return {.kind = "model", .listingId = listingId, .ownerId = "usr_1"};
}

// What this server's live clients receive.
struct Recorder {
    explicit Recorder(EventBus& bus) {
        bus.subscribe([this](const DomainEvent& e) {
            std::lock_guard lock(mutex);
            for (const TopicEvent& t : TopicEvent::from(e))
                events.push_back(t);
        });
    }
    std::vector<TopicEvent> take() {
        std::lock_guard lock(mutex);
        return std::exchange(events, {});
    }
    int count() {
        std::lock_guard lock(mutex);
        return int(events.size());
    }
    std::mutex mutex;
    std::vector<TopicEvent> events;
};

} // namespace

class JobEventRelayTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void progressFromAnotherProcessIsPublishedOnce();
    void runsOnItsOwnThread();
};

void JobEventRelayTest::progressFromAnotherProcessIsPublishedOnce() {
    QTemporaryDir dir;
    const QString path = dir.filePath("bitmarket.db");
    Process server(path);
    Process workerProcess(path);
    Recorder live(server.bus);
    ListingWatcher watcher;
    JobHandlers handlers;
    handlers.add(watcher);
    const QStringList& listingsChanged = watcher.listingsChanged;
    JobEventRelay relay(*server.db, server.bus, server.queue, handlers);

    const QString id = server.queue.enqueue(modelJob("lst_1")).value().job.id;
    QCOMPARE(live.take().size(), size_t(2)); // the server's own publish
    relay.pollOnce();
    QCOMPARE(live.count(), 0); // already known: not repeated
    QVERIFY(listingsChanged.isEmpty());

    QVERIFY(workerProcess.queue.claim("remote", 60'000).value());
    QVERIFY(workerProcess.queue.heartbeat(id, "remote", 0.4, "depth", 60'000).ok());
    relay.pollOnce();
    auto events = live.take();
    QCOMPARE(events.size(), size_t(2));
    QCOMPARE(events[0].topic, QStringLiteral("user:usr_1"));
    QCOMPARE(events[1].topic, QStringLiteral("listing:lst_1"));
    for (const TopicEvent& e : events) {
        QCOMPARE(e.type, QStringLiteral("job.progress"));
        QCOMPARE(e.data.value("status").toString(), QStringLiteral("running"));
        QCOMPARE(e.data.value("progress").toDouble(), 0.4);
        QCOMPARE(e.data.value("stage").toString(), QStringLiteral("depth"));
    }
    QCOMPARE(listingsChanged, QStringList{"lst_1"});

    relay.pollOnce();
    QCOMPARE(live.count(), 0);

    // Progress without a status change: the job moves, the listing does not.
    QVERIFY(workerProcess.queue.heartbeat(id, "remote", 0.6, "texture", 60'000).ok());
    relay.pollOnce();
    QCOMPARE(live.take().size(), size_t(2));
    QCOMPARE(listingsChanged.size(), 1);

    QVERIFY(workerProcess.queue.complete(id, "remote", {}).ok());
    relay.pollOnce();
    events = live.take();
    QCOMPARE(events.size(), size_t(2));
    QCOMPARE(events[0].data.value("status").toString(), QStringLiteral("done"));
    QCOMPARE(listingsChanged.size(), 2);
}

void JobEventRelayTest::runsOnItsOwnThread() {
    QTemporaryDir dir;
    const QString path = dir.filePath("bitmarket.db");
    Process server(path);
    Process workerProcess(path);
    Recorder live(server.bus);
    ListingWatcher watcher;
    JobHandlers handlers;
    handlers.add(watcher);
    JobEventRelay::Options options;
    options.pollIntervalMs = 50;
    JobEventRelay relay(*server.db, server.bus, server.queue, handlers, options);
    relay.start();

    workerProcess.queue.enqueue(modelJob("lst_1")).value();
    QTRY_COMPARE_WITH_TIMEOUT(live.count(), 2, 3000);
    relay.stop();
    workerProcess.queue.enqueue(modelJob("lst_2")).value();
    QTest::qWait(200);
    QCOMPARE(live.count(), 2);
}

QTEST_GUILESS_MAIN(JobEventRelayTest)
#include "JobEventRelayTest.moc"
