#include "realtime/ClientRequest.h"

#include "bitmarket/JsonFields.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace bitmarket::server {

namespace {

// Bounds what one frame can ask for; the per-socket topic limit applies on top.
constexpr int kMaxTopicsPerFrame = 1000;
constexpr int kMaxTopicLength = 200;

// chat.send {chatId, text, clientId?} and chat.typing {chatId}: the shapes only; the chat
// service judges the text.
Result<ClientRequest> chatRequest(ClientRequest request, const QString& type,
                                  const QJsonObject& data) {
    const QJsonValue chatId = data.value(QStringLiteral("chatId"));
    if (!chatId.isString() || chatId.toString().isEmpty())
        return ApiError::validation(QStringLiteral("Must be a string."), QStringLiteral("chatId"));
    request.chatId = chatId.toString();
    if (type == QLatin1String("chat.typing")) {
        request.kind = ClientRequest::Kind::ChatTyping;
        return request;
    }
    request.kind = ClientRequest::Kind::ChatSend;
    const QJsonValue text = data.value(QStringLiteral("text"));
    if (!text.isString())
        return ApiError::validation(QStringLiteral("Must be a string."), QStringLiteral("text"));
    request.text = text.toString();
    const QJsonValue clientId = data.value(QStringLiteral("clientId"));
    if (clientId.isString())
        request.clientId = clientId.toString();
    else if (!clientId.isUndefined() && !clientId.isNull())
        return ApiError::validation(QStringLiteral("Must be a string."), QStringLiteral("clientId"));
    return request;
}

} // namespace

Result<ClientRequest> ClientRequest::parse(const QByteArray& frame, QJsonValue& id) {
    id = QJsonValue::Undefined;
    if (frame.size() > kMaxFrameBytes)
        return ApiError::validation(QStringLiteral("A frame may be at most %1 KiB."))
            .arg(kMaxFrameBytes / 1024);

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(frame, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return ApiError::validation(QStringLiteral("Frame is not valid JSON: %1."))
            .arg(parseError.errorString());
    if (!document.isObject())
        return ApiError::validation(QStringLiteral("A frame must be a JSON object."));
    const QJsonObject object = document.object();

    const QJsonValue rawId = object.value(QStringLiteral("id"));
    if (rawId.isString() || rawId.isDouble())
        id = rawId;
    else if (!rawId.isUndefined() && !rawId.isNull())
        return ApiError::validation(QStringLiteral("Must be a string or a number."),
                                    QStringLiteral("id"));

    const QJsonValue type = object.value(QStringLiteral("type"));
    if (!type.isString())
        return ApiError::validation(QStringLiteral("Must be a string."), QStringLiteral("type"));
    const QJsonValue data = object.value(QStringLiteral("data"));
    if (!data.isUndefined() && !data.isNull() && !data.isObject())
        return ApiError::validation(QStringLiteral("Must be an object."), QStringLiteral("data"));

    ClientRequest request;
    request.id = id;
    const QString typeName = type.toString();
    if (typeName == QLatin1String("ping")) {
        request.kind = Kind::Ping;
        return request;
    }
    if (typeName == QLatin1String("chat.send") || typeName == QLatin1String("chat.typing"))
        return chatRequest(std::move(request), typeName, data.toObject());
    if (typeName == QLatin1String("subscribe"))
        request.kind = Kind::Subscribe;
    else if (typeName == QLatin1String("unsubscribe"))
        request.kind = Kind::Unsubscribe;
    else
        return ApiError::validation(
                   QStringLiteral("Unknown frame type \"%1\"; expected subscribe, unsubscribe, "
                                  "ping, chat.send or chat.typing."),
                   QStringLiteral("type"))
            .arg(typeName.left(40));

    Result<QStringList> topics = json::stringList(data.toObject(), QStringLiteral("topics"),
                                                  kMaxTopicsPerFrame, kMaxTopicLength);
    if (!topics)
        return topics.error();
    if (topics->isEmpty())
        return ApiError::validation(QStringLiteral("Name at least one topic."),
                                    QStringLiteral("topics"));
    request.topics = std::move(topics).value();
    return request;
}

} // namespace bitmarket::server
