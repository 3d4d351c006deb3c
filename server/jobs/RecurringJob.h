// Housekeeping that runs again and again (a clean-up): a job of one kind that does its work,
// then schedules its next run `intervalMs` later. One pending run at a time (the kind is its
// unique key), across restarts and worker processes.
#pragma once

#include "jobs/JobHandler.h"
#include "jobs/JobQueue.h"

namespace bitmarket::server::jobs {

class RecurringJob : public JobHandler {
public:
    RecurringJob(JobQueue& queue, QString kind, qint64 intervalMs);

    // Makes sure a run is scheduled (at once when none is); call at every start.
    Result<void> scheduleFirst();

    QString kind() const override { return m_kind; }
    RetryPolicy retryPolicy() const override { return {}; }
    Result<QJsonObject> run(const JobRecord& job, const JobProgress& progress) final;

protected:
    // One run's work; what it returns is stored with the finished job.
    virtual Result<QJsonObject> runOnce() = 0;
    qint64 now() const { return m_queue.now(); }

private:
    JobQueue& m_queue;
    QString m_kind;
    qint64 m_intervalMs;
};

} // namespace bitmarket::server::jobs
