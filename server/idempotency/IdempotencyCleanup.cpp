#include "idempotency/IdempotencyCleanup.h"

#include "idempotency/IdempotencyKeys.h"

namespace bitmarket::server::idempotency {

const QString IdempotencyCleanup::kKind = QStringLiteral("idempotency.cleanup");

IdempotencyCleanup::IdempotencyCleanup(db::Database& db, jobs::JobQueue& queue)
    : RecurringJob(queue, kKind, kIntervalMs), m_db(db) {
}

Result<QJsonObject> IdempotencyCleanup::runOnce() {
    const qint64 cutoff = now() - IdempotencyKeys::kKeepMs;
    auto forgotten = m_db.write(
        [&](db::Connection& c) -> Result<int> { return IdempotencyKeys::forgetBefore(c, cutoff); });
    if (!forgotten)
        return forgotten.error();
    return QJsonObject{{"forgotten", *forgotten}};
}

} // namespace bitmarket::server::idempotency
