// Whether a user has a live socket open right now. The realtime hub knows; domains that tell
// people who are away (chat) ask through this interface, wired in app/.
#pragma once

#include <QString>

namespace bitmarket::server {

class UserPresence {
public:
    virtual ~UserPresence() = default;
    // Thread-safe.
    virtual bool hasSocketOpen(const QString& userId) const = 0;
};

} // namespace bitmarket::server
