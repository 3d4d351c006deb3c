#include "realtime/RealtimeEndpoint.h"

#include "bitmarket/Timestamp.h"
#include "realtime/ConnectedUsers.h"
#include "realtime/RealtimeSession.h"
#include "realtime/ServerFrame.h"

#include <QNetworkRequest>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>
#include <QWebSocket>
#include <QWebSocketServer>
#include <algorithm>
#include <climits>
#include <optional>

namespace bitmarket::server {

namespace {

// How long a closing socket gets to answer the close frame before it is cut off.
constexpr int kCloseGraceMs = 1000;
// A socket whose unsent backlog grows past this is not reading; it would otherwise hold
// every event for it in memory. It is dropped and reconnects with a fresh state.
constexpr qint64 kMaxBacklogBytes = 8 * 1024 * 1024;

const QString kPath = QStringLiteral("/ws");

// Frees a socket's place in the counts when the socket goes, whoever deletes it: the
// handshake when it fails, the WebSocket it became, or the handshake deadline. A child of
// the socket rather than a connection to its destroyed(): a WebSocket drops every
// connection of its TCP socket before deleting it.
class SocketPlace final : public QObject {
public:
    SocketPlace(QTcpSocket* socket, std::function<void()> release)
        : QObject(socket), m_release(std::move(release)) {}
    ~SocketPlace() override { m_release(); }

private:
    std::function<void()> m_release;
};

// IPv4 clients of an IPv6 listener count as their IPv4 address.
QString addressKey(const QHostAddress& address) {
    bool v4 = false;
    const quint32 ip = address.toIPv4Address(&v4);
    return v4 ? QHostAddress(ip).toString() : address.toString();
}

const auto kTokenExpired =
    static_cast<QWebSocketProtocol::CloseCode>(RealtimeHub::kCloseTokenExpired);
const auto kSessionEnded =
    static_cast<QWebSocketProtocol::CloseCode>(RealtimeHub::kCloseSessionEnded);
const QString kTokenExpiredReason = QStringLiteral("Access token expired.");
const QString kSessionEndedReason = QStringLiteral("This session has ended.");

// The token the upgrade request presents, or nothing for an anonymous socket. A malformed
// Authorization header counts as a bad (empty) token rather than as anonymous, so a client
// with a broken header is told so instead of silently losing its private topics.
std::optional<QString> presentedToken(const QNetworkRequest& request) {
    const QByteArray authorization = request.rawHeader("Authorization").trimmed();
    if (!authorization.isEmpty()) {
        const QByteArray scheme = QByteArrayLiteral("bearer ");
        if (!authorization.toLower().startsWith(scheme))
            return QString();
        return QString::fromLatin1(authorization.mid(scheme.size()).trimmed());
    }
    const QUrlQuery query(request.url());
    if (query.hasQueryItem(QStringLiteral("access_token")))
        return query.queryItemValue(QStringLiteral("access_token"), QUrl::FullyDecoded);
    return std::nullopt;
}

} // namespace

// Accepts TCP sockets, or with a TLS configuration sockets that will be wss:// (their
// TLS handshake not started yet, so that they are counted first like any other).
class SocketListener final : public QTcpServer {
public:
    using QTcpServer::QTcpServer;
    void setTls(std::optional<QSslConfiguration> tls) { m_tls = std::move(tls); }

protected:
    void incomingConnection(qintptr descriptor) override {
        if (!m_tls) {
            QTcpServer::incomingConnection(descriptor);
            return;
        }
        auto* socket = new QSslSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        socket->setSslConfiguration(*m_tls);
        addPendingConnection(socket);
    }

private:
    std::optional<QSslConfiguration> m_tls;
};

RealtimeEndpoint::RealtimeEndpoint(RealtimeHub::Options options,
                                   RealtimeHub::Authenticator authenticate,
                                   std::atomic<int>& connectionCount, ConnectedUsers& connected)
    : m_options(std::move(options)), m_authenticate(std::move(authenticate)),
      m_connectionCount(connectionCount), m_connected(connected),
      m_socketCounts(std::make_shared<SocketCounts>()) {
    m_commandPool.setMaxThreadCount(std::max(1, m_options.commandThreads));
}

RealtimeEndpoint::~RealtimeEndpoint() {
    // Commands in flight post their replies here; none may run once the sessions are gone.
    m_commandPool.waitForDone();
    m_repliesInFlight.waitForNone();
    // Sessions are children and would outlive the registry otherwise; they must not see it
    // half destroyed.
    qDeleteAll(m_sessions);
}

Result<quint16> RealtimeEndpoint::listen() {
    m_listener =
        new QWebSocketServer(QStringLiteral("BitMarket"), QWebSocketServer::NonSecureMode, this);
    // Ours comes first (acceptPendingSockets); Qt's is the backstop.
    m_listener->setHandshakeTimeout(2 * m_options.handshakeTimeoutMs);
    connect(m_listener, &QWebSocketServer::newConnection, this,
            &RealtimeEndpoint::admitPendingConnections);
    m_tcpListener = new SocketListener(this);
    m_tcpListener->setTls(m_options.tls);
    connect(m_tcpListener, &QTcpServer::newConnection, this, &RealtimeEndpoint::acceptPendingSockets);
    if (!m_tcpListener->listen(m_options.address, m_options.port)) {
        return ApiError::internal(
                   QStringLiteral("Cannot listen for WebSocket clients on %1:%2: %3"))
            .arg(m_options.address.toString())
            .arg(m_options.port)
            .arg(m_tcpListener->errorString());
    }
    m_heartbeat = new QTimer(this);
    connect(m_heartbeat, &QTimer::timeout, this, &RealtimeEndpoint::sendHeartbeat);
    m_heartbeat->start(m_options.pingIntervalMs);
    return m_tcpListener->serverPort();
}

void RealtimeEndpoint::deliver(const DomainEvent& event) {
    // Addressed to the hub itself, never fanned out to subscribers.
    if (const auto* ended = std::get_if<SessionEnded>(&event)) {
        closeSessionsOf(*ended);
        return;
    }
    for (const TopicEvent& topicEvent : TopicEvent::from(event))
        fanOut(topicEvent);
}

void RealtimeEndpoint::fanOut(const TopicEvent& event) {
    const QList<RealtimeSession*> subscribers = m_topics.subscribersOf(event.topic);
    if (subscribers.isEmpty())
        return;
    // Built once per language that a subscriber reads.
    std::optional<QString> english, korean;
    for (RealtimeSession* session : subscribers) {
        std::optional<QString>& frame = session->language() == Language::Korean ? korean : english;
        if (!frame)
            frame = ServerFrame::event(event, session->language());
        session->send(*frame);
        if (session->backlogBytes() > kMaxBacklogBytes)
            session->drop();
    }
}

void RealtimeEndpoint::setTls(const QSslConfiguration& tls) {
    if (m_tcpListener)
        m_tcpListener->setTls(tls);
}

void RealtimeEndpoint::shutdown() {
    if (m_shuttingDown)
        return;
    m_shuttingDown = true;
    if (m_heartbeat)
        m_heartbeat->stop();
    if (m_tcpListener)
        m_tcpListener->close();
    if (m_sessions.isEmpty()) {
        finishShutdown();
        return;
    }
    // Copied: a close may end a session at once, and ending one removes it from m_sessions.
    const QList<RealtimeSession*> sessions = m_sessions.values();
    for (RealtimeSession* session : sessions)
        session->close(QWebSocketProtocol::CloseCodeGoingAway,
                       QStringLiteral("The server is shutting down."));
    QTimer::singleShot(kCloseGraceMs, this, [this] {
        const QList<RealtimeSession*> lingering = m_sessions.values();
        for (RealtimeSession* session : lingering)
            session->drop();
    });
}

void RealtimeEndpoint::acceptPendingSockets() {
    SocketCounts& counts = *m_socketCounts;
    while (QTcpSocket* socket = m_tcpListener->nextPendingConnection()) {
        const QString address = addressKey(socket->peerAddress());
        if (m_shuttingDown || counts.total >= m_options.maxConnections ||
            (counts.perAddress.value(address) >= m_options.maxConnectionsPerAddress &&
             !m_options.trustedProxies.contains(address))) {
            socket->abort();
            socket->deleteLater();
            continue;
        }
        // Frames are small and often several to one socket in a row (an answer, then the
        // message): with Nagle's rule each one after the first waited for the peer's delayed
        // acknowledgement, up to 40 ms here and more on real networks.
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        ++counts.total;
        ++counts.perAddress[address];
        const QPair<QString, quint16> peer{address, socket->peerPort()};
        counts.handshaking.insert(peer, socket);
        new SocketPlace(socket, [counts = m_socketCounts, address, peer, socket] {
            --counts->total;
            if (--counts->perAddress[address] <= 0)
                counts->perAddress.remove(address);
            if (counts->handshaking.value(peer) == socket)
                counts->handshaking.remove(peer);
        });
        QTimer::singleShot(m_options.handshakeTimeoutMs, socket, [counts = m_socketCounts, peer, socket] {
            if (counts->handshaking.value(peer) != socket)
                return;
            socket->abort();
            socket->deleteLater();
        });
        startHandshake(socket);
    }
}

void RealtimeEndpoint::startHandshake(QTcpSocket* socket) {
    auto* tls = qobject_cast<QSslSocket*>(socket);
    if (!tls) {
        m_listener->handleConnection(socket);
        return;
    }
    connect(tls, &QSslSocket::encrypted, this, [this, tls] { m_listener->handleConnection(tls); });
    // A failed TLS handshake (plain ws:// to the wss:// port, no protocol in common) never
    // reaches the WebSocket server, which would otherwise delete the socket.
    connect(tls, &QAbstractSocket::disconnected, tls, [tls] {
        if (!tls->isEncrypted())
            tls->deleteLater();
    });
    tls->startServerEncryption();
}

void RealtimeEndpoint::admitPendingConnections() {
    while (m_listener->hasPendingConnections())
        admit(m_listener->nextPendingConnection());
}

void RealtimeEndpoint::admit(QWebSocket* socket) {
    // The WebSocket reads through the TCP socket but does not own it: the TCP socket (and
    // its count) goes with the WebSocket.
    // Upgraded: past the handshake deadline. The WebSocket owns the TCP socket now.
    m_socketCounts->handshaking.remove({addressKey(socket->peerAddress()), socket->peerPort()});
    if (socket->state() != QAbstractSocket::ConnectedState) {
        socket->deleteLater();
        return;
    }
    if (m_shuttingDown) {
        refuse(socket, QWebSocketProtocol::CloseCodeGoingAway,
               QStringLiteral("The server is shutting down."));
        return;
    }
    const QNetworkRequest request = socket->request();
    if (request.url().path() != kPath) {
        refuse(socket, QWebSocketProtocol::CloseCodePolicyViolated,
               QStringLiteral("Live updates are served on %1.").arg(kPath));
        return;
    }
    std::optional<RealtimeHub::Caller> caller;
    if (const std::optional<QString> token = presentedToken(request)) {
        const RealtimeHub::Admission admission =
            token->isEmpty() ? RealtimeHub::Refusal::InvalidToken : m_authenticate(*token);
        if (const auto* refusal = std::get_if<RealtimeHub::Refusal>(&admission)) {
            switch (*refusal) {
            case RealtimeHub::Refusal::TokenExpired:
                refuse(socket, kTokenExpired, kTokenExpiredReason);
                return;
            case RealtimeHub::Refusal::SessionEnded:
                refuse(socket, kSessionEnded, kSessionEndedReason);
                return;
            case RealtimeHub::Refusal::InvalidToken:
                refuse(socket, QWebSocketProtocol::CloseCodePolicyViolated,
                       QStringLiteral("Invalid access token."));
                return;
            }
        }
        caller = std::get<RealtimeHub::Caller>(admission);
    }

    auto* session =
        new RealtimeSession(socket, caller, m_topics, m_options.maxTopicsPerSocket,
                            RealtimeSession::Commands{m_options.commands, m_commandPool, m_repliesInFlight}, this);
    connect(session, &RealtimeSession::ended, this, &RealtimeEndpoint::forget);
    m_sessions.insert(session);
    ++m_connectionCount;
    if (caller) {
        m_connected.opened(caller->userId);
        closeWhenExpired(session, caller->expiresAtMs);
    }
}

void RealtimeEndpoint::closeWhenExpired(RealtimeSession* session, qint64 expiresAtMs) {
    const qint64 remainingMs = std::clamp<qint64>(expiresAtMs - nowMs(), 0, INT_MAX);
    // Precise: a coarse timer may fire up to 5% early, minutes before a 15-minute token ends.
    QTimer::singleShot(static_cast<int>(remainingMs), Qt::PreciseTimer, session,
                       [this, session] { end(session, kTokenExpired, kTokenExpiredReason); });
}

void RealtimeEndpoint::closeSessionsOf(const SessionEnded& ended) {
    const QList<RealtimeSession*> sessions = m_sessions.values();
    for (RealtimeSession* session : sessions) {
        if (session->openedIn(ended.userId, ended.sessionId))
            end(session, kSessionEnded, kSessionEndedReason);
    }
}

void RealtimeEndpoint::end(RealtimeSession* session, QWebSocketProtocol::CloseCode code,
                           const QString& reason) {
    m_topics.removeSession(session);
    session->close(code, reason);
    QTimer::singleShot(kCloseGraceMs, session, [session] { session->drop(); });
}

void RealtimeEndpoint::refuse(QWebSocket* socket, QWebSocketProtocol::CloseCode code,
                              const QString& reason) {
    socket->setParent(this);
    connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
    // A peer that never answers the close frame is cut off rather than kept forever.
    QTimer::singleShot(kCloseGraceMs, socket, [socket] {
        socket->abort();
        socket->deleteLater();
    });
    socket->close(code, reason);
}

void RealtimeEndpoint::sendHeartbeat() {
    const QList<RealtimeSession*> sessions = m_sessions.values();
    for (RealtimeSession* session : sessions) {
        if (session->silentForMs() >= m_options.idleTimeoutMs)
            session->drop();
        else
            session->ping();
    }
}

void RealtimeEndpoint::forget(RealtimeSession* session) {
    if (!m_sessions.remove(session))
        return;
    m_topics.removeSession(session);
    --m_connectionCount;
    if (const std::optional<QString> userId = session->userId())
        m_connected.closed(*userId);
    session->deleteLater();
    if (m_shuttingDown && m_sessions.isEmpty())
        finishShutdown();
}

void RealtimeEndpoint::finishShutdown() {
    if (m_closed)
        return;
    m_closed = true;
    Q_EMIT closed();
}

} // namespace bitmarket::server
