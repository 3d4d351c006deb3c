#pragma once

#include "auth/AuthService.h"
#include "http/Router.h"

namespace bitmarket::server {

// /auth/register, /auth/login, /auth/refresh, /auth/logout, /me
void addAuthRoutes(Router& router, AuthService& auth);

} // namespace bitmarket::server
