#include "models/ModelJobRunner.h"

#include "market/ListingTable.h"
#include "market/PhotoTable.h"
#include "media/CameraExif.h"
#include "reconstruct/EngineProtocol.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSysInfo>
#include <QTemporaryDir>
#include <algorithm>
#include <cerrno>
#include <ctime>
#include <signal.h>
#include <sys/prctl.h>
#include <unistd.h>

namespace bitmarket::server::models {

Q_LOGGING_CATEGORY(lcModelJob, "bitmarket.jobs.model")

namespace {

namespace protocol = bitmarket::reconstruct::protocol;

QString fromProtocol(std::string_view name) {
    return QLatin1String(name.data(), qsizetype(name.size()));
}

// Each stage the engine reports has its step in the protocol, which gives a
// bar that only moves forward and ends near full.
class EngineProgress {
public:
    // Reads one stdout line; false for lines that are not progress reports.
    bool read(const QByteArray& line) {
        const QByteArray trimmed = line.trimmed();
        const auto progress =
            protocol::parseProgressLine(std::string_view(trimmed.constData(), trimmed.size()));
        if (!progress)
            return false;
        m_stage = fromProtocol(protocol::stageName(progress->stage));
        m_overall = std::max(
            m_overall,
            std::min(protocol::overallProgress(progress->stage, progress->fraction), 0.99));
        return true;
    }
    double overall() const { return m_overall; }
    QString stage() const { return m_stage.isEmpty() ? QStringLiteral("starting") : m_stage; }

private:
    QString m_stage;
    double m_overall = 0;
};

// The engine runs COLMAP as its own child processes; stopping only the engine
// would leave those computing for minutes. The engine leads its own process
// group, so the whole group goes.
void stopEngine(QProcess& engine) {
    if (engine.processId() > 0)
        ::kill(-static_cast<pid_t>(engine.processId()), SIGKILL);
    engine.kill();
    engine.waitForFinished(10'000);
}

// Runs in the engine's process before exec. The COLMAP steps the engine starts
// share its process group but not its parent-death signal: a worker killed
// outright (SIGKILL, out of memory) would take the engine along and leave
// COLMAP computing for minutes, next to the retry of the same job. A small
// watchdog in the group notices the engine is gone and ends the whole group.
// Only async-signal-safe calls: this runs between fork and exec.
void watchEngineGroup() {
    const pid_t engine = ::getpid();
    if (::getpgrp() != engine)
        return; // not a group of its own: nothing the watchdog could safely end
    const pid_t watchdog = ::fork();
    if (watchdog != 0)
        return;                              // the engine (or fork failed: run without a watchdog)
    ::close_range(0, ~0U, 0);                // hold none of the worker's pipes open
    ::prctl(PR_SET_NAME, "engine-watchdog"); // not another "bitmarket-server" in top
    const timespec pause{0, 200'000'000};
    while (::getppid() == engine)
        ::nanosleep(&pause, nullptr);
    ::kill(-engine, SIGKILL); // the group, this watchdog included
    ::_exit(0);
}

// Served photos carry no EXIF; the engine gets its focal length back so
// structure from motion starts from the real camera instead of a guess.
bool copyForEngine(const media::MediaStore& store, const QString& hash, const QString& source,
                   const QString& target) {
    QFile camera(store.filePath(hash, media::MediaStore::kCamera, QStringLiteral("json")));
    const int focal =
        camera.open(QIODevice::ReadOnly)
            ? QJsonDocument::fromJson(camera.readAll()).object().value("focalLength35mm").toInt()
            : 0;
    if (focal <= 0)
        return QFile::copy(source, target);
    QFile photo(source);
    if (!photo.open(QIODevice::ReadOnly))
        return false;
    QFile copy(target);
    const QByteArray bytes = media::CameraExif::withFocalLength35mm(photo.readAll(), focal);
    return copy.open(QIODevice::WriteOnly) && copy.write(bytes) == bytes.size();
}

// Scratch folders carry the host and process that made them, so a later run
// can tell one left by a killed worker (SIGKILL, power cut) from one a live
// worker on this machine is using.
QString scratchPrefix() {
    static const QString prefix = [] {
        QString host = QSysInfo::machineHostName();
        for (QChar& c : host)
            if (!c.isLetterOrNumber())
                c = u'_';
        return QStringLiteral("bitmarket-model-%1-")
            .arg(host.isEmpty() ? QStringLiteral("host") : host);
    }();
    return prefix;
}

void removeAbandonedScratch(const QString& parent) {
    const QString prefix = scratchPrefix();
    const QFileInfoList folders =
        QDir(parent).entryInfoList({prefix + u'*'}, QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QFileInfo& folder : folders) {
        const QStringList rest = folder.fileName().mid(prefix.size()).split(u'-');
        bool ok = false;
        const qint64 pid = rest.size() == 2 ? rest.front().toLongLong(&ok) : 0;
        if (!ok || pid <= 0 || ::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH)
            continue;
        qCInfo(lcModelJob) << "removing the scratch folder of a stopped worker"
                           << folder.filePath();
        QDir(folder.filePath()).removeRecursively();
    }
}

Result<QByteArray> readOutput(const QString& path, const QString& what) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || file.size() == 0)
        return ApiError::internal(QStringLiteral("The 3D engine produced no %1.").arg(what));
    return file.readAll();
}

} // namespace

