// The live-updates hub as its clients see it: real WebSocket connections to a hub on
// 127.0.0.1, domain events published on the in-process bus (some from other threads, as the
// HTTP workers do).
#include "realtime/ConnectedUsers.h"
#include "realtime/RealtimeHub.h"

#include "RealtimeTestClient.h"
#include "bitmarket/Timestamp.h"
#include "events/InProcessEventBus.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <atomic>
#include <future>
#include <memory>
#include <thread>
#include <vector>

using bitmarket::server::InProcessEventBus;
using bitmarket::server::JobProgressed;
using bitmarket::server::ListingUpdated;
using bitmarket::server::RealtimeHub;
using bitmarket::server::SessionEnded;
using bitmarket::test::RealtimeTestClient;

namespace {

constexpr qint64 kHourMs = 3600 * 1000;
// How long "short-lived-token" lasts from the moment it is presented.
constexpr qint64 kShortLifetimeMs = 1500;

// Alice has two sign-in sessions (two devices), Bob one.
RealtimeHub::Admission fakeAuthenticate(const QString& token) {
    const qint64 now = bitmarket::nowMs();
    if (token == QLatin1String("alice-token"))
        return RealtimeHub::Caller{"u_alice", "f_laptop", now + kHourMs};
    if (token == QLatin1String("alice-phone-token"))
        return RealtimeHub::Caller{"u_alice", "f_phone", now + kHourMs};
    if (token == QLatin1String("bob-token"))
        return RealtimeHub::Caller{"u_bob", "f_bob", now + kHourMs};
    if (token == QLatin1String("short-lived-token"))
        return RealtimeHub::Caller{"u_alice", "f_short", now + kShortLifetimeMs};
    if (token == QLatin1String("expired-token"))
        return RealtimeHub::Refusal::TokenExpired;
    if (token == QLatin1String("ended-session-token"))
        return RealtimeHub::Refusal::SessionEnded;
    return RealtimeHub::Refusal::InvalidToken;
}

// A listing change whose favorite count numbers it, to check the order frames arrive in.
ListingUpdated listingUpdated(const QString& listingId, int sequence = 0,
                              const QString& title = {}) {
    bitmarket::Listing listing;
    listing.id = listingId;
    listing.title = title;
    listing.favoriteCount = sequence;
    return {listing};
}

int sequenceOf(const QJsonObject& frame) {
    return frame.value("data").toObject().value("favoriteCount").toInt();
}

// An event for one user's topic only: progress of a job that belongs to no listing.
JobProgressed jobProgressed(const QString& ownerId, const QString& stage = {}) {
    bitmarket::Job job;
    job.id = QStringLiteral("job_1");
    job.kind = QStringLiteral("model");
    job.status = QStringLiteral("running");
    job.stage = stage;
    return {job, ownerId};
}

QString stageOf(const QJsonObject& frame) {
    return frame.value("data").toObject().value("stage").toString();
}

QString typeOf(const QJsonObject& frame) {
    return frame.value("type").toString();
}
QString errorCodeOf(const QJsonObject& frame) {
    return frame.value("data").toObject().value("code").toString();
}

// Enough of a WebSocket client to complete the handshake and then never answer again: what a
// peer that vanished without closing its TCP connection looks like to the server.
bool openSilentSocket(QTcpSocket& socket, quint16 port, QByteArray& received) {
    QObject::connect(&socket, &QTcpSocket::readyRead, &socket,
                     [&socket, &received] { received += socket.readAll(); });
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(5000))
        return false;
    socket.write("GET /ws HTTP/1.1\r\n"
                 "Host: 127.0.0.1:" +
                 QByteArray::number(port) +
                 "\r\n"
                 "Upgrade: websocket\r\n"
                 "Connection: Upgrade\r\n"
                 "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                 "Sec-WebSocket-Version: 13\r\n\r\n");
    return QTest::qWaitFor([&received] { return received.contains("\r\n\r\n"); }, 5000) &&
           received.startsWith("HTTP/1.1 101");
}

} // namespace

class RealtimeHubTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void anonymousSubscriberReceivesListingEvents();
    void userTopicIsOwnOnly();
    void connectedUsersFollowSignedInSockets();
    void errorFramesSpeakTheCallersLanguage();
    void topicErrorQuotesTheTopicAsSent();
    void accessTokenAuthenticates_data();
    void accessTokenAuthenticates();
    void badTokenIsClosedWithPolicyViolation_data();
    void badTokenIsClosedWithPolicyViolation();
    void otherPathIsRefused();
    void expiredOrEndedTokenIsRefusedWithItsCode_data();
    void expiredOrEndedTokenIsRefusedWithItsCode();
    void socketIsClosedWhenItsTokenExpires();
    void endedSessionClosesItsSocketsOnly();
    void endingEverySessionOfAUserClosesAllTheirSockets();
    void unsubscribeStopsDelivery();
    void topicsPerSocketAreLimited();
    void malformedFrameGetsErrorAndSocketSurvives_data();
    void malformedFrameGetsErrorAndSocketSurvives();
    void hugeFrameClosesSocket();
    void pingIsAnsweredWithPong_data();
    void pingIsAnsweredWithPong();
    void silentSocketIsDroppedLiveOneKept();
    void eventReachesEverySubscriberInOrder();
    void stopClosesClientsCleanly();
    void stopReturnsWhenClientsCannotAnswer();
    void startFailsWhenPortIsTaken();
    void startRejectsInconsistentOptions();

private:
    bool startHub(RealtimeHub::Options options = {});
    QUrl url(const QString& path = QStringLiteral("/ws"), const QString& query = {}) const;
    RealtimeTestClient* openClient(const QByteArray& authorization = {}, const QString& query = {});
    RealtimeTestClient* connectClient(const QByteArray& authorization = {},
                                      const QString& query = {});

    std::unique_ptr<InProcessEventBus> m_bus;
    bitmarket::server::ConnectedUsers m_connected;
    std::unique_ptr<RealtimeHub> m_hub;
    std::vector<std::unique_ptr<RealtimeTestClient>> m_clients;
};

void RealtimeHubTest::init() {
    m_bus = std::make_unique<InProcessEventBus>();
}

void RealtimeHubTest::cleanup() {
    m_clients.clear();
    m_hub.reset();
    m_bus.reset();
}

bool RealtimeHubTest::startHub(RealtimeHub::Options options) {
    m_hub = std::make_unique<RealtimeHub>(*m_bus, fakeAuthenticate, m_connected, options);
    QString error;
    if (!m_hub->start(&error)) {
        qWarning() << "hub did not start:" << error;
        return false;
    }
    return m_hub->port() != 0;
}

QUrl RealtimeHubTest::url(const QString& path, const QString& query) const {
    QUrl url(QStringLiteral("ws://127.0.0.1:%1%2").arg(m_hub->port()).arg(path));
    url.setQuery(query);
    return url;
}

RealtimeTestClient* RealtimeHubTest::openClient(const QByteArray& authorization,
                                                const QString& query) {
    m_clients.push_back(std::make_unique<RealtimeTestClient>());
    m_clients.back()->open(url(QStringLiteral("/ws"), query), authorization);
    return m_clients.back().get();
}

RealtimeTestClient* RealtimeHubTest::connectClient(const QByteArray& authorization,
                                                   const QString& query) {
    RealtimeTestClient* client = openClient(authorization, query);
    return client->waitForConnected() ? client : nullptr;
}

void RealtimeHubTest::errorFramesSpeakTheCallersLanguage() {
    QVERIFY(startHub());
    const auto messageIn = [this](const QByteArray& language) {
        m_clients.push_back(std::make_unique<RealtimeTestClient>());
        RealtimeTestClient* client = m_clients.back().get();
        client->open(url(QStringLiteral("/ws")), {}, language);
        if (!client->waitForConnected())
            return std::make_pair(QString(), QString());
        const QJsonObject refused = client->subscribe({"user:u_alice"});
        return std::make_pair(errorCodeOf(refused),
                              refused.value("data").toObject().value("message").toString());
    };
    const auto english = messageIn({});
    const auto korean = messageIn("ko-KR,ko;q=0.9,en;q=0.5");
    QCOMPARE(english.first, "forbidden");
    QCOMPARE(korean.first, "forbidden");
    QCOMPARE(english.second, QStringLiteral("Sign in to follow user:u_alice."));
    QCOMPARE(korean.second, QStringLiteral("user:u_alice을(를) 구독하려면 로그인해 주세요."));
}

