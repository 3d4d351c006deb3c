// Live updates over WebSocket. The hub owns a thread with its own Qt event loop; the /ws
// listener, every client socket and the fan-out live on that thread only. Domain events
// arrive from the bus on HTTP worker threads and are handed over to the hub thread.
// A socket opened with an access token lasts only as long as the token: it is closed with
// kCloseTokenExpired when the token expires and with kCloseSessionEnded as soon as its
// session ends (a SessionEnded event on the bus).
#pragma once

#include "bitmarket/Result.h"
#include "events/EventBus.h"

#include <QJsonObject>

#include <QHostAddress>
#include <QSslConfiguration>
#include <QString>
#include <QStringList>
#include <QThread>
#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <variant>

namespace bitmarket::server {

class ConnectedUsers;
class EventRelay;
class RealtimeEndpoint;

// What a signed-in client may ask of the domains over its socket; the reply goes back to the
// socket that asked, if it is still open. Nothing here may hold up the hub thread's fan-out.
struct ClientCommands {
    // The reply's data, as JSON text.
    using Reply = std::function<void(Result<std::string>)>;
    // chat.send, called on the hub thread: it queues the durable write and returns at once;
    // `reply` gets the reply's data ({created, message}) from the thread that finished it.
    // No thread waits for the write, so thousands of sends a second share its commits.
    std::function<void(const QString& userId, const QString& chatId, const QString& text,
                       const QString& clientId, Reply reply)>
        chatSend;
    // chat.typing, run on a thread of the hub's own pool.
    std::function<Result<void>(const QString& userId, const QString& chatId)> chatTyping;
};

class RealtimeHub {
public:
    struct Options {
        QHostAddress address = QHostAddress::LocalHost;
        quint16 port = 0;
        int pingIntervalMs = 20000;
        int idleTimeoutMs = 60000;
        int maxTopicsPerSocket = 200;
        // Open sockets (handshakes included) from one address, and in all; past either a
        // new socket is closed at once, so the server keeps files for everyone else.
        int maxConnectionsPerAddress = 32;
        int maxConnections = 4096;
        // Proxies (nginx) carrying many clients' sockets: not held to the per-address cap.
        QStringList trustedProxies;
        // From connecting to a finished WebSocket handshake (the TLS one included).
        int handshakeTimeoutMs = 10'000;
        // wss:// with this certificate and key when set; ws:// otherwise.
        std::optional<QSslConfiguration> tls;
        ClientCommands commands;
        // Threads that run the client commands that block (chat.typing).
        int commandThreads = 4;
    };
    // Close codes beyond RFC 6455's, in its private range. On the first a client refreshes
    // its access token and reconnects; on the second its session is over (sign in again).
    static constexpr int kCloseTokenExpired = 4001;
    static constexpr int kCloseSessionEnded = 4003;

    // Whom a valid access token speaks for, and until when.
    struct Caller {
        QString userId;
        QString sessionId;
        qint64 expiresAtMs = 0;
    };
    enum class Refusal { InvalidToken, TokenExpired, SessionEnded };
    using Admission = std::variant<Caller, Refusal>;
    // Judges an access token. Called on the hub thread; must be thread-safe.
    using Authenticator = std::function<Admission(const QString& accessToken)>;

    // `connected` is kept up to date with the users whose sockets are open.
    RealtimeHub(EventBus& bus, Authenticator authenticate, ConnectedUsers& connected,
                Options options);
    ~RealtimeHub();
    RealtimeHub(const RealtimeHub&) = delete;
    RealtimeHub& operator=(const RealtimeHub&) = delete;

    // Starts the hub thread and listens; returns once the listener is up or has failed.
    bool start(QString* error);
    // The port actually listened on (useful with port 0); 0 while stopped.
    quint16 port() const;
    // Closes every socket, stops listening and ends the thread. Idempotent. Must not be
    // called from the hub thread (for instance from inside the authenticator).
    void stop();
    // The certificate for new wss:// sockets from now on (a renewed one); while running.
    void setTls(const QSslConfiguration& tls);
    // Admitted sockets; readable from any thread.
    int connectionCount() const;

private:
    EventBus& m_bus;
    Authenticator m_authenticate;
    ConnectedUsers& m_connected;
    Options m_options;

    std::mutex m_lifecycle;
    QThread m_thread;
    RealtimeEndpoint* m_endpoint = nullptr;
    std::shared_ptr<EventRelay> m_relay;
    EventBus::SubscriptionId m_subscription = 0;
    std::atomic<quint16> m_port = 0;
    std::atomic<int> m_connections = 0;
};

} // namespace bitmarket::server
