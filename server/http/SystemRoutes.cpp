#include "http/SystemRoutes.h"

#include "http/Responses.h"

namespace bitmarket::server {

void addSystemRoutes(Router& router, HealthInfo info) {
    router.get("/healthz", Access::Anyone,
               [info](const httplib::Request& req, httplib::Response& res, const Caller&) {
                   sendJson(res, 200,
                            QJsonObject{{"status", "ok"},
                                        {"version", info.version},
                                        {"websocketUrl", info.websocketUrl(QString::fromStdString(
                                                             req.local_addr))}});
               });
}

} // namespace bitmarket::server
