#include "jobs/RecurringJob.h"

namespace bitmarket::server::jobs {

RecurringJob::RecurringJob(JobQueue& queue, QString kind, qint64 intervalMs)
    : m_queue(queue), m_kind(std::move(kind)), m_intervalMs(intervalMs) {
}

Result<void> RecurringJob::scheduleFirst() {
    auto pending = m_queue.pending(m_kind);
    if (!pending)
        return pending.error();
    if (*pending)
        return {};
    if (auto scheduled = m_queue.schedule(m_kind, m_kind, m_queue.now()); !scheduled)
        return scheduled.error();
    return {};
}

Result<QJsonObject> RecurringJob::run(const JobRecord&, const JobProgress&) {
    auto result = runOnce();
    if (!result)
        return result;
    if (auto next = m_queue.schedule(m_kind, m_kind, m_queue.now() + m_intervalMs); !next)
        return next.error();
    return result;
}

} // namespace bitmarket::server::jobs
