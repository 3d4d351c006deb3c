// The one channel domain events travel on. An interface so a multi-instance
// deployment can put a real broker behind it (which would then serialise each
// DomainEvent alternative; in one process they travel as plain values).
#pragma once

#include "events/DomainEvent.h"

#include <functional>

namespace bitmarket::server {

class EventBus {
public:
    using Handler = std::function<void(const DomainEvent&)>;
    using SubscriptionId = quint64;

    virtual ~EventBus() = default;
    // Delivers to every subscriber; handlers run on the publishing thread and must not block.
    virtual void publish(const DomainEvent& event) = 0;
    virtual SubscriptionId subscribe(Handler handler) = 0;
    virtual void unsubscribe(SubscriptionId id) = 0;
};

} // namespace bitmarket::server
