// The first answer to each write a client may retry (bids, buy-now, orders, messages,
// payments), per user and key, for 24 hours. A domain looks the key up inside its write and
// remembers its answer in the same write: the effect and the record of it commit together,
// so a retry after a lost answer (or a crash) returns the first answer and changes nothing.
// A request that failed changed nothing and spends no key. Owns idempotency_keys.
#pragma once

#include "bitmarket/Result.h"
#include "db/Connection.h"
#include "idempotency/RetryKey.h"

#include <optional>

namespace bitmarket::server::idempotency {

class IdempotencyKeys {
public:
    static constexpr qint64 kKeepMs = 24LL * 3600 * 1000;
    static constexpr int kMaxKeyLength = 64;

    // The answer remembered for the user's key (nullopt: first use, or older than a day);
    // idempotency_conflict when the key came before on another request.
    static Result<std::optional<QString>> answered(db::Connection& c, const QString& userId,
                                                   const RetryKey& key, qint64 nowMs);
    static void remember(db::Connection& c, const QString& userId, const RetryKey& key,
                         const QString& answer, qint64 nowMs);
    // Forgets keys older than a day; returns how many.
    static int forgetBefore(db::Connection& c, qint64 cutoffMs);
};

} // namespace bitmarket::server::idempotency
