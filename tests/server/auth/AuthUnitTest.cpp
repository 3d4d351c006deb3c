// The auth pieces on their own: scrypt password hashes, HS256 access tokens
// (issue, verify, expiry, tampering, algorithm confusion), the failure rate
// limiter's window and Retry-After, registration validation, and the event that
// announces ended sessions.
#include "auth/AccessTokenSigner.h"
#include "auth/AuthService.h"
#include "auth/PasswordHasher.h"
#include "auth/RateLimiter.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QTest>

using namespace bitmarket;
using namespace bitmarket::server;

namespace {
constexpr auto kB64 = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
const QByteArray kSecret = QByteArray("0123456789abcdef0123456789abcdef");
constexpr qint64 kNow = 1'763'700'000;

QByteArray b64Json(const QJsonObject& o) { return QJsonDocument(o).toJson(QJsonDocument::Compact).toBase64(kB64); }

QString sign(const QJsonObject& header, const QJsonObject& payload, const QByteArray& secret = kSecret) {
    const QByteArray input = b64Json(header) + '.' + b64Json(payload);
    return QString::fromLatin1(
        input + '.' + QMessageAuthenticationCode::hash(input, secret, QCryptographicHash::Sha256).toBase64(kB64));
}

const QJsonObject kHs256{{"alg", "HS256"}, {"typ", "JWT"}};
} // namespace

class AuthUnitTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // --- PasswordHasher ---
    void passwordHashVerifiesOnlyTheRightPassword() {
        const PasswordHasher hasher(PasswordHasher::Cost{10, 8, 1});
        const QString stored = hasher.hash("correct horse");
        QVERIFY(stored.startsWith("scrypt$10$8$1$"));
        QVERIFY(!stored.contains("correct horse"));
        QVERIFY(hasher.verify("correct horse", stored));
        QVERIFY(!hasher.verify("correct horsE", stored));
        QVERIFY(!hasher.verify("correct horse ", stored));
        QVERIFY(!hasher.verify("", stored));
        // A per-user salt: the same password hashes differently each time.
        const QString again = hasher.hash("correct horse");
        QVERIFY(again != stored);
        QVERIFY(hasher.verify("correct horse", again));
        // Non-ASCII passwords.
        const QString korean = hasher.hash(QStringLiteral("비밀번호는 안전하게"));
        QVERIFY(hasher.verify(QStringLiteral("비밀번호는 안전하게"), korean));
        QVERIFY(!hasher.verify(QStringLiteral("비밀번호는 안전하개"), korean));
    }

    void storedCostIsUsedForVerification() {
        // A hash made at one cost still verifies after the default cost changes.
        const QString cheap = PasswordHasher(PasswordHasher::Cost{10, 8, 1}).hash("pw-12345678");
        QVERIFY(PasswordHasher(PasswordHasher::Cost{11, 8, 2}).verify("pw-12345678", cheap));
    }

    void defaultCostIsMemoryHard() {
        const PasswordHasher hasher;
        QElapsedTimer timer;
        timer.start();
        const QString stored = hasher.hash("default-cost-pw");
        QVERIFY2(stored.startsWith("scrypt$15$8$1$"), qPrintable(stored.left(20)));
        QVERIFY(hasher.verify("default-cost-pw", stored));
        qInfo("default scrypt hash + verify: %lld ms", timer.elapsed());
    }

    void malformedStoredHashesNeverVerify_data() {
        QTest::addColumn<QString>("stored");
        const QString good = PasswordHasher(PasswordHasher::Cost{10, 8, 1}).hash("pw-12345678");
        const QStringList parts = good.split('$');
        QTest::newRow("empty") << QString();
        QTest::newRow("plain text") << "pw-12345678";
        QTest::newRow("other scheme") << QString(good).replace("scrypt$", "bcrypt$");
        QTest::newRow("too few parts") << parts.mid(0, 5).join('$');
        QTest::newRow("too many parts") << good + "$x";
        QTest::newRow("logN not a number") << QStringList{parts[0], "x", parts[2], parts[3], parts[4], parts[5]}.join('$');
        QTest::newRow("logN zero") << QStringList{parts[0], "0", parts[2], parts[3], parts[4], parts[5]}.join('$');
        QTest::newRow("logN absurd") << QStringList{parts[0], "40", parts[2], parts[3], parts[4], parts[5]}.join('$');
        QTest::newRow("r absurd") << QStringList{parts[0], parts[1], "1000", parts[3], parts[4], parts[5]}.join('$');
        QTest::newRow("other logN") << QStringList{parts[0], "11", parts[2], parts[3], parts[4], parts[5]}.join('$');
        QTest::newRow("empty hash") << QStringList{parts[0], parts[1], parts[2], parts[3], parts[4], ""}.join('$');
        QTest::newRow("short hash") << QStringList{parts[0], parts[1], parts[2], parts[3], parts[4], parts[5].left(8)}.join('$');
        QTest::newRow("other salt") << QStringList{parts[0], parts[1], parts[2], parts[3], QByteArray(16, 'x').toBase64(), parts[5]}.join('$');
    }

    void malformedStoredHashesNeverVerify() {
        QFETCH(QString, stored);
        QVERIFY(!PasswordHasher(PasswordHasher::Cost{10, 8, 1}).verify("pw-12345678", stored));
    }

    // --- AccessTokenSigner ---
    void tokenIssueAndVerify() {
        const AccessTokenSigner signer(kSecret, 900);
        const QString token = signer.issue("u_alice", "f_1", kNow);
        QCOMPARE(token.count('.'), 2);
        const QJsonObject header = QJsonDocument::fromJson(QByteArray::fromBase64(token.section('.', 0, 0).toLatin1(), kB64)).object();
        QCOMPARE(header.value("alg").toString(), QStringLiteral("HS256"));
        const auto claims = signer.verify(token);
        QVERIFY(claims.ok());
        QCOMPARE(claims->userId, QStringLiteral("u_alice"));
        QCOMPARE(claims->sessionId, QStringLiteral("f_1"));
        QCOMPARE(claims->issuedAtS, kNow);
        QCOMPARE(claims->expiresAtS, kNow + 900);
        QCOMPARE(signer.lifetimeSeconds(), 900);
        // Our own independent HS256 signer produces a token the server accepts.
        QVERIFY(signer.verify(sign(kHs256, {{"sub", "u_bob"}, {"iat", kNow}, {"exp", kNow + 60}})).ok());
    }

    void tokenExpires() {
        const AccessTokenSigner signer(kSecret, 900);
        const QString token = signer.issue("u_alice", "f_1", kNow);
        const auto claims = signer.verify(token);
        QVERIFY(claims.ok());
        QVERIFY(!claims->expiredAt(kNow + 899));
        QVERIFY(claims->expiredAt(kNow + 900));
        QVERIFY(claims->expiredAt(kNow + 100000));
        // A token without exp never is "forever valid".
        const auto noExpiry = signer.verify(sign(kHs256, {{"sub", "u_bob"}, {"iat", kNow}}));
        QVERIFY(noExpiry.ok());
        QVERIFY(noExpiry->expiredAt(kNow));
    }

    void badTokensAreRefused_data() {
        QTest::addColumn<QString>("token");
        const AccessTokenSigner signer(kSecret, 900);
        const QString good = signer.issue("u_alice", "f_1", kNow);
        const QStringList parts = good.split('.');
        const QJsonObject payload{{"sub", "u_alice"}, {"iat", kNow}, {"exp", kNow + 900}};
        QTest::newRow("empty") << QString();
        QTest::newRow("garbage") << "garbage";
        QTest::newRow("two parts") << parts[0] + '.' + parts[1];
        QTest::newRow("four parts") << good + ".x";
        QTest::newRow("no signature") << parts[0] + '.' + parts[1] + '.';
        QTest::newRow("signature not base64") << parts[0] + '.' + parts[1] + ".!!!";
        QTest::newRow("other secret") << sign(kHs256, payload, QByteArray(32, 'z'));
        QTest::newRow("alg none") << QString::fromLatin1(b64Json({{"alg", "none"}, {"typ", "JWT"}}) + '.' + b64Json(payload) + '.');
        QTest::newRow("alg none keeps signature")
            << QString::fromLatin1(b64Json({{"alg", "none"}})) + '.' + parts[1] + '.' + parts[2];
        QTest::newRow("alg HS512") << sign({{"alg", "HS512"}, {"typ", "JWT"}}, payload);
        QTest::newRow("alg RS256") << sign({{"alg", "RS256"}, {"typ", "JWT"}}, payload);
        QTest::newRow("alg missing") << sign({{"typ", "JWT"}}, payload);
        QTest::newRow("tampered sub")
            << parts[0] + '.' + QString::fromLatin1(b64Json({{"sub", "u_admin"}, {"iat", kNow}, {"exp", kNow + 900}})) + '.' + parts[2];
        QTest::newRow("tampered exp")
            << parts[0] + '.' + QString::fromLatin1(b64Json({{"sub", "u_alice"}, {"iat", kNow}, {"exp", kNow + 999999}})) + '.' + parts[2];
        QTest::newRow("flipped signature bit") << parts[0] + '.' + parts[1] + '.' + (parts[2].left(parts[2].size() - 2) + (parts[2].endsWith("AA") ? "AB" : "AA"));
        QTest::newRow("sub missing") << sign(kHs256, {{"iat", kNow}, {"exp", kNow + 900}});
        QTest::newRow("sub empty") << sign(kHs256, {{"sub", ""}, {"iat", kNow}, {"exp", kNow + 900}});
        QTest::newRow("payload not json") << QString::fromLatin1(b64Json(kHs256) + '.' + QByteArray("not json").toBase64(kB64) + '.') + parts[2];
        QTest::newRow("huge") << QString(5000, u'a') + '.' + parts[1] + '.' + parts[2];
    }

    void badTokensAreRefused() {
        QFETCH(QString, token);
        const auto claims = AccessTokenSigner(kSecret, 900).verify(token);
        QVERIFY(!claims.ok());
        QCOMPARE(claims.error().code, ErrorCode::Unauthorized);
    }

    // --- RateLimiter ---
    void rateLimiterRefusesOverTheLimitWithinTheWindow() {
        RateLimiter limiter(3, 60'000);
        const qint64 t0 = 1'000'000;
        QVERIFY(limiter.check("k", t0).ok());
        limiter.recordFailure("k", t0);
        limiter.recordFailure("k", t0 + 1000);
        QVERIFY(limiter.check("k", t0 + 1500).ok());
        limiter.recordFailure("k", t0 + 2000);
        const auto limited = limiter.check("k", t0 + 2000);
        QVERIFY(!limited.ok());
        QCOMPARE(limited.error().code, ErrorCode::RateLimited);
        QCOMPARE(limited.error().httpStatus(), 429);
        // Until the oldest failure leaves the window: 60 s after t0.
        QCOMPARE(limited.error().retryAfterSeconds, 58);
        QCOMPARE(limiter.check("k", t0 + 59'001).error().retryAfterSeconds, 1); // rounds up
        // Other keys are independent.
        QVERIFY(limiter.check("other", t0 + 2000).ok());
        // Once the oldest failure is out of the window, one more attempt is allowed.
        QVERIFY(limiter.check("k", t0 + 60'000).ok());
        limiter.recordFailure("k", t0 + 60'000);
        QVERIFY(!limiter.check("k", t0 + 60'001).ok());
        // Everything old is forgotten after a full window.
        QVERIFY(limiter.check("k", t0 + 200'000).ok());
    }

    void rateLimiterResetForgetsAKey() {
        RateLimiter limiter(2, 1000);
        limiter.recordFailure("a", 10);
        limiter.recordFailure("a", 20);
        limiter.recordFailure("b", 10);
        limiter.recordFailure("b", 20);
        QVERIFY(!limiter.check("a", 30).ok());
        limiter.reset("a");
        QVERIFY(limiter.check("a", 30).ok());
        QVERIFY(!limiter.check("b", 30).ok());
        QVERIFY(limiter.check("b", 1011).ok());
    }

    void rateLimiterIsBoundedUnderManyKeys() {
        RateLimiter limiter(1, 1000);
        for (int i = 0; i < 120'000; ++i)
            limiter.recordFailure(QString::number(i), i < 100'000 ? 0 : 5000);
        QVERIFY(!limiter.check("119999", 5001).ok());
        QVERIFY(limiter.check("5", 5001).ok());
    }

    // --- Registration validation ---
    void registrationValidation_data() {
        QTest::addColumn<QString>("username");
        QTest::addColumn<QString>("email");
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("displayName");
        QTest::addColumn<QString>("field"); // empty: valid
        QTest::newRow("valid") << "alice_01.x" << "a@b.co" << "12345678" << "Alice" << "";
        QTest::newRow("3 chars") << "abc" << "a@b.co" << "12345678" << "" << "";
        QTest::newRow("32 chars") << QString(32, 'a') << "a@b.co" << "12345678" << "" << "";
        QTest::newRow("trimmed") << "  alice  " << " a@b.co " << "12345678" << "" << "";
        QTest::newRow("2 chars") << "ab" << "a@b.co" << "12345678" << "" << "username";
        QTest::newRow("33 chars") << QString(33, 'a') << "a@b.co" << "12345678" << "" << "username";
        QTest::newRow("dash") << "a-b-c" << "a@b.co" << "12345678" << "" << "username";
        QTest::newRow("hangul") << QStringLiteral("사용자이름") << "a@b.co" << "12345678" << "" << "username";
        QTest::newRow("email no at") << "alice" << "ab.co" << "12345678" << "" << "email";
        QTest::newRow("email two ats") << "alice" << "a@b@c.co" << "12345678" << "" << "email";
        QTest::newRow("email space") << "alice" << "a b@c.co" << "12345678" << "" << "email";
        QTest::newRow("email too long") << "alice" << QString(250, 'a') + "@b.co" << "12345678" << "" << "email";
        QTest::newRow("password 7") << "alice" << "a@b.co" << "1234567" << "" << "password";
        QTest::newRow("password 257") << "alice" << "a@b.co" << QString(257, 'p') << "" << "password";
        QTest::newRow("displayName 51") << "alice" << "a@b.co" << "12345678" << QString(51, 'd') << "displayName";
    }

    void registrationValidation() {
        QFETCH(QString, username);
        QFETCH(QString, email);
        QFETCH(QString, password);
        QFETCH(QString, displayName);
        QFETCH(QString, field);
        const auto r = AuthService::validate(Registration{username, email, password, displayName});
        if (field.isEmpty()) {
            QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
            QCOMPARE(r->username, username.trimmed());
            QCOMPARE(r->email, email.trimmed());
            QCOMPARE(r->displayName, displayName.isEmpty() ? username.trimmed() : displayName);
        } else {
            QVERIFY(!r.ok());
            QCOMPARE(r.error().code, ErrorCode::ValidationFailed);
            QCOMPARE(r.error().field, field);
        }
    }
};

QTEST_GUILESS_MAIN(AuthUnitTest)
#include "AuthUnitTest.moc"
