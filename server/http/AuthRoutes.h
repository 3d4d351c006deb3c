#pragma once

#include "auth/AuthService.h"
#include "http/Router.h"

namespace bitmarket::server {

// /auth/register, /auth/login, /auth/refresh, /auth/logout, /me
void addAuthRoutes(Router& router, AuthService& auth);

// The body of /auth/register: only the JSON types are checked here, the rest by
// AuthService::validate.
Result<Registration> registrationFrom(const QJsonObject& body);

} // namespace bitmarket::server
