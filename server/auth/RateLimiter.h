// Counts failed attempts per key (an account, an address) in a sliding window
// and refuses further attempts once a key is over its limit.
#pragma once

#include "bitmarket/Result.h"

#include <QString>

#include <deque>
#include <mutex>
#include <unordered_map>

namespace bitmarket::server {

class RateLimiter {
public:
    RateLimiter(int maxFailures, qint64 windowMs) : m_maxFailures(maxFailures), m_windowMs(windowMs) {}

    // rate_limited with Retry-After while the key is over its limit.
    Result<void> check(const QString& key, qint64 nowMs);
    void recordFailure(const QString& key, qint64 nowMs);
    // Checks and counts an attempt as a failure in one step, so parallel
    // attempts cannot all pass the check before any of them is counted.
    Result<void> reserve(const QString& key, qint64 nowMs);
    // Takes back an attempt reserve() counted at `atMs` (it succeeded).
    void release(const QString& key, qint64 atMs);
    void reset(const QString& key);

private:
    void prune(std::deque<qint64>& failures, qint64 nowMs) const;
    Result<void> checkLocked(const QString& key, qint64 nowMs);
    void recordLocked(const QString& key, qint64 nowMs);

    int m_maxFailures;
    qint64 m_windowMs;
    std::mutex m_mutex;
    std::unordered_map<QString, std::deque<qint64>> m_failures;
};

} // namespace bitmarket::server