ModelJobRunner::ModelJobRunner(db::Database& db, media::MediaStore& store)
    : ModelJobRunner(db, store, Options{}) {
}

ModelJobRunner::ModelJobRunner(db::Database& db, media::MediaStore& store, Options options)
    : m_db(db), m_store(store), m_options(std::move(options)) {
}

QString ModelJobRunner::enginePath() const {
    if (!m_options.enginePath.isEmpty())
        return m_options.enginePath;
    return QCoreApplication::applicationDirPath() + u'/' + fromProtocol(protocol::kProgram);
}

Result<ModelInfo> ModelJobRunner::run(const jobs::JobRecord& job, const Progress& progress) {
    const QString listingId = job.job.listingId;
    auto hashes = m_db.read([&](db::Connection& c) -> Result<QStringList> {
        if (!ListingTable::sellerOf(c, listingId))
            return ApiError::notFound(QStringLiteral("The listing no longer exists."));
        return PhotoTable::hashesOf(c, listingId);
    });
    if (!hashes)
        return hashes.error();

    const QString scratchParent =
        m_options.workDir.isEmpty() ? QDir::tempPath() : m_options.workDir;
    QDir().mkpath(scratchParent);
    removeAbandonedScratch(scratchParent);
    QTemporaryDir scratch(QStringLiteral("%1/%2%3-XXXXXX")
                              .arg(scratchParent, scratchPrefix())
                              .arg(QCoreApplication::applicationPid()));
    if (!scratch.isValid())
        return ApiError::internal(QStringLiteral("Cannot create a scratch folder for the model."));
    const QString images = scratch.filePath(QStringLiteral("images"));
    QDir().mkpath(images);
    int copied = 0;
    for (const QString& hash : *hashes) {
        const QString source = m_store.filePath(hash);
        const QString target =
            QStringLiteral("%1/photo_%2.jpg").arg(images).arg(copied + 1, 3, 10, QChar(u'0'));
        if (source.isEmpty() || !copyForEngine(m_store, hash, source, target)) {
            qCWarning(lcModelJob) << "photo file missing for listing" << listingId << hash;
            continue;
        }
        ++copied;
    }
    if (copied == 0)
        return ApiError::validation(
            QStringLiteral("The listing has no photos to build a model from."));

    const QString modelPath = scratch.filePath(QStringLiteral("model.glb"));
    const QString reportPath = scratch.filePath(QStringLiteral("report.json"));
    const QString previewPath = scratch.filePath(QStringLiteral("preview.png"));
    // The engine's own scratch (COLMAP database, depth maps) stays inside ours
    // instead of the system temp folder: on the data disk, and gone with it.
    const QString engineWork = scratch.filePath(QStringLiteral("engine"));
    namespace flag = protocol::flag;
    QStringList arguments{fromProtocol(flag::kImages),  images,
                          fromProtocol(flag::kOut),     modelPath,
                          fromProtocol(flag::kReport),  reportPath,
                          fromProtocol(flag::kPreview), previewPath,
                          fromProtocol(flag::kQuality), m_options.quality,
                          fromProtocol(flag::kWork),    engineWork};
    if (m_options.threads > 0)
        arguments << fromProtocol(flag::kThreads) << QString::number(m_options.threads);

    QProcess engine;
    engine.setWorkingDirectory(scratch.path());
    // The engine's OpenMP parts (meshing) spin while they wait for each other by
    // default. Next to HTTP threads, other workers and COLMAP on a small machine
    // the spinning threads starve the ones doing the work: the meshing stage
    // measured 170 s instead of 12 s on a busy 2-core box. OpenMP reads this
    // when it loads, before the engine's main(), so it is set here.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    if (!environment.contains(QStringLiteral("OMP_WAIT_POLICY")))
        environment.insert(QStringLiteral("OMP_WAIT_POLICY"), QStringLiteral("PASSIVE"));
    engine.setProcessEnvironment(environment);
    const pid_t worker = ::getpid();
    engine.setChildProcessModifier([worker] {
        ::setpgid(0, 0);
        // A worker killed outright takes its engine with it instead of
        // leaving it to compete with the retry.
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::getppid() != worker)
            ::_exit(127); // the worker died before the line above took effect
        watchEngineGroup();
    });
    engine.start(enginePath(), arguments, QIODevice::ReadOnly);
    if (!engine.waitForStarted(30'000)) {
        qCWarning(lcModelJob) << "cannot start" << enginePath() << engine.errorString();
        return ApiError::internal(QStringLiteral("The 3D engine could not be started."));
    }

    EngineProgress engineProgress;
    QByteArray errorOutput;
    QElapsedTimer elapsed;
    elapsed.start();
    qint64 lastReport = -m_options.reportIntervalMs;
    bool stopped = false;
    while (engine.state() != QProcess::NotRunning) {
        const qint64 waitStarted = elapsed.elapsed();
        if (!engine.waitForReadyRead(std::min(200, m_options.reportIntervalMs)) &&
            elapsed.elapsed() - waitStarted < 5 && engine.state() != QProcess::NotRunning) {
            // The engine closed its stdout but still runs: wait on its exit instead.
            engine.waitForFinished(200);
        }
        bool moved = false;
        while (engine.canReadLine())
            moved = engineProgress.read(engine.readLine()) || moved;
        errorOutput = (errorOutput + engine.readAllStandardError()).right(8192);

        if (elapsed.elapsed() - lastReport >= m_options.reportIntervalMs ||
            (moved && elapsed.elapsed() - lastReport >= m_options.reportIntervalMs / 4)) {
            lastReport = elapsed.elapsed();
            if (!progress(engineProgress.overall(), engineProgress.stage())) {
                stopped = true;
                break;
            }
        }
        if (elapsed.elapsed() > m_options.timeoutMs) {
            stopEngine(engine);
            return ApiError::internal(
                QStringLiteral("Making the model took too long (over %1 minutes).")
                    .arg(m_options.timeoutMs / 60'000));
        }
    }
    if (stopped) {
        stopEngine(engine);
        return ApiError::conflict(QStringLiteral("Stopped before the model was finished."));
    }
    while (engine.canReadLine())
        engineProgress.read(engine.readLine());
    errorOutput = (errorOutput + engine.readAllStandardError()).right(8192);

    if (engine.exitStatus() == QProcess::CrashExit) {
        qCWarning(lcModelJob) << "engine crashed for job" << job.job.id << errorOutput;
        return ApiError::internal(QStringLiteral("The 3D engine stopped unexpectedly."));
    }
    if (engine.exitCode() != int(protocol::ExitCode::ModelWritten)) {
        // The engine's own words name files and folders of this server: they go to the
        // log, and the job (which anyone may read) gets a plain reason.
        qCWarning(lcModelJob) << "engine exit code" << engine.exitCode() << "for job" << job.job.id
                              << errorOutput;
        if (engine.exitCode() == int(protocol::ExitCode::NoModel))
            return ApiError::internal(
                QStringLiteral("The 3D engine could not build a model from these photos."));
        return ApiError::internal(
            QStringLiteral("The 3D engine failed (exit code %1).").arg(engine.exitCode()));
    }

    QByteArray glb, preview;
    {
        auto read = readOutput(modelPath, QStringLiteral("model"));
        if (!read)
            return read.error();
        glb = std::move(*read);
    }
    if (!glb.startsWith("glTF"))
        return ApiError::internal(QStringLiteral("The 3D engine wrote a file that is not a GLB."));
    {
        auto read = readOutput(previewPath, QStringLiteral("preview"));
        if (!read)
            return read.error();
        preview = std::move(*read);
    }
    QFile reportFile(reportPath);
    const QJsonObject report = reportFile.open(QIODevice::ReadOnly)
                                   ? QJsonDocument::fromJson(reportFile.readAll()).object()
                                   : QJsonObject();

    auto storedModel = m_store.storeFile(glb, QStringLiteral("glb"));
    if (!storedModel)
        return storedModel.error();
    auto storedPreview = m_store.storeFile(preview, QStringLiteral("png"));
    if (!storedPreview)
        return storedPreview.error();

    ModelInfo model;
    model.status = QStringLiteral("done");
    model.url = storedModel->urlPath;
    model.previewUrl = storedPreview->urlPath;
    model.quality = report.value(fromProtocol(protocol::report::kQuality))
                        .toString(fromProtocol(protocol::quality::kFull));
    model.triangles = report.value(fromProtocol(protocol::report::kTriangles)).toInteger();
    model.jobId = job.job.id;
    return model;
}

} // namespace bitmarket::server::models