// Found by fuzzing (tests/fuzz/regressions/ws-frames/): a topic holding "%2" came back
// with the hub's own text in place of it, in both languages.
void RealtimeHubTest::topicErrorQuotesTheTopicAsSent() {
    QFile input(QStringLiteral(BITMARKET_SOURCE_DIR
                               "/tests/fuzz/regressions/ws-frames/placeholder-in-topic.json"));
    QVERIFY(input.open(QIODevice::ReadOnly));
    const QString frame = QString::fromUtf8(input.readAll());
    QVERIFY(startHub());
    const auto messageIn = [&](const QByteArray& language) {
        m_clients.push_back(std::make_unique<RealtimeTestClient>());
        RealtimeTestClient* client = m_clients.back().get();
        client->open(url(QStringLiteral("/ws")), {}, language);
        if (!client->waitForConnected())
            return QString();
        client->sendText(frame);
        const QJsonObject error = client->waitForFrame(
            [](const QJsonObject& frame) { return typeOf(frame) == "error"; });
        return error.value("data").toObject().value("message").toString();
    };
    QCOMPARE(messageIn({}), QStringLiteral("Unknown topic \"listing:l_5%2U9c1b7d3e5f60a1b2c3d4\"; "
                                           "expected listing:{id} or user:{id}."));
    QCOMPARE(messageIn("ko"),
             QStringLiteral("알 수 없는 토픽 \"listing:l_5%2U9c1b7d3e5f60a1b2c3d4\"입니다. "
                            "listing:{id} 또는 user:{id} 형식이어야 합니다."));
}

void RealtimeHubTest::anonymousSubscriberReceivesListingEvents() {
    QVERIFY(startHub());
    RealtimeTestClient* client = connectClient();
    QVERIFY(client);
    QTRY_COMPARE(m_hub->connectionCount(), 1);

    const QJsonObject reply = client->subscribe({"listing:l_1"});
    QCOMPARE(typeOf(reply), "subscribed");
    QCOMPARE(reply.value("data").toObject().value("topics").toArray(), QJsonArray{"listing:l_1"});

    m_bus->publish(listingUpdated("l_2"));
    m_bus->publish(listingUpdated("l_1", 0, "Desk lamp"));
    const QJsonObject event = client->waitForEvent("listing:l_1");
    QCOMPARE(typeOf(event), "listing.updated");
    QCOMPARE(event.value("data").toObject().value("title").toString(), "Desk lamp");
    // Events travel in publishing order, so one for listing:l_2 would have arrived by now.
    QVERIFY(client->eventsOn("listing:l_2").isEmpty());
}

void RealtimeHubTest::connectedUsersFollowSignedInSockets() {
    // Chat asks whom a message finds away: a user counts as connected while any signed-in
    // socket of theirs is open, and an anonymous socket counts for nobody.
    QVERIFY(startHub());
    QVERIFY(!m_connected.hasSocketOpen("u_alice"));
    RealtimeTestClient* laptop = connectClient("Bearer alice-token");
    RealtimeTestClient* phone = connectClient("Bearer alice-phone-token");
    QVERIFY(laptop && phone && connectClient());
    QTRY_VERIFY(m_connected.hasSocketOpen("u_alice"));
    QVERIFY(!m_connected.hasSocketOpen("u_bob"));
    laptop->close();
    QVERIFY(laptop->waitForDisconnected());
    QTest::qWait(100);
    QVERIFY(m_connected.hasSocketOpen("u_alice"));
    phone->close();
    QVERIFY(phone->waitForDisconnected());
    QTRY_VERIFY(!m_connected.hasSocketOpen("u_alice"));
}

