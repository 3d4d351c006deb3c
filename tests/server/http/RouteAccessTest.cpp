// The router's access check on its own: a real cpp-httplib server on
// 127.0.0.1:0 with one route per access level over a real AuthService and
// database. Anonymous, bad-token, ordinary, moderator and admin callers each get
// the answer their level allows, and a role granted while the server runs
// counts from the next request.
#include "auth/AuthService.h"
#include "auth/UserRoles.h"
#include "events/InProcessEventBus.h"
#include "http/Router.h"
#include "support/HttpTestClient.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <thread>

using namespace bitmarket;
using namespace bitmarket::server;
using bitmarket::test::HttpResponse;
using bitmarket::test::HttpTestClient;

namespace {

const QByteArray kSecret = QByteArray("0123456789abcdef0123456789abcdef");

// One route per level; each answers who the router said was calling.
void addProbeRoutes(Router& router) {
    const auto echo = [](const httplib::Request&, httplib::Response& res, const Caller& caller) {
        QStringList roles;
        for (Role role : caller.roles)
            roles.append(roleName(role));
        const std::string body = "{\"userId\":\"" + caller.userId.toStdString() +
                                 "\",\"roles\":\"" + roles.join(',').toStdString() + "\"}";
        res.set_content(body, "application/json");
    };
    router.get("/anyone", Access::Anyone, echo);
    router.get("/optional", Access::OptionalUser, echo);
    router.get("/signed-in", Access::SignedIn, echo);
    router.get("/moderator", Access::Moderator, echo);
    router.post("/admin", Access::Admin, echo);
}

} // namespace

class RouteAccessTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<db::Database> m_db;
    InProcessEventBus m_bus;
    std::unique_ptr<AuthService> m_auth;
    httplib::Server m_http;
    std::unique_ptr<Router> m_router;
    std::thread m_serving;
    QUrl m_url;

    QString m_user, m_moderator, m_admin; // access tokens

    QString signUp(const QString& username) {
        auto session = m_auth->registerUser(
            Registration{username, username + "@test.local", "password-123", {}});
        return session ? session->accessToken : QString();
    }

    HttpResponse call(const QByteArray& method, const QString& path, const QString& token) {
        HttpTestClient client(m_url);
        if (!token.isEmpty())
            client.setAccessToken(token);
        return client.send(method, path, method == "POST" ? QByteArray("{}") : QByteArray());
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_db = std::make_unique<db::Database>(db::Database::Options{m_dir.filePath("auth.db")});
        m_auth = std::make_unique<AuthService>(*m_db, m_bus, PasswordHasher(PasswordHasher::Cost{10, 8, 1}),
                                               AccessTokenSigner(kSecret, 900), AuthService::Limits{});
        m_router = std::make_unique<Router>(m_http, *m_auth);
        addProbeRoutes(*m_router);
        const int port = m_http.bind_to_any_port("127.0.0.1");
        QVERIFY(port > 0);
        m_serving = std::thread([this] { m_http.listen_after_bind(); });
        m_url = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));

        m_user = signUp("plain_user");
        m_moderator = signUp("mod_user");
        m_admin = signUp("admin_user");
        QVERIFY(!m_user.isEmpty() && !m_moderator.isEmpty() && !m_admin.isEmpty());
        UserRoles roles(*m_db);
        QVERIFY(roles.grant("mod_user", Role::Moderator));
        QVERIFY(roles.grant("ADMIN_USER", Role::Admin)); // usernames are case-insensitive
    }

    void cleanupTestCase() {
        m_http.stop();
        if (m_serving.joinable())
            m_serving.join();
    }

    void routesRecordTheirAccess() {
        QCOMPARE(m_router->routes().size(), size_t(5));
        QCOMPARE(m_router->routes()[0].access, Access::Anyone);
        QCOMPARE(m_router->routes()[4].access, Access::Admin);
        QCOMPARE(QString::fromLatin1(accessName(Access::OptionalUser)), QStringLiteral("optional"));
    }

    void eachLevelAnswersEachCaller_data() {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("caller");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        const auto row = [](const char* name, const char* method, const char* path, const char* caller,
                            int status, const char* code = "") {
            QTest::newRow(name) << QByteArray(method) << QString::fromLatin1(path)
                                << QString::fromLatin1(caller) << status << QString::fromLatin1(code);
        };
        row("anyone: anonymous", "GET", "/anyone", "none", 200);
        row("anyone: a bad token is not looked at", "GET", "/anyone", "garbage", 200);
        row("optional: anonymous", "GET", "/optional", "none", 200);
        row("optional: user", "GET", "/optional", "user", 200);
        row("optional: bad token", "GET", "/optional", "garbage", 401, "unauthorized");
        row("signed in: anonymous", "GET", "/signed-in", "none", 401, "unauthorized");
        row("signed in: bad token", "GET", "/signed-in", "garbage", 401, "unauthorized");
        row("signed in: user", "GET", "/signed-in", "user", 200);
        row("moderator: anonymous", "GET", "/moderator", "none", 401, "unauthorized");
        row("moderator: user", "GET", "/moderator", "user", 403, "forbidden");
        row("moderator: moderator", "GET", "/moderator", "moderator", 200);
        row("moderator: admin", "GET", "/moderator", "admin", 200);
        row("admin: anonymous", "POST", "/admin", "none", 401, "unauthorized");
        row("admin: bad token", "POST", "/admin", "garbage", 401, "unauthorized");
        row("admin: user", "POST", "/admin", "user", 403, "forbidden");
        row("admin: moderator", "POST", "/admin", "moderator", 403, "forbidden");
        row("admin: admin", "POST", "/admin", "admin", 200);
    }

    void eachLevelAnswersEachCaller() {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QString, caller);
        QFETCH(int, status);
        QFETCH(QString, code);
        const QHash<QString, QString> tokens{{"none", QString()},
                                             {"garbage", "garbage.token.here"},
                                             {"user", m_user},
                                             {"moderator", m_moderator},
                                             {"admin", m_admin}};
        const HttpResponse r = call(method, path, tokens.value(caller));
        QVERIFY2(r.status == status, qPrintable(QStringLiteral("%1: %2").arg(r.status).arg(QString::fromUtf8(r.body))));
        if (status == 200) {
            QCOMPARE(r.json().value("userId").toString().isEmpty(),
                     caller == "none" || caller == "garbage" || path == "/anyone");
        } else {
            QCOMPARE(r.errorCode(), code);
            QVERIFY(!r.json().value("error").toObject().value("message").toString().isEmpty());
        }
    }

    void theHandlerGetsTheCallersRoles() {
        const HttpResponse r = call("POST", "/admin", m_admin);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value("roles").toString(), QStringLiteral("admin"));
        QCOMPARE(call("GET", "/signed-in", m_user).json().value("roles").toString(), QString());
    }

    void aRoleGrantedWhileServingCountsFromTheNextRequest() {
        const QString token = signUp("promoted_user");
        QCOMPARE(call("POST", "/admin", token).status, 403);
        auto granted = UserRoles(*m_db).grant("promoted_user", Role::Admin);
        QVERIFY(granted);
        QVERIFY(!granted->alreadyHeld);
        // The same token, not a new one: roles are read for every request.
        QCOMPARE(call("POST", "/admin", token).status, 200);
        QVERIFY(UserRoles(*m_db).grant("promoted_user", Role::Admin)->alreadyHeld);
    }

    void grantingToAnUnknownUserIsNotFound() {
        auto granted = UserRoles(*m_db).grant("nobody_here", Role::Admin);
        QVERIFY(!granted);
        QCOMPARE(granted.error().code, ErrorCode::NotFound);
    }
};

QTEST_GUILESS_MAIN(RouteAccessTest)
#include "RouteAccessTest.moc"
