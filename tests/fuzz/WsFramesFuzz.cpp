// Text frames a WebSocket client sends to the hub, read as RealtimeSession
// reads them: the request (ClientRequest), each topic it names (RealtimeTopic)
// and who may follow it, the registry's bookkeeping, and the reply or error
// frame sent back. Every frame is answered with one JSON object carrying the
// request's id, and no anonymous socket may follow a user topic.
// (The WebSocket framing itself is Qt WebSockets', below this.)
#include "FuzzCheck.h"

#include "bitmarket/ErrorCatalogue.h"
#include "realtime/ClientRequest.h"
#include "realtime/RealtimeTopic.h"
#include "realtime/ServerFrame.h"
#include "realtime/TopicRegistry.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace bitmarket;
using namespace bitmarket::server;
using bitmarket::fuzz::check;
using bitmarket::fuzz::checkError;

namespace {

const QString kUserId = QStringLiteral("u_fuzz");

// The registry keys sessions by address only; it never dereferences them.
RealtimeSession* const kSession = reinterpret_cast<RealtimeSession*>(alignof(std::max_align_t));

void checkAnswer(const QString& frame, const QJsonValue& id) {
    const QJsonDocument answer = QJsonDocument::fromJson(frame.toUtf8());
    check(answer.isObject(), "the answer is one JSON object");
    check(answer.object().value("type").isString(), "the answer has a type");
    check(answer.object().value("id") == (id.isUndefined() ? QJsonValue(QJsonValue::Undefined) : id),
          "the answer carries the request's id");
}

void fail(const QJsonValue& id, const ApiError& error) {
    checkError(error);
    for (const Language language : {Language::English, Language::Korean})
        checkAnswer(ServerFrame::error(id, ErrorCatalogue::translate(error, language)), id);
}

void subscribe(TopicRegistry& registry, const ClientRequest& request,
               const std::optional<QString>& userId) {
    for (const QString& name : request.topics) {
        const Result<RealtimeTopic> topic = RealtimeTopic::parse(name);
        if (!topic)
            return fail(request.id, topic.error());
        const Result<void> allowed = topic->checkReadableBy(userId);
        check(!allowed || userId || !name.startsWith("user:"), "anonymous sockets follow no user");
        check(!allowed || !name.startsWith("user:") || name == "user:" + *userId,
              "a signed-in socket follows only its own user");
        if (!allowed)
            return fail(request.id, allowed.error());
    }
    const int before = registry.topicCountOf(kSession);
    const int added = registry.countNotFollowed(kSession, request.topics);
    registry.subscribe(kSession, request.topics);
    check(registry.topicCountOf(kSession) == before + added, "the registry counts what it added");
    for (const QString& name : request.topics)
        check(registry.subscribersOf(name).contains(kSession), "a subscribed topic reaches the socket");
    checkAnswer(ServerFrame::reply("subscribed", request.id,
                                   {{"topics", QJsonArray::fromStringList(request.topics)}}),
                request.id);
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    bitmarket::fuzz::quietQtLog();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    // Qt hands the hub text frames as QString (it refuses invalid UTF-8 itself).
    const QString text =
        QString::fromUtf8(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    QJsonValue id(QJsonValue::Undefined);
    const Result<ClientRequest> request = ClientRequest::parse(text.toUtf8(), id);
    if (!request)
        return fail(id, request.error()), 0;
    check(request->id == id, "the request keeps its id");

    for (const std::optional<QString>& userId : {std::optional<QString>{}, std::optional{kUserId}}) {
        TopicRegistry registry;
        switch (request->kind) {
        case ClientRequest::Kind::Subscribe:
            subscribe(registry, *request, userId);
            break;
        case ClientRequest::Kind::Unsubscribe:
            registry.unsubscribe(kSession, request->topics);
            check(registry.topicCountOf(kSession) == 0, "nothing is followed after unsubscribing");
            break;
        case ClientRequest::Kind::Ping:
            checkAnswer(ServerFrame::reply("pong", request->id, QJsonObject()), request->id);
            break;
        case ClientRequest::Kind::ChatSend:
        case ClientRequest::Kind::ChatTyping:
            check(!request->chatId.isEmpty(), "a chat request names its chat");
            break;
        }
        registry.removeSession(kSession);
        check(registry.topicCountOf(kSession) == 0, "a closed socket follows nothing");
    }
    return 0;
}
