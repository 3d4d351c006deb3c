#include "idempotency/IdempotencyCleanup.h"

#include "idempotency/IdempotencyKeys.h"

namespace bitmarket::server::idempotency {

const QString IdempotencyCleanup::kKind = QStringLiteral("idempotency.cleanup");

IdempotencyCleanup::IdempotencyCleanup(db::Database& db, jobs::JobQueue& queue)
    : m_db(db), m_queue(queue) {
}

Result<void> IdempotencyCleanup::scheduleFirst() {
    auto pending = m_queue.pending(kKind);
    if (!pending)
        return pending.error();
    if (*pending)
        return {};
    auto scheduled = m_queue.schedule(kKind, kKind, m_queue.now());
    if (!scheduled)
        return scheduled.error();
    return {};
}

Result<QJsonObject> IdempotencyCleanup::run(const jobs::JobRecord&, const jobs::JobProgress&) {
    const qint64 cutoff = m_queue.now() - IdempotencyKeys::kKeepMs;
    auto forgotten = m_db.write(
        [&](db::Connection& c) -> Result<int> { return IdempotencyKeys::forgetBefore(c, cutoff); });
    if (!forgotten)
        return forgotten.error();
    if (auto next = m_queue.schedule(kKind, kKind, m_queue.now() + kIntervalMs); !next)
        return next.error();
    return QJsonObject{{"forgotten", *forgotten}};
}

} // namespace bitmarket::server::idempotency
