// Live sockets inside the real server end with the sign-in session that opened them: sign-out,
// sign-out everywhere and refresh-token reuse close them at once (4003), an expiring access
// token closes them when it expires (4001), and a fresh token opens them again.
#include "RealtimeTestClient.h"
#include "server/AddressedClient.h"
#include "server/ApiTestSupport.h"

#include <QElapsedTimer>
#include <QTest>

using namespace bitmarket::test;

namespace {

constexpr int kTokenExpired = 4001;
constexpr int kSessionEnded = 4003;
// How soon a socket must close after its session ends.
constexpr int kPromptlyMs = 1000;
// Token lifetime of the second server, which watches tokens expire.
constexpr int kShortTokenSeconds = 4;

} // namespace

class RealtimeSessionTest : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<HttpTestClient> m_http;
    std::vector<std::unique_ptr<RealtimeTestClient>> m_sockets;

    RealtimeTestClient* connectSocket(const ServerProcess& server, const QString& accessToken) {
        m_sockets.push_back(std::make_unique<RealtimeTestClient>());
        RealtimeTestClient* socket = m_sockets.back().get();
        socket->open(server.wsUrl(), accessToken.isEmpty() ? QByteArray() : "Bearer " + accessToken.toLatin1());
        return socket->waitForConnected() ? socket : nullptr;
    }
    // A socket of `user`'s session that follows the user's own topic.
    RealtimeTestClient* followUser(const QString& userId, const QString& accessToken) {
        RealtimeTestClient* socket = connectSocket(*m_server, accessToken);
        if (!socket || socket->subscribe({"user:" + userId}).value("type").toString() != "subscribed")
            return nullptr;
        return socket;
    }
    HttpResponse logout(const QJsonObject& body, const QString& accessToken = {}) {
        HttpTestClient c(m_server->httpUrl());
        if (!accessToken.isEmpty())
            c.setAccessToken(accessToken);
        return c.post("/api/v1/auth/logout", body);
    }
    HttpResponse refresh(const QString& refreshToken) {
        return m_http->post("/api/v1/auth/refresh", QJsonObject{{"refreshToken", refreshToken}});
    }
    HttpResponse login(const TestUser& u) {
        return m_http->post("/api/v1/auth/login", QJsonObject{{"login", u.username}, {"password", u.password}});
    }

