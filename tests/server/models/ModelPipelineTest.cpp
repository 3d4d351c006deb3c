// The photo → 3D pipeline end to end, as a seller and a buyer notice it: the
// real bitmarket-server, its job queue and workers, and the real
// bitmarket-reconstruct engine on a few small photos. A WebSocket client
// watches `listing:{id}` the way the desktop app's listing page does.
//
// Every wait is bounded: a pipeline that hangs fails the test instead of
// hanging it. The engine runs at draft quality on 320 px photos so the suite
// stays within a few minutes on a loaded 2-core machine.
#include "RealtimeTestClient.h"
#include "support/HttpTestClient.h"
#include "support/ServerProcess.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QImage>
#include <QImageReader>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <memory>
#include <signal.h>

using namespace bitmarket::test;

namespace {

// Generous bounds for one model on a loaded machine; the suite normally
// finishes far sooner.
constexpr int kModelTimeoutMs = 150'000;
// Short enough that a killed server's job is picked up again quickly, long
// enough that a live worker heartbeating once a second never loses it.
constexpr int kLeaseMs = 4000;

const QStringList kServerArgs{QStringLiteral("--model-quality"), QStringLiteral("draft"),
                              QStringLiteral("--job-lease-ms"), QString::number(kLeaseMs)};

QString describe(const HttpResponse& r) {
    return QStringLiteral("HTTP %1: %2").arg(r.status).arg(QString::fromUtf8(r.body.left(400)));
}

// A monstree photo upright (EXIF orientation applied) and at most `maxSide`
// pixels long, as a JPEG without metadata.
QByteArray smallJpeg(const QString& path, int maxSide) {
    QImageReader reader(path);
    reader.setAutoTransform(true);
    const QSize stored = reader.size();
    if (stored.isValid())
        reader.setScaledSize(stored.scaled(maxSide, maxSide, Qt::KeepAspectRatio));
    QImage image = reader.read();
    if (image.isNull())
        return {};
    if (std::max(image.width(), image.height()) > maxSide)
        image = image.scaled(maxSide, maxSide, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPEG", 90);
    return bytes;
}

// Photos with nothing in common and no subject: coarse random blocks, every
// photo different, so structure from motion cannot match them.
QByteArray noisePhoto(quint32 seed) {
    QRandomGenerator random(seed);
    QImage image(320, 240, QImage::Format_RGB32);
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const quint32 cell = (x / 8) * 131 + (y / 8) * 71 + seed * 977;
            QRandomGenerator cellRandom(cell);
            const int base = cellRandom.bounded(256);
            const int grain = random.bounded(24);
            const int v = std::clamp(base + grain - 12, 0, 255);
            image.setPixel(x, y, qRgb(v, (v * 7) % 256, 255 - v));
        }
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPEG", 85);
    return bytes;
}

// Processes whose command line mentions `path` ("pid: command ..."): an engine
// or a COLMAP step still working in a data dir.
QStringList processesUsing(const QString& path) {
    QStringList found;
    const QStringList pids = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString& pid : pids) {
        bool numeric = false;
        if (pid.toLongLong(&numeric) == QCoreApplication::applicationPid() || !numeric)
            continue;
        QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
        if (!cmdline.open(QIODevice::ReadOnly))
            continue;
        QByteArray text = cmdline.readAll();
        text.replace('\0', ' ');
        if (text.contains(path.toUtf8()))
            found << pid + QStringLiteral(": ") + QString::fromUtf8(text.left(200));
    }
    return found;
}

bool processIsGone(qint64 pid) {
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return true;
    return stat.readAll().contains(") Z "); // a zombie is gone, just not yet reaped
}

struct Seller {
    QString id;
    QString token;
};

// One observed job.progress event.
struct ProgressEvent {
    QString status;
    double progress = 0;
    QString stage;
    int attempts = 0;
};

} // namespace

class ModelPipelineTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void sellerGetsLiveProgressAndAServedModel();
    void modelRequestsAreChecked();
    void jobSurvivesServerKilledMidRun();
    void separateWorkerProcessMakesTheModel();
    void photosWithoutASubjectEndWithoutHanging();
    void jobWhosePhotosWereRemovedFailsWithAReason();
    void killedWorkerLeavesNoEngineProcessesBehind();

