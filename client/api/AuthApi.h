// Accounts and sessions (docs/api.md "Auth"): sign in, register, trade a
// stored refresh token for a session, sign out.
#pragma once

#include "api/ApiAnswer.h"
#include "bitmarket/ApiTypes.h"

#include <QPointer>

class ApiClient;

struct Registration {
    QString username;
    QString email;
    QString password;
    QString displayName;
};

class AuthApi {
public:
    explicit AuthApi(ApiClient* client) : m_client(client) {}

    ApiCall* signIn(const QString& login, const QString& password, QObject* context,
                    Answer<bitmarket::AuthSession> answer);
    ApiCall* registerAccount(const Registration& registration, QObject* context,
                             Answer<bitmarket::AuthSession> answer);
    ApiCall* resume(const QString& refreshToken, QObject* context,
                    Answer<bitmarket::AuthSession> answer);
    // Ends the session on the server; nobody waits for the answer.
    void signOut(const QString& refreshToken);

private:
    QPointer<ApiClient> m_client;
};
