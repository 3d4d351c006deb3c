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
    void reset(const QString& key);

private:
    void prune(std::deque<qint64>& failures, qint64 nowMs) const;

    int m_maxFailures;
    qint64 m_windowMs;
    std::mutex m_mutex;
    std::unordered_map<QString, std::deque<qint64>> m_failures;
};

} // namespace bitmarket::server
