// EventBus for a single server process.
#pragma once

#include "events/EventBus.h"

#include <map>
#include <mutex>

namespace bitmarket::server {

class InProcessEventBus final : public EventBus {
public:
    void publish(const DomainEvent& event) override;
    SubscriptionId subscribe(Handler handler) override;
    void unsubscribe(SubscriptionId id) override;

private:
    std::mutex m_mutex;
    std::map<SubscriptionId, Handler> m_handlers;
    SubscriptionId m_nextId = 1;
};

} // namespace bitmarket::server
