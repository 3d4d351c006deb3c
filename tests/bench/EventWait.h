// Running the bench's own event loop (its sockets) while load runs on other threads, without
// spinning: a loop of processEvents() with a time limit returns at once when nothing is
// pending and so took a core from the server on this 2-core machine.
#pragma once

#include <QtGlobal>

#include <functional>

namespace bitmarket::bench {

// Handles events for `ms` milliseconds.
void runEventsFor(qint64 ms);

// Handles events until `done()` (checked every 10 ms) or `timeoutMs`; whether done.
bool runEventsUntil(const std::function<bool()>& done, qint64 timeoutMs);

} // namespace bitmarket::bench