private:
    Seller registerSeller(HttpTestClient& http, const QString& username);
    // A new listing of `seller` with these photos uploaded; empty on failure.
    QString listingWithPhotos(HttpTestClient& http, const Seller& seller,
                              const QList<QByteArray>& photos);
    // Subscribes a fresh WebSocket client to listing:{id}.
    std::unique_ptr<RealtimeTestClient> watch(const QUrl& wsUrl, const Seller& seller,
                                              const QString& listingId);
    static QList<ProgressEvent> progressOf(const RealtimeTestClient& ws, const QString& listingId,
                                           const QString& jobId);
    // Waits for `listing.updated` whose model is done or failed; empty on timeout.
    static QJsonObject waitForFinishedModel(RealtimeTestClient& ws, const QString& listingId,
                                            int timeoutMs = kModelTimeoutMs);
    // Checks the model as listing JSON shows it and the files it points to.
    void verifyServedModel(HttpTestClient& http, const QString& listingId);

    std::unique_ptr<ServerProcess> m_server; // shared by the scenarios that need no crash
    QList<QByteArray> m_monstree;            // 4 small (320 px) real photos
    QList<QByteArray> m_noise;               // 3 photos nothing can be built from
    int m_userCounter = 0;
};

void ModelPipelineTest::initTestCase() {
    const QString photos = QStringLiteral(BITMARKET_DATASETS_DIR) + "/monstree/photos";
    for (const char* name : {"IMG_1025.JPG", "IMG_1027.JPG", "IMG_1028.JPG", "IMG_1029.JPG"}) {
        const QByteArray jpeg = smallJpeg(photos + "/" + QLatin1String(name), 320);
        QVERIFY2(!jpeg.isEmpty(), qPrintable("cannot read " + photos + "/" + QLatin1String(name)));
        m_monstree.append(jpeg);
    }
    for (quint32 seed : {11u, 22u, 33u})
        m_noise.append(noisePhoto(seed));

    const QString engine = QStringLiteral(BITMARKET_BIN_DIR) + "/bitmarket-reconstruct";
    QVERIFY2(QFile::exists(engine), qPrintable(engine + " is not built"));

    m_server = std::make_unique<ServerProcess>();
    QVERIFY(m_server->start(kServerArgs));
}

void ModelPipelineTest::cleanupTestCase() {
    if (m_server)
        m_server->stop();
}

Seller ModelPipelineTest::registerSeller(HttpTestClient& http, const QString& username) {
    const QString name = QStringLiteral("%1%2").arg(username).arg(++m_userCounter);
    const HttpResponse r =
        http.post("/api/v1/auth/register", QJsonObject{{"username", name},
                                                       {"email", name + "@test.local"},
                                                       {"password", "correct horse battery"},
                                                       {"displayName", name}});
    if (r.status != 201) {
        qWarning("register %s: %s", qPrintable(name), qPrintable(describe(r)));
        return {};
    }
    return Seller{r.json().value("user").toObject().value("id").toString(),
                  r.json().value("accessToken").toString()};
}

QString ModelPipelineTest::listingWithPhotos(HttpTestClient& http, const Seller& seller,
                                             const QList<QByteArray>& photos) {
    http.setAccessToken(seller.token);
    const HttpResponse created =
        http.post("/api/v1/listings",
                  QJsonObject{{"title", "Monstera in a pot"},
                              {"description", "Walk-around photos for a 3D model."},
                              {"categoryId", "phones"},
                              {"price", QJsonObject{{"amount", 25000}, {"currency", "KRW"}}},
                              {"condition", "good"},
                              {"tags", QJsonArray{"plant"}},
                              {"region", "Seoul"},
                              {"saleType", "fixed"}});
    if (created.status != 201) {
        qWarning("create listing: %s", qPrintable(describe(created)));
        return {};
    }
    const QString id = created.json().value("id").toString();
    if (photos.isEmpty())
        return id;
    QList<UploadFile> files;
    for (int i = 0; i < photos.size(); ++i)
        files.append(UploadFile{QStringLiteral("photo%1.jpg").arg(i), photos[i], "image/jpeg"});
    const HttpResponse uploaded = http.upload("/api/v1/listings/" + id + "/photos", files);
    if (uploaded.status != 201 ||
        uploaded.json().value("items").toArray().size() != photos.size()) {
        qWarning("upload photos: %s", qPrintable(describe(uploaded)));
        return {};
    }
    return id;
}

std::unique_ptr<RealtimeTestClient>
ModelPipelineTest::watch(const QUrl& wsUrl, const Seller& seller, const QString& listingId) {
    auto ws = std::make_unique<RealtimeTestClient>();
    ws->open(wsUrl, "Bearer " + seller.token.toUtf8());
    if (!ws->waitForConnected())
        return nullptr;
    const QJsonObject reply = ws->subscribe({"listing:" + listingId});
    if (reply.isEmpty() || reply.value("type").toString() == u"error") {
        qWarning("subscribe: %s", QJsonDocument(reply).toJson().constData());
        return nullptr;
    }
    return ws;
}

