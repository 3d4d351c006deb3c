#include "jobs/Worker.h"

#include "jobs/ListingModelState.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QSysInfo>

namespace bitmarket::server::jobs {

Q_LOGGING_CATEGORY(lcWorker, "bitmarket.jobs.worker")

namespace {

const QString kModelKind = QStringLiteral("model");

QString defaultWorkerId() {
    return QStringLiteral("%1/%2/%3")
        .arg(QSysInfo::machineHostName())
        .arg(QCoreApplication::applicationPid())
        .arg(QRandomGenerator::system()->generate() & 0xffff, 4, 16, QChar(u'0'));
}

// Retrying cannot fix a listing without photos or one that is gone.
JobQueue::Retry retryFor(const ApiError& error) {
    return error.code == ErrorCode::ValidationFailed || error.code == ErrorCode::NotFound
               ? JobQueue::Retry::Never
               : JobQueue::Retry::Allowed;
}

} // namespace

Worker::Worker(db::Database& db, JobQueue& queue, ModelJobRunner& models)
    : Worker(db, queue, models, Options{}) {
}

Worker::Worker(db::Database& db, JobQueue& queue, ModelJobRunner& models, Options options)
    : m_db(db), m_queue(queue), m_models(models), m_options(std::move(options)) {
    if (m_options.workerId.isEmpty())
        m_options.workerId = defaultWorkerId();
}

void Worker::run() {
    qCInfo(lcWorker) << "worker" << m_options.workerId << "started";
    while (!m_stopping) {
        if (processNext())
            continue;
        std::unique_lock lock(m_mutex);
        m_wake.wait_for(lock, std::chrono::milliseconds(m_options.idlePollMs),
                        [this] { return m_stopping.load(); });
    }
    qCInfo(lcWorker) << "worker" << m_options.workerId << "stopped";
}

void Worker::stop() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
}

bool Worker::processNext() {
    if (m_stopping)
        return false;
    auto claimed = m_queue.claim(m_options.workerId, m_options.leaseMs);
    if (!claimed) {
        qCWarning(lcWorker) << "cannot claim a job:" << claimed.error().message;
        return false;
    }
    if (!*claimed)
        return false;
    const JobRecord job = std::move(**claimed);
    const QString& listingId = job.job.listingId;
    qCInfo(lcWorker) << "claimed job" << job.job.id << job.job.kind << "attempt"
                     << job.job.attempts;

    if (job.job.kind != kModelKind) {
        finish(job, ApiError::validation(
                        QStringLiteral("This server cannot run \"%1\" jobs.").arg(job.job.kind)));
        return true;
    }
    // Claims count attempts, so a job whose engine keeps killing its worker
    // (out of memory, say) ends here instead of looping forever.
    if (job.job.attempts > job.maxAttempts) {
        finish(job, ApiError::validation(
                        QStringLiteral("Making the model stopped unexpectedly %1 times.")
                            .arg(job.maxAttempts)));
        return true;
    }

    if (!listingId.isEmpty()) {
        auto marked = m_db.write([&](db::Connection& c) -> Result<void> {
            ListingModelState::markRunning(c, listingId, job.job.id);
            return {};
        });
        if (marked)
            announce(listingId);
    }

    bool leaseLost = false;
    const auto outcome = m_models.run(job, [&](double progress, const QString& stage) {
        if (m_stopping)
            return false;
        auto beat =
            m_queue.heartbeat(job.job.id, m_options.workerId, progress, stage, m_options.leaseMs);
        if (!beat && (beat.error().code == ErrorCode::Conflict ||
                      beat.error().code == ErrorCode::NotFound)) {
            leaseLost = true;
            return false;
        }
        return true;
    });

    if (leaseLost) {
        qCWarning(lcWorker) << "lost the lease on job" << job.job.id << "; another worker has it";
        return true;
    }
    if (!outcome && m_stopping) {
        auto released = m_queue.release(
            job.job.id, m_options.workerId, [&](db::Connection& c, const JobRecord&) {
                if (!listingId.isEmpty())
                    ListingModelState::markWaiting(c, listingId, job.job.id);
                return Result<void>();
            });
        if (released && !listingId.isEmpty())
            announce(listingId);
        return true;
    }
    finish(job, outcome);
    return true;
}

void Worker::finish(const JobRecord& job, const Result<ModelInfo>& outcome) {
    const QString& listingId = job.job.listingId;
    const QString& jobId = job.job.id;
    Result<JobRecord> recorded = ApiError::internal();
    if (outcome) {
        recorded = m_queue.complete(
            jobId, m_options.workerId, outcome->toJson(), [&](db::Connection& c, const JobRecord&) {
                if (!listingId.isEmpty())
                    ListingModelState::markDone(c, listingId, jobId, *outcome);
                return Result<void>();
            });
    } else {
        qCWarning(lcWorker) << "job" << jobId << "failed:" << outcome.error().message;
        recorded = m_queue.fail(
            jobId, m_options.workerId, outcome.error().message, retryFor(outcome.error()),
            [&](db::Connection& c, const JobRecord& after) {
                if (listingId.isEmpty())
                    return Result<void>();
                if (after.job.status == u"failed")
                    ListingModelState::markFailed(c, listingId, jobId, after.job.error);
                else
                    ListingModelState::markWaiting(c, listingId, jobId);
                return Result<void>();
            });
    }
    // Without a record the lease simply runs out and the job is claimed again.
    if (!recorded) {
        qCWarning(lcWorker) << "cannot record the end of job" << jobId << ":"
                            << recorded.error().message;
        return;
    }
    if (!listingId.isEmpty())
        announce(listingId);
}

void Worker::announce(const QString& listingId) {
    if (m_options.listingChanged)
        m_options.listingChanged(listingId);
}

} // namespace bitmarket::server::jobs