private Q_SLOTS:
    void initTestCase() {
        m_server = std::make_unique<ServerProcess>();
        QVERIFY(m_server->start());
        m_http = std::make_unique<HttpTestClient>(m_server->httpUrl());
    }

    void cleanup() { m_sockets.clear(); }

    void cleanupTestCase() {
        m_http.reset();
        if (m_server)
            QCOMPARE(m_server->stop(), 0);
    }

    void logoutClosesThatSessionsSocketsPromptly() {
        const TestUser u = registerUser(*m_http, "wes_laptop");
        QVERIFY(u.ok());
        const HttpResponse phone = login(u);
        BM_EXPECT_STATUS(phone, 200);
        RealtimeTestClient* laptopSocket = followUser(u.id, u.accessToken);
        RealtimeTestClient* phoneSocket = followUser(u.id, phone.json().value("accessToken").toString());
        RealtimeTestClient* anonymous = connectSocket(*m_server, {});
        QVERIFY(laptopSocket && phoneSocket && anonymous);

        QElapsedTimer sinceLogout;
        sinceLogout.start();
        BM_EXPECT_STATUS(logout({{"refreshToken", u.refreshToken}}), 204);
        QVERIFY2(laptopSocket->waitForDisconnected(kPromptlyMs), "the socket outlived its session");
        qInfo("socket closed %lld ms after sign-out was requested", sinceLogout.elapsed());
        QCOMPARE(int(laptopSocket->closeCode()), kSessionEnded);

        // The same token cannot open a new one either.
        m_sockets.push_back(std::make_unique<RealtimeTestClient>());
        RealtimeTestClient* again = m_sockets.back().get();
        again->open(m_server->wsUrl(), "Bearer " + u.accessToken.toLatin1());
        QVERIFY(again->waitForDisconnected());
        QCOMPARE(int(again->closeCode()), kSessionEnded);

        // The phone's session and anonymous sockets are not touched.
        QCOMPARE(phoneSocket->request("ping").value("type").toString(), QStringLiteral("pong"));
        QCOMPARE(anonymous->request("ping").value("type").toString(), QStringLiteral("pong"));
    }

    void logoutEverywhereClosesEverySocketOfTheUser() {
        const TestUser u = registerUser(*m_http, "xia_everywhere");
        const TestUser bystander = registerUser(*m_http, "yara_bystander");
        QVERIFY(u.ok() && bystander.ok());
        const HttpResponse phone = login(u);
        BM_EXPECT_STATUS(phone, 200);
        RealtimeTestClient* laptopSocket = followUser(u.id, u.accessToken);
        RealtimeTestClient* phoneSocket = followUser(u.id, phone.json().value("accessToken").toString());
        RealtimeTestClient* bystanderSocket = followUser(bystander.id, bystander.accessToken);
        QVERIFY(laptopSocket && phoneSocket && bystanderSocket);

        BM_EXPECT_STATUS(logout({{"all", true}}, u.accessToken), 204);
        QVERIFY(laptopSocket->waitForDisconnected(kPromptlyMs));
        QVERIFY(phoneSocket->waitForDisconnected(kPromptlyMs));
        QCOMPARE(int(laptopSocket->closeCode()), kSessionEnded);
        QCOMPARE(int(phoneSocket->closeCode()), kSessionEnded);
        QCOMPARE(bystanderSocket->request("ping").value("type").toString(), QStringLiteral("pong"));
    }

    void refreshTokenReuseClosesTheSessionsSockets() {
        const TestUser u = registerUser(*m_http, "zed_reuse");
        QVERIFY(u.ok());
        const HttpResponse rotated = refresh(u.refreshToken);
        BM_EXPECT_STATUS(rotated, 200);
        RealtimeTestClient* before = followUser(u.id, u.accessToken);
        RealtimeTestClient* after = followUser(u.id, rotated.json().value("accessToken").toString());
        QVERIFY(before && after);
        // Rotation alone ends nothing.
        QCOMPARE(before->request("ping").value("type").toString(), QStringLiteral("pong"));

        // Replayed from somewhere else (the same address could be a retry within the grace).
        BM_EXPECT_ERROR(AddressedClient(m_server->httpUrl(), loopback(66))
                            .post("/api/v1/auth/refresh", QJsonObject{{"refreshToken", u.refreshToken}}),
                        401, "unauthorized");
        QVERIFY(before->waitForDisconnected(kPromptlyMs));
        QVERIFY(after->waitForDisconnected(kPromptlyMs));
        QCOMPARE(int(before->closeCode()), kSessionEnded);
        QCOMPARE(int(after->closeCode()), kSessionEnded);
    }

    void socketClosesWhenItsTokenExpiresAndReopensWithANewOne() {
        ServerProcess server;
        QVERIFY(server.start({"--access-token-seconds", QString::number(kShortTokenSeconds)}));
        HttpTestClient http(server.httpUrl());
        const TestUser u = registerUser(http, "ada_expiring");
        QVERIFY(u.ok());
        RealtimeTestClient* socket = connectSocket(server, u.accessToken);
        QVERIFY(socket);
        QCOMPARE(socket->subscribe({"user:" + u.id}).value("type").toString(), QStringLiteral("subscribed"));
        RealtimeTestClient* anonymous = connectSocket(server, {});
        QVERIFY(anonymous);

        QVERIFY2(socket->waitForDisconnected((kShortTokenSeconds + 3) * 1000), "the socket outlived its token");
        QCOMPARE(int(socket->closeCode()), kTokenExpired);
        QVERIFY(anonymous->isConnected());

        // The expired token is refused with the same code, so a client knows to refresh...
        m_sockets.push_back(std::make_unique<RealtimeTestClient>());
        RealtimeTestClient* stale = m_sockets.back().get();
        stale->open(server.wsUrl(), "Bearer " + u.accessToken.toLatin1());
        QVERIFY(stale->waitForDisconnected());
        QCOMPARE(int(stale->closeCode()), kTokenExpired);
        // ...and over HTTP as before.
        HttpTestClient expired(server.httpUrl());
        expired.setAccessToken(u.accessToken);
        BM_EXPECT_ERROR(expired.get("/api/v1/me"), 401, "unauthorized");

        // ...which brings a token that opens the socket again.
        const HttpResponse renewed =
            http.post("/api/v1/auth/refresh", QJsonObject{{"refreshToken", u.refreshToken}});
        BM_EXPECT_STATUS(renewed, 200);
        QCOMPARE(renewed.json().value("expiresIn").toInt(), kShortTokenSeconds);
        RealtimeTestClient* reopened = connectSocket(server, renewed.json().value("accessToken").toString());
        QVERIFY(reopened);
        QCOMPARE(reopened->subscribe({"user:" + u.id}).value("type").toString(), QStringLiteral("subscribed"));
        m_sockets.clear();
        QCOMPARE(server.stop(), 0);
    }
};

QTEST_GUILESS_MAIN(RealtimeSessionTest)
#include "RealtimeSessionTest.moc"
