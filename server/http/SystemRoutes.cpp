#include "http/SystemRoutes.h"

#include "http/Responses.h"

namespace bitmarket::server {

void addSystemRoutes(Router& router, HealthInfo info) {
    router.get("/healthz", Access::Anyone,
               [info](const httplib::Request& req, httplib::Response& res, const Caller&) {
                   QString host = QString::fromStdString(req.get_header_value("Host"));
                   // Strip the port; keep an IPv6 literal's brackets.
                   const int colon = host.lastIndexOf(u':');
                   if (colon > 0 && colon > host.lastIndexOf(u']'))
                       host.truncate(colon);
                   sendJson(res, 200,
                            QJsonObject{{"status", "ok"},
                                        {"version", info.version},
                                        {"websocketUrl", info.websocketUrl(host)}});
               });
}

} // namespace bitmarket::server
