#include "realtime/EventRelay.h"

#include "realtime/RealtimeEndpoint.h"

#include <QMetaObject>

namespace bitmarket::server {

EventRelay::EventRelay(RealtimeEndpoint* endpoint) : m_endpoint(endpoint) {
}

void EventRelay::forward(const DomainEvent& event) {
    std::lock_guard lock(m_mutex);
    if (!m_endpoint)
        return;
    // Queued with the endpoint as context: if the endpoint is deleted before the hub thread
    // gets to it, Qt discards the call.
    QMetaObject::invokeMethod(
        m_endpoint, [endpoint = m_endpoint, event] { endpoint->deliver(event); },
        Qt::QueuedConnection);
}

void EventRelay::detach() {
    std::lock_guard lock(m_mutex);
    m_endpoint = nullptr;
}

} // namespace bitmarket::server
