#include "auth/AuthService.h"

#include "auth/SignInAddresses.h"
#include "auth/UserRoles.h"
#include "bitmarket/Ids.h"
#include "bitmarket/Timestamp.h"
#include "events/SessionEnded.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QRegularExpression>

namespace bitmarket::server {

namespace {

QByteArray tokenHash(const QString& refreshToken) {
    return QCryptographicHash::hash(refreshToken.toLatin1(), QCryptographicHash::Sha256);
}

QString newRefreshToken() {
    QByteArray bytes(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(bytes.data()), 8);
    return QString::fromLatin1(
        bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

// Neither spent (refreshed) nor revoked (signed out, reuse detected).
bool stillUnused(db::Connection& c, const QByteArray& refreshTokenHash) {
    auto q = c.query("SELECT 1 FROM refresh_tokens WHERE token_hash = ?1 AND spent_at IS NULL AND "
                     "revoked_at IS NULL AND expires_at > ?2");
    q.bind(refreshTokenHash, nowMs());
    return q.next();
}

ApiError badCredentials() {
    return ApiError::unauthorized(QStringLiteral("Wrong username/email or password."));
}

ApiError badRefreshToken() {
    return ApiError::unauthorized(QStringLiteral("This session has ended. Please sign in again."));
}

AccessCheck refused(AccessCheck::Verdict verdict, ApiError error) {
    return AccessCheck{verdict, {}, {}, std::move(error)};
}

const std::string kUserColumns =
    std::string("id, username, email, display_name, created_at, ") + UserRoles::kRolesColumn;

User userFrom(const db::Query& q) {
    return User{q.text(0), q.text(1),    q.text(2),
                q.text(3), q.integer(4), UserRoles::namesFromColumn(q.text(5))};
}

} // namespace

AuthService::AuthService(db::Database& db, EventBus& events, PasswordHasher hasher,
                         AccessTokenSigner signer, Limits limits)
    : m_db(db), m_events(events), m_hasher(hasher), m_signer(std::move(signer)), m_limits(limits),
      m_logins(limits.logins), m_hashing(limits.hashing),
      m_registrations(limits.registrationsPerAddress, limits.registrationWindowMs),
      m_refreshGrace(limits.refreshGraceMs) {}

Result<Registration> AuthService::validate(Registration r) {
    static const QRegularExpression usernamePattern(QStringLiteral("^[a-z0-9_.]{3,32}$"));
    static const QRegularExpression emailPattern(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
    r.username = r.username.trimmed();
    r.email = r.email.trimmed();
    r.displayName = r.displayName.trimmed();
    if (!usernamePattern.match(r.username.toLower()).hasMatch())
        return ApiError::validation(
            QStringLiteral("Use 3 to 32 characters: letters, digits, '_' or '.'."), "username");
    if (r.email.size() > 254 || !emailPattern.match(r.email).hasMatch())
        return ApiError::validation(QStringLiteral("Enter a valid email address."), "email");
    if (r.password.size() < 8)
        return ApiError::validation(QStringLiteral("Use at least 8 characters."), "password");
    if (r.password.size() > 256)
        return ApiError::validation(QStringLiteral("Use at most 256 characters."), "password");
    if (r.displayName.isEmpty())
        r.displayName = r.username;
    if (r.displayName.size() > 50)
        return ApiError::validation(QStringLiteral("Use at most 50 characters."), "displayName");
    return r;
}

Result<AuthSession> AuthService::registerUser(const Registration& input, const QString& address) {
    auto valid = validate(input);
    if (!valid)
        return valid.error();
    const Registration& r = valid.value();
    // Counted before hashing, kept whatever the answer: each attempt costs a hash.
    const QString addressKey = LoginThrottle::addressKey(address);
    const qint64 now = nowMs();
    if (!address.isEmpty()) {
        if (auto limited = m_registrations.reserve(addressKey, now); !limited)
            return limited.error();
    }
    User user{newId("u"), r.username, r.email, r.displayName, now};
    auto passwordHash = m_hashing.run([&] { return m_hasher.hash(r.password); });
    if (!passwordHash) {
        if (!address.isEmpty())
            m_registrations.release(addressKey, now);
        return passwordHash.error();
    }
    return m_db.write([&](db::Connection& c) -> Result<AuthSession> {
        auto taken = c.query("SELECT username_key = ?1 FROM users WHERE username_key = ?1 OR "
                             "email_key = ?2 LIMIT 1");
        taken.bind(user.username.toLower(), user.email.toLower());
        if (taken.next()) {
            return taken.integer(0)
                       ? ApiError::conflict(QStringLiteral("This username is taken."), "username")
                       : ApiError::conflict(QStringLiteral("This email is already registered."),
                                            "email");
        }
        c.query("INSERT INTO users (id, username, username_key, email, email_key, display_name, "
                "password_hash, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
            .bind(user.id, user.username, user.username.toLower(), user.email,
                  user.email.toLower(), user.displayName, passwordHash.value(), user.createdAtMs)
            .run();
        return openSession(c, user, newId("f"), address);
    });
}

Result<AuthSession> AuthService::login(const QString& login, const QString& password,
                                       const QString& address) {
    const QString loginKey = login.trimmed().toLower();
    const qint64 now = nowMs();

    struct Found {
        User user;
        QString passwordHash;
        bool familiar = false;
    };
    auto found = m_db.read([&](db::Connection& c) -> Result<std::optional<Found>> {
        auto q = c.query("SELECT " + kUserColumns +
                         ", password_hash FROM users WHERE username_key = ?1 OR email_key = ?1");
        q.bind(loginKey);
        if (!q.next())
            return std::optional<Found>{};
        Found f{userFrom(q), q.text(6)};
        f.familiar = SignInAddresses::familiar(c, f.user.id, address, now);
        return std::optional<Found>{f};
    });
    if (!found)
        return found.error();
    // Failures count against the account whichever name (username or email) was typed.
    const LoginAttempt attempt{found.value() ? QStringLiteral("user:") + found.value()->user.id
                                             : QStringLiteral("login:") + loginKey,
                               address, found.value() && found.value()->familiar};
    // Each attempt is counted as a failure before the (slow) password check, so
    // guesses sent in parallel are limited as strictly as guesses in a row.
    if (auto limited = m_logins.begin(attempt, now); !limited)
        return limited.error();
    // Unknown users cost the same hash as known ones, so timing does not tell them apart.
    auto verified = m_hashing.run([&] {
        if (found.value())
            return m_hasher.verify(password, found.value()->passwordHash);
        m_hasher.spendEquivalentTime(password);
        return false;
    });
    if (!verified) {
        m_logins.notTried(attempt);
        return verified.error();
    }
    if (!verified.value()) {
        m_logins.failed(attempt, nowMs());
        return badCredentials();
    }
    m_logins.succeeded(attempt);
    const User user = found.value()->user;
    return m_db.write([&](db::Connection& c) -> Result<AuthSession> {
        return openSession(c, user, newId("f"), address);
    });
}

Result<AuthSession> AuthService::openSession(db::Connection& c, const User& user,
                                             const QString& familyId, const QString& address) {
    const qint64 now = nowMs();
    const QString refreshToken = newRefreshToken();
    c.query("INSERT INTO refresh_tokens (token_hash, family_id, user_id, created_at, expires_at) "
            "VALUES (?1, ?2, ?3, ?4, ?5)")
        .bind(tokenHash(refreshToken), familyId, user.id, now, now + m_limits.refreshLifetimeMs)
        .run();
    if (!address.isEmpty())
        SignInAddresses::remember(c, user.id, address, now);
    return AuthSession{user, m_signer.issue(user.id, familyId, now / 1000), refreshToken,
                       m_signer.lifetimeSeconds()};
}

Result<AuthSession> AuthService::refresh(const QString& refreshToken, const QString& address) {
    if (refreshToken.isEmpty() || refreshToken.size() > 128)
        return badRefreshToken();
    const QByteArray hash = tokenHash(refreshToken);
    // Reuse must revoke the family even though the request itself fails, so the
    // revocation is committed as its own write before answering 401.
    bool reuseDetected = false;
    SessionEnded reused;
    auto session = m_db.write([&](db::Connection& c) -> Result<AuthSession> {
        auto q = c.query("SELECT family_id, user_id, expires_at, spent_at, revoked_at "
                         "FROM refresh_tokens WHERE token_hash = ?1");
        q.bind(hash);
        if (!q.next())
            return badRefreshToken();
        const QString familyId = q.text(0);
        const QString userId = q.text(1);
        const qint64 expiresAt = q.integer(2);
        const bool spent = !q.isNull(3);
        const bool revoked = !q.isNull(4);
        const qint64 now = nowMs();
        if (revoked || expiresAt <= now)
            return badRefreshToken();
        if (spent) {
            if (auto retry = m_refreshGrace.find(hash, address, now);
                retry && stillUnused(c, retry->nextHash))
                return retry->next;
            reuseDetected = true;
            reused = SessionEnded{userId, familyId};
            return badRefreshToken();
        }
        c.query("UPDATE refresh_tokens SET spent_at = ?2 WHERE token_hash = ?1")
            .bind(hash, now)
            .run();
        auto u = c.query("SELECT " + kUserColumns + " FROM users WHERE id = ?1");
        u.bind(userId);
        if (!u.next())
            return badRefreshToken();
        auto next = openSession(c, userFrom(u), familyId, {});
        if (next)
            m_refreshGrace.remember(hash,
                                    {next.value(), tokenHash(next->refreshToken), address, now});
        return next;
    });
    if (reuseDetected) {
        auto revoked = m_db.write([&](db::Connection& c) -> Result<bool> {
            c.query("UPDATE refresh_tokens SET revoked_at = ?2 WHERE revoked_at IS NULL AND "
                    "family_id = (SELECT family_id FROM refresh_tokens WHERE token_hash = ?1)")
                .bind(hash, nowMs())
                .run();
            return true;
        });
        if (!revoked)
            return revoked.error();
        m_events.publish(reused);
    }
    return session;
}

Result<void> AuthService::logout(const QString& refreshToken) {
    const QByteArray hash = tokenHash(refreshToken);
    auto ended = m_db.write([&](db::Connection& c) -> Result<std::optional<SessionEnded>> {
        auto q = c.query("SELECT user_id, family_id FROM refresh_tokens WHERE token_hash = ?1");
        q.bind(hash);
        if (!q.next())
            return std::optional<SessionEnded>{};
        const SessionEnded session{q.text(0), q.text(1)};
        c.query("UPDATE refresh_tokens SET revoked_at = ?2 WHERE family_id = ?1 AND "
                "revoked_at IS NULL")
            .bind(session.sessionId, nowMs())
            .run();
        return std::optional<SessionEnded>{session};
    });
    if (!ended)
        return ended.error();
    // Published once committed: whoever acts on it finds the session ended in the database.
    if (ended.value())
        m_events.publish(*ended.value());
    return {};
}

Result<void> AuthService::logoutEverywhere(const QString& userId) {
    auto done = m_db.write([&](db::Connection& c) -> Result<bool> {
        c.query("UPDATE refresh_tokens SET revoked_at = ?2 WHERE user_id = ?1 AND revoked_at IS NULL")
            .bind(userId, nowMs())
            .run();
        return true;
    });
    if (!done)
        return done.error();
    m_events.publish(SessionEnded{userId, {}});
    return {};
}

AccessCheck AuthService::checkAccess(const QString& accessToken) const {
    using Verdict = AccessCheck::Verdict;
    auto claims = m_signer.verify(accessToken);
    if (!claims)
        return refused(Verdict::Invalid, claims.error());
    if (claims->expiredAt(nowMs() / 1000) || claims->sessionId.isEmpty())
        return refused(Verdict::Expired,
                       ApiError::unauthorized(QStringLiteral("Access token expired.")));
    // A well-signed token can outlive its session and its account. The session lives while it
    // holds a refresh token neither spent nor revoked: rotation spends one and adds the next in
    // the same transaction, sign-out and reuse detection revoke them all. The partial index
    // refresh_tokens_live makes this one lookup however long the session has been rotating.
    // Roles come with the same read, so a grant counts from the next request.
    struct Live {
        bool session = false;
        QList<Role> roles;
    };
    auto live = m_db.read([&](db::Connection& c) -> Result<std::optional<Live>> {
        auto q = c.query(std::string("SELECT EXISTS (SELECT 1 FROM refresh_tokens WHERE "
                                     "family_id = ?2 AND user_id = ?1 AND spent_at IS NULL AND "
                                     "revoked_at IS NULL), ") +
                         UserRoles::kRolesColumn + " FROM users WHERE id = ?1");
        q.bind(claims->userId, claims->sessionId);
        if (!q.next())
            return std::optional<Live>{};
        return std::optional<Live>{
            Live{q.integer(0) != 0, rolesFromNames(UserRoles::namesFromColumn(q.text(1)))}};
    });
    if (!live)
        return refused(Verdict::Invalid, live.error());
    if (!live.value())
        return refused(Verdict::SessionEnded,
                       ApiError::unauthorized(QStringLiteral("This account no longer exists.")));
    if (!live.value()->session)
        return refused(Verdict::SessionEnded,
                       ApiError::unauthorized(
                           QStringLiteral("This session has ended. Please sign in again.")));
    return AccessCheck{Verdict::Granted, claims.value(), live.value()->roles, {}};
}

Result<Caller> AuthService::caller(const QString& accessToken) const {
    AccessCheck check = checkAccess(accessToken);
    if (check.verdict != AccessCheck::Verdict::Granted)
        return check.error;
    return Caller{check.claims.userId, check.claims.sessionId, check.roles};
}

Result<User> AuthService::user(const QString& userId) {
    return m_db.read([&](db::Connection& c) -> Result<User> {
        auto q = c.query("SELECT " + kUserColumns + " FROM users WHERE id = ?1");
        q.bind(userId);
        if (!q.next())
            return ApiError::notFound(QStringLiteral("No such user."));
        return userFrom(q);
    });
}

} // namespace bitmarket::server