void RealtimeHubTest::userTopicIsOwnOnly() {
    QVERIFY(startHub());
    RealtimeTestClient* alice = connectClient("Bearer alice-token");
    RealtimeTestClient* anonymous = connectClient();
    QVERIFY(alice && anonymous);

    QCOMPARE(typeOf(alice->subscribe({"user:u_alice"})), "subscribed");
    const QJsonObject othersTopic = alice->subscribe({"listing:l_1", "user:u_bob"});
    QCOMPARE(typeOf(othersTopic), "error");
    QCOMPARE(errorCodeOf(othersTopic), "forbidden");
    const QJsonObject anonymousTopic = anonymous->subscribe({"user:u_alice"});
    QCOMPARE(typeOf(anonymousTopic), "error");
    QCOMPARE(errorCodeOf(anonymousTopic), "forbidden");
    QCOMPARE(typeOf(anonymous->subscribe({"listing:l_9"})), "subscribed");

    m_bus->publish(jobProgressed("u_bob"));
    m_bus->publish(listingUpdated("l_1"));
    m_bus->publish(jobProgressed("u_alice", "sfm"));
    m_bus->publish(listingUpdated("l_9"));

    const QJsonObject own = alice->waitForEvent("user:u_alice");
    QCOMPARE(stageOf(own), "sfm");
    QVERIFY(alice->eventsOn("user:u_bob").isEmpty());
    // The refused request subscribed nothing, not even its permitted listing topic.
    QVERIFY(alice->eventsOn("listing:l_1").isEmpty());
    QVERIFY(!anonymous->waitForEvent("listing:l_9").isEmpty());
    QVERIFY(anonymous->eventsOn("user:u_alice").isEmpty());
}

void RealtimeHubTest::accessTokenAuthenticates_data() {
    QTest::addColumn<QByteArray>("authorization");
    QTest::addColumn<QString>("query");
    QTest::newRow("bearer header") << QByteArray("Bearer alice-token") << QString();
    QTest::newRow("scheme in lower case") << QByteArray("bearer alice-token") << QString();
    QTest::newRow("query parameter") << QByteArray() << QString("access_token=alice-token");
}

void RealtimeHubTest::accessTokenAuthenticates() {
    QFETCH(QByteArray, authorization);
    QFETCH(QString, query);
    QVERIFY(startHub());
    RealtimeTestClient* alice = connectClient(authorization, query);
    QVERIFY(alice);

    QCOMPARE(typeOf(alice->subscribe({"user:u_alice"})), "subscribed");
    m_bus->publish(jobProgressed("u_alice"));
    QCOMPARE(typeOf(alice->waitForEvent("user:u_alice")), "job.progress");
}

void RealtimeHubTest::badTokenIsClosedWithPolicyViolation_data() {
    QTest::addColumn<QByteArray>("authorization");
    QTest::addColumn<QString>("query");
    QTest::newRow("unknown bearer token") << QByteArray("Bearer mallory") << QString();
    QTest::newRow("other auth scheme") << QByteArray("Basic YWxpY2U6cHc=") << QString();
    QTest::newRow("unknown query token") << QByteArray() << QString("access_token=mallory");
    QTest::newRow("empty query token") << QByteArray() << QString("access_token=");
}

