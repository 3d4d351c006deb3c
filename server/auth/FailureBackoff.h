// Growing delays after failed attempts, per key (an account, an address, a
// pair of them): the first few failures are free, then each one doubles the
// wait before the next attempt, up to a cap. Nobody is locked out for long:
// the wait never passes the cap, and a key quiet for a while is forgotten.
#pragma once

#include "bitmarket/Result.h"

#include <QString>

#include <mutex>
#include <unordered_map>

namespace bitmarket::server {

class FailureBackoff {
public:
    struct Policy {
        int freeFailures = 3;
        qint64 firstDelayMs = 1000;
        qint64 maxDelayMs = 15 * 60 * 1000;
        qint64 forgetAfterMs = 24 * 3600 * 1000; // quiet this long: the key starts afresh
    };

    explicit FailureBackoff(Policy policy) : m_policy(policy) {}

    // rate_limited (Retry-After: the wait left) while the key's delay runs. Otherwise
    // counts this attempt as a failure at once, so parallel attempts cannot all pass
    // before any of them is counted; release() takes it back.
    Result<void> reserve(const QString& key, qint64 nowMs);
    // The attempt reserve() counted failed at `nowMs`: the wait runs from then, not from
    // when the (slow) attempt began.
    void failed(const QString& key, qint64 nowMs);
    // The attempt reserve() counted did not fail.
    void release(const QString& key);
    // Forgets the key's failures.
    void reset(const QString& key);

private:
    struct Failures {
        int count = 0;
        qint64 lastMs = 0;
    };
    qint64 delayAfter(int failures) const;
    void forgetQuietKeys(qint64 nowMs);

    Policy m_policy;
    std::mutex m_mutex;
    std::unordered_map<QString, Failures> m_failures;
};

} // namespace bitmarket::server
