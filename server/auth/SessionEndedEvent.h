// The domain event that says sign-in sessions are over: one session (sign-out, reuse of a spent
// refresh token) or every session of a user (sign-out everywhere; deleting an account must say
// the same). It is not for clients: the realtime hub acts on it by closing the sockets those
// sessions opened.
#pragma once

#include "events/DomainEvent.h"

#include <QString>
#include <optional>

namespace bitmarket::server {

struct SessionEndedEvent {
    QString userId;
    QString sessionId; // empty: every session of the user

    DomainEvent toEvent() const;
    // The event, if `event` is one.
    static std::optional<SessionEndedEvent> from(const DomainEvent& event);
};

} // namespace bitmarket::server