void RealtimeHubTest::badTokenIsClosedWithPolicyViolation() {
    QFETCH(QByteArray, authorization);
    QFETCH(QString, query);
    QVERIFY(startHub());
    RealtimeTestClient* client = openClient(authorization, query);

    QVERIFY(client->waitForDisconnected());
    QCOMPARE(client->closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
    QVERIFY2(client->closeReason().contains("token"), qPrintable(client->closeReason()));
    QCOMPARE(m_hub->connectionCount(), 0);
}

void RealtimeHubTest::otherPathIsRefused() {
    QVERIFY(startHub());
    m_clients.push_back(std::make_unique<RealtimeTestClient>());
    RealtimeTestClient* client = m_clients.back().get();
    client->open(url(QStringLiteral("/socket")));

    QVERIFY(client->waitForDisconnected());
    QCOMPARE(client->closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
    QVERIFY2(client->closeReason().contains("/ws"), qPrintable(client->closeReason()));
}

void RealtimeHubTest::expiredOrEndedTokenIsRefusedWithItsCode_data() {
    QTest::addColumn<QByteArray>("authorization");
    QTest::addColumn<int>("closeCode");
    QTest::newRow("expired") << QByteArray("Bearer expired-token") << RealtimeHub::kCloseTokenExpired;
    QTest::newRow("session ended")
        << QByteArray("Bearer ended-session-token") << RealtimeHub::kCloseSessionEnded;
}

void RealtimeHubTest::expiredOrEndedTokenIsRefusedWithItsCode() {
    QFETCH(QByteArray, authorization);
    QFETCH(int, closeCode);
    QVERIFY(startHub());
    RealtimeTestClient* client = openClient(authorization);

    QVERIFY(client->waitForDisconnected());
    QCOMPARE(int(client->closeCode()), closeCode);
    QCOMPARE(m_hub->connectionCount(), 0);
}

void RealtimeHubTest::socketIsClosedWhenItsTokenExpires() {
    QVERIFY(startHub());
    QElapsedTimer sinceAdmission;
    sinceAdmission.start();
    RealtimeTestClient* client = connectClient("Bearer short-lived-token");
    RealtimeTestClient* anonymous = connectClient();
    QVERIFY(client && anonymous);
    QCOMPARE(typeOf(client->subscribe({"user:u_alice"})), "subscribed");
    QCOMPARE(typeOf(anonymous->subscribe({"listing:l_1"})), "subscribed");

    QVERIFY(client->waitForDisconnected(kShortLifetimeMs + 3000));
    QVERIFY2(sinceAdmission.elapsed() >= kShortLifetimeMs - 100, "closed before the token expired");
    QCOMPARE(int(client->closeCode()), RealtimeHub::kCloseTokenExpired);
    QTRY_COMPARE(m_hub->connectionCount(), 1);
    // Anonymous sockets have no token to expire.
    QVERIFY(anonymous->isConnected());
    m_bus->publish(listingUpdated("l_1"));
    QVERIFY(!anonymous->waitForEvent("listing:l_1").isEmpty());
}

void RealtimeHubTest::endedSessionClosesItsSocketsOnly() {
    QVERIFY(startHub());
    RealtimeTestClient* laptop = connectClient("Bearer alice-token");
    RealtimeTestClient* phone = connectClient("Bearer alice-phone-token");
    RealtimeTestClient* bob = connectClient("Bearer bob-token");
    RealtimeTestClient* anonymous = connectClient();
    QVERIFY(laptop && phone && bob && anonymous);
    for (RealtimeTestClient* client : {laptop, phone})
        QCOMPARE(typeOf(client->subscribe({"user:u_alice"})), "subscribed");
    QCOMPARE(typeOf(bob->subscribe({"user:u_bob"})), "subscribed");

    QElapsedTimer sinceSignOut;
    sinceSignOut.start();
    m_bus->publish(SessionEnded{"u_alice", "f_laptop"});
    QVERIFY(laptop->waitForDisconnected(1000));
    qInfo("closed %lld ms after the session ended", sinceSignOut.elapsed());
    QCOMPARE(int(laptop->closeCode()), RealtimeHub::kCloseSessionEnded);
    QTRY_COMPARE(m_hub->connectionCount(), 3);

    // Alice's other session, Bob and the anonymous socket live on; the hub's own event is
    // not fanned out to anyone following the user's topic.
    m_bus->publish(jobProgressed("u_alice", "still here"));
    QCOMPARE(stageOf(phone->waitForEvent("user:u_alice")), "still here");
    QCOMPARE(phone->eventsOn("user:u_alice").size(), 1);
    QVERIFY(phone->isConnected() && bob->isConnected() && anonymous->isConnected());
    QVERIFY(laptop->eventsOn("user:u_alice").isEmpty());
}

void RealtimeHubTest::endingEverySessionOfAUserClosesAllTheirSockets() {
    QVERIFY(startHub());
    RealtimeTestClient* laptop = connectClient("Bearer alice-token");
    RealtimeTestClient* phone = connectClient("Bearer alice-phone-token");
    RealtimeTestClient* bob = connectClient("Bearer bob-token");
    QVERIFY(laptop && phone && bob);

    m_bus->publish(SessionEnded{"u_alice", {}});
    QVERIFY(laptop->waitForDisconnected(1000));
    QVERIFY(phone->waitForDisconnected(1000));
    QCOMPARE(int(laptop->closeCode()), RealtimeHub::kCloseSessionEnded);
    QCOMPARE(int(phone->closeCode()), RealtimeHub::kCloseSessionEnded);
    QTRY_COMPARE(m_hub->connectionCount(), 1);
    QVERIFY(bob->isConnected());
    QCOMPARE(typeOf(bob->request("ping")), "pong");
}

void RealtimeHubTest::unsubscribeStopsDelivery() {
    QVERIFY(startHub());
    RealtimeTestClient* client = connectClient();
    QVERIFY(client);
    QCOMPARE(typeOf(client->subscribe({"listing:l_1", "listing:l_2"})), "subscribed");
    m_bus->publish(listingUpdated("l_1", 1));
    QVERIFY(!client->waitForEvent("listing:l_1").isEmpty());

    const QJsonObject reply = client->unsubscribe({"listing:l_1"});
    QCOMPARE(typeOf(reply), "unsubscribed");
    QCOMPARE(reply.value("data").toObject().value("topics").toArray(), QJsonArray{"listing:l_1"});
    m_bus->publish(listingUpdated("l_1", 2));
    m_bus->publish(listingUpdated("l_2", 3));

    QVERIFY(!client->waitForEvent("listing:l_2").isEmpty());
    QCOMPARE(client->eventsOn("listing:l_1").size(), 1);
}

void RealtimeHubTest::topicsPerSocketAreLimited() {
    RealtimeHub::Options options;
    options.maxTopicsPerSocket = 3;
    QVERIFY(startHub(options));
    RealtimeTestClient* client = connectClient();
    QVERIFY(client);

    QCOMPARE(typeOf(client->subscribe({"listing:a", "listing:b", "listing:c"})), "subscribed");
    // Subscribing again to a followed topic costs nothing.
    QCOMPARE(typeOf(client->subscribe({"listing:c"})), "subscribed");
    const QJsonObject overLimit = client->subscribe({"listing:d"});
    QCOMPARE(typeOf(overLimit), "error");
    QCOMPARE(errorCodeOf(overLimit), "validation_failed");
    QVERIFY(overLimit.value("data").toObject().value("message").toString().contains("3"));

    m_bus->publish(listingUpdated("d"));
    m_bus->publish(listingUpdated("a"));
    QVERIFY(!client->waitForEvent("listing:a").isEmpty());
    QVERIFY(client->eventsOn("listing:d").isEmpty());

    QCOMPARE(typeOf(client->unsubscribe({"listing:b"})), "unsubscribed");
    QCOMPARE(typeOf(client->subscribe({"listing:d"})), "subscribed");
}

void RealtimeHubTest::malformedFrameGetsErrorAndSocketSurvives_data() {
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<bool>("binary");
    QTest::addColumn<QString>("expectedId");

    QTest::newRow("not JSON") << QByteArray("{type: ping") << false << QString();
    QTest::newRow("JSON array") << QByteArray("[1, 2]") << false << QString();
    QTest::newRow("type missing") << QByteArray(R"({"id": "m1"})") << false << QString("m1");
    QTest::newRow("type not a string")
        << QByteArray(R"({"type": 5, "id": "m2"})") << false << QString("m2");
    QTest::newRow("unknown type") << QByteArray(R"({"type": "dance", "id": "m3"})") << false
                                  << QString("m3");
    QTest::newRow("data not an object")
        << QByteArray(R"({"type": "subscribe", "id": "m4", "data": []})") << false << QString("m4");
    QTest::newRow("topics missing")
        << QByteArray(R"({"type": "subscribe", "id": "m5", "data": {}})") << false << QString("m5");
    QTest::newRow("topics not a list")
        << QByteArray(R"({"type": "subscribe", "id": "m6", "data": {"topics": "listing:1"}})")
        << false << QString("m6");
    QTest::newRow("topic not a string")
        << QByteArray(R"({"type": "subscribe", "id": "m7", "data": {"topics": [7]}})") << false
        << QString("m7");
    QTest::newRow("unknown topic kind")
        << QByteArray(R"({"type": "subscribe", "id": "m8", "data": {"topics": ["shop:1"]}})")
        << false << QString("m8");
    QTest::newRow("topic without id")
        << QByteArray(R"({"type": "subscribe", "id": "m9", "data": {"topics": ["listing:"]}})")
        << false << QString("m9");
    QTest::newRow("id of the wrong type")
        << QByteArray(R"({"type": "ping", "id": {}})") << false << QString();
    QTest::newRow("frame over 64 KiB")
        << (R"({"type": "ping", "id": "big", "padding": ")" + QByteArray(70 * 1024, 'x') + "\"}")
        << false << QString();
    QTest::newRow("binary frame") << QByteArray(R"({"type": "ping", "id": "b1"})") << true
                                  << QString();
}

void RealtimeHubTest::malformedFrameGetsErrorAndSocketSurvives() {
    QFETCH(QByteArray, payload);
    QFETCH(bool, binary);
    QFETCH(QString, expectedId);
    QVERIFY(startHub());
    RealtimeTestClient* client = connectClient();
    QVERIFY(client);

    if (binary)
        client->sendBinary(payload);
    else
        client->sendText(QString::fromUtf8(payload));
    const QJsonObject error =
        client->waitForFrame([](const QJsonObject& frame) { return typeOf(frame) == "error"; });
    QCOMPARE(errorCodeOf(error), "validation_failed");
    QVERIFY(!error.value("data").toObject().value("message").toString().isEmpty());
    if (expectedId.isEmpty())
        QVERIFY(!error.contains("id"));
    else
        QCOMPARE(error.value("id").toString(), expectedId);

    QVERIFY(client->isConnected());
    QCOMPARE(typeOf(client->request("ping")), "pong");
}

void RealtimeHubTest::hugeFrameClosesSocket() {
    QVERIFY(startHub());
    RealtimeTestClient* client = connectClient();
    QVERIFY(client);

    client->sendText(QString(2 * 1024 * 1024, 'x'));
    QVERIFY(client->waitForDisconnected());
    QCOMPARE(client->closeCode(), QWebSocketProtocol::CloseCodeTooMuchData);
    QTRY_COMPARE(m_hub->connectionCount(), 0);
}

void RealtimeHubTest::pingIsAnsweredWithPong_data() {
    QTest::addColumn<QJsonValue>("id");
    QTest::newRow("string id") << QJsonValue("p-1");
    QTest::newRow("numeric id") << QJsonValue(42);
    QTest::newRow("no id") << QJsonValue(QJsonValue::Undefined);
}

void RealtimeHubTest::pingIsAnsweredWithPong() {
    QFETCH(QJsonValue, id);
    QVERIFY(startHub());
    RealtimeTestClient* client = connectClient();
    QVERIFY(client);

    QJsonObject ping{{"type", "ping"}};
    if (!id.isUndefined())
        ping.insert("id", id);
    client->send(ping);
    const QJsonObject pong =
        client->waitForFrame([](const QJsonObject& frame) { return typeOf(frame) == "pong"; });
    QCOMPARE(typeOf(pong), "pong");
    QCOMPARE(pong.value("id"), id);
}

void RealtimeHubTest::silentSocketIsDroppedLiveOneKept() {
    RealtimeHub::Options options;
    options.pingIntervalMs = 200;
    options.idleTimeoutMs = 1000;
    QVERIFY(startHub(options));
    RealtimeTestClient* live = connectClient();
    QVERIFY(live);

    QTcpSocket silent;
    QByteArray received;
    QVERIFY(openSilentSocket(silent, m_hub->port(), received));
    QElapsedTimer sinceHandshake;
    sinceHandshake.start();
    QTRY_COMPARE(m_hub->connectionCount(), 2);

    QSignalSpy dropped(&silent, &QTcpSocket::disconnected);
    QVERIFY(dropped.wait(5000));
    QVERIFY2(sinceHandshake.elapsed() >= 800, "dropped before the idle timeout");
    // The server pinged it (FIN + opcode 0x9) before giving up on it.
    QVERIFY(received.contains(char(0x89)));
    QTRY_COMPARE(m_hub->connectionCount(), 1);

    // The Qt client answered the same pings and was kept, though it sent no frame of its own.
    QVERIFY(live->isConnected());
    QCOMPARE(typeOf(live->request("ping")), "pong");
}

void RealtimeHubTest::eventReachesEverySubscriberInOrder() {
    constexpr int kClients = 50;
    constexpr int kEvents = 20;
    // More sockets than one address may hold by default; the cap is not what this tests.
    RealtimeHub::Options options;
    options.maxConnectionsPerAddress = kClients;
    QVERIFY(startHub(options));
    for (int i = 0; i < kClients; ++i)
        openClient();
    for (const auto& client : m_clients) {
        QVERIFY(client->waitForConnected());
        QCOMPARE(typeOf(client->subscribe({"listing:hot"})), "subscribed");
    }
    QCOMPARE(m_hub->connectionCount(), kClients);

    // Published from another thread, as the HTTP workers do.
    std::thread publisher([this] {
        for (int i = 0; i < kEvents; ++i)
            m_bus->publish(listingUpdated("hot", i));
    });
    publisher.join();

    for (const auto& client : m_clients) {
        QVERIFY(QTest::qWaitFor([&] { return client->eventsOn("listing:hot").size() >= kEvents; },
                                5000));
        const QList<QJsonObject> events = client->eventsOn("listing:hot");
        QCOMPARE(events.size(), kEvents);
        for (int i = 0; i < kEvents; ++i)
            QCOMPARE(sequenceOf(events[i]), i);
    }
}

void RealtimeHubTest::stopClosesClientsCleanly() {
    QVERIFY(startHub());
    for (int i = 0; i < 5; ++i)
        openClient();
    for (const auto& client : m_clients) {
        QVERIFY(client->waitForConnected());
        QCOMPARE(typeOf(client->subscribe({"listing:busy"})), "subscribed");
    }
    const quint16 port = m_hub->port();

    // Events keep arriving from a worker thread while the hub goes down.
    std::atomic<bool> publishing = true;
    std::thread publisher([&] {
        int sequence = 0;
        while (publishing)
            m_bus->publish(listingUpdated("busy", sequence++));
    });
    // Stopped from another thread so this one can run the clients' side of the close.
    std::future<void> stopped = std::async(std::launch::async, [this] { m_hub->stop(); });
    for (const auto& client : m_clients) {
        QVERIFY(client->waitForDisconnected());
        QCOMPARE(client->closeCode(), QWebSocketProtocol::CloseCodeGoingAway);
    }
    QVERIFY(QTest::qWaitFor(
        [&] { return stopped.wait_for(std::chrono::seconds(0)) == std::future_status::ready; },
        5000));
    publishing = false;
    publisher.join();

    QCOMPARE(m_hub->connectionCount(), 0);
    QCOMPARE(m_hub->port(), quint16(0));
    m_hub->stop();

    RealtimeTestClient late;
    late.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(port)));
    QVERIFY(late.waitForDisconnected());
    QVERIFY(late.failedToConnect());
}

