// Accounts and sessions: registration, sign-in, rotating refresh tokens with
// reuse detection, sign-out, and access-token checks. A session is a refresh-token
// family; its access tokens name it, and stop working the moment it ends.
#pragma once

#include "auth/AccessTokenSigner.h"
#include "auth/Caller.h"
#include "auth/HashingSlots.h"
#include "auth/LoginThrottle.h"
#include "auth/PasswordHasher.h"
#include "auth/RateLimiter.h"
#include "auth/RefreshGrace.h"
#include "bitmarket/ApiTypes.h"
#include "db/Database.h"
#include "events/EventBus.h"

namespace bitmarket::server {

struct Registration {
    QString username;
    QString email;
    QString password;
    QString displayName;
};

// The verdict on an access token: the claims it carries, or why it is refused.
struct AccessCheck {
    enum class Verdict { Granted, Invalid, Expired, SessionEnded };

    Verdict verdict = Verdict::Invalid;
    AccessClaims claims; // when granted
    QList<Role> roles;   // the user's roles as of this check, when granted
    ApiError error;      // the 401 to answer otherwise
};

class AuthService {
public:
    struct Limits {
        LoginThrottle::Policies logins;
        HashingSlots::Limits hashing;
        int registrationsPerAddress = 20; // per registrationWindowMs
        qint64 registrationWindowMs = 3600 * 1000;
        qint64 refreshLifetimeMs = 30LL * 24 * 3600 * 1000;
        qint64 refreshGraceMs = 30 * 1000; // see RefreshGrace
    };

    // Announces ended sessions on `events` (SessionEnded).
    AuthService(db::Database& db, EventBus& events, PasswordHasher hasher, AccessTokenSigner signer,
                Limits limits);

    // Validates every field; conflict when the username or email is taken; rate_limited
    // past Limits::registrationsPerAddress, or while every hashing slot is taken. An empty
    // address is the server itself (the demo catalogue), which is not limited.
    Result<AuthSession> registerUser(const Registration& registration, const QString& address = {});
    // `login` is a username or an email. Unknown user and wrong password get the same answer;
    // failures slow further attempts down (LoginThrottle).
    Result<AuthSession> login(const QString& login, const QString& password, const QString& address);
    // Spends the refresh token and returns a new pair in the same session; a spent token
    // presented again ends its session, unless it is a retry within the grace (RefreshGrace).
    Result<AuthSession> refresh(const QString& refreshToken, const QString& address);
    // Ends the session (token family) the refresh token belongs to.
    Result<void> logout(const QString& refreshToken);
    // Ends every session of the user.
    Result<void> logoutEverywhere(const QString& userId);
    // Signature, expiry, whether the token's session and user still exist, and the user's
    // roles: one indexed read. Tokens without a session (issued by older servers) count as
    // expired, so clients refresh them. Thread-safe.
    AccessCheck checkAccess(const QString& accessToken) const;
    // Who an access token stands for, or the 401 of checkAccess().
    Result<Caller> caller(const QString& accessToken) const;
    Result<User> user(const QString& userId);

    static Result<Registration> validate(Registration registration);

private:
    Result<AuthSession> openSession(db::Connection& c, const User& user, const QString& familyId,
                                    const QString& address);

    db::Database& m_db;
    EventBus& m_events;
    PasswordHasher m_hasher;
    AccessTokenSigner m_signer;
    Limits m_limits;
    LoginThrottle m_logins;
    HashingSlots m_hashing;
    RateLimiter m_registrations;
    RefreshGrace m_refreshGrace;
};

} // namespace bitmarket::server
