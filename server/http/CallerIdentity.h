// Who is calling: the user behind the request's bearer token.
#pragma once

#include "auth/AuthService.h"

#include <httplib.h>

namespace bitmarket::server {

// unauthorized unless a valid access token is present.
Result<QString> requireUser(const AuthService& auth, const httplib::Request& req);
// An empty id for anonymous callers; unauthorized for a present but bad token,
// so a client with an expired token learns to refresh.
Result<QString> optionalUser(const AuthService& auth, const httplib::Request& req);

} // namespace bitmarket::server
