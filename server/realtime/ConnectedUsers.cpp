#include "realtime/ConnectedUsers.h"

namespace bitmarket::server {

void ConnectedUsers::opened(const QString& userId) {
    std::lock_guard lock(m_mutex);
    ++m_sockets[userId];
}

void ConnectedUsers::closed(const QString& userId) {
    std::lock_guard lock(m_mutex);
    const auto it = m_sockets.find(userId);
    if (it == m_sockets.end())
        return;
    if (--it.value() <= 0)
        m_sockets.erase(it);
}

bool ConnectedUsers::hasSocketOpen(const QString& userId) const {
    std::lock_guard lock(m_mutex);
    return m_sockets.contains(userId);
}

} // namespace bitmarket::server
