// Registers routes on cpp-httplib by their OpenAPI path ("/api/v1/listings/{id}"),
// each with who may call it. The router checks the caller before the handler
// runs and hands it a Caller, so no handler reads tokens or roles itself. It
// keeps the list, so tests can check it against docs/openapi.json.
#pragma once

#include "auth/AuthService.h"
#include "auth/Caller.h"
#include "http/HttpConnections.h"

#include <QString>
#include <functional>
#include <regex>
#include <httplib.h>
#include <string>
#include <vector>

namespace bitmarket::server {

// Who may call a route.
enum class Access {
    Anyone,       // the token is not looked at; the caller is anonymous
    OptionalUser, // anonymous without a token; a present but bad one is refused (401)
    SignedIn,     // a valid access token (401 otherwise)
    Moderator,    // signed in with the moderator or admin role (403 otherwise)
    Admin,        // signed in with the admin role (403 otherwise)
};

// "anyone", "optional", "signed_in", "moderator", "admin": as --print-routes lists them.
const char* accessName(Access access);

struct RouteInfo {
    std::string method; // lower case, as in OpenAPI
    std::string path;   // OpenAPI template
    Access access = Access::Anyone;
    std::size_t maxBodyBytes = 0; // 0: a JSON body (HttpLimits::maxJsonBodyBytes)
};

class Router {
public:
    using Handler = std::function<void(const httplib::Request&, httplib::Response&, const Caller&)>;

    Router(httplib::Server& server, const AuthService& auth) : m_server(server), m_auth(auth) {}

    void get(const std::string& path, Access access, Handler handler);
    void post(const std::string& path, Access access, Handler handler);
    // A route that takes files: its body may be up to `maxBodyBytes`.
    void postFiles(const std::string& path, Access access, std::size_t maxBodyBytes, Handler handler);
    void put(const std::string& path, Access access, Handler handler);
    void patch(const std::string& path, Access access, Handler handler);
    void del(const std::string& path, Access access, Handler handler);

    const std::vector<RouteInfo>& routes() const { return m_routes; }
    // What the body of a request with this head may be, before it is read: a JSON route's
    // takes the JSON limit; a file route's caller is admitted first (401/403 otherwise) and
    // its body counts against that caller. So only a signed-in caller ever makes the server
    // hold a large body.
    std::variant<HttpConnections::BodyAllowance, Refusal> admitBody(const RequestHead& head) const;

private:
    using Register = httplib::Server& (httplib::Server::*)(const std::string&,
                                                           httplib::Server::Handler);
    void add(Register on, const char* method, const std::string& path, Access access,
             Handler handler, std::size_t maxBodyBytes = 0);
    // The caller the route admits, by the request's Authorization header, or the 401/403.
    Result<Caller> admit(const std::string& authorization, Access access) const;

    httplib::Server& m_server;
    const AuthService& m_auth;
    std::vector<RouteInfo> m_routes;
    struct FileRoute {
        std::string method;
        std::regex pattern;
        Access access;
        std::size_t maxBodyBytes;
    };
    std::vector<FileRoute> m_fileRoutes;
};

// The n-th {parameter} of the matched path (1-based), as text.
QString pathParam(const httplib::Request& request, int index);

} // namespace bitmarket::server
