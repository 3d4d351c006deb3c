// The scheduled clean-up of inboxes: a job that deletes notifications read more than 30 days
// ago (and the record of keyword alerts as old) and schedules itself again for a day later. One pending run at a time (a unique key),
// across restarts and worker processes.
#pragma once

#include "jobs/JobHandler.h"
#include "jobs/JobQueue.h"

namespace bitmarket::server::notifications {

class NotificationCleanup : public jobs::JobHandler {
public:
    static const QString kKind;
    static constexpr qint64 kIntervalMs = 24LL * 3600 * 1000;

    NotificationCleanup(db::Database& db, jobs::JobQueue& queue);

    // Makes sure a run is scheduled (at once when none is); call at every start.
    Result<void> scheduleFirst();

    QString kind() const override { return kKind; }
    jobs::RetryPolicy retryPolicy() const override { return {}; }
    Result<QJsonObject> run(const jobs::JobRecord& job, const jobs::JobProgress& progress) override;

private:
    db::Database& m_db;
    jobs::JobQueue& m_queue;
};

} // namespace bitmarket::server::notifications
