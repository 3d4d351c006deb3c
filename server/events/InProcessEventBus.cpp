#include "events/InProcessEventBus.h"

#include <vector>

namespace bitmarket::server {

void InProcessEventBus::publish(const DomainEvent& event) {
    std::vector<Handler> handlers;
    {
        std::lock_guard lock(m_mutex);
        for (const auto& [id, handler] : m_handlers)
            handlers.push_back(handler);
    }
    for (const auto& handler : handlers)
        handler(event);
}

EventBus::SubscriptionId InProcessEventBus::subscribe(Handler handler) {
    std::lock_guard lock(m_mutex);
    const SubscriptionId id = m_nextId++;
    m_handlers.emplace(id, std::move(handler));
    return id;
}

void InProcessEventBus::unsubscribe(SubscriptionId id) {
    std::lock_guard lock(m_mutex);
    m_handlers.erase(id);
}

} // namespace bitmarket::server
