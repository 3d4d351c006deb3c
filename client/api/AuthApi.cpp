#include "api/AuthApi.h"

#include "api/ApiClient.h"

using bitmarket::AuthSession;
using Request = ApiCall::Request;

ApiCall* AuthApi::signIn(const QString& login, const QString& password, QObject* context,
                         Answer<AuthSession> answer) {
    return deliver(m_client->send(Request::json("auth.signIn", "POST", "/auth/login",
                                                {{"login", login}, {"password", password}}, false)),
                   context, std::move(answer), &AuthSession::fromJson);
}

ApiCall* AuthApi::registerAccount(const Registration& r, QObject* context,
                                  Answer<AuthSession> answer) {
    const QJsonObject body{{"username", r.username},
                           {"email", r.email},
                           {"password", r.password},
                           {"displayName", r.displayName}};
    return deliver(
        m_client->send(Request::json("auth.register", "POST", "/auth/register", body, false)),
        context, std::move(answer), &AuthSession::fromJson);
}

ApiCall* AuthApi::resume(const QString& refreshToken, QObject* context,
                         Answer<AuthSession> answer) {
    return deliver(m_client->send(Request::json("auth.refresh", "POST", "/auth/refresh",
                                                {{"refreshToken", refreshToken}}, false)),
                   context, std::move(answer), &AuthSession::fromJson);
}

void AuthApi::signOut(const QString& refreshToken) {
    m_client->send(
        Request::json("auth.signOut", "POST", "/auth/logout", {{"refreshToken", refreshToken}}));
}
