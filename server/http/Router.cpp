#include "http/Router.h"

#include "http/Responses.h"

#include <QLoggingCategory>

#include <regex>

namespace bitmarket::server {

Q_LOGGING_CATEGORY(lcHttp, "bitmarket.http")

namespace {

std::string patternOf(const std::string& path) {
    static const std::regex parameter(R"(\{[A-Za-z]+\})");
    return std::regex_replace(path, parameter, "([^/]+)");
}

} // namespace

const char* accessName(Access access) {
    switch (access) {
    case Access::Anyone:
        return "anyone";
    case Access::OptionalUser:
        return "optional";
    case Access::SignedIn:
        return "signed_in";
    case Access::Moderator:
        return "moderator";
    case Access::Admin:
        return "admin";
    }
    return "anyone";
}

Result<Caller> Router::admit(const std::string& authorization, Access access) const {
    if (access == Access::Anyone)
        return Caller{};
    const QString token = bearerToken(authorization);
    if (token.isEmpty()) {
        if (access == Access::OptionalUser)
            return Caller{};
        return ApiError::unauthorized();
    }
    auto caller = m_auth.caller(token);
    if (!caller)
        return caller.error();
    if (access == Access::Moderator && !caller->mayModerate())
        return ApiError::forbidden(QStringLiteral("Only moderators may do that."));
    if (access == Access::Admin && !caller->hasRole(Role::Admin))
        return ApiError::forbidden(QStringLiteral("Only administrators may do that."));
    return caller;
}

void Router::add(Register on, const char* method, const std::string& path, Access access,
                 Handler handler, std::size_t maxBodyBytes) {
    (m_server.*on)(patternOf(path), [this, access, handler = std::move(handler)](
                                        const httplib::Request& req, httplib::Response& res) {
        // A bug in one handler must answer 500 with the usual error body, not kill a worker
        // thread.
        try {
            auto caller = admit(req.get_header_value("Authorization"), access);
            if (!caller)
                return sendError(req, res, caller.error());
            handler(req, res, caller.value());
        } catch (const std::exception& e) {
            qCCritical(lcHttp) << "handler failed" << req.method.c_str() << req.path.c_str()
                               << e.what();
            sendError(req, res, ApiError::internal());
        }
    });
    m_routes.push_back({method, path, access, maxBodyBytes});
}

void Router::get(const std::string& path, Access access, Handler handler) {
    add(&httplib::Server::Get, "get", path, access, std::move(handler));
}

void Router::post(const std::string& path, Access access, Handler handler) {
    add(&httplib::Server::Post, "post", path, access, std::move(handler));
}

void Router::postFiles(const std::string& path, Access access, std::size_t maxBodyBytes,
                       Handler handler) {
    add(&httplib::Server::Post, "post", path, access, std::move(handler), maxBodyBytes);
    m_fileRoutes.push_back({"POST", std::regex(patternOf(path)), access, maxBodyBytes});
}

std::variant<HttpConnections::BodyAllowance, Refusal> Router::admitBody(const RequestHead& head) const {
    for (const FileRoute& route : m_fileRoutes) {
        if (route.method != head.method() || !std::regex_match(head.path(), route.pattern))
            continue;
        auto caller = admit(head.header("Authorization"), route.access);
        if (!caller)
            return Refusal{caller.error().httpStatus(), caller.error()};
        return HttpConnections::BodyAllowance{route.maxBodyBytes, caller->userId.toStdString()};
    }
    return HttpConnections::BodyAllowance{};
}

void Router::put(const std::string& path, Access access, Handler handler) {
    add(&httplib::Server::Put, "put", path, access, std::move(handler));
}

void Router::patch(const std::string& path, Access access, Handler handler) {
    add(&httplib::Server::Patch, "patch", path, access, std::move(handler));
}

void Router::del(const std::string& path, Access access, Handler handler) {
    add(&httplib::Server::Delete, "delete", path, access, std::move(handler));
}

QString pathParam(const httplib::Request& request, int index) {
    if (index >= static_cast<int>(request.matches.size()))
        return {};
    return QString::fromStdString(request.matches[index].str());
}

} // namespace bitmarket::server
