#include "events/SameTransactionEvents.h"

namespace bitmarket::server {

void SameTransactionEvents::subscribe(Handler handler) {
    m_handlers.push_back(std::move(handler));
}

Result<void> SameTransactionEvents::record(db::Connection& c, const DomainEvent& event) const {
    for (const Handler& handler : m_handlers) {
        if (auto done = handler(c, event); !done)
            return done;
    }
    return {};
}

} // namespace bitmarket::server
