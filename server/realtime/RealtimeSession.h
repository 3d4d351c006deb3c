// One live client connection: reads its frames, keeps its subscriptions in the registry,
// answers it and remembers when it was last heard from. Lives on the hub thread.
#pragma once

#include "bitmarket/ApiError.h"
#include "realtime/ClientRequest.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QJsonValue>
#include <QObject>
#include <QWebSocketProtocol>
#include <optional>

class QWebSocket;

namespace bitmarket::server {

class TopicRegistry;

class RealtimeSession final : public QObject {
    Q_OBJECT

public:
    // Takes ownership of `socket`. `userId` is empty for an anonymous socket.
    RealtimeSession(QWebSocket* socket, std::optional<QString> userId, TopicRegistry& topics,
                    int maxTopics, QObject* parent);

    void send(const QString& frame);
    void ping();
    // Time since the client last sent anything, a pong included.
    qint64 silentForMs() const;
    // Bytes queued for the client but not yet handed to the network.
    qint64 backlogBytes() const;
    // Starts the closing handshake; ended() follows when the socket is gone.
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
    void reply(const QString& type, const QJsonValue& id, const QJsonObject& data);
    void fail(const QJsonValue& id, const ApiError& error);
    void end();

    QWebSocket* m_socket;
    std::optional<QString> m_userId;
    TopicRegistry& m_topics;
    int m_maxTopics;
    QElapsedTimer m_lastHeard;
    bool m_ended = false;
};

} // namespace bitmarket::server
