#pragma once

#include "http/Router.h"

#include <QString>

#include <functional>

namespace bitmarket::server {

struct HealthInfo {
    QString version;
    // ws://HOST:PORT/ws as a client that reached us at `requestHost` should use it.
    std::function<QString(const QString& requestHost)> websocketUrl;
};

// GET /healthz
void addSystemRoutes(Router& router, HealthInfo info);

} // namespace bitmarket::server
