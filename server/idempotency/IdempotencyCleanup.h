// A job that forgets Idempotency-Keys older than a day and schedules itself an hour later; one
// pending run at a time (a unique key), across restarts and worker processes.
#pragma once

#include "jobs/JobHandler.h"
#include "jobs/JobQueue.h"

namespace bitmarket::server::idempotency {

class IdempotencyCleanup : public jobs::JobHandler {
public:
    static const QString kKind;
    static constexpr qint64 kIntervalMs = 3600LL * 1000;

    IdempotencyCleanup(db::Database& db, jobs::JobQueue& queue);

    // Makes sure a run is scheduled (at once when none is); call at every start.
    Result<void> scheduleFirst();

    QString kind() const override { return kKind; }
    jobs::RetryPolicy retryPolicy() const override { return {}; }
    Result<QJsonObject> run(const jobs::JobRecord& job, const jobs::JobProgress& progress) override;

private:
    db::Database& m_db;
    jobs::JobQueue& m_queue;
};

} // namespace bitmarket::server::idempotency
