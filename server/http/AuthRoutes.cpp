#include "http/AuthRoutes.h"

#include "bitmarket/JsonFields.h"
#include "http/Responses.h"

namespace bitmarket::server {

namespace {
QJsonObject sessionJson(const AuthSession& s) { return s.toJson(); }
} // namespace

Result<Registration> registrationFrom(const QJsonObject& body) {
    Registration r;
    BITMARKET_TRY(r.username, json::requireString(body, "username", 0, 1000));
    BITMARKET_TRY(r.email, json::requireString(body, "email", 0, 1000));
    BITMARKET_TRY(r.password, json::requireString(body, "password", 0, 1000));
    std::optional<QString> displayName;
    BITMARKET_TRY(displayName, json::optionalString(body, "displayName", 0, 1000));
    r.displayName = displayName.value_or(QString());
    return r;
}

void addAuthRoutes(Router& router, AuthService& auth) {
    router.post("/api/v1/auth/register", Access::Anyone,
                [&auth](const httplib::Request& req, httplib::Response& res, const Caller&) {
                    auto body = jsonBody(req);
                    if (!body)
                        return sendError(req, res, body.error());
                    auto registration = registrationFrom(body.value());
                    if (!registration)
                        return sendError(req, res, registration.error());
                    sendResult(req, res, 201,
                               auth.registerUser(registration.value(), clientAddress(req)),
                               sessionJson);
                });

    router.post("/api/v1/auth/login", Access::Anyone,
                [&auth](const httplib::Request& req, httplib::Response& res, const Caller&) {
                    auto body = jsonBody(req);
                    if (!body)
                        return sendError(req, res, body.error());
                    auto login = json::requireString(body.value(), "login", 1, 254);
                    if (!login)
                        return sendError(req, res, login.error());
                    const QJsonValue password = body->value("password");
                    if (!password.isString())
                        return sendError(
                            req, res,
                            ApiError::validation(QStringLiteral("Must be a string."), "password"));
                    sendResult(req, res, 200,
                               auth.login(login.value(), password.toString(), clientAddress(req)),
                               sessionJson);
                });

    router.post("/api/v1/auth/refresh", Access::Anyone,
                [&auth](const httplib::Request& req, httplib::Response& res, const Caller&) {
                    auto body = jsonBody(req);
                    if (!body)
                        return sendError(req, res, body.error());
                    auto token = json::requireString(body.value(), "refreshToken", 1, 256);
                    if (!token)
                        return sendError(req, res, token.error());
                    sendResult(req, res, 200, auth.refresh(token.value(), clientAddress(req)),
                               sessionJson);
                });

    // Signing out everywhere needs to know who asks; ending one session needs only its
    // refresh token.
    // The refresh token is the credential for ending its own session, so an
    // expired access token sent along cannot keep that session alive (the
    // client signs out with whatever token it holds). Ending every session
    // is the access token's to authorise.
    router.post("/api/v1/auth/logout", Access::Anyone,
                [&auth](const httplib::Request& req, httplib::Response& res, const Caller&) {
                    auto body = jsonBody(req);
                    if (!body)
                        return sendError(req, res, body.error());
                    auto all = json::optionalBool(body.value(), "all");
                    if (!all)
                        return sendError(req, res, all.error());
                    if (all.value().value_or(false)) {
                        auto caller = auth.caller(bearerToken(req));
                        if (!caller)
                            return sendError(req, res, caller.error());
                        return sendResult(req, res, auth.logoutEverywhere(caller->userId));
                    }
                    auto token = json::requireString(body.value(), "refreshToken", 1, 256);
                    if (!token)
                        return sendError(req, res, token.error());
                    sendResult(req, res, auth.logout(token.value()));
                });

    router.get("/api/v1/me", Access::SignedIn,
               [&auth](const httplib::Request& req, httplib::Response& res, const Caller& caller) {
                   sendResult(req, res, 200, auth.user(caller.userId), [](const User& u) {
                       return QJsonObject{{"user", u.toJson(true)}};
                   });
               });
}

} // namespace bitmarket::server
