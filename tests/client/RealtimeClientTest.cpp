// RealtimeClient against the real server when the server ends its socket: an expired access
// token (4001) is refreshed through ApiClient and the socket reopens at once with the new one,
// following the same topics; an ended session (4003) signs the app out as a refused refresh
// does, and the socket carries on anonymously.
#include "realtime/RealtimeClient.h"

#include "api/ApiClient.h"
#include "session/Session.h"
#include "support/HttpTestClient.h"
#include "support/ServerProcess.h"
#include "support/ThrowawayCertificate.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace bitmarket::test;

namespace {

constexpr int kShortTokenSeconds = 4;
constexpr int kWaitMs = 15000;

QJsonObject listingDraft(const QString& title) {
    return QJsonObject{
        {"title", title},       {"description", "A lamp for the desk."},
        {"categoryId", "home"}, {"price", QJsonObject{{"amount", 15000}, {"currency", "KRW"}}},
        {"condition", "good"},  {"tags", QJsonArray{"lamp"}},
        {"region", "Seoul"},    {"saleType", "fixed"}};
}

} // namespace

class RealtimeClientTest : public QObject {
    Q_OBJECT

private:
    QString m_listingId; // the last signUpAndList's

    // Signs `seller` up over HTTP as `username` and lists a desk lamp (m_listingId); the
    // sign-up's answer. `seller` carries the new access token.
    HttpResponse signUpAndList(HttpTestClient& seller, const QString& username) {
        m_listingId.clear();
        const HttpResponse signedUp = seller.post(
            "/api/v1/auth/register", QJsonObject{{"username", username},
                                                 {"email", username + "@test.local"},
                                                 {"password", "12345678"}});
        if (signedUp.status != 201)
            return signedUp;
        seller.setAccessToken(signedUp.json().value("accessToken").toString());
        const HttpResponse created = seller.post("/api/v1/listings", listingDraft("Desk lamp"));
        m_listingId = created.json().value("id").toString();
        return created.status == 201 ? signedUp : created;
    }

    // Signs `session` up as `username` and waits until it is signed in.
    static bool signUp(Session& session, const QString& username) {
        session.registerAccount(username, username + "@test.local", "correct horse " + username,
                                {});
        return QTest::qWaitFor([&session] { return session.signedIn(); }, kWaitMs);
    }

private slots:
    void expiredTokenIsRefreshedAndTheSocketReopensAtOnce() {
        ServerProcess server;
        QVERIFY(server.start({"--access-token-seconds", QString::number(kShortTokenSeconds)}));
        // Someone else's listing the app follows, changed after the socket reopened.
        HttpTestClient seller(server.httpUrl());
        const HttpResponse signedUp = signUpAndList(seller, "lamp_seller");
        QCOMPARE(signedUp.status, 201);
        const QString listingId = m_listingId;
        const QString topic = "listing:" + listingId;

        QTemporaryDir config;
        ApiClient api;
        api.setServerUrl(server.httpUrl());
        Session session(&api, config.path());
        QVERIFY(signUp(session, "ben_expiring"));
        RealtimeClient realtime(&api);
        realtime.subscribe(topic);
        realtime.start();
        QTRY_VERIFY_WITH_TIMEOUT(realtime.online(), kWaitMs);
        const QString firstToken = api.accessToken();

        // The server closes the socket when the token expires; the client refreshes the token
        // and opens the socket again with the new one.
        QSignalSpy onlineChanges(&realtime, &RealtimeClient::onlineChanged);
        QTRY_VERIFY_WITH_TIMEOUT(api.accessToken() != firstToken && realtime.online(),
                                 (kShortTokenSeconds + 5) * 1000);
        QVERIFY(onlineChanges.count() >= 2); // it went offline and came back
        QVERIFY(session.signedIn());

        // Still following the listing. (The seller's token has expired by now too.)
        const HttpResponse sellerAgain = seller.post(
            "/api/v1/auth/refresh",
            QJsonObject{{"refreshToken", signedUp.json().value("refreshToken").toString()}});
        QCOMPARE(sellerAgain.status, 200);
        seller.setAccessToken(sellerAgain.json().value("accessToken").toString());
        QSignalSpy events(&realtime, &RealtimeClient::eventReceived);
        const HttpResponse renamed = seller.patch("/api/v1/listings/" + listingId,
                                                  QJsonObject{{"title", "Brass desk lamp"}});
        QCOMPARE(renamed.status, 200);
        QTRY_VERIFY_WITH_TIMEOUT(!events.isEmpty(), kWaitMs);
        QCOMPARE(events.first().at(0).toString(), QString("listing.updated"));
        QCOMPARE(events.first().at(1).toString(), topic);
        realtime.stop();
        QCOMPARE(server.stop(), 0);
    }

