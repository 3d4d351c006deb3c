// Registers routes on cpp-httplib by their OpenAPI path ("/api/v1/listings/{id}")
// and keeps the list, so tests can check it against docs/openapi.json.
#pragma once

#include <httplib.h>

#include <QString>

#include <functional>
#include <string>
#include <vector>

namespace bitmarket::server {

struct RouteInfo {
    std::string method; // lower case, as in OpenAPI
    std::string path;   // OpenAPI template
};

class Router {
public:
    using Handler = std::function<void(const httplib::Request&, httplib::Response&)>;

    explicit Router(httplib::Server& server) : m_server(server) {}

    void get(const std::string& path, Handler handler);
    void post(const std::string& path, Handler handler);
    void put(const std::string& path, Handler handler);
    void patch(const std::string& path, Handler handler);
    void del(const std::string& path, Handler handler);

    const std::vector<RouteInfo>& routes() const { return m_routes; }

private:
    static std::string patternOf(const std::string& path);
    Handler guarded(Handler handler) const;

    httplib::Server& m_server;
    std::vector<RouteInfo> m_routes;
};

// The n-th {parameter} of the matched path (1-based), as text.
QString pathParam(const httplib::Request& request, int index);

} // namespace bitmarket::server
