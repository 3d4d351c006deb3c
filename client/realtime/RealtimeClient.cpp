#include "realtime/RealtimeClient.h"

#include "api/ApiClient.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace {
// Close codes of the server's WebSocket (docs/openapi.json).
constexpr int kCloseTokenExpired = 4001;
constexpr int kCloseSessionEnded = 4003;
} // namespace

RealtimeClient::RealtimeClient(ApiClient* api, QObject* parent) : QObject(parent), m_api(api) {
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &RealtimeClient::discoverAndConnect);
    // Keeps NATs and proxies from dropping a quiet socket and finds dead ones sooner.
    m_pingTimer.setInterval(25000);
    connect(&m_pingTimer, &QTimer::timeout, this, [this] { send(QStringLiteral("ping"), {}); });
    connect(&m_socket, &QWebSocket::connected, this, &RealtimeClient::onConnected);
    connect(&m_socket, &QWebSocket::disconnected, this, &RealtimeClient::onDisconnected);
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &RealtimeClient::onMessage);
}

RealtimeClient::~RealtimeClient() {
    // An open socket says it disconnected as it is destroyed, after the timers (members die in
    // reverse order): onDisconnected() would restart a timer that is gone.
    disconnect(&m_socket, nullptr, this, nullptr);
}

int RealtimeClient::reconnectInSeconds() const {
    return m_reconnectTimer.isActive() ? (m_reconnectTimer.remainingTime() + 999) / 1000 : 0;
}

void RealtimeClient::subscribe(const QString& topic) {
    if (m_topics[topic]++ == 0 && m_online)
        send(QStringLiteral("subscribe"), QJsonObject{{"topics", QJsonArray{topic}}});
}

void RealtimeClient::unsubscribe(const QString& topic) {
    auto it = m_topics.find(topic);
    if (it == m_topics.end())
        return;
    if (--it.value() > 0)
        return;
    m_topics.erase(it);
    if (m_online)
        send(QStringLiteral("unsubscribe"), QJsonObject{{"topics", QJsonArray{topic}}});
}

void RealtimeClient::start() {
    m_running = true;
    m_attempt = 0;
    ++m_generation;
    m_wsUrl.clear();
    m_reconnectTimer.stop();
    if (m_socket.state() != QAbstractSocket::UnconnectedState)
        m_socket.abort(); // onDisconnected schedules the reconnect
    else
        discoverAndConnect();
}

void RealtimeClient::stop() {
    m_running = false;
    ++m_generation;
    m_reconnectTimer.stop();
    m_socket.abort();
    setOnline(false);
}

void RealtimeClient::reconnectNow() {
    if (!m_running || m_online)
        return;
    m_attempt = 0;
    m_reconnectTimer.stop();
    discoverAndConnect();
}

void RealtimeClient::discoverAndConnect() {
    if (!m_running)
        return;
    if (m_wsUrl.isValid()) {
        openSocket();
        return;
    }
    ApiCall* call = m_api->health();
    connect(call, &ApiCall::succeeded, this, [this, gen = m_generation](const QJsonObject& body) {
        if (gen != m_generation)
            return;
        m_wsUrl = QUrl(body.value("websocketUrl").toString());
        if (m_wsUrl.isValid() && !m_wsUrl.isEmpty())
            openSocket();
        else
            scheduleReconnect();
    });
    connect(call, &ApiCall::failed, this, [this, gen = m_generation] {
        if (gen == m_generation)
            scheduleReconnect();
    });
}

void RealtimeClient::openSocket() {
    QNetworkRequest request(m_wsUrl);
    m_socketToken = m_api->accessToken();
    if (!m_socketToken.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_socketToken.toUtf8());
    m_socket.open(request);
}

void RealtimeClient::onConnected() {
    m_attempt = 0;
    setOnline(true);
    m_pingTimer.start();
    if (!m_topics.isEmpty())
        send(QStringLiteral("subscribe"),
             QJsonObject{{"topics", QJsonArray::fromStringList(m_topics.keys())}});
}

void RealtimeClient::onDisconnected() {
    m_pingTimer.stop();
    setOnline(false);
    if (!m_running)
        return;
    const int code = m_socket.closeCode();
    if (!m_socketToken.isEmpty() && (code == kCloseTokenExpired || code == kCloseSessionEnded))
        renewTokenAndReconnect();
    else
        scheduleReconnect();
}

void RealtimeClient::renewTokenAndReconnect() {
    if (m_api->accessToken() != m_socketToken) {
        discoverAndConnect(); // another call renewed it meanwhile
        return;
    }
    // A refresh the server refuses signs the session out, as it would for any
    // other call. Either way the token it leaves (new, or none) is the one to use.
    connect(
        m_api, &ApiClient::refreshFinished, this,
        [this, gen = m_generation, refused = m_socketToken] {
            if (gen != m_generation)
                return;
            // The same token would be refused again: wait as after any other failure.
            if (m_api->accessToken() == refused)
                scheduleReconnect();
            else
                discoverAndConnect();
        },
        Qt::SingleShotConnection);
    m_api->renewAccessToken();
}

void RealtimeClient::scheduleReconnect() {
    if (!m_running || m_reconnectTimer.isActive())
        return;
    // Forget the discovered URL every few failures: the server may have moved its socket.
    if (m_attempt > 0 && m_attempt % 4 == 0)
        m_wsUrl.clear();
    const int delayMs = qMin(30000, 1000 << qMin(m_attempt, 5));
    ++m_attempt;
    m_reconnectTimer.start(delayMs);
    emit onlineChanged();
}

QString RealtimeClient::request(const QString& type, const QJsonObject& data) {
    if (m_socket.state() != QAbstractSocket::ConnectedState)
        return {};
    const QString id = QStringLiteral("r%1").arg(++m_lastRequestId);
    send(type, data, id);
    return id;
}

void RealtimeClient::onMessage(const QString& text) {
    const QJsonObject frame = QJsonDocument::fromJson(text.toUtf8()).object();
    const QString type = frame.value("type").toString();
    if (type.isEmpty() || type == QLatin1String("pong"))
        return;
    const QJsonObject data = frame.value("data").toObject();
    if (frame.value("id").isString()) {
        emit replied(frame.value("id").toString(), type, data);
        return;
    }
    QString topic = frame.value("topic").toString();
    if (topic.isEmpty())
        topic = data.value("topic").toString();
    emit eventReceived(type, topic, data);
}

void RealtimeClient::send(const QString& type, const QJsonObject& data, const QString& id) {
    if (m_socket.state() != QAbstractSocket::ConnectedState)
        return;
    QJsonObject frame{{"type", type}, {"data", data}};
    if (!id.isEmpty())
        frame.insert("id", id);
    m_socket.sendTextMessage(QString::fromUtf8(QJsonDocument(frame).toJson(QJsonDocument::Compact)));
}

void RealtimeClient::setOnline(bool online) {
    if (m_online == online)
        return;
    m_online = online;
    emit onlineChanged();
}
