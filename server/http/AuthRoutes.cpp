#include "http/AuthRoutes.h"

#include "bitmarket/JsonFields.h"
#include "http/CallerIdentity.h"
#include "http/Responses.h"

namespace bitmarket::server {

namespace {
QJsonObject sessionJson(const AuthSession& s) { return s.toJson(); }

Result<Registration> registrationFrom(const QJsonObject& body) {
    Registration r;
    // Lengths are checked by AuthService::validate; here only the JSON types.
    BITMARKET_TRY(r.username, json::requireString(body, "username", 0, 1000));
    BITMARKET_TRY(r.email, json::requireString(body, "email", 0, 1000));
    BITMARKET_TRY(r.password, json::requireString(body, "password", 0, 1000));
    std::optional<QString> displayName;
    BITMARKET_TRY(displayName, json::optionalString(body, "displayName", 0, 1000));
    r.displayName = displayName.value_or(QString());
    return r;
}
} // namespace

void addAuthRoutes(Router& router, AuthService& auth) {
    router.post("/api/v1/auth/register", [&auth](const httplib::Request& req,
                                                 httplib::Response& res) {
        auto body = jsonBody(req);
        if (!body)
            return sendError(res, body.error());
        auto registration = registrationFrom(body.value());
        if (!registration)
            return sendError(res, registration.error());
        sendResult(res, 201, auth.registerUser(registration.value()), sessionJson);
    });

    router.post("/api/v1/auth/login", [&auth](const httplib::Request& req, httplib::Response& res) {
        auto body = jsonBody(req);
        if (!body)
            return sendError(res, body.error());
        auto login = json::requireString(body.value(), "login", 1, 254);
        if (!login)
            return sendError(res, login.error());
        const QJsonValue password = body->value("password");
        if (!password.isString())
            return sendError(res, ApiError::validation(QStringLiteral("Must be a string."),
                                                       "password"));
        sendResult(res, 200, auth.login(login.value(), password.toString(), clientAddress(req)),
                   sessionJson);
    });

    router.post("/api/v1/auth/refresh", [&auth](const httplib::Request& req,
                                                httplib::Response& res) {
        auto body = jsonBody(req);
        if (!body)
            return sendError(res, body.error());
        auto token = json::requireString(body.value(), "refreshToken", 1, 256);
        if (!token)
            return sendError(res, token.error());
        sendResult(res, 200, auth.refresh(token.value()), sessionJson);
    });

    router.post("/api/v1/auth/logout", [&auth](const httplib::Request& req,
                                               httplib::Response& res) {
        auto body = jsonBody(req);
        if (!body)
            return sendError(res, body.error());
        auto all = json::optionalBool(body.value(), "all");
        if (!all)
            return sendError(res, all.error());
        if (all.value().value_or(false)) {
            auto user = requireUser(auth, req);
            if (!user)
                return sendError(res, user.error());
            return sendResult(res, auth.logoutEverywhere(user.value()));
        }
        auto token = json::requireString(body.value(), "refreshToken", 1, 256);
        if (!token)
            return sendError(res, token.error());
        sendResult(res, auth.logout(token.value()));
    });

    router.get("/api/v1/me", [&auth](const httplib::Request& req, httplib::Response& res) {
        auto user = requireUser(auth, req);
        if (!user)
            return sendError(res, user.error());
        sendResult(res, 200, auth.user(user.value()),
                   [](const User& u) { return QJsonObject{{"user", u.toJson(true)}}; });
    });
}

} // namespace bitmarket::server
