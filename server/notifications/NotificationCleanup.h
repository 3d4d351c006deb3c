// The scheduled clean-up of inboxes: a job that deletes notifications read more than 30 days
// ago (and the record of keyword alerts as old), once a day.
#pragma once

#include "db/Database.h"
#include "jobs/RecurringJob.h"

namespace bitmarket::server::notifications {

class NotificationCleanup : public jobs::RecurringJob {
public:
    static const QString kKind;
    static constexpr qint64 kIntervalMs = 24LL * 3600 * 1000;

    NotificationCleanup(db::Database& db, jobs::JobQueue& queue);

protected:
    Result<QJsonObject> runOnce() override;

private:
    db::Database& m_db;
};

} // namespace bitmarket::server::notifications
