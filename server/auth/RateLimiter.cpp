#include "auth/RateLimiter.h"

#include <algorithm>

namespace bitmarket::server {

void RateLimiter::prune(std::deque<qint64>& failures, qint64 nowMs) const {
    while (!failures.empty() && failures.front() <= nowMs - m_windowMs)
        failures.pop_front();
}

Result<void> RateLimiter::check(const QString& key, qint64 nowMs) {
    std::lock_guard lock(m_mutex);
    return checkLocked(key, nowMs);
}

Result<void> RateLimiter::reserve(const QString& key, qint64 nowMs) {
    std::lock_guard lock(m_mutex);
    if (auto limited = checkLocked(key, nowMs); !limited)
        return limited;
    recordLocked(key, nowMs);
    return {};
}

void RateLimiter::release(const QString& key, qint64 atMs) {
    std::lock_guard lock(m_mutex);
    auto it = m_failures.find(key);
    if (it == m_failures.end())
        return;
    auto& failures = it->second;
    if (auto f = std::find(failures.rbegin(), failures.rend(), atMs); f != failures.rend())
        failures.erase(std::next(f).base());
}

Result<void> RateLimiter::checkLocked(const QString& key, qint64 nowMs) {
    auto it = m_failures.find(key);
    if (it == m_failures.end())
        return {};
    prune(it->second, nowMs);
    if (static_cast<int>(it->second.size()) < m_maxFailures)
        return {};
    const qint64 retryMs = it->second.front() + m_windowMs - nowMs;
    return ApiError::rateLimited(static_cast<int>((retryMs + 999) / 1000));
}

void RateLimiter::recordFailure(const QString& key, qint64 nowMs) {
    std::lock_guard lock(m_mutex);
    recordLocked(key, nowMs);
}

void RateLimiter::recordLocked(const QString& key, qint64 nowMs) {
    auto& failures = m_failures[key];
    prune(failures, nowMs);
    failures.push_back(nowMs);
    // Bound memory under a flood of distinct keys: forget fully expired keys.
    if (m_failures.size() > 100'000) {
        for (auto it = m_failures.begin(); it != m_failures.end();) {
            prune(it->second, nowMs);
            it = it->second.empty() ? m_failures.erase(it) : std::next(it);
        }
    }
}

void RateLimiter::reset(const QString& key) {
    std::lock_guard lock(m_mutex);
    m_failures.erase(key);
}

} // namespace bitmarket::server
