// Sign-in sessions are over: one session (sign-out, reuse of a spent refresh token) or every
// session of a user (sign-out everywhere; deleting an account must say the same). It is not for
// clients: the realtime hub acts on it by closing the sockets those sessions opened.
#pragma once

#include <QString>

namespace bitmarket::server {

struct SessionEnded {
    QString userId;
    QString sessionId; // empty: every session of the user
};

} // namespace bitmarket::server
