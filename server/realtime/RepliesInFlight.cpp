#include "realtime/RepliesInFlight.h"

namespace bitmarket::server {

void RepliesInFlight::begin() {
    std::lock_guard lock(m_mutex);
    ++m_count;
}

void RepliesInFlight::end() {
    bool none = false;
    {
        std::lock_guard lock(m_mutex);
        none = --m_count == 0;
    }
    if (none)
        m_none.notify_all();
}

void RepliesInFlight::waitForNone() {
    std::unique_lock lock(m_mutex);
    m_none.wait(lock, [this] { return m_count == 0; });
}

} // namespace bitmarket::server
