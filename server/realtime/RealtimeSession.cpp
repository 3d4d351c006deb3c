#include "realtime/RealtimeSession.h"

#include "bitmarket/ErrorCatalogue.h"
#include "realtime/RealtimeTopic.h"
#include "realtime/ServerFrame.h"
#include "realtime/TopicRegistry.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QThreadPool>
#include <QWebSocket>

namespace bitmarket::server {

namespace {

// Frames between the 64 KiB the protocol allows and this are answered with an error and the
// socket stays open; anything larger makes Qt close the socket (1009) before buffering it.
constexpr quint64 kLargestReadableFrameBytes = 1024 * 1024;

} // namespace

RealtimeSession::RealtimeSession(QWebSocket* socket, std::optional<RealtimeHub::Caller> caller,
                                 TopicRegistry& topics, int maxTopics, Commands commands,
                                 QObject* parent)
    : QObject(parent), m_socket(socket), m_caller(std::move(caller)), m_topics(topics),
      m_maxTopics(maxTopics), m_commands(commands), m_language(languageFromAcceptLanguage(QString::fromLatin1(
                                  socket->request().rawHeader("Accept-Language")))) {
    if (m_caller)
        m_userId = m_caller->userId;
    m_socket->setParent(this);
    m_socket->setMaxAllowedIncomingMessageSize(kLargestReadableFrameBytes);
    m_socket->setMaxAllowedIncomingFrameSize(kLargestReadableFrameBytes);
    m_lastHeard.start();
    connect(m_socket, &QWebSocket::textMessageReceived, this, &RealtimeSession::readText);
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, &RealtimeSession::readBinary);
    connect(m_socket, &QWebSocket::pong, this, [this] { m_lastHeard.start(); });
    connect(m_socket, &QWebSocket::disconnected, this, &RealtimeSession::end);
}

bool RealtimeSession::openedIn(const QString& userId, const QString& sessionId) const {
    return m_caller && m_caller->userId == userId &&
           (sessionId.isEmpty() || m_caller->sessionId == sessionId);
}

void RealtimeSession::send(const QString& frame) {
    m_socket->sendTextMessage(frame);
}

void RealtimeSession::ping() {
    m_socket->ping();
}

qint64 RealtimeSession::silentForMs() const {
    return m_lastHeard.elapsed();
}

qint64 RealtimeSession::backlogBytes() const {
    return m_socket->bytesToWrite();
}

void RealtimeSession::close(QWebSocketProtocol::CloseCode code, const QString& reason) {
    // A socket closed for its ended session must not subscribe again while the peer answers.
    m_closing = true;
    m_socket->close(code, reason);
}

void RealtimeSession::drop() {
    m_socket->abort();
    end();
}

void RealtimeSession::readText(const QString& text) {
    m_lastHeard.start();
    if (m_closing)
        return;
    QJsonValue id(QJsonValue::Undefined);
    const Result<ClientRequest> request = ClientRequest::parse(text.toUtf8(), id);
    if (!request) {
        fail(id, request.error());
        return;
    }
    switch (request->kind) {
    case ClientRequest::Kind::Subscribe:
        subscribe(*request);
        break;
    case ClientRequest::Kind::Unsubscribe:
        unsubscribe(*request);
        break;
    case ClientRequest::Kind::Ping:
        reply(QStringLiteral("pong"), request->id, QJsonObject());
        break;
    case ClientRequest::Kind::ChatSend:
    case ClientRequest::Kind::ChatTyping:
        chat(*request);
        break;
    }
}

void RealtimeSession::chat(const ClientRequest& request) {
    if (!m_userId) {
        fail(request.id, ApiError::unauthorized(QStringLiteral("Sign in to chat.")));
        return;
    }
    const ClientCommands& commands = m_commands.run;
    if (request.kind == ClientRequest::Kind::ChatSend) {
        commands.chatSend(*m_userId, request.chatId, request.text, request.clientId,
                          replyLater(request.id, QStringLiteral("chat.sent")));
        return;
    }
    runCommand(request.id, QStringLiteral("chat.typing.sent"),
               [&commands, userId = *m_userId, chatId = request.chatId]() -> Result<QJsonObject> {
                   if (auto told = commands.chatTyping(userId, chatId); !told)
                       return told.error();
                   return QJsonObject{};
               });
}

ClientCommands::Reply RealtimeSession::replyLater(const QJsonValue& id, const QString& replyType) {
    QPointer<RealtimeSession> self(this);
    QObject* home = parent();
    RepliesInFlight& inFlight = m_commands.inFlight;
    inFlight.begin();
    return [self, home, &inFlight, id, replyType](Result<std::string> result) {
        QMetaObject::invokeMethod(
            home,
            [self, id, replyType, result = std::move(result)] {
                if (!self || self->m_closing)
                    return;
                if (result)
                    self->reply(replyType, id, *result);
                else
                    self->fail(id, result.error());
            },
            Qt::QueuedConnection);
        inFlight.end();
    };
}

void RealtimeSession::runCommand(const QJsonValue& id, const QString& replyType,
                                 std::function<Result<QJsonObject>()> work) {
    m_commands.pool.start([work = std::move(work), answer = replyLater(id, replyType)] {
        Result<QJsonObject> data = work();
        if (!data)
            return answer(data.error());
        answer(QJsonDocument(*data).toJson(QJsonDocument::Compact).toStdString());
    });
}

void RealtimeSession::readBinary() {
    m_lastHeard.start();
    fail(QJsonValue::Undefined,
         ApiError::validation(QStringLiteral("Frames must be JSON text; binary frames are not "
                                             "understood.")));
}

void RealtimeSession::subscribe(const ClientRequest& request) {
    // All or nothing: a client must not end up following half of what it asked for.
    for (const QString& name : request.topics) {
        const Result<RealtimeTopic> topic = RealtimeTopic::parse(name);
        if (!topic) {
            fail(request.id, topic.error());
            return;
        }
        if (const Result<void> allowed = topic->checkReadableBy(m_userId); !allowed) {
            fail(request.id, allowed.error());
            return;
        }
    }
    if (m_topics.topicCountOf(this) + m_topics.countNotFollowed(this, request.topics) >
        m_maxTopics) {
        fail(request.id,
             ApiError::validation(QStringLiteral("A connection may follow at most %1 topics."),
                                  QStringLiteral("topics"))
                 .arg(m_maxTopics));
        return;
    }
    m_topics.subscribe(this, request.topics);
    reply(QStringLiteral("subscribed"), request.id,
          {{QStringLiteral("topics"), QJsonArray::fromStringList(request.topics)}});
}

void RealtimeSession::unsubscribe(const ClientRequest& request) {
    m_topics.unsubscribe(this, request.topics);
    reply(QStringLiteral("unsubscribed"), request.id,
          {{QStringLiteral("topics"), QJsonArray::fromStringList(request.topics)}});
}

void RealtimeSession::reply(const QString& type, const QJsonValue& id, const QJsonObject& data) {
    send(ServerFrame::reply(type, id, data));
}

void RealtimeSession::reply(const QString& type, const QJsonValue& id, std::string_view dataText) {
    send(ServerFrame::reply(type, id, dataText));
}

void RealtimeSession::fail(const QJsonValue& id, const ApiError& error) {
    send(ServerFrame::error(id, ErrorCatalogue::translate(error, m_language)));
}

void RealtimeSession::end() {
    if (m_ended)
        return;
    m_ended = true;
    Q_EMIT ended(this);
}

} // namespace bitmarket::server
