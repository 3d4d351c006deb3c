// Short-lived access tokens: JWTs signed with HS256 under the server secret. Each names its
// user (sub) and the sign-in session it belongs to (sid, the refresh-token family), so a token
// stops working when its session ends, not only when it expires.
#pragma once

#include "bitmarket/Result.h"

#include <QByteArray>
#include <QString>

namespace bitmarket::server {

struct AccessClaims {
    QString userId;
    QString sessionId; // empty in tokens issued before sessions were named
    qint64 issuedAtS = 0;
    qint64 expiresAtS = 0;

    // A token without exp (0) has always expired: no token is valid forever.
    bool expiredAt(qint64 nowS) const { return expiresAtS <= nowS; }
};

class AccessTokenSigner {
public:
    AccessTokenSigner(QByteArray secret, int lifetimeSeconds);

    QString issue(const QString& userId, const QString& sessionId, qint64 nowS) const;
    // Checks algorithm and signature (constant time). Expiry is the caller's to judge
    // (AccessClaims::expiredAt), since an expired token asks for a different answer.
    Result<AccessClaims> verify(const QString& token) const;
    int lifetimeSeconds() const { return m_lifetimeSeconds; }

private:
    QByteArray sign(const QByteArray& signingInput) const;

    QByteArray m_secret;
    int m_lifetimeSeconds;
};

} // namespace bitmarket::server