QList<ProgressEvent> ModelPipelineTest::progressOf(const RealtimeTestClient& ws,
                                                   const QString& listingId, const QString& jobId) {
    QList<ProgressEvent> events;
    for (const QJsonObject& e : ws.eventsOn("listing:" + listingId)) {
        const QJsonObject data = e.value("data").toObject();
        if (e.value("type").toString() != u"job.progress" || data.value("jobId") != jobId)
            continue;
        events.append(
            ProgressEvent{data.value("status").toString(), data.value("progress").toDouble(),
                          data.value("stage").toString(), data.value("attempts").toInt()});
    }
    return events;
}

QJsonObject ModelPipelineTest::waitForFinishedModel(RealtimeTestClient& ws,
                                                    const QString& listingId, int timeoutMs) {
    const QString topic = "listing:" + listingId;
    return ws.waitForFrame(
        [&](const QJsonObject& frame) {
            if (frame.value("type").toString() != u"listing.updated" ||
                frame.value("topic") != topic)
                return false;
            const QString status =
                frame.value("data").toObject().value("model").toObject().value("status").toString();
            return status == u"done" || status == u"failed";
        },
        timeoutMs);
}

void ModelPipelineTest::verifyServedModel(HttpTestClient& http, const QString& listingId) {
    const HttpResponse listing = http.get("/api/v1/listings/" + listingId);
    QVERIFY2(listing.status == 200, qPrintable(describe(listing)));
    const QJsonObject model = listing.json().value("model").toObject();
    QCOMPARE(model.value("status").toString(), QStringLiteral("done"));
    const QString quality = model.value("quality").toString();
    QVERIFY2(quality == u"full" || quality == u"approximate", qPrintable(quality));
    QVERIFY2(model.value("triangles").toInteger() > 0, qPrintable(describe(listing)));
    const QString url = model.value("url").toString();
    const QString previewUrl = model.value("previewUrl").toString();
    QVERIFY2(url.startsWith("/media/") || url.startsWith("http"), qPrintable(url));
    QVERIFY2(!previewUrl.isEmpty(), qPrintable(describe(listing)));

    HttpTestClient anonymous(http.url("/"));
    const HttpResponse glb = anonymous.get(url);
    QVERIFY2(glb.status == 200, qPrintable(url + ": " + describe(glb)));
    QVERIFY2(glb.body.startsWith("glTF"), "the model is not a GLB");
    QCOMPARE(glb.header("Content-Type"), QByteArray("model/gltf-binary"));
    QVERIFY2(glb.header("Cache-Control").contains("max-age"), glb.header("Cache-Control"));
    QVERIFY(!glb.header("ETag").isEmpty());
    const HttpResponse preview = anonymous.get(previewUrl);
    QVERIFY2(preview.status == 200, qPrintable(previewUrl + ": " + describe(preview)));
    QVERIFY2(preview.body.startsWith("\x89PNG"), "the preview is not a PNG");
    QVERIFY(!QImage::fromData(preview.body).isNull());
}