    // A server with its own certificate (--tls-cert): the app signs in over https:// and
    // follows a listing over the wss:// URL the server announces.
    void theAppWorksWithAnHttpsServer() {
        QTemporaryDir dir;
        const QString cert = dir.filePath("cert.pem");
        const QString key = dir.filePath("key.pem");
        QVERIFY(makeCertificate(cert, key));
        trustCertificate(cert);
        ServerProcess server;
        QVERIFY(server.start({"--workers", "0", "--tls-cert", cert, "--tls-key", key}));
        QCOMPARE(server.httpUrl().scheme(), QStringLiteral("https"));

        QTemporaryDir config;
        ApiClient api;
        api.setServerUrl(server.httpUrl());
        Session session(&api, config.path());
        QVERIFY(signUp(session, "tls_buyer"));
        HttpTestClient seller(server.httpUrl());
        QCOMPARE(signUpAndList(seller, "tls_seller").status, 201);
        const QString listingId = m_listingId;

        RealtimeClient realtime(&api);
        realtime.subscribe("listing:" + listingId);
        realtime.start();
        QTRY_VERIFY_WITH_TIMEOUT(realtime.online(), kWaitMs);
        QSignalSpy events(&realtime, &RealtimeClient::eventReceived);
        QCOMPARE(seller.patch("/api/v1/listings/" + listingId, QJsonObject{{"title", "Brass lamp"}})
                     .status,
                 200);
        QTRY_VERIFY_WITH_TIMEOUT(!events.isEmpty(), kWaitMs);
        QCOMPARE(events.first().at(0).toString(), QString("listing.updated"));
        realtime.stop();
        QCOMPARE(server.stop(), 0);
    }

    void endedSessionSignsTheAppOut() {
        ServerProcess server;
        QVERIFY(server.start());
        QTemporaryDir config;
        ApiClient api;
        api.setServerUrl(server.httpUrl());
        Session session(&api, config.path());
        QVERIFY(signUp(session, "cleo_stolen"));
        RealtimeClient realtime(&api);
        realtime.start();
        QTRY_VERIFY_WITH_TIMEOUT(realtime.online(), kWaitMs);
        QSignalSpy revoked(&api, &ApiClient::sessionRevoked);

        // Signed out from another device with this session's refresh token.
        HttpTestClient elsewhere(server.httpUrl());
        QCOMPARE(
            elsewhere.post("/api/v1/auth/logout", QJsonObject{{"refreshToken", api.refreshToken()}})
                .status,
            204);
        QElapsedTimer sinceLogout;
        sinceLogout.start();
        // The app learns it from the socket, without waiting for its next HTTP call.
        QTRY_VERIFY_WITH_TIMEOUT(!session.signedIn(), 5000);
        qInfo("signed out %lld ms after the session ended", sinceLogout.elapsed());
        QCOMPARE(revoked.count(), 1);
        QVERIFY(!session.message().isEmpty());
        QVERIFY(api.accessToken().isEmpty());
        // Anonymous now, and online again.
        QTRY_VERIFY_WITH_TIMEOUT(realtime.online(), kWaitMs);
        realtime.stop();
        QCOMPARE(server.stop(), 0);
    }
};

QTEST_GUILESS_MAIN(RealtimeClientTest)
#include "RealtimeClientTest.moc"
