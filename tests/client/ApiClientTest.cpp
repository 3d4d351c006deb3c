// ApiClient and Session against the real server: sign-in, a session that
// survives a restart (and is stored owner-only), transparent refresh on 401,
// a revoked or stale session that asks to sign in again (and a chosen
// sign-out that does not), error mapping and an unreachable server.
#include "ContractRequests.h"
#include "api/ApiClient.h"

#include "DemoServer.h"
#include "realtime/RealtimeClient.h"
#include "session/Session.h"
#include "session/SessionStore.h"

#include <QFile>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>

using bitmarket::ApiError;
using bitmarket::ErrorCode;
using namespace bitmarket::test;

namespace {

struct Answer {
    bool ok = false;
    int status = 0;
    bool unreachable = false;
    QJsonObject body;
    ApiError error;
};

Answer await(ApiCall* call) {
    Answer a;
    QObject::connect(call, &ApiCall::succeeded, [&a, call](const QJsonObject& body) {
        a.ok = true;
        a.status = call->httpStatus();
        a.body = body;
    });
    QObject::connect(call, &ApiCall::failed, [&a, call](const ApiError& error) {
        a.status = call->httpStatus();
        a.unreachable = call->wasUnreachable();
        a.error = error;
    });
    QSignalSpy finished(call, &ApiCall::finished);
    finished.wait(15000);
    return a;
}

} // namespace

class ApiClientTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_server.start()); }

    void signInStoresTheSessionOwnerOnly() {
        QTemporaryDir config;
        ApiClient api;
        api.setServerUrl(m_server.httpUrl());
        Session session(&api, config.path());
        session.restore();
        QVERIFY(!session.signedIn());
        QSignalSpy state(&session, &Session::stateChanged);
        session.signIn(DemoServer::kUser, DemoServer::kPassword);
        QTRY_VERIFY_WITH_TIMEOUT(session.signedIn(), 15000);
        QCOMPARE(session.username(), QString("minji"));

        const SessionStore store(config.path(), api.serverUrl().toString());
        QCOMPARE(store.load(), api.refreshToken());
        struct stat info {};
        QCOMPARE(::stat(QFile::encodeName(store.filePath()).constData(), &info), 0);
        QCOMPARE(info.st_mode & 0777, 0600u);

        // A restart: a new client restores the session from the stored token alone.
        ApiClient api2;
        api2.setServerUrl(m_server.httpUrl());
        Session restored(&api2, config.path());
        QSignalSpy expired(&restored, &Session::sessionExpired);
        restored.restore();
        QTRY_VERIFY_WITH_TIMEOUT(restored.signedIn(), 15000);
        QCOMPARE(restored.userId(), session.userId());
        // The token rotated, and the new one is what is stored now.
        QCOMPARE(store.load(), api2.refreshToken());
        QVERIFY(api2.refreshToken() != api.refreshToken());

        // Signing out is the user's choice: nothing asks them to sign in again.
        restored.signOut();
        QVERIFY(!restored.signedIn());
        QVERIFY(restored.message().isEmpty());
        QCOMPARE(expired.count(), 0);
        QVERIFY(store.load().isEmpty());
    }

    void staleStoredSessionAsksToSignInAgain() {
        QTemporaryDir config;
        ApiClient api;
        api.setServerUrl(m_server.httpUrl());
        Session session(&api, config.path());
        session.signIn(DemoServer::kUser, DemoServer::kPassword);
        QTRY_VERIFY_WITH_TIMEOUT(session.signedIn(), 15000);
        // Another device signs out everywhere while this app is closed.
        const Answer out = await(post(api, "/auth/logout", QJsonObject{{"all", true}}));
        QVERIFY2(out.ok, qPrintable(out.error.message));

        ApiClient next;
        next.setServerUrl(m_server.httpUrl());
        Session restored(&next, config.path());
        QSignalSpy expired(&restored, &Session::sessionExpired);
        restored.restore();
        QVERIFY(expired.wait(15000));
        QVERIFY(!restored.signedIn());
        QVERIFY(!restored.message().isEmpty());
        QVERIFY(SessionStore(config.path(), next.serverUrl().toString()).load().isEmpty());
    }

    void wrongPasswordSaysSo() {
        QTemporaryDir config;
        ApiClient api;
        api.setServerUrl(m_server.httpUrl());
        Session session(&api, config.path());
        session.signIn(DemoServer::kUser, "not-the-password");
        QTRY_VERIFY_WITH_TIMEOUT(!session.busy() && !session.message().isEmpty(), 15000);
        QVERIFY(!session.signedIn());
    }

    void expiredAccessTokenIsRefreshedTransparently() {
        ApiClient api;
        api.setServerUrl(m_server.httpUrl());
        const Answer login = await(post(api, 
            "/auth/login",
            QJsonObject{{"login", DemoServer::kUser}, {"password", DemoServer::kPassword}}, false));
        QVERIFY(login.ok);
        const QString refresh = login.body.value("refreshToken").toString();
        // An access token the server will not accept, as after 15 minutes.
        api.setTokens("expired.access.token", refresh);
        QSignalSpy rotated(&api, &ApiClient::tokensChanged);
        // Two calls at once share one refresh.
        ApiCall* first = get(api, "/me");
        ApiCall* second = get(api, "/me");
        Answer b;
        QObject::connect(second, &ApiCall::succeeded, [&b](const QJsonObject& body) {
            b.ok = true;
            b.body = body;
        });
        const Answer a = await(first);
        QTRY_VERIFY_WITH_TIMEOUT(b.ok, 10000);
        QVERIFY2(a.ok, qPrintable(a.error.message));
        QCOMPARE(a.body.value("user").toObject().value("username").toString(), QString("minji"));
        QCOMPARE(rotated.count(), 1);
        QVERIFY(api.refreshToken() != refresh);
        QVERIFY(api.accessToken() != "expired.access.token");
    }

    void revokedSessionEndsWithAMessage() {
        QTemporaryDir config;
        ApiClient api;
        api.setServerUrl(m_server.httpUrl());
        Session session(&api, config.path());
        session.signIn(DemoServer::kUser, DemoServer::kPassword);
        QTRY_VERIFY_WITH_TIMEOUT(session.signedIn(), 15000);
        // Sign out everywhere from "another device": every token of the user is revoked.
        const Answer out = await(post(api, "/auth/logout", QJsonObject{{"all", true}}));
        QVERIFY2(out.ok, qPrintable(out.error.message));
        api.setTokens("expired.access.token", api.refreshToken());
        QSignalSpy revoked(&api, &ApiClient::sessionRevoked);
        QSignalSpy expired(&session, &Session::sessionExpired);
        const Answer me = await(get(api, "/me"));
        QVERIFY(!me.ok);
        QCOMPARE(me.status, 401);
        QCOMPARE(revoked.count(), 1);
        QCOMPARE(expired.count(), 1);
        QVERIFY(!session.signedIn());
        QVERIFY(!session.message().isEmpty());
        QVERIFY(SessionStore(config.path(), api.serverUrl().toString()).load().isEmpty());
    }

    void errorsAreMapped() {
        ApiClient api;
        api.setServerUrl(m_server.httpUrl());
        const Answer missing = await(get(api, "/listings/does-not-exist"));
        QCOMPARE(missing.status, 404);
        QCOMPARE(missing.error.code, ErrorCode::NotFound);

        const Answer anonymous = await(post(api, "/listings", QJsonObject{{"title", "x"}}));
        QCOMPARE(anonymous.status, 401);
        QCOMPARE(anonymous.error.code, ErrorCode::Unauthorized);

        const Answer login = await(post(api, 
            "/auth/login",
            QJsonObject{{"login", DemoServer::kUser}, {"password", DemoServer::kPassword}}, false));
        api.setTokens(login.body.value("accessToken").toString(),
                      login.body.value("refreshToken").toString());
        const Answer invalid = await(post(api, 
            "/listings", QJsonObject{{"title", ""},
                                     {"price", QJsonObject{{"amount", 1000}, {"currency", "KRW"}}},
                                     {"condition", "good"},
                                     {"categoryId", "home"},
                                     {"saleType", "fixed"}}));
        QCOMPARE(invalid.status, 400);
        QCOMPARE(invalid.error.code, ErrorCode::ValidationFailed);
        QCOMPARE(invalid.error.field, QString("title"));
        QVERIFY(!invalid.error.message.isEmpty());
    }

    void unreachableServerIsReported() {
        ApiClient api;
        api.setServerUrl(QUrl("http://127.0.0.1:9"));
        QSignalSpy reachable(&api, &ApiClient::reachableChanged);
        const Answer a = await(get(api, "/listings"));
        QVERIFY(!a.ok);
        QVERIFY(a.unreachable);
        QVERIFY(!api.reachable());
        QVERIFY(a.error.message.contains("127.0.0.1:9"));
    }

    void mediaPathsResolveAgainstTheServer() {
        ApiClient api;
        api.setServerUrl(QUrl("http://127.0.0.1:8080/"));
        QCOMPARE(api.mediaUrl("/media/ab/x_320.jpg"),
                 QUrl("http://127.0.0.1:8080/media/ab/x_320.jpg"));
        QVERIFY(api.mediaUrl({}).isEmpty());
    }

    void requestsSayTheUiLanguage() {
        // A listener that keeps the request heads it gets and answers {} to each.
        QTcpServer listener;
        QVERIFY(listener.listen(QHostAddress::LocalHost));
        QList<QByteArray> heads;
        QObject::connect(&listener, &QTcpServer::newConnection, [&] {
            QTcpSocket* socket = listener.nextPendingConnection();
            QObject::connect(socket, &QTcpSocket::readyRead, socket, [socket, &heads] {
                const QByteArray head = socket->peek(64 * 1024);
                if (socket->property("answered").toBool() || !head.contains("\r\n\r\n"))
                    return;
                socket->setProperty("answered", true);
                heads << head;
                socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                              "Content-Length: 2\r\nConnection: close\r\n\r\n{}");
                socket->disconnectFromHost();
            });
        });
        const auto languageOf = [](const QByteArray& head) {
            for (const QByteArray& line : head.split('\n')) {
                if (line.toLower().startsWith("accept-language:"))
                    return line.mid(line.indexOf(':') + 1).trimmed();
            }
            return QByteArray("(none)");
        };
        ApiClient api;
        api.setServerUrl(QUrl(QString("http://127.0.0.1:%1").arg(listener.serverPort())));
        api.setLanguage("ko");
        QVERIFY(await(get(api, "/listings")).ok);
        QVERIFY(await(post(api, "/auth/login", QJsonObject{{"login", "x"}}, false)).ok);
        api.setLanguage("en");
        QVERIFY(await(get(api, "/categories")).ok);
        QCOMPARE(heads.size(), 3);
        QCOMPARE(languageOf(heads.at(0)), QByteArray("ko"));
        QCOMPARE(languageOf(heads.at(1)), QByteArray("ko"));
        QCOMPARE(languageOf(heads.at(2)), QByteArray("en"));
    }

    void realtimeConnectsFromHealthz() {
        ApiClient api;
        api.setServerUrl(m_server.httpUrl());
        RealtimeClient realtime(&api);
        realtime.start();
        QTRY_VERIFY_WITH_TIMEOUT(realtime.online(), 15000);
        realtime.stop();
        QVERIFY(!realtime.online());
    }

private:
    DemoServer m_server;
};

QTEST_GUILESS_MAIN(ApiClientTest)
#include "ApiClientTest.moc"