// Scenario 1: what the seller sees from "make a 3D model" to a model buyers can open.
void ModelPipelineTest::sellerGetsLiveProgressAndAServedModel() {
    QElapsedTimer timer;
    timer.start();
    HttpTestClient http(m_server->httpUrl());
    const Seller seller = registerSeller(http, "seller");
    QVERIFY(!seller.id.isEmpty());
    const QString listingId = listingWithPhotos(http, seller, m_monstree);
    QVERIFY(!listingId.isEmpty());
    auto ws = watch(m_server->wsUrl(), seller, listingId);
    QVERIFY(ws);

    http.setAccessToken(seller.token);
    const HttpResponse requested = http.post("/api/v1/listings/" + listingId + "/model", {});
    QVERIFY2(requested.status == 202, qPrintable(describe(requested)));
    const QJsonObject job = requested.json().value("job").toObject();
    const QString jobId = job.value("id").toString();
    QVERIFY(!jobId.isEmpty());
    QCOMPARE(job.value("kind").toString(), QStringLiteral("model"));
    QVERIFY2(job.value("status").toString() == u"queued" ||
                 job.value("status").toString() == u"running",
             qPrintable(job.value("status").toString()));

    // While it runs, asking again is harmless: the same job comes back.
    QVERIFY2(QTest::qWaitFor(
                 [&] {
                     for (const ProgressEvent& e : progressOf(*ws, listingId, jobId))
                         if (e.status == u"running")
                             return true;
                     return false;
                 },
                 60'000),
             "no running job.progress event");
    const HttpResponse again = http.post("/api/v1/listings/" + listingId + "/model", {});
    QVERIFY2(again.status == 202, qPrintable(describe(again)));
    QCOMPARE(again.json().value("job").toObject().value("id").toString(), jobId);
    const HttpResponse listingWhileRunning = http.get("/api/v1/listings/" + listingId);
    const QString runningStatus =
        listingWhileRunning.json().value("model").toObject().value("status").toString();
    QVERIFY2(runningStatus == u"running" || runningStatus == u"queued" || runningStatus == u"done",
             qPrintable(describe(listingWhileRunning)));

    const QJsonObject finished = waitForFinishedModel(*ws, listingId);
    QVERIFY2(!finished.isEmpty(), "no listing.updated with a finished model in time");
    const QJsonObject pushedModel = finished.value("data").toObject().value("model").toObject();
    QVERIFY2(pushedModel.value("status").toString() == u"done",
             qPrintable(QJsonDocument(pushedModel).toJson()));
    QVERIFY(!pushedModel.value("url").toString().isEmpty());

    // The bar only moves forward, moves more than once, and ends full.
    const QList<ProgressEvent> events = progressOf(*ws, listingId, jobId);
    QStringList trace;
    for (const ProgressEvent& e : events)
        trace << QStringLiteral("%1/%2/%3").arg(e.status, e.stage).arg(e.progress, 0, 'f', 2);
    qInfo("job.progress events: %s", qPrintable(trace.join(QStringLiteral(", "))));
    double last = -1;
    QSet<double> runningValues;
    for (const ProgressEvent& e : events) {
        if (e.status == u"queued")
            continue;
        QVERIFY2(e.progress >= last, qPrintable(trace.join(QStringLiteral(", "))));
        last = e.progress;
        if (e.status == u"running")
            runningValues.insert(e.progress);
    }
    QVERIFY2(runningValues.size() >= 2, qPrintable(trace.join(QStringLiteral(", "))));
    QVERIFY2(!events.isEmpty() && events.last().status == u"done",
             qPrintable(trace.join(QStringLiteral(", "))));
    QCOMPARE(events.last().progress, 1.0);

    const HttpResponse jobNow = http.get("/api/v1/jobs/" + jobId);
    QVERIFY2(jobNow.status == 200, qPrintable(describe(jobNow)));
    QCOMPARE(jobNow.json().value("status").toString(), QStringLiteral("done"));
    QCOMPARE(jobNow.json().value("progress").toDouble(), 1.0);

    verifyServedModel(http, listingId);
    qInfo("model made and served in %.1f s", timer.elapsed() / 1000.0);
}

// Scenario 2: who may ask for a model, of what, and who may follow the job.
void ModelPipelineTest::modelRequestsAreChecked() {
    // Workers are not needed: every answer here comes from the request itself.
    ServerProcess server;
    QVERIFY(server.start({"--workers", "0"}));
    HttpTestClient http(server.httpUrl());
    const Seller seller = registerSeller(http, "owner");
    const Seller other = registerSeller(http, "other");
    QVERIFY(!seller.id.isEmpty() && !other.id.isEmpty());
    const QString withPhotos = listingWithPhotos(http, seller, m_monstree.mid(0, 1));
    const QString withoutPhotos = listingWithPhotos(http, seller, {});
    QVERIFY(!withPhotos.isEmpty() && !withoutPhotos.isEmpty());

    HttpTestClient anonymous(server.httpUrl());
    HttpResponse r = anonymous.post("/api/v1/listings/" + withPhotos + "/model", {});
    QVERIFY2(r.status == 401, qPrintable(describe(r)));
    QCOMPARE(r.errorCode(), QStringLiteral("unauthorized"));

    HttpTestClient stranger(server.httpUrl());
    stranger.setAccessToken(other.token);
    r = stranger.post("/api/v1/listings/" + withPhotos + "/model", {});
    QVERIFY2(r.status == 403, qPrintable(describe(r)));
    QCOMPARE(r.errorCode(), QStringLiteral("forbidden"));

    HttpTestClient owner(server.httpUrl());
    owner.setAccessToken(seller.token);
    r = owner.post("/api/v1/listings/lst_doesnotexist/model", {});
    QVERIFY2(r.status == 404, qPrintable(describe(r)));
    QCOMPARE(r.errorCode(), QStringLiteral("not_found"));

    r = owner.post("/api/v1/listings/" + withoutPhotos + "/model", {});
    QVERIFY2(r.status == 400, qPrintable(describe(r)));
    QCOMPARE(r.errorCode(), QStringLiteral("validation_failed"));
    QVERIFY(!r.json().value("error").toObject().value("message").toString().isEmpty());
    // The refused request left no trace on the listing.
    const HttpResponse untouched = owner.get("/api/v1/listings/" + withoutPhotos);
    const QString untouchedStatus =
        untouched.json().value("model").toObject().value("status").toString();
    QVERIFY2(untouchedStatus.isEmpty() || untouchedStatus == u"none",
             qPrintable(describe(untouched)));

    r = owner.post("/api/v1/listings/" + withPhotos + "/model", {});
    QVERIFY2(r.status == 202, qPrintable(describe(r)));
    const QString jobId = r.json().value("job").toObject().value("id").toString();
    QCOMPARE(r.json().value("job").toObject().value("status").toString(), QStringLiteral("queued"));
    // Asking again while it waits gives the same job, not a second one.
    r = owner.post("/api/v1/listings/" + withPhotos + "/model", {});
    QVERIFY2(r.status == 202, qPrintable(describe(r)));
    QCOMPARE(r.json().value("job").toObject().value("id").toString(), jobId);
    const HttpResponse listing = owner.get("/api/v1/listings/" + withPhotos);
    QCOMPARE(listing.json().value("model").toObject().value("status").toString(),
             QStringLiteral("queued"));

    r = owner.get("/api/v1/jobs/" + jobId);
    QVERIFY2(r.status == 200, qPrintable(describe(r)));
    QCOMPARE(r.json().value("id").toString(), jobId);
    QCOMPARE(r.json().value("status").toString(), QStringLiteral("queued"));
    // Someone else's job does not exist for them, and nobody's job for the anonymous.
    r = stranger.get("/api/v1/jobs/" + jobId);
    QVERIFY2(r.status == 404, qPrintable(describe(r)));
    QCOMPARE(r.errorCode(), QStringLiteral("not_found"));
    r = anonymous.get("/api/v1/jobs/" + jobId);
    QVERIFY2(r.status == 401, qPrintable(describe(r)));
    r = owner.get("/api/v1/jobs/job_doesnotexist");
    QVERIFY2(r.status == 404, qPrintable(describe(r)));
    QCOMPARE(server.stop(), 0);
}

// Scenario 3: the server dies (SIGKILL) while the engine runs; after a restart
// on the same data the job is taken up again and the model still arrives.
void ModelPipelineTest::jobSurvivesServerKilledMidRun() {
    QElapsedTimer timer;
    timer.start();
    QTemporaryDir dataDir;
    QVERIFY(dataDir.isValid());
    auto server = std::make_unique<ServerProcess>(dataDir.path());
    QVERIFY(server->start(kServerArgs));
    HttpTestClient http(server->httpUrl());
    const Seller seller = registerSeller(http, "crash");
    QVERIFY(!seller.id.isEmpty());
    const QString listingId = listingWithPhotos(http, seller, m_monstree);
    QVERIFY(!listingId.isEmpty());
    auto ws = watch(server->wsUrl(), seller, listingId);
    QVERIFY(ws);

    http.setAccessToken(seller.token);
    const HttpResponse requested = http.post("/api/v1/listings/" + listingId + "/model", {});
    QVERIFY2(requested.status == 202, qPrintable(describe(requested)));
    const QString jobId = requested.json().value("job").toObject().value("id").toString();

    // Kill once the engine is really at work, best while COLMAP runs: the
    // engine's own child processes must not outlive the server either.
    QVERIFY2(QTest::qWaitFor(
                 [&] {
                     for (const ProgressEvent& e : progressOf(*ws, listingId, jobId))
                         if (e.status == u"running")
                             return true;
                     return false;
                 },
                 60'000),
             "the job never reported progress");
    const QString scratchDir = dataDir.filePath("work");
    const bool duringColmap = QTest::qWaitFor(
        [&] {
            for (const QString& p : processesUsing(scratchDir))
                if (p.contains(QStringLiteral("colmap ")))
                    return true;
            return false;
        },
        20'000);
    qInfo("killing the server %s", duringColmap ? "while COLMAP runs" : "(COLMAP not seen)");
    server->kill();
    const qint64 killedAt = timer.elapsed();
    ws.reset();
    // Nothing of the dead server keeps computing: not the engine, not COLMAP.
    QStringList leftovers;
    QVERIFY2(QTest::qWaitFor(
                 [&] {
                     leftovers = processesUsing(dataDir.path());
                     return leftovers.isEmpty();
                 },
                 3000),
             qPrintable("still running after the server was killed:\n" +
                        leftovers.join(QStringLiteral("\n"))));

    // A new server process on the same data: the engine of the dead one is gone
    // with it, the job's lease runs out and the restarted worker claims it.
    server = std::make_unique<ServerProcess>(dataDir.path());
    QVERIFY(server->start(kServerArgs));
    HttpTestClient again(server->httpUrl());
    again.setAccessToken(seller.token);
    const HttpResponse afterRestart = again.get("/api/v1/jobs/" + jobId);
    QVERIFY2(afterRestart.status == 200, qPrintable(describe(afterRestart)));
    QVERIFY2(afterRestart.json().value("status").toString() == u"running" ||
                 afterRestart.json().value("status").toString() == u"queued",
             qPrintable(describe(afterRestart)));
    ws = watch(server->wsUrl(), seller, listingId);
    QVERIFY(ws);

    QJsonObject job;
    QVERIFY2(QTest::qWaitFor(
                 [&] {
                     job = again.get("/api/v1/jobs/" + jobId).json();
                     return job.value("status").toString() == u"done" ||
                            job.value("status").toString() == u"failed";
                 },
                 kModelTimeoutMs),
             qPrintable("job did not finish after the restart: " + QJsonDocument(job).toJson()));
    QVERIFY2(job.value("status").toString() == u"done", qPrintable(QJsonDocument(job).toJson()));
    QVERIFY2(job.value("attempts").toInt() >= 2, qPrintable(QJsonDocument(job).toJson()));
    // Live viewers of the restarted server saw it happen.
    QVERIFY2(!waitForFinishedModel(*ws, listingId, 10'000).isEmpty(),
             "no listing.updated after the restart");
    verifyServedModel(again, listingId);
    // Only one engine's output was kept: no second job appeared for the listing.
    const HttpResponse listing = again.get("/api/v1/listings/" + listingId);
    QCOMPARE(listing.json().value("model").toObject().value("jobId").toString(), jobId);
    // The killed run's scratch folder did not stay behind on the data disk.
    const QStringList scratch =
        QDir(dataDir.filePath("work")).entryList(QDir::AllEntries | QDir::NoDotAndDotDot);
    QVERIFY2(scratch.isEmpty(), qPrintable(scratch.join(QStringLiteral(", "))));
    qInfo("killed after %.1f s, model done %.1f s after the kill", killedAt / 1000.0,
          (timer.elapsed() - killedAt) / 1000.0);
    QCOMPARE(server->stop(), 0);
}

// Scenario 4: the HTTP server runs no workers; a `bitmarket-server --worker`
// process on the same data makes the model, and its progress still reaches the
// WebSocket client through the server's relay.
void ModelPipelineTest::separateWorkerProcessMakesTheModel() {
    QTemporaryDir dataDir;
    QVERIFY(dataDir.isValid());
    ServerProcess server(dataDir.path());
    QVERIFY(server.start(QStringList{"--workers", "0"} + kServerArgs));
    HttpTestClient http(server.httpUrl());
    const Seller seller = registerSeller(http, "remote");
    QVERIFY(!seller.id.isEmpty());
    const QString listingId = listingWithPhotos(http, seller, m_monstree);
    QVERIFY(!listingId.isEmpty());
    auto ws = watch(server.wsUrl(), seller, listingId);
    QVERIFY(ws);

    http.setAccessToken(seller.token);
    const HttpResponse requested = http.post("/api/v1/listings/" + listingId + "/model", {});
    QVERIFY2(requested.status == 202, qPrintable(describe(requested)));
    const QString jobId = requested.json().value("job").toObject().value("id").toString();
    // Nobody works on it yet.
    QTest::qWait(1500);
    QCOMPARE(http.get("/api/v1/jobs/" + jobId).json().value("status").toString(),
             QStringLiteral("queued"));

    QProcess worker;
    worker.setProcessChannelMode(QProcess::MergedChannels);
    worker.start(server.binaryPath(),
                 QStringList{"--worker", "--data-dir", dataDir.path()} + kServerArgs);
    QVERIFY2(worker.waitForStarted(5000), qPrintable(worker.errorString()));

    const QJsonObject finished = waitForFinishedModel(*ws, listingId);
    const QByteArray workerLog = worker.readAll();
    QVERIFY2(!finished.isEmpty(),
             qPrintable("no finished model pushed; worker said:\n" + QString::fromUtf8(workerLog)));
    QVERIFY2(
        finished.value("data").toObject().value("model").toObject().value("status").toString() ==
            u"done",
        qPrintable(QJsonDocument(finished).toJson()));
    const QList<ProgressEvent> events = progressOf(*ws, listingId, jobId);
    // The relay samples the table, so it may skip steps, but the bar still moves.
    QStringList trace;
    QSet<double> runningValues;
    for (const ProgressEvent& e : events) {
        trace << QStringLiteral("%1/%2/%3").arg(e.status, e.stage).arg(e.progress, 0, 'f', 2);
        if (e.status == u"running")
            runningValues.insert(e.progress);
    }
    qInfo("relayed job.progress events: %s", qPrintable(trace.join(QStringLiteral(", "))));
    QVERIFY2(runningValues.size() >= 2, qPrintable(trace.join(QStringLiteral(", "))));
    QVERIFY(!events.isEmpty() && events.last().status == u"done");

    // A worker stops cleanly on SIGTERM.
    worker.terminate();
    QVERIFY(worker.waitForFinished(15'000));
    QCOMPARE(worker.exitStatus(), QProcess::NormalExit);
    QCOMPARE(worker.exitCode(), 0);
    verifyServedModel(http, listingId);
}

// Scenario 5: photos with nothing to reconstruct. The listing ends with an
// approximate model or a failure that says why, in bounded time.
void ModelPipelineTest::photosWithoutASubjectEndWithoutHanging() {
    QElapsedTimer timer;
    timer.start();
    HttpTestClient http(m_server->httpUrl());
    const Seller seller = registerSeller(http, "noise");
    QVERIFY(!seller.id.isEmpty());
    const QString listingId = listingWithPhotos(http, seller, m_noise);
    QVERIFY(!listingId.isEmpty());
    auto ws = watch(m_server->wsUrl(), seller, listingId);
    QVERIFY(ws);

    http.setAccessToken(seller.token);
    const HttpResponse requested = http.post("/api/v1/listings/" + listingId + "/model", {});
    QVERIFY2(requested.status == 202, qPrintable(describe(requested)));
    const QString jobId = requested.json().value("job").toObject().value("id").toString();

    const QJsonObject finished = waitForFinishedModel(*ws, listingId);
    QVERIFY2(!finished.isEmpty(), "the job neither finished nor failed in time");
    const QJsonObject model = finished.value("data").toObject().value("model").toObject();
    const HttpResponse job = http.get("/api/v1/jobs/" + jobId);
    qInfo("noise photos ended as %s (%s) in %.1f s: %s",
          qPrintable(model.value("status").toString()),
          qPrintable(model.value("quality").toString()), timer.elapsed() / 1000.0,
          job.body.constData());
    if (model.value("status").toString() == u"done") {
        QCOMPARE(job.json().value("status").toString(), QStringLiteral("done"));
        verifyServedModel(http, listingId);
    } else {
        QCOMPARE(job.json().value("status").toString(), QStringLiteral("failed"));
        QVERIFY2(!job.json().value("error").toString().isEmpty(), job.body.constData());
        QVERIFY2(!model.value("error").toString().isEmpty(),
                 qPrintable(QJsonDocument(model).toJson()));
        const HttpResponse listing = http.get("/api/v1/listings/" + listingId);
        QCOMPARE(listing.json().value("model").toObject().value("status").toString(),
                 QStringLiteral("failed"));
    }
}

// The failure a seller can cause: the photos are deleted while the job waits
// for a worker. The job fails at once with a reason (no retries that cannot
// help), and the listing page hears about it.
void ModelPipelineTest::jobWhosePhotosWereRemovedFailsWithAReason() {
    ServerProcess server;
    QVERIFY(server.start(QStringList{"--workers", "0"} + kServerArgs));
    HttpTestClient http(server.httpUrl());
    const Seller seller = registerSeller(http, "regret");
    QVERIFY(!seller.id.isEmpty());
    const QString listingId = listingWithPhotos(http, seller, m_monstree.mid(0, 1));
    QVERIFY(!listingId.isEmpty());
    auto ws = watch(server.wsUrl(), seller, listingId);
    QVERIFY(ws);

    http.setAccessToken(seller.token);
    const HttpResponse requested = http.post("/api/v1/listings/" + listingId + "/model", {});
    QVERIFY2(requested.status == 202, qPrintable(describe(requested)));
    const QString jobId = requested.json().value("job").toObject().value("id").toString();
    const QJsonArray photos =
        http.get("/api/v1/listings/" + listingId).json().value("photos").toArray();
    QCOMPARE(photos.size(), 1);
    const HttpResponse removed = http.del("/api/v1/listings/" + listingId + "/photos/" +
                                          photos.first().toObject().value("id").toString());
    QVERIFY2(removed.status == 204 || removed.status == 200, qPrintable(describe(removed)));

    QProcess worker;
    worker.setProcessChannelMode(QProcess::MergedChannels);
    worker.start(server.binaryPath(),
                 QStringList{"--worker", "--data-dir", server.dataDir()} + kServerArgs);
    QVERIFY2(worker.waitForStarted(5000), qPrintable(worker.errorString()));
    const QJsonObject finished = waitForFinishedModel(*ws, listingId, 30'000);
    QVERIFY2(!finished.isEmpty(), qPrintable("no finished model pushed; worker said:\n" +
                                             QString::fromUtf8(worker.readAll())));
    const QJsonObject model = finished.value("data").toObject().value("model").toObject();
    QCOMPARE(model.value("status").toString(), QStringLiteral("failed"));
    QVERIFY2(!model.value("error").toString().isEmpty(), qPrintable(QJsonDocument(model).toJson()));

    const HttpResponse job = http.get("/api/v1/jobs/" + jobId);
    QCOMPARE(job.json().value("status").toString(), QStringLiteral("failed"));
    QCOMPARE(job.json().value("attempts").toInt(), 1);
    QVERIFY2(!job.json().value("error").toString().isEmpty(), job.body.constData());
    const QList<ProgressEvent> events = progressOf(*ws, listingId, jobId);
    QVERIFY(!events.isEmpty() && events.last().status == u"failed");
    worker.terminate();
    QVERIFY(worker.waitForFinished(15'000));
}

// The real engine runs COLMAP as child processes of its own. A worker killed
// outright must take those along too, not only the engine: otherwise they keep
// computing next to the retry. Small photos make COLMAP's steps too short to
// catch reliably, so a stand-in engine whose child waits forever takes the real
// one's place next to a copy of the server binary.
void ModelPipelineTest::killedWorkerLeavesNoEngineProcessesBehind() {
    ServerProcess server;
    QVERIFY(server.start(QStringList{"--workers", "0"} + kServerArgs));
    HttpTestClient http(server.httpUrl());
    const Seller seller = registerSeller(http, "orphan");
    QVERIFY(!seller.id.isEmpty());
    const QString listingId = listingWithPhotos(http, seller, m_monstree.mid(0, 1));
    QVERIFY(!listingId.isEmpty());
    http.setAccessToken(seller.token);
    QCOMPARE(http.post("/api/v1/listings/" + listingId + "/model", {}).status, 202);

    QTemporaryDir bin;
    QVERIFY(bin.isValid());
    const QString workerBinary = bin.filePath("bitmarket-server");
    QVERIFY(QFile::copy(server.binaryPath(), workerBinary));
    QFile engine(bin.filePath("bitmarket-reconstruct"));
    QVERIFY(engine.open(QIODevice::WriteOnly));
    engine.write("#!/bin/sh\n"
                 "sleep 300 &\n"
                 "echo $! > \"$FAKE_ENGINE_CHILD_PID\"\n"
                 "echo 'progress sfm 0.1'\n"
                 "wait\n");
    engine.close();
    const auto executable = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner;
    QVERIFY(engine.setPermissions(executable));
    QVERIFY(QFile::setPermissions(workerBinary, executable));

    const QString pidFile = bin.filePath("engine-child.pid");
    QProcess worker;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert("FAKE_ENGINE_CHILD_PID", pidFile);
    worker.setProcessEnvironment(environment);
    worker.setProcessChannelMode(QProcess::MergedChannels);
    worker.start(workerBinary,
                 QStringList{"--worker", "--data-dir", server.dataDir()} + kServerArgs);
    QVERIFY2(worker.waitForStarted(5000), qPrintable(worker.errorString()));
    qint64 child = 0;
    QVERIFY2(QTest::qWaitFor(
                 [&] {
                     QFile f(pidFile);
                     child = f.open(QIODevice::ReadOnly) ? f.readAll().trimmed().toLongLong() : 0;
                     return child > 0;
                 },
                 20'000),
             qPrintable("the stand-in engine never started; worker said:\n" +
                        QString::fromUtf8(worker.readAll())));
    QVERIFY(!processIsGone(child));

    worker.kill();
    QVERIFY(worker.waitForFinished(5000));
    const bool gone = QTest::qWaitFor([&] { return processIsGone(child); }, 3000);
    if (!gone)
        ::kill(static_cast<pid_t>(child), SIGKILL); // not left behind by the test either
    QVERIFY2(
        gone,
        qPrintable(QStringLiteral("the engine's child %1 outlived the killed worker").arg(child)));
}

QTEST_GUILESS_MAIN(ModelPipelineTest)
#include "ModelPipelineTest.moc"
