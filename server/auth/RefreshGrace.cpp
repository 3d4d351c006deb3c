#include "auth/RefreshGrace.h"

namespace bitmarket::server {

void RefreshGrace::remember(const QByteArray& spentHash, Rotation rotation) {
    std::lock_guard lock(m_mutex);
    forgetOld(rotation.rotatedAtMs);
    m_order.emplace_back(rotation.rotatedAtMs, spentHash);
    m_rotations.insert_or_assign(spentHash, std::move(rotation));
}

std::optional<RefreshGrace::Rotation> RefreshGrace::find(const QByteArray& spentHash,
                                                         const QString& address, qint64 nowMs) {
    std::lock_guard lock(m_mutex);
    forgetOld(nowMs);
    auto it = m_rotations.find(spentHash);
    if (it == m_rotations.end() || it->second.address != address)
        return std::nullopt;
    return it->second;
}

void RefreshGrace::forgetOld(qint64 nowMs) {
    while (!m_order.empty() && m_order.front().first <= nowMs - m_graceMs) {
        auto it = m_rotations.find(m_order.front().second);
        if (it != m_rotations.end() && it->second.rotatedAtMs == m_order.front().first)
            m_rotations.erase(it);
        m_order.pop_front();
    }
}

} // namespace bitmarket::server
