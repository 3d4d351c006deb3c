#include "auth/HashingSlots.h"

#include <chrono>

namespace bitmarket::server {

namespace {
ApiError busy() {
    // Long enough for the queue ahead to drain (each hash takes about a tenth of a second).
    return ApiError::rateLimited(2);
}
} // namespace

Result<void> HashingSlots::enter() {
    std::unique_lock lock(m_mutex);
    if (m_running < m_limits.slots) {
        ++m_running;
        return {};
    }
    if (m_waiting >= m_limits.waiting)
        return busy();
    ++m_waiting;
    const bool got = m_freed.wait_for(lock, std::chrono::milliseconds(m_limits.maxWaitMs),
                                      [&] { return m_running < m_limits.slots; });
    --m_waiting;
    if (!got)
        return busy();
    ++m_running;
    return {};
}

void HashingSlots::leave() {
    {
        std::lock_guard lock(m_mutex);
        --m_running;
    }
    m_freed.notify_one();
}

} // namespace bitmarket::server
