// Accounts and sessions over HTTP against the real server: registration and
// its validation, sign-in, rate limits, access-token checks (forged, expired,
// alg none), rotating refresh tokens with reuse detection, sign-out that ends
// the session's access tokens at once, and sessions surviving a restart.
#include "AddressedClient.h"
#include "ApiTestSupport.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QElapsedTimer>

#include <algorithm>
#include <QFile>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QTest>

#include <sqlite3.h>

using namespace bitmarket::test;

namespace {

constexpr auto kB64 = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

QByteArray b64Json(const QJsonObject& o) {
    return QJsonDocument(o).toJson(QJsonDocument::Compact).toBase64(kB64);
}

// A JWT as the server would write it, signed with `secret` (HS256).
QString signedToken(const QJsonObject& header, const QJsonObject& payload, const QByteArray& secret) {
    const QByteArray input = b64Json(header) + '.' + b64Json(payload);
    const QByteArray mac =
        QMessageAuthenticationCode::hash(input, secret, QCryptographicHash::Sha256);
    return QString::fromLatin1(input + '.' + mac.toBase64(kB64));
}

qint64 nowS() { return QDateTime::currentSecsSinceEpoch(); }

QJsonObject payloadOf(const QString& accessToken) {
    return QJsonDocument::fromJson(QByteArray::fromBase64(accessToken.section('.', 1, 1).toLatin1(), kB64))
        .object();
}

// The sign-in session an access token belongs to.
QString sessionOf(const QString& accessToken) { return payloadOf(accessToken).value("sid").toString(); }

// Runs one statement on the (stopped) server's database: how a test makes a
// refresh token old without waiting 30 days.
bool execSql(const QString& dbPath, const char* sql) {
    sqlite3* db = nullptr;
    bool ok = sqlite3_open(dbPath.toUtf8().constData(), &db) == SQLITE_OK &&
              sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
    sqlite3_close(db);
    return ok;
}

} // namespace

class AuthApiTest : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<HttpTestClient> m_http;
    TestUser m_tokenUser;
    TestUser m_victim;

    HttpTestClient& http() { return *m_http; }
    std::unique_ptr<HttpTestClient> client(const QString& token = {}) {
        auto c = std::make_unique<HttpTestClient>(m_server->httpUrl());
        if (!token.isEmpty())
            c->setAccessToken(token);
        return c;
    }
    QByteArray serverSecret() {
        QFile f(m_server->dataDir() + "/secret.key");
        if (!f.open(QIODevice::ReadOnly))
            return {};
        return QByteArray::fromBase64(f.readAll().trimmed());
    }
    HttpResponse me(const QString& token) { return client(token)->get("/api/v1/me"); }
    HttpResponse login(const QString& login, const QString& password) {
        return http().post("/api/v1/auth/login", QJsonObject{{"login", login}, {"password", password}});
    }
    HttpResponse refresh(const QString& token) {
        return http().post("/api/v1/auth/refresh", QJsonObject{{"refreshToken", token}});
    }
    // A spent token presented by someone else: from another address.
    HttpResponse replay(const QString& token) {
        return AddressedClient(m_server->httpUrl(), loopback(66))
            .post("/api/v1/auth/refresh", QJsonObject{{"refreshToken", token}});
    }

