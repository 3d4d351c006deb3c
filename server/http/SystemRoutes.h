#pragma once

#include "http/Router.h"

#include <QString>

#include <functional>

namespace bitmarket::server {

struct HealthInfo {
    QString version;
    // ws://HOST:PORT/ws for a client whose connection reached this server at its own
    // address `localAddress` (never the Host header, which the client writes).
    std::function<QString(const QString& localAddress)> websocketUrl;
};

// GET /healthz
void addSystemRoutes(Router& router, HealthInfo info);

} // namespace bitmarket::server
