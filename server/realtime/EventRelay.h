// Hands domain events from the bus, whose handlers run on HTTP worker threads, over to the
// hub thread. It outlives the endpoint on purpose: the bus may run a handler it copied just
// before the hub unsubscribed, and that late call must find "nobody home", not freed memory.
#pragma once

#include "events/DomainEvent.h"

#include <mutex>

namespace bitmarket::server {

class RealtimeEndpoint;

class EventRelay {
public:
    explicit EventRelay(RealtimeEndpoint* endpoint);

    // Any thread. Only queues the event; the lock is held just long enough to post it.
    void forward(const DomainEvent& event);
    // After this returns no further event is queued for the endpoint.
    void detach();

private:
    std::mutex m_mutex;
    RealtimeEndpoint* m_endpoint;
};

} // namespace bitmarket::server
