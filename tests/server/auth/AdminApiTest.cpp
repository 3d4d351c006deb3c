// Roles on the real server: `bitmarket-server --grant-admin USERNAME` on a
// stopped server's data dir and on a running server's, what it prints and
// exits with, and the roles GET /me shows.
#include "ApiTestSupport.h"

#include <QProcess>
#include <QTemporaryDir>

using namespace bitmarket::test;

namespace {

struct Outcome {
    int exitCode = -1;
    QString out;
    QString err;
};

Outcome grantAdmin(const QString& dataDir, const QString& username) {
    QProcess p;
    p.start(ServerProcess().binaryPath(), {"--data-dir", dataDir, "--grant-admin", username});
    if (!p.waitForFinished(30000) || p.exitStatus() != QProcess::NormalExit)
        return {};
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

QJsonArray rolesOf(const QUrl& server, const QString& token) {
    HttpTestClient c(server);
    c.setAccessToken(token);
    const HttpResponse r = c.get("/api/v1/me");
    if (r.status != 200)
        qWarning("GET /me: %d %s", r.status, r.body.constData());
    return r.json().value("user").toObject().value("roles").toArray();
}

} // namespace

class AdminApiTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void meShowsNoRolesForAnOrdinaryUser() {
        ServerProcess server;
        QVERIFY(server.start({"--workers", "0"}));
        HttpTestClient http(server.httpUrl());
        const TestUser u = registerUser(http, "ordinary");
        QVERIFY(u.ok());
        HttpTestClient me(server.httpUrl());
        me.setAccessToken(u.accessToken);
        const QJsonObject user = me.get("/api/v1/me").json().value("user").toObject();
        QVERIFY(user.contains("roles"));
        QCOMPARE(user.value("roles").toArray(), QJsonArray());
        QCOMPARE(server.stop(), 0);
    }

    void grantAdminOnAStoppedServersDataDir() {
        QTemporaryDir dataDir;
        QString token;
        {
            ServerProcess server(dataDir.path());
            QVERIFY(server.start({"--workers", "0"}));
            HttpTestClient http(server.httpUrl());
            const TestUser u = registerUser(http, "first_admin");
            QVERIFY(u.ok());
            token = u.accessToken;
            QCOMPARE(server.stop(), 0);
        }
        const Outcome granted = grantAdmin(dataDir.path(), "First_Admin");
        QCOMPARE(granted.exitCode, 0);
        QVERIFY2(granted.out.contains("First_Admin is now an admin."), qPrintable(granted.out + granted.err));

        ServerProcess server(dataDir.path());
        QVERIFY(server.start({"--workers", "0"}));
        QCOMPARE(rolesOf(server.httpUrl(), token), QJsonArray{"admin"});
        // Signing in again shows the role too.
        HttpTestClient http(server.httpUrl());
        const HttpResponse login = http.post("/api/v1/auth/login",
                                             QJsonObject{{"login", "first_admin"},
                                                         {"password", "correct horse first_admin"}});
        BM_EXPECT_STATUS(login, 200);
        QCOMPARE(login.json().value("user").toObject().value("roles").toArray(), QJsonArray{"admin"});
        QCOMPARE(server.stop(), 0);
    }

    void grantAdminOnARunningServerCountsAtTheNextRequest() {
        ServerProcess server;
        QVERIFY(server.start({"--workers", "0"}));
        HttpTestClient http(server.httpUrl());
        const TestUser u = registerUser(http, "live_admin");
        QVERIFY(u.ok());
        QCOMPARE(rolesOf(server.httpUrl(), u.accessToken), QJsonArray());

        const Outcome granted = grantAdmin(server.dataDir(), "live_admin");
        QCOMPARE(granted.exitCode, 0);
        QVERIFY2(granted.out.contains("live_admin is now an admin."), qPrintable(granted.out + granted.err));
        // The same access token: the running server reads roles per request.
        QCOMPARE(rolesOf(server.httpUrl(), u.accessToken), QJsonArray{"admin"});

        const Outcome again = grantAdmin(server.dataDir(), "live_admin");
        QCOMPARE(again.exitCode, 0);
        QVERIFY2(again.out.contains("live_admin is already an admin."), qPrintable(again.out + again.err));
        QCOMPARE(rolesOf(server.httpUrl(), u.accessToken), QJsonArray{"admin"});
        QVERIFY(server.isRunning());
        QCOMPARE(server.stop(), 0);
    }

    void grantAdminToAnUnknownUserFails() {
        ServerProcess server;
        QVERIFY(server.start({"--workers", "0"}));
        HttpTestClient http(server.httpUrl());
        const TestUser u = registerUser(http, "someone");
        QVERIFY(u.ok());
        const Outcome refused = grantAdmin(server.dataDir(), "no_such_user");
        QVERIFY(refused.exitCode != 0 && refused.exitCode != -1);
        QVERIFY2(refused.err.contains("there is no user named 'no_such_user'"), qPrintable(refused.err));
        QVERIFY(!refused.out.contains("admin"));
        QCOMPARE(rolesOf(server.httpUrl(), u.accessToken), QJsonArray());
        QCOMPARE(server.stop(), 0);
    }
};

QTEST_GUILESS_MAIN(AdminApiTest)
#include "AdminApiTest.moc"
