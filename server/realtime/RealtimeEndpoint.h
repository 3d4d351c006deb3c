// The part of the hub that lives on the hub thread: the /ws listener, admission of sockets
// (path and access token), the sessions it admits, heartbeats, the fan-out of domain
// events to the sessions that follow a topic, and closing authenticated sockets when their
// token expires or their session ends. Every member runs on the hub thread.
#pragma once

#include "bitmarket/Result.h"
#include "events/DomainEvent.h"
#include "events/SessionEnded.h"
#include "realtime/RealtimeHub.h"
#include "realtime/RepliesInFlight.h"
#include "realtime/TopicEvent.h"
#include "realtime/TopicRegistry.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QThreadPool>
#include <QWebSocketProtocol>
#include <atomic>
#include <memory>

class QTcpSocket;
class QTimer;
class QWebSocket;
class QWebSocketServer;

namespace bitmarket::server {

class RealtimeSession;
class SocketListener;

class RealtimeEndpoint final : public QObject {
    Q_OBJECT

public:
    RealtimeEndpoint(RealtimeHub::Options options, RealtimeHub::Authenticator authenticate,
                     std::atomic<int>& connectionCount, ConnectedUsers& connected);
    ~RealtimeEndpoint() override;

    // Starts listening and heartbeats; the port listened on.
    Result<quint16> listen();
    // Sends the event's frames to the sessions following their topics (see TopicEvent).
    void deliver(const DomainEvent& event);
    // New sockets are wss:// with `tls` from now on.
    void setTls(const QSslConfiguration& tls);
    // Stops accepting, closes every socket and emits closed() once all are gone.
    void shutdown();

Q_SIGNALS:
    void closed();

private:
    // Counts a new socket against its address and the total, closing it past either, and
    // hands it to the WebSocket handshake.
    void acceptPendingSockets();
    // The WebSocket handshake, after the TLS one for a wss:// socket.
    void startHandshake(QTcpSocket* socket);
    void admitPendingConnections();
    void admit(QWebSocket* socket);
    void refuse(QWebSocket* socket, QWebSocketProtocol::CloseCode code, const QString& reason);
    void closeWhenExpired(RealtimeSession* session, qint64 expiresAtMs);
    void fanOut(const TopicEvent& event);
    void closeSessionsOf(const SessionEnded& ended);
    // Stops the session's events at once and closes it, cutting it off if it does not answer.
    void end(RealtimeSession* session, QWebSocketProtocol::CloseCode code, const QString& reason);
    void sendHeartbeat();
    void forget(RealtimeSession* session);
    void finishShutdown();

    RealtimeHub::Options m_options;
    RealtimeHub::Authenticator m_authenticate;
    std::atomic<int>& m_connectionCount;
    ConnectedUsers& m_connected;
    QThreadPool m_commandPool; // runs the client commands that block (see ClientCommands)
    RepliesInFlight m_repliesInFlight;
    SocketListener* m_tcpListener = nullptr;
    QWebSocketServer* m_listener = nullptr; // handshakes only; m_tcpListener accepts
    // Open sockets, from the TCP accept until the socket is deleted. Shared with each
    // socket's SocketPlace, which may outlive the endpoint during its destruction.
    struct SocketCounts {
        int total = 0;
        QHash<QString, int> perAddress;
        QHash<QPair<QString, quint16>, QTcpSocket*> handshaking; // by peer address and port
    };
    std::shared_ptr<SocketCounts> m_socketCounts;
    QTimer* m_heartbeat = nullptr;
    TopicRegistry m_topics;
    QSet<RealtimeSession*> m_sessions;
    bool m_shuttingDown = false;
    bool m_closed = false;
};

} // namespace bitmarket::server
