#include "idempotency/IdempotencyKeys.h"

namespace bitmarket::server::idempotency {

Result<std::optional<QString>> IdempotencyKeys::answered(db::Connection& c, const QString& userId,
                                                         const RetryKey& key, qint64 nowMs) {
    auto q = c.query("SELECT fingerprint, answer FROM idempotency_keys "
                     "WHERE user_id = ?1 AND key = ?2 AND created_at > ?3");
    q.bind(userId, key.key, nowMs - kKeepMs);
    if (!q.next())
        return std::optional<QString>();
    if (q.blob(0) != key.fingerprint)
        return ApiError::of(ErrorCode::IdempotencyConflict,
                            QStringLiteral("This Idempotency-Key was used for another request."),
                            QStringLiteral("Idempotency-Key"));
    return std::optional<QString>(q.text(1));
}

void IdempotencyKeys::remember(db::Connection& c, const QString& userId, const RetryKey& key,
                               const QString& answer, qint64 nowMs) {
    // A key older than a day is free again: its old row gives way.
    c.query("INSERT OR REPLACE INTO idempotency_keys (user_id, key, fingerprint, answer, created_at) "
            "VALUES (?1, ?2, ?3, ?4, ?5)")
        .bind(userId, key.key, key.fingerprint, answer, nowMs)
        .run();
}

int IdempotencyKeys::forgetBefore(db::Connection& c, qint64 cutoffMs) {
    c.query("DELETE FROM idempotency_keys WHERE created_at <= ?1").bind(cutoffMs).run();
    return c.changes();
}

} // namespace bitmarket::server::idempotency
