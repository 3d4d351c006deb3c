#include "jobs/Worker.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QSysInfo>

namespace bitmarket::server::jobs {

Q_LOGGING_CATEGORY(lcWorker, "bitmarket.jobs.worker", QtInfoMsg)

namespace {

QString defaultWorkerId() {
    return QStringLiteral("%1/%2/%3")
        .arg(QSysInfo::machineHostName())
        .arg(QCoreApplication::applicationPid())
        .arg(QRandomGenerator::system()->generate() & 0xffff, 4, 16, QChar(u'0'));
}

// The status writes of a job's handler, for the transitions the worker makes.
JobQueue::SameTransaction recordStatusOf(JobHandler* handler) {
    return [handler](db::Connection& c, const JobRecord& after) -> Result<void> {
        if (!handler)
            return {};
        return handler->recordStatus(c, after);
    };
}

} // namespace

Worker::Worker(JobQueue& queue, const JobHandlers& handlers) : Worker(queue, handlers, Options{}) {
}

Worker::Worker(JobQueue& queue, const JobHandlers& handlers, Options options)
    : m_queue(queue), m_handlers(handlers), m_options(std::move(options)) {
    if (m_options.workerId.isEmpty())
        m_options.workerId = defaultWorkerId();
}

void Worker::run() {
    qCInfo(lcWorker) << "worker" << m_options.workerId << "started";
    while (!m_stopping) {
        if (processNext())
            continue;
        std::unique_lock lock(m_mutex);
        m_waiting = true;
        m_wake.wait_for(lock, std::chrono::milliseconds(m_options.idlePollMs),
                        [this] { return m_stopping.load() || m_woken; });
        m_waiting = false;
        m_woken = false;
    }
    qCInfo(lcWorker) << "worker" << m_options.workerId << "stopped";
}

void Worker::wake() {
    {
        std::lock_guard lock(m_mutex);
        m_woken = true;
    }
    m_wake.notify_all();
}

bool Worker::wakeIfWaiting() {
    {
        std::lock_guard lock(m_mutex);
        if (!m_waiting || m_woken)
            return false;
        m_woken = true;
    }
    m_wake.notify_all();
    return true;
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
    auto claimed =
        m_queue.claim(m_options.workerId, m_options.leaseMs, m_options.kinds,
                      [this](db::Connection& c, const JobRecord& job) -> Result<void> {
                          JobHandler* handler = m_handlers.find(job.job.kind);
                          return handler ? handler->recordStatus(c, job) : Result<void>();
                      });
    if (!claimed) {
        qCWarning(lcWorker) << "cannot claim a job:" << claimed.error().message;
        return false;
    }
    if (!*claimed)
        return false;
    const JobRecord job = std::move(**claimed);
    qCDebug(lcWorker) << "claimed job" << job.job.id << job.job.kind << "attempt"
                     << job.job.attempts;

    JobHandler* handler = m_handlers.find(job.job.kind);
    if (!handler) {
        finish(
            job, nullptr, RetryPolicy{.maxAttempts = 1},
            ApiError::validation(
                QStringLiteral("This server has no handler for \"%1\" jobs.").arg(job.job.kind)));
        return true;
    }
    const RetryPolicy policy = handler->retryPolicy();
    // Claims count attempts, so a job that keeps killing its worker (out of
    // memory, say) ends here instead of looping forever.
    if (job.job.attempts > policy.maxAttempts) {
        finish(
            job, handler, policy,
            ApiError::internal(
                QStringLiteral("The job stopped unexpectedly %1 times.").arg(policy.maxAttempts)));
        return true;
    }
    handler->statusChanged(job);

    bool leaseLost = false;
    const auto outcome = handler->run(job, [&](double progress, const QString& stage) {
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
        auto released = m_queue.release(job.job.id, m_options.workerId, recordStatusOf(handler));
        if (released)
            handler->statusChanged(*released);
        return true;
    }
    finish(job, handler, policy, outcome);
    return true;
}

void Worker::finish(const JobRecord& job, JobHandler* handler, const RetryPolicy& policy,
                    const Result<QJsonObject>& outcome) {
    const QString& jobId = job.job.id;
    Result<JobRecord> recorded = ApiError::internal();
    if (outcome) {
        recorded = m_queue.complete(jobId, m_options.workerId, *outcome, recordStatusOf(handler));
    } else {
        qCWarning(lcWorker) << "job" << jobId << "failed:" << outcome.error().message;
        recorded = m_queue.fail(jobId, m_options.workerId, outcome.error(), policy,
                                recordStatusOf(handler));
    }
    // Without a record the lease simply runs out and the job is claimed again.
    if (!recorded) {
        qCWarning(lcWorker) << "cannot record the end of job" << jobId << ":"
                            << recorded.error().message;
        return;
    }
    if (handler)
        handler->statusChanged(*recorded);
}

} // namespace bitmarket::server::jobs
