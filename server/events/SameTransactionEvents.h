// Domain events whose effects must commit together with their cause. A service hands such an
// event to record() inside its Database::write; every handler runs right there on the
// writer's connection, so the cause and its effects (the notifications it produces) commit or
// roll back as one, and a crash between them cannot lose the effect. The EventBus, by
// contrast, delivers after the commit and only to whoever is listening at that moment.
#pragma once

#include "bitmarket/Result.h"
#include "db/Connection.h"
#include "events/DomainEvent.h"

#include <functional>
#include <vector>

namespace bitmarket::server {

class SameTransactionEvents {
public:
    // Handlers announce what they wrote with Connection::afterCommit.
    using Handler = std::function<Result<void>(db::Connection&, const DomainEvent&)>;

    // While the server is wired up, before any write.
    void subscribe(Handler handler);
    // Inside a write. The first handler's error is returned (and should roll the write back).
    Result<void> record(db::Connection& c, const DomainEvent& event) const;

private:
    std::vector<Handler> m_handlers;
};

} // namespace bitmarket::server
