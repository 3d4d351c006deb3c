#include "auth/FailureBackoff.h"

#include <algorithm>
#include <vector>

namespace bitmarket::server {

namespace {
// Bounds memory under a flood of distinct keys (made-up account names).
constexpr std::size_t kMaxKeys = 100'000;
} // namespace

qint64 FailureBackoff::delayAfter(int failures) const {
    const int doublings = failures - m_policy.freeFailures;
    if (doublings < 0)
        return 0;
    if (doublings >= 40)
        return m_policy.maxDelayMs;
    return std::min(m_policy.firstDelayMs << doublings, m_policy.maxDelayMs);
}

Result<void> FailureBackoff::reserve(const QString& key, qint64 nowMs) {
    std::lock_guard lock(m_mutex);
    Failures& f = m_failures[key];
    if (f.count > 0 && nowMs - f.lastMs >= m_policy.forgetAfterMs)
        f = Failures{};
    const qint64 allowedAt = f.lastMs + delayAfter(f.count);
    if (f.count > 0 && nowMs < allowedAt)
        return ApiError::rateLimited(static_cast<int>((allowedAt - nowMs + 999) / 1000));
    ++f.count;
    f.lastMs = nowMs;
    if (m_failures.size() > kMaxKeys)
        forgetQuietKeys(nowMs);
    return {};
}

void FailureBackoff::failed(const QString& key, qint64 nowMs) {
    std::lock_guard lock(m_mutex);
    auto it = m_failures.find(key);
    if (it != m_failures.end())
        it->second.lastMs = std::max(it->second.lastMs, nowMs);
}

void FailureBackoff::release(const QString& key) {
    std::lock_guard lock(m_mutex);
    auto it = m_failures.find(key);
    if (it == m_failures.end())
        return;
    if (--it->second.count <= 0)
        m_failures.erase(it);
}

void FailureBackoff::reset(const QString& key) {
    std::lock_guard lock(m_mutex);
    m_failures.erase(key);
}

void FailureBackoff::forgetQuietKeys(qint64 nowMs) {
    std::erase_if(m_failures, [&](const auto& entry) {
        return nowMs - entry.second.lastMs >= m_policy.forgetAfterMs;
    });
    if (m_failures.size() <= kMaxKeys / 2)
        return;
    // Still full of recent keys: keep the newer half (the older ones' delays are
    // the closest to running out anyway).
    std::vector<qint64> times;
    times.reserve(m_failures.size());
    for (const auto& entry : m_failures)
        times.push_back(entry.second.lastMs);
    auto middle = times.begin() + times.size() / 2;
    std::nth_element(times.begin(), middle, times.end());
    const qint64 cutoff = *middle;
    std::erase_if(m_failures, [&](const auto& entry) { return entry.second.lastMs < cutoff; });
}

} // namespace bitmarket::server
