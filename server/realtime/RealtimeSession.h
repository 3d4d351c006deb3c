// One live client connection: reads its frames, keeps its subscriptions in the registry,
// answers it and remembers when it was last heard from. Lives on the hub thread.
#pragma once

#include "bitmarket/ApiError.h"
#include "bitmarket/Language.h"
#include "realtime/ClientRequest.h"
#include "realtime/RealtimeHub.h"
#include "realtime/RepliesInFlight.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QJsonValue>
#include <QObject>
#include <QWebSocketProtocol>
#include <functional>
#include <optional>
#include <string_view>

class QThreadPool;
class QWebSocket;

namespace bitmarket::server {

class TopicRegistry;

class RealtimeSession final : public QObject {
    Q_OBJECT

public:
    // The client commands, the pool the blocking ones run on and the count of replies still
    // owed by other threads, all the endpoint's.
    struct Commands {
        const ClientCommands& run;
        QThreadPool& pool;
        RepliesInFlight& inFlight;
    };

    // Takes ownership of `socket`. `caller` is empty for an anonymous socket. `parent` lives on
    // the hub thread and outlives every command the session starts (it waits for the pool and
    // for the replies in flight).
    RealtimeSession(QWebSocket* socket, std::optional<RealtimeHub::Caller> caller,
                    TopicRegistry& topics, int maxTopics, Commands commands, QObject* parent);

    // The signed-in user's id; empty for an anonymous socket.
    const std::optional<QString>& userId() const { return m_userId; }

    // Whether the socket was opened by `userId` in `sessionId` (in any of their sessions when
    // `sessionId` is empty).
    bool openedIn(const QString& userId, const QString& sessionId) const;

    // The language it asked for on the upgrade request (Accept-Language): of error messages
    // and of the words in notification frames.
    Language language() const { return m_language; }
    void send(const QString& frame);
    void ping();
    // Time since the client last sent anything, a pong included.
    qint64 silentForMs() const;
    // Bytes queued for the client but not yet handed to the network.
    qint64 backlogBytes() const;
    // Starts the closing handshake and stops answering requests; ended() follows when the
    // socket is gone.
    void close(QWebSocketProtocol::CloseCode code, const QString& reason);
    // Cuts the connection without a handshake, for peers that are dead or not reading.
    void drop();

Q_SIGNALS:
    // Emitted once, when the connection is over; the session may then be deleted.
    void ended(bitmarket::server::RealtimeSession* session);

private:
    void readText(const QString& text);
    void readBinary();
    void subscribe(const ClientRequest& request);
    void unsubscribe(const ClientRequest& request);
    // chat.send and chat.typing, for signed-in sockets only.
    void chat(const ClientRequest& request);
    // Runs `work` on the command pool and answers with its result as `replyType`.
    void runCommand(const QJsonValue& id, const QString& replyType,
                    std::function<Result<QJsonObject>()> work);
    // A reply worked out on another thread, answered on the hub thread as `replyType`.
    ClientCommands::Reply replyLater(const QJsonValue& id, const QString& replyType);
    void reply(const QString& type, const QJsonValue& id, const QJsonObject& data);
    void reply(const QString& type, const QJsonValue& id, std::string_view dataText);
    void fail(const QJsonValue& id, const ApiError& error);
    void end();

    QWebSocket* m_socket;
    std::optional<RealtimeHub::Caller> m_caller;
    std::optional<QString> m_userId; // the caller's, for topic checks
    TopicRegistry& m_topics;
    int m_maxTopics;
    Commands m_commands;
    Language m_language; // of error messages, from the upgrade request's Accept-Language
    QElapsedTimer m_lastHeard;
    bool m_closing = false;
    bool m_ended = false;
};

} // namespace bitmarket::server