void RealtimeHubTest::stopReturnsWhenClientsCannotAnswer() {
    QVERIFY(startHub());
    for (int i = 0; i < 3; ++i)
        QVERIFY(connectClient());
    QTRY_COMPARE(m_hub->connectionCount(), 3);

    // This thread runs the clients and is blocked in stop(): nobody answers the close frames.
    QElapsedTimer stopping;
    stopping.start();
    m_hub->stop();
    QVERIFY2(stopping.elapsed() < 3000, "stop() waited too long for silent clients");
    for (const auto& client : m_clients) {
        QVERIFY(client->waitForDisconnected());
        QCOMPARE(client->closeCode(), QWebSocketProtocol::CloseCodeGoingAway);
    }
}

void RealtimeHubTest::startFailsWhenPortIsTaken() {
    QTcpServer occupant;
    QVERIFY(occupant.listen(QHostAddress::LocalHost));
    RealtimeHub::Options options;
    options.port = occupant.serverPort();
    RealtimeHub hub(*m_bus, fakeAuthenticate, m_connected, options);

    QString error;
    QVERIFY(!hub.start(&error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(hub.port(), quint16(0));
    hub.stop();

    occupant.close();
    QVERIFY2(hub.start(&error), qPrintable(error));
    QCOMPARE(hub.port(), options.port);
}

void RealtimeHubTest::startRejectsInconsistentOptions() {
    RealtimeHub::Options options;
    options.pingIntervalMs = 1000;
    options.idleTimeoutMs = 500;
    RealtimeHub hub(*m_bus, fakeAuthenticate, m_connected, options);

    QString error;
    QVERIFY(!hub.start(&error));
    QVERIFY2(error.contains("ping interval"), qPrintable(error));
}

QTEST_GUILESS_MAIN(RealtimeHubTest)
#include "RealtimeHubTest.moc"
