// A job that forgets Idempotency-Keys older than a day, every hour.
#pragma once

#include "db/Database.h"
#include "jobs/RecurringJob.h"

namespace bitmarket::server::idempotency {

class IdempotencyCleanup : public jobs::RecurringJob {
public:
    static const QString kKind;
    static constexpr qint64 kIntervalMs = 3600LL * 1000;

    IdempotencyCleanup(db::Database& db, jobs::JobQueue& queue);

protected:
    Result<QJsonObject> runOnce() override;

private:
    db::Database& m_db;
};

} // namespace bitmarket::server::idempotency