private Q_SLOTS:
    void initTestCase() {
        m_server = std::make_unique<ServerProcess>();
        // This suite signs up many more accounts from 127.0.0.1 than one address may.
        QVERIFY(m_server->start({"--registrations-per-hour", "1000"}));
        m_http = std::make_unique<HttpTestClient>(m_server->httpUrl());
    }

    void cleanupTestCase() {
        m_http.reset(); // no idle keep-alive connection to wait out
        if (m_server)
            QCOMPARE(m_server->stop(), 0);
    }

    void healthzAnnouncesWebsocket() {
        const HttpResponse r = http().get("/healthz");
        BM_EXPECT_STATUS(r, 200);
        QCOMPARE(r.json().value("status").toString(), QStringLiteral("ok"));
        QVERIFY(!r.json().value("version").toString().isEmpty());
        QCOMPARE(QUrl(r.json().value("websocketUrl").toString()), m_server->wsUrl());
    }

    void registerReturnsSessionAndUser() {
        const HttpResponse r = http().post("/api/v1/auth/register",
                                           QJsonObject{{"username", "alice"},
                                                       {"email", "alice@example.com"},
                                                       {"password", "s3cret-pass"},
                                                       {"displayName", QStringLiteral("앨리스")}});
        BM_EXPECT_STATUS(r, 201);
        const QJsonObject o = r.json();
        const QJsonObject user = o.value("user").toObject();
        QVERIFY(!user.value("id").toString().isEmpty());
        QCOMPARE(user.value("username").toString(), QStringLiteral("alice"));
        QCOMPARE(user.value("email").toString(), QStringLiteral("alice@example.com"));
        QCOMPARE(user.value("displayName").toString(), QStringLiteral("앨리스"));
        QVERIFY(QDateTime::fromString(user.value("createdAt").toString(), Qt::ISODateWithMs).isValid());
        QVERIFY(!user.contains("password"));
        QVERIFY(!user.contains("passwordHash"));
        QCOMPARE(o.value("expiresIn").toInt(), 15 * 60);
        QCOMPARE(o.value("accessToken").toString().count('.'), 2);
        QVERIFY(o.value("refreshToken").toString().size() >= 32);

        const HttpResponse m = me(o.value("accessToken").toString());
        BM_EXPECT_STATUS(m, 200);
        QCOMPARE(m.json().value("user").toObject().value("id"), user.value("id"));
        QCOMPARE(m.json().value("user").toObject().value("email").toString(),
                 QStringLiteral("alice@example.com"));
    }

    void accessTokenLastsFifteenMinutes() {
        const TestUser u = registerUser(http(), "token_life");
        QVERIFY(u.ok());
        const QStringList parts = u.accessToken.split('.');
        QCOMPARE(parts.size(), 3);
        const QJsonObject header = QJsonDocument::fromJson(QByteArray::fromBase64(parts[0].toLatin1(), kB64)).object();
        const QJsonObject payload = QJsonDocument::fromJson(QByteArray::fromBase64(parts[1].toLatin1(), kB64)).object();
        QCOMPARE(header.value("alg").toString(), QStringLiteral("HS256"));
        QCOMPARE(payload.value("sub").toString(), u.id);
        QVERIFY(!payload.value("sid").toString().isEmpty());
        QCOMPARE(payload.value("exp").toInteger() - payload.value("iat").toInteger(), 15 * 60);
        QVERIFY(qAbs(payload.value("iat").toInteger() - nowS()) < 60);
        // Nothing private rides along in the readable payload.
        QVERIFY(!parts[1].isEmpty());
        QVERIFY(!QByteArray::fromBase64(parts[1].toLatin1(), kB64).contains(u.email.toUtf8()));
    }

    void unknownUserCostsAsMuchTimeAsWrongPassword() {
        // Response time must not tell which accounts exist (the KDF runs either way).
        const TestUser u = registerUser(http(), "timing_user");
        QVERIFY(u.ok());
        const auto median = [](QList<qint64> v) { std::sort(v.begin(), v.end()); return v[v.size() / 2]; };
        QList<qint64> wrong, unknown;
        for (int i = 0; i < 3; ++i) {
            QElapsedTimer t;
            t.start();
            BM_EXPECT_ERROR(login(u.username, QStringLiteral("wrong-%1").arg(i)), 401, "unauthorized");
            wrong.append(t.elapsed());
            t.restart();
            BM_EXPECT_ERROR(login(QStringLiteral("nobody_%1").arg(i), "wrong-password"), 401, "unauthorized");
            unknown.append(t.elapsed());
        }
        QTest::qWait(1100); // the delay after three failures runs out
        BM_EXPECT_STATUS(login(u.username, u.password), 200);
        qInfo("median wrong password %lld ms, unknown user %lld ms", median(wrong), median(unknown));
        QVERIFY2(median(unknown) * 3 >= median(wrong), "unknown users are answered much faster");
    }

    void registerWithoutDisplayNameUsesUsername() {
        const HttpResponse r = http().post(
            "/api/v1/auth/register",
            QJsonObject{{"username", "plain.name_1"}, {"email", "plain@example.com"}, {"password", "12345678"}});
        BM_EXPECT_STATUS(r, 201);
        QCOMPARE(r.json().value("user").toObject().value("displayName").toString(),
                 QStringLiteral("plain.name_1"));
    }

    void registerRejectsBadFields_data() {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("freeUsername"); // must still be free afterwards
        // %1 is replaced by a per-row username so each row can prove it left no account.
        QTest::newRow("username missing")
            << QByteArray(R"({"email":"x1@e.com","password":"12345678"})") << "username" << "";
        QTest::newRow("username too short")
            << QByteArray(R"({"username":"ab","email":"x2@e.com","password":"12345678"})") << "username" << "";
        QTest::newRow("username too long")
            << QByteArray(R"({"username":"abcdefghijabcdefghijabcdefghijabc","email":"x3@e.com","password":"12345678"})")
            << "username" << "";
        QTest::newRow("username with space")
            << QByteArray(R"({"username":"bad name","email":"x4@e.com","password":"12345678"})") << "username" << "";
        QTest::newRow("username with hangul")
            << QByteArray(R"({"username":"사용자","email":"x5@e.com","password":"12345678"})") << "username" << "";
        QTest::newRow("username with dash")
            << QByteArray(R"({"username":"bad-name","email":"x6@e.com","password":"12345678"})") << "username" << "";
        QTest::newRow("username is a number")
            << QByteArray(R"({"username":12345,"email":"x7@e.com","password":"12345678"})") << "username" << "";
        QTest::newRow("username is null")
            << QByteArray(R"({"username":null,"email":"x8@e.com","password":"12345678"})") << "username" << "";
        QTest::newRow("email missing")
            << QByteArray(R"({"username":"v_email1","password":"12345678"})") << "email" << "v_email1";
        QTest::newRow("email without at")
            << QByteArray(R"({"username":"v_email2","email":"not-an-email","password":"12345678"})") << "email" << "v_email2";
        QTest::newRow("email without domain dot")
            << QByteArray(R"({"username":"v_email3","email":"a@b","password":"12345678"})") << "email" << "v_email3";
        QTest::newRow("email is boolean")
            << QByteArray(R"({"username":"v_email4","email":true,"password":"12345678"})") << "email" << "v_email4";
        QTest::newRow("password missing")
            << QByteArray(R"({"username":"v_pw1","email":"v_pw1@e.com"})") << "password" << "v_pw1";
        QTest::newRow("password 7 chars")
            << QByteArray(R"({"username":"v_pw2","email":"v_pw2@e.com","password":"1234567"})") << "password" << "v_pw2";
        QTest::newRow("password is a number")
            << QByteArray(R"({"username":"v_pw3","email":"v_pw3@e.com","password":12345678})") << "password" << "v_pw3";
        QTest::newRow("password is an array")
            << QByteArray(R"({"username":"v_pw4","email":"v_pw4@e.com","password":["12345678"]})") << "password" << "v_pw4";
        QTest::newRow("password too long")
            << (QByteArray(R"({"username":"v_pw5","email":"v_pw5@e.com","password":")") + QByteArray(300, 'p') + "\"}")
            << "password" << "v_pw5";
        QTest::newRow("displayName too long")
            << (QByteArray(R"({"username":"v_dn1","email":"v_dn1@e.com","password":"12345678","displayName":")") +
                QByteArray(51, 'd') + "\"}")
            << "displayName" << "v_dn1";
        QTest::newRow("displayName is an object")
            << QByteArray(R"({"username":"v_dn2","email":"v_dn2@e.com","password":"12345678","displayName":{}})")
            << "displayName" << "v_dn2";
    }

    void registerRejectsBadFields() {
        QFETCH(QByteArray, body);
        QFETCH(QString, field);
        QFETCH(QString, freeUsername);
        const HttpResponse r = http().send("POST", "/api/v1/auth/register", body);
        BM_EXPECT_ERROR(r, 400, "validation_failed");
        QCOMPARE(errorField(r), field);
        if (!freeUsername.isEmpty()) {
            // Nothing was stored: the same username and email can still sign up.
            const HttpResponse again = http().post(
                "/api/v1/auth/register", QJsonObject{{"username", freeUsername},
                                                     {"email", freeUsername + "@e.com"},
                                                     {"password", "12345678"}});
            BM_EXPECT_STATUS(again, 201);
        }
    }

    void registerRejectsMalformedJson_data() {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("truncated") << QByteArray(R"({"username":"mal1","email":)");
        QTest::newRow("array") << QByteArray(R"([{"username":"mal2"}])");
        QTest::newRow("string") << QByteArray(R"("hello")");
        QTest::newRow("null") << QByteArray("null");
        QTest::newRow("trailing garbage")
            << QByteArray(R"({"username":"mal3","email":"mal3@e.com","password":"12345678"} xyz)");
        QTest::newRow("not json") << QByteArray("username=mal4&password=12345678");
    }

    void registerRejectsMalformedJson() {
        QFETCH(QByteArray, body);
        BM_EXPECT_ERROR(http().send("POST", "/api/v1/auth/register", body), 400, "validation_failed");
    }

    void registerRejectsDuplicates() {
        QVERIFY(registerUser(http(), "dupuser").ok());
        // Same username in other letter case: taken.
        HttpResponse r = http().post("/api/v1/auth/register",
                                     QJsonObject{{"username", "DupUser"},
                                                 {"email", "other@test.local"},
                                                 {"password", "12345678"}});
        BM_EXPECT_ERROR(r, 409, "conflict");
        QCOMPARE(errorField(r), QStringLiteral("username"));
        // Same email in other letter case: taken.
        r = http().post("/api/v1/auth/register", QJsonObject{{"username", "dupuser2"},
                                                              {"email", "DUPUSER@Test.Local"},
                                                              {"password", "12345678"}});
        BM_EXPECT_ERROR(r, 409, "conflict");
        QCOMPARE(errorField(r), QStringLiteral("email"));
        // The refused registrations created nothing: "other@test.local" and "dupuser2" are free.
        r = http().post("/api/v1/auth/register", QJsonObject{{"username", "dupuser2"},
                                                              {"email", "other@test.local"},
                                                              {"password", "12345678"}});
        BM_EXPECT_STATUS(r, 201);
    }

    void loginByUsernameOrEmail() {
        const TestUser u = registerUser(http(), "bob_login");
        QVERIFY(u.ok());
        for (const QString& name : {u.username, u.email, u.username.toUpper(), u.email.toUpper(),
                                    QStringLiteral("  ") + u.username + QStringLiteral(" ")}) {
            const HttpResponse r = login(name, u.password);
            BM_EXPECT_STATUS(r, 200);
            const QJsonObject o = r.json();
            QCOMPARE(o.value("user").toObject().value("id").toString(), u.id);
            QCOMPARE(o.value("expiresIn").toInt(), 15 * 60);
            BM_EXPECT_STATUS(me(o.value("accessToken").toString()), 200);
            QVERIFY(o.value("refreshToken").toString() != u.refreshToken);
        }
    }

    void loginSameAnswerForUnknownUserAndWrongPassword() {
        const TestUser u = registerUser(http(), "carol");
        QVERIFY(u.ok());
        const HttpResponse unknown = login("nobody_here", u.password);
        const HttpResponse wrong = login("carol", "wrong password");
        BM_EXPECT_ERROR(unknown, 401, "unauthorized");
        BM_EXPECT_ERROR(wrong, 401, "unauthorized");
        QCOMPARE(unknown.json(), wrong.json());
        BM_EXPECT_STATUS(login("carol", u.password), 200);
    }

    void loginRejectsBadBodies_data() {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("field");
        QTest::newRow("login missing") << QByteArray(R"({"password":"12345678"})") << "login";
        QTest::newRow("login is number") << QByteArray(R"({"login":42,"password":"12345678"})") << "login";
        QTest::newRow("password missing") << QByteArray(R"({"login":"carol"})") << "password";
        QTest::newRow("password is number") << QByteArray(R"({"login":"carol","password":12345678})") << "password";
        QTest::newRow("malformed") << QByteArray(R"({"login":"carol",)") << "";
    }

    void loginRejectsBadBodies() {
        QFETCH(QByteArray, body);
        QFETCH(QString, field);
        const HttpResponse r = http().send("POST", "/api/v1/auth/login", body);
        BM_EXPECT_ERROR(r, 400, "validation_failed");
        if (!field.isEmpty())
            QCOMPARE(errorField(r), field);
    }

    void loginRateLimitedPerAccount() {
        // LoginThrottleTest follows the delays in detail; here, the answer's shape.
        const TestUser u = registerUser(http(), "dave_rl");
        QVERIFY(u.ok());
        for (int i = 0; i < 3; ++i)
            BM_EXPECT_ERROR(login(u.username, "wrong-password"), 401, "unauthorized");
        HttpResponse r = login(u.username, "wrong-password");
        BM_EXPECT_ERROR(r, 429, "rate_limited");
        bool ok = false;
        const int retryAfter = r.header("Retry-After").toInt(&ok);
        QVERIFY2(ok && retryAfter > 0 && retryAfter <= 2, r.header("Retry-After").constData());
        // The delay is on the account at this address, by username or email alike.
        BM_EXPECT_ERROR(login(u.email, u.password), 429, "rate_limited");
        // Other accounts are not affected, and existing sessions still work.
        const TestUser other = registerUser(http(), "erin_rl");
        QVERIFY(other.ok());
        BM_EXPECT_STATUS(login(other.username, other.password), 200);
        BM_EXPECT_STATUS(me(u.accessToken), 200);
    }

    void loginRateLimitedPerAddress() {
        // A fresh server: this fills the limit for 127.0.0.1.
        ServerProcess server;
        QVERIFY(server.start());
        auto c = std::make_unique<HttpTestClient>(server.httpUrl());
        const TestUser u = registerUser(*c, "frank_addr");
        QVERIFY(u.ok());
        int firstLimited = -1;
        for (int i = 0; i < 40 && firstLimited < 0; ++i) {
            // A forwarded-for header is not an address: the server must not trust it.
            HttpTestClient spoofing(server.httpUrl());
            spoofing.setHeader("X-Forwarded-For", QByteArray("10.0.0.") + QByteArray::number(i + 1));
            spoofing.setHeader("X-Real-IP", QByteArray("10.0.1.") + QByteArray::number(i + 1));
            const HttpResponse r = spoofing.post("/api/v1/auth/login",
                                                 QJsonObject{{"login", QStringLiteral("ghost%1").arg(i)},
                                                             {"password", "whatever1"}});
            if (r.status == 429)
                firstLimited = i;
            else
                BM_EXPECT_ERROR(r, 401, "unauthorized");
        }
        QVERIFY2(firstLimited >= 5, "limited too early: an address may try several accounts");
        QVERIFY2(firstLimited > 0, "one address guessing many accounts was never limited");
        // Strangers at this address now wait a moment; an account that signed up here does not.
        const HttpResponse r =
            c->post("/api/v1/auth/login", QJsonObject{{"login", u.username}, {"password", u.password}});
        BM_EXPECT_STATUS(r, 200);
        c.reset();
        QCOMPARE(server.stop(), 0);
    }

    void bearerSchemeIsCaseInsensitive() {
        // RFC 7235: the auth scheme is case-insensitive; some HTTP stacks send "bearer".
        const TestUser u = registerUser(http(), "scheme_case");
        QVERIFY(u.ok());
        for (const QByteArray& scheme : {QByteArray("bearer "), QByteArray("BEARER "), QByteArray("Bearer  ")}) {
            HttpTestClient c(m_server->httpUrl());
            c.setHeader("Authorization", scheme + u.accessToken.toLatin1());
            const HttpResponse r = c.get("/api/v1/me");
            QVERIFY2(r.status == 200, qPrintable(QString::fromLatin1(scheme) + "-> " + QString::number(r.status)));
        }
    }

    void meRejectsBadTokens_data() {
        QTest::addColumn<QString>("kind");
        QTest::newRow("missing") << "missing";
        QTest::newRow("garbage") << "garbage";
        QTest::newRow("basic scheme") << "basic";
        QTest::newRow("empty bearer") << "empty bearer";
        QTest::newRow("signed with another key") << "other key";
        QTest::newRow("alg none") << "alg none";
        QTest::newRow("alg none with old signature") << "alg none keep sig";
        QTest::newRow("alg HS512 header") << "alg hs512";
        QTest::newRow("tampered payload") << "tampered";
        QTest::newRow("expired") << "expired";
        QTest::newRow("two parts") << "two parts";
        QTest::newRow("refresh token as access token") << "refresh token";
        QTest::newRow("valid signature, no such user") << "unknown user";
        QTest::newRow("no session (issued before sessions were named)") << "no session";
        QTest::newRow("someone else's session") << "other session";
        QTest::newRow("made-up session") << "unknown session";
        QTest::newRow("signature spelled another way (unused base64 bits set)") << "noncanonical signature";
        QTest::newRow("signature with base64 padding") << "padded signature";
    }

    void meRejectsBadTokens() {
        QFETCH(QString, kind);
        if (!m_tokenUser.ok()) {
            m_tokenUser = registerUser(http(), "token_owner");
            m_victim = registerUser(http(), "token_victim");
        }
        const TestUser u = m_tokenUser;
        const TestUser victim = m_victim;
        QVERIFY(u.ok() && victim.ok());
        const QByteArray secret = serverSecret();
        QVERIFY2(secret.size() >= 32, "cannot read <dataDir>/secret.key");
        const QJsonObject hs256{{"alg", "HS256"}, {"typ", "JWT"}};
        const QString sid = sessionOf(u.accessToken);
        const QJsonObject payload{{"sub", u.id}, {"sid", sid}, {"iat", nowS()}, {"exp", nowS() + 600}};
        // The test's own signer agrees with the server: a token it signs is accepted.
        BM_EXPECT_STATUS(me(signedToken(hs256, payload, secret)), 200);

        const QStringList parts = u.accessToken.split('.');
        QCOMPARE(parts.size(), 3);
        HttpTestClient c(m_server->httpUrl());
        if (kind == "missing") {
        } else if (kind == "garbage") {
            c.setAccessToken("not-a-token");
        } else if (kind == "basic") {
            c.setHeader("Authorization", "Basic " + QByteArray("alice:secret").toBase64());
        } else if (kind == "empty bearer") {
            c.setHeader("Authorization", "Bearer ");
        } else if (kind == "other key") {
            c.setAccessToken(signedToken(hs256, payload, QByteArray(32, 'k')));
        } else if (kind == "alg none") {
            c.setAccessToken(QString::fromLatin1(b64Json({{"alg", "none"}, {"typ", "JWT"}}) + '.' +
                                                 b64Json(payload) + '.'));
        } else if (kind == "alg none keep sig") {
            c.setAccessToken(QString::fromLatin1(b64Json({{"alg", "none"}, {"typ", "JWT"}})) + '.' +
                             parts[1] + '.' + parts[2]);
        } else if (kind == "alg hs512") {
            c.setAccessToken(signedToken({{"alg", "HS512"}, {"typ", "JWT"}}, payload, secret));
        } else if (kind == "tampered") {
            // The user's own valid signature on a payload naming someone else.
            const QJsonObject forged{{"sub", victim.id}, {"sid", sessionOf(victim.accessToken)}, {"iat", nowS()}, {"exp", nowS() + 600}};
            c.setAccessToken(parts[0] + '.' + QString::fromLatin1(b64Json(forged)) + '.' + parts[2]);
        } else if (kind == "expired") {
            c.setAccessToken(signedToken(
                hs256, {{"sub", u.id}, {"sid", sid}, {"iat", nowS() - 3600}, {"exp", nowS() - 60}}, secret));
        } else if (kind == "two parts") {
            c.setAccessToken(parts[0] + '.' + parts[1]);
        } else if (kind == "refresh token") {
            c.setAccessToken(u.refreshToken);
        } else if (kind == "unknown user") {
            // What a deleted account's token looks like: properly signed, nobody behind it.
            c.setAccessToken(signedToken(hs256, {{"sub", "u_nobodyHere0000000"}, {"sid", sid}, {"iat", nowS()}, {"exp", nowS() + 600}}, secret));
        } else if (kind == "no session") {
            c.setAccessToken(signedToken(hs256, {{"sub", u.id}, {"iat", nowS()}, {"exp", nowS() + 600}}, secret));
        } else if (kind == "other session") {
            // The victim's live session does not make a token of u's valid.
            c.setAccessToken(signedToken(
                hs256, {{"sub", u.id}, {"sid", sessionOf(victim.accessToken)}, {"iat", nowS()}, {"exp", nowS() + 600}},
                secret));
        } else if (kind == "noncanonical signature") {
            // The signature's last character carries unused low bits; setting them decodes to
            // the same bytes, so a lax decoder accepts a second spelling of one token.
            static const QString alphabet =
                QStringLiteral("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");
            const int part = 2;
            QString spelled = parts[part];
            QVERIFY2(spelled.size() % 4 != 0, "this part has no unused bits");
            const int index = int(alphabet.indexOf(spelled.back()));
            spelled.back() = alphabet.at(index ^ 1);
            QCOMPARE(QByteArray::fromBase64(spelled.toLatin1(), QByteArray::Base64UrlEncoding),
                     QByteArray::fromBase64(parts[part].toLatin1(), QByteArray::Base64UrlEncoding));
            QStringList forged = parts;
            forged[part] = spelled;
            c.setAccessToken(forged.join('.'));
        } else if (kind == "padded signature") {
            c.setAccessToken(u.accessToken + "=");
        } else if (kind == "unknown session") {
            c.setAccessToken(signedToken(
                hs256, {{"sub", u.id}, {"sid", "f_madeUp000000000000"}, {"iat", nowS()}, {"exp", nowS() + 600}}, secret));
        }
        const HttpResponse r = c.get("/api/v1/me");
        BM_EXPECT_ERROR(r, 401, "unauthorized");
        QVERIFY(!r.body.contains(victim.email.toUtf8()));
        // The same bad token cannot write either.
        BM_EXPECT_ERROR(c.post("/api/v1/listings", listingDraft("forged")), 401, "unauthorized");
    }

    void refreshRotatesAndDetectsReuse() {
        const TestUser u = registerUser(http(), "gina_refresh");
        QVERIFY(u.ok());
        const HttpResponse first = refresh(u.refreshToken);
        BM_EXPECT_STATUS(first, 200);
        const QString second = first.json().value("refreshToken").toString();
        const QString access2 = first.json().value("accessToken").toString();
        QVERIFY(!second.isEmpty());
        QVERIFY(second != u.refreshToken);
        QCOMPARE(first.json().value("user").toObject().value("id").toString(), u.id);
        QCOMPARE(first.json().value("expiresIn").toInt(), 15 * 60);
        BM_EXPECT_STATUS(me(access2), 200);

        // The first token is spent: presenting it again is refused...
        BM_EXPECT_ERROR(replay(u.refreshToken), 401, "unauthorized");
        // ...and revokes the whole family, so the newer token is dead too.
        BM_EXPECT_ERROR(refresh(second), 401, "unauthorized");
        // Other sessions of the same user are a different family and live on.
        const HttpResponse other = login(u.username, u.password);
        BM_EXPECT_STATUS(other, 200);
        BM_EXPECT_STATUS(refresh(other.json().value("refreshToken").toString()), 200);
    }

    void rotationKeepsTheSessionsAccessTokensWorking() {
        const TestUser u = registerUser(http(), "rita_rotate");
        QVERIFY(u.ok());
        const HttpResponse rotated = refresh(u.refreshToken);
        BM_EXPECT_STATUS(rotated, 200);
        const QString access2 = rotated.json().value("accessToken").toString();
        QCOMPARE(sessionOf(access2), sessionOf(u.accessToken));
        // A spent refresh token is not a revoked session: both access tokens keep working.
        BM_EXPECT_STATUS(me(access2), 200);
        BM_EXPECT_STATUS(me(u.accessToken), 200);
        const HttpResponse again = refresh(rotated.json().value("refreshToken").toString());
        BM_EXPECT_STATUS(again, 200);
        BM_EXPECT_STATUS(me(u.accessToken), 200);
        BM_EXPECT_STATUS(me(again.json().value("accessToken").toString()), 200);
    }

    void refreshTokenReuseEndsTheSessionsAccessTokens() {
        const TestUser u = registerUser(http(), "sam_reuse");
        QVERIFY(u.ok());
        const HttpResponse other = login(u.username, u.password);
        BM_EXPECT_STATUS(other, 200);
        const HttpResponse rotated = refresh(u.refreshToken);
        BM_EXPECT_STATUS(rotated, 200);
        const QString access2 = rotated.json().value("accessToken").toString();
        BM_EXPECT_STATUS(me(access2), 200);

        // Someone replays the spent token: the whole session ends, at once.
        BM_EXPECT_ERROR(replay(u.refreshToken), 401, "unauthorized");
        for (const QString& token : {u.accessToken, access2}) {
            const HttpResponse r = me(token);
            BM_EXPECT_ERROR(r, 401, "unauthorized");
            QVERIFY2(r.json().value("error").toObject().value("message").toString().contains("session has ended"),
                     r.body.constData());
        }
        // The user's other session is another family and lives on.
        BM_EXPECT_STATUS(me(other.json().value("accessToken").toString()), 200);
    }

    void refreshRetriedAfterALostAnswerKeepsTheSession() {
        // The answer to a refresh is lost and the client sends it again: it gets the same
        // new pair, and the session lives on.
        const TestUser u = registerUser(http(), "retrying_refresh");
        QVERIFY(u.ok());
        const HttpResponse first = refresh(u.refreshToken);
        BM_EXPECT_STATUS(first, 200);
        const QString next = first.json().value("refreshToken").toString();
        // A retry after the answer was lost, a moment later: the same pair again.
        const HttpResponse retried = refresh(u.refreshToken);
        BM_EXPECT_STATUS(retried, 200);
        QCOMPARE(retried.json().value("refreshToken").toString(), next);
        BM_EXPECT_STATUS(me(retried.json().value("accessToken").toString()), 200);
        BM_EXPECT_STATUS(me(u.accessToken), 200);

        // Once the new pair is used, the old token is plain reuse again: the session ends.
        const HttpResponse used = refresh(next);
        BM_EXPECT_STATUS(used, 200);
        BM_EXPECT_ERROR(refresh(u.refreshToken), 401, "unauthorized");
        BM_EXPECT_ERROR(me(used.json().value("accessToken").toString()), 401, "unauthorized");
    }

    void refreshChainKeepsWorking() {
        const TestUser u = registerUser(http(), "hana_chain");
        QVERIFY(u.ok());
        QString token = u.refreshToken;
        for (int i = 0; i < 4; ++i) {
            const HttpResponse r = refresh(token);
            BM_EXPECT_STATUS(r, 200);
            token = r.json().value("refreshToken").toString();
        }
    }

    void refreshRejectsBadInput_data() {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::newRow("unknown token") << QByteArray(R"({"refreshToken":"bm9wZS1ub3QtYS1yZWFsLXRva2VuLWF0LWFsbA"})") << 401;
        QTest::newRow("missing field") << QByteArray(R"({})") << 400;
        QTest::newRow("number") << QByteArray(R"({"refreshToken":123})") << 400;
        QTest::newRow("malformed") << QByteArray(R"({"refreshToken":)") << 400;
        QTest::newRow("huge") << (QByteArray(R"({"refreshToken":")") + QByteArray(5000, 'a') + "\"}") << 400;
    }

    void refreshRejectsBadInput() {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        const HttpResponse r = http().send("POST", "/api/v1/auth/refresh", body);
        QCOMPARE(r.status, status);
        QCOMPARE(r.errorCode(), status == 401 ? QStringLiteral("unauthorized")
                                              : QStringLiteral("validation_failed"));
    }

    void logoutEndsOneSession() {
        const TestUser u = registerUser(http(), "ian_logout");
        QVERIFY(u.ok());
        const HttpResponse second = login(u.username, u.password);
        BM_EXPECT_STATUS(second, 200);
        const QString otherRefresh = second.json().value("refreshToken").toString();

        const HttpResponse out =
            http().post("/api/v1/auth/logout", QJsonObject{{"refreshToken", u.refreshToken}});
        BM_EXPECT_STATUS(out, 204);
        QVERIFY(out.body.isEmpty());
        BM_EXPECT_ERROR(refresh(u.refreshToken), 401, "unauthorized");
        // Logging out twice is harmless.
        BM_EXPECT_STATUS(http().post("/api/v1/auth/logout", QJsonObject{{"refreshToken", u.refreshToken}}), 204);
        // The other session is untouched.
        BM_EXPECT_STATUS(refresh(otherRefresh), 200);
    }

    void logoutWithADeadAccessTokenStillEndsTheSession() {
        // The client signs out with whatever access token it still holds; an
        // expired or ended one must not leave the session alive.
        const TestUser u = registerUser(http(), "ines_stale");
        QVERIFY(u.ok());
        const HttpResponse other = login(u.username, u.password);
        BM_EXPECT_STATUS(other, 200);
        BM_EXPECT_STATUS(http().post("/api/v1/auth/logout",
                                     QJsonObject{{"refreshToken", other.json().value("refreshToken").toString()}}),
                         204);
        const QString deadAccess = other.json().value("accessToken").toString();
        BM_EXPECT_ERROR(me(deadAccess), 401, "unauthorized");
        BM_EXPECT_STATUS(client(deadAccess)->post("/api/v1/auth/logout", QJsonObject{{"refreshToken", u.refreshToken}}),
                         204);
        BM_EXPECT_ERROR(refresh(u.refreshToken), 401, "unauthorized");
        BM_EXPECT_STATUS(client("forged.token.here")->post("/api/v1/auth/logout",
                                                           QJsonObject{{"refreshToken", u.refreshToken}}),
                         204);
    }

    void logoutEndsTheSessionsAccessTokensAtOnce() {
        const TestUser u = registerUser(http(), "ivy_laptop");
        QVERIFY(u.ok());
        const HttpResponse phone = login(u.username, u.password);
        BM_EXPECT_STATUS(phone, 200);
        const QString phoneAccess = phone.json().value("accessToken").toString();
        BM_EXPECT_STATUS(me(u.accessToken), 200);

        BM_EXPECT_STATUS(http().post("/api/v1/auth/logout", QJsonObject{{"refreshToken", u.refreshToken}}), 204);
        // Not 15 minutes later: the very next request.
        const HttpResponse r = me(u.accessToken);
        BM_EXPECT_ERROR(r, 401, "unauthorized");
        QVERIFY2(r.json().value("error").toObject().value("message").toString().contains("session has ended"),
                 r.body.constData());
        BM_EXPECT_ERROR(client(u.accessToken)->post("/api/v1/listings", listingDraft("after sign-out")), 401,
                        "unauthorized");
        BM_EXPECT_ERROR(client(u.accessToken)->post("/api/v1/auth/logout", QJsonObject{{"all", true}}), 401,
                        "unauthorized");
        // The phone's session is another one.
        BM_EXPECT_STATUS(me(phoneAccess), 200);
    }

    void logoutEverywhereRevokesEveryRefreshToken() {
        const TestUser u = registerUser(http(), "lee_all");
        QVERIFY(u.ok());
        const TestUser bystander = registerUser(http(), "mia_bystander");
        QVERIFY(bystander.ok());
        const HttpResponse second = login(u.username, u.password);
        BM_EXPECT_STATUS(second, 200);
        BM_EXPECT_ERROR(http().post("/api/v1/auth/logout", QJsonObject{{"all", true}}), 401, "unauthorized");
        BM_EXPECT_ERROR(http().post("/api/v1/auth/logout", QJsonObject{{"all", "yes"}}), 400, "validation_failed");

        const HttpResponse rotated = refresh(second.json().value("refreshToken").toString());
        BM_EXPECT_STATUS(rotated, 200);

        const HttpResponse out = client(u.accessToken)->post("/api/v1/auth/logout", QJsonObject{{"all", true}});
        BM_EXPECT_STATUS(out, 204);
        BM_EXPECT_ERROR(refresh(u.refreshToken), 401, "unauthorized");
        BM_EXPECT_ERROR(refresh(rotated.json().value("refreshToken").toString()), 401, "unauthorized");
        // Every access token of every session ends with them, the rotated one's too.
        for (const QString& token : {u.accessToken, second.json().value("accessToken").toString(),
                                     rotated.json().value("accessToken").toString()})
            BM_EXPECT_ERROR(me(token), 401, "unauthorized");
        // Another user's session is not touched.
        BM_EXPECT_STATUS(me(bystander.accessToken), 200);
        BM_EXPECT_STATUS(refresh(bystander.refreshToken), 200);
        // Signing in again works.
        const HttpResponse again = login(u.username, u.password);
        BM_EXPECT_STATUS(again, 200);
        BM_EXPECT_STATUS(me(again.json().value("accessToken").toString()), 200);
    }

    void logoutRejectsBadBodies() {
        BM_EXPECT_ERROR(http().send("POST", "/api/v1/auth/logout", "{"), 400, "validation_failed");
        BM_EXPECT_ERROR(http().post("/api/v1/auth/logout", QJsonObject{}), 400, "validation_failed");
        BM_EXPECT_ERROR(http().post("/api/v1/auth/logout", QJsonObject{{"refreshToken", 5}}), 400,
                        "validation_failed");
    }

    void concurrentRefreshesOfOneTokenMakeOnePair() {
        // One rotation however many arrive at once: each gets the same new pair, and the
        // session is not mistaken for a stolen one.
        const TestUser u = registerUser(http(), "race_refresh");
        QVERIFY(u.ok());
        const QUrl base = m_server->httpUrl();
        const QList<HttpResponse> answers = concurrently(6, [&](int) {
            HttpTestClient c(base);
            return c.post("/api/v1/auth/refresh", QJsonObject{{"refreshToken", u.refreshToken}});
        });
        QSet<QString> pairs;
        for (const HttpResponse& r : answers) {
            BM_EXPECT_STATUS(r, 200);
            pairs.insert(r.json().value("refreshToken").toString());
        }
        QCOMPARE(pairs.size(), 1);
        BM_EXPECT_STATUS(me(answers.first().json().value("accessToken").toString()), 200);
        BM_EXPECT_STATUS(refresh(*pairs.begin()), 200);
    }

    void concurrentRegistrationsOfOneNameHaveOneWinner() {
        const QUrl base = m_server->httpUrl();
        const QList<HttpResponse> answers = concurrently(5, [&](int i) {
            HttpTestClient c(base);
            return c.post("/api/v1/auth/register",
                          QJsonObject{{"username", QStringLiteral("race_name")},
                                      {"email", QStringLiteral("race%1@test.local").arg(i)},
                                      {"password", "12345678"}});
        });
        int created = 0;
        for (const HttpResponse& r : answers) {
            if (r.status == 201)
                ++created;
            else
                BM_EXPECT_ERROR(r, 409, "conflict");
        }
        QCOMPARE(created, 1);
    }

    void oddBodiesDoNotHurt() {
        // Deep nesting, a big body, NUL bytes and invalid UTF-8: clear 4xx answers, and the server lives on.
        QByteArray deep = QByteArray(30000, '[') + QByteArray(30000, ']');
        BM_EXPECT_ERROR(http().send("POST", "/api/v1/auth/register", deep), 400, "validation_failed");
        QByteArray big = "{\"username\":\"" + QByteArray(8 * 1024 * 1024, 'a') +
                         "\",\"email\":\"big@e.com\",\"password\":\"12345678\"}";
        const HttpResponse r = http().send("POST", "/api/v1/auth/register", big);
        QVERIFY2(r.status == 400 || r.status == 413, qPrintable(QString::number(r.status)));
        QCOMPARE(errorField(r), r.status == 400 ? QStringLiteral("username") : QString());
        BM_EXPECT_ERROR(http().send("POST", "/api/v1/auth/register",
                                    QByteArray("{\"username\":\"nul\\u0000name\",\"email\":\"n@e.com\",\"password\":\"12345678\"}")),
                        400, "validation_failed");
        BM_EXPECT_ERROR(http().send("POST", "/api/v1/auth/login", QByteArray("{\"login\":\"\xff\xfe\",\"password\":\"x\"}")),
                        400, "validation_failed");
        BM_EXPECT_STATUS(http().get("/healthz"), 200);
    }

    void wrongMethodsAndUnknownPaths() {
        BM_EXPECT_ERROR(http().get("/api/v1/no-such-thing"), 404, "not_found");
        const HttpResponse r = http().get("/api/v1/auth/login");
        QVERIFY2(r.status == 404 || r.status == 405, QByteArray::number(r.status));
    }

    // Last: restarts the server.
    void sessionsSurviveRestart() {
        const TestUser u = registerUser(http(), "nora_restart");
        QVERIFY(u.ok());
        const TestUser crashed = registerUser(http(), "omar_crash");
        QVERIFY(crashed.ok());
        const QString dataDir = m_server->dataDir();

        // Clean restart.
        m_http.reset();
        QCOMPARE(m_server->stop(), 0);
        QVERIFY(m_server->start());
        m_http = std::make_unique<HttpTestClient>(m_server->httpUrl());
        const HttpResponse m = me(u.accessToken);
        BM_EXPECT_STATUS(m, 200);
        QCOMPARE(m.json().value("user").toObject().value("id").toString(), u.id);
        const HttpResponse r = refresh(u.refreshToken);
        BM_EXPECT_STATUS(r, 200);
        BM_EXPECT_STATUS(login(u.username, u.password), 200);

        // A crash right after answering loses nothing either.
        const HttpResponse rotated = refresh(crashed.refreshToken);
        BM_EXPECT_STATUS(rotated, 200);
        m_server->kill();
        QVERIFY(m_server->start());
        m_http = std::make_unique<HttpTestClient>(m_server->httpUrl());
        BM_EXPECT_STATUS(me(crashed.accessToken), 200);
        BM_EXPECT_ERROR(refresh(crashed.refreshToken), 401, "unauthorized"); // spent before the crash
        BM_EXPECT_STATUS(login(crashed.username, crashed.password), 200);
        BM_EXPECT_ERROR(http().post("/api/v1/auth/register", QJsonObject{{"username", "omar_crash"},
                                                                         {"email", "new@test.local"},
                                                                         {"password", "12345678"}}),
                        409, "conflict");
        QCOMPARE(m_server->dataDir(), dataDir);
    }

    void expiredRefreshTokenIsRefused() {
        const TestUser u = registerUser(http(), "pat_expired");
        QVERIFY(u.ok());
        m_http.reset();
        QCOMPARE(m_server->stop(), 0);
        // 30 days later, as far as the database knows.
        QVERIFY(execSql(m_server->dataDir() + "/bitmarket.db",
                        "UPDATE refresh_tokens SET expires_at = created_at - 1 WHERE user_id = "
                        "(SELECT id FROM users WHERE username_key = 'pat_expired')"));
        QVERIFY(m_server->start());
        m_http = std::make_unique<HttpTestClient>(m_server->httpUrl());
        BM_EXPECT_ERROR(refresh(u.refreshToken), 401, "unauthorized");
        BM_EXPECT_STATUS(login(u.username, u.password), 200);
    }
};

QTEST_GUILESS_MAIN(AuthApiTest)
#include "AuthApiTest.moc"
