// Short-lived access tokens: JWTs signed with HS256 under the server secret.
#pragma once

#include "bitmarket/Result.h"

#include <QByteArray>
#include <QString>

namespace bitmarket::server {

struct AccessClaims {
    QString userId;
    qint64 issuedAtS = 0;
    qint64 expiresAtS = 0;
};

class AccessTokenSigner {
public:
    AccessTokenSigner(QByteArray secret, int lifetimeSeconds);

    QString issue(const QString& userId, qint64 nowS) const;
    // Checks algorithm, signature (constant time) and expiry.
    Result<AccessClaims> verify(const QString& token, qint64 nowS) const;
    int lifetimeSeconds() const { return m_lifetimeSeconds; }

private:
    QByteArray sign(const QByteArray& signingInput) const;

    QByteArray m_secret;
    int m_lifetimeSeconds;
};

} // namespace bitmarket::server
