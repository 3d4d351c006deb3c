#include "http/ChatRoutes.h"

#include "bitmarket/ChatRules.h"
#include "bitmarket/JsonFields.h"
#include "bitmarket/Timestamp.h"
#include "http/Responses.h"

namespace bitmarket::server {

namespace {

using chat::ChatService;

QJsonObject messageJson(const ChatMessage& m) {
    return m.toJson();
}

// {text, clientId?}: the shapes; the service judges the text.
struct TextInput {
    QString text;
    QString clientId;
};

Result<TextInput> textInputOf(const QJsonObject& body) {
    const QJsonValue text = body.value("text");
    if (text.isUndefined() || text.isNull())
        return ApiError::validation(QStringLiteral("This field is required."), "text");
    if (!text.isString())
        return ApiError::validation(QStringLiteral("Must be a string."), "text");
    std::optional<QString> clientId;
    BITMARKET_TRY(clientId, json::optionalString(body, "clientId", 1, bitmarket::chat::kClientIdMaxLength));
    return TextInput{text.toString(), clientId.value_or(QString())};
}

} // namespace

void addChatRoutes(Router& router, ChatService& chats, std::size_t maxUploadBytes) {
    router.post("/api/v1/chats", Access::SignedIn,
                [&](const httplib::Request& req, httplib::Response& res, const Caller& caller) {
                    auto listingId = bodyStrings(req, {{"listingId", 1, 64}});
                    if (!listingId)
                        return sendError(req, res, listingId.error());
                    auto opened = chats.open(listingId->at(0), caller.userId);
                    if (!opened)
                        return sendError(req, res, opened.error());
                    sendJson(res, opened->created ? 201 : 200, opened->room.toJson());
                });

    router.get("/api/v1/chats", Access::SignedIn,
               [&](const httplib::Request& req, httplib::Response& res, const Caller& caller) {
                   auto limit = pageLimit(req);
                   if (!limit)
                       return sendError(req, res, limit.error());
                   sendResult(req, res, 200,
                              chats.rooms(caller.userId, queryParam(req, "cursor"), *limit),
                              pageJson<chat::ChatPage>);
               });

    // Before /chats/{id}, which would take "unread-count" for a room's id.
    router.get("/api/v1/chats/unread-count", Access::SignedIn,
               [&](const httplib::Request& req, httplib::Response& res, const Caller& caller) {
                   sendResult(req, res, 200, chats.unreadCount(caller.userId),
                              [](qint64 count) { return QJsonObject{{"count", count}}; });
               });

    router.get("/api/v1/chats/{id}", Access::SignedIn,
               [&](const httplib::Request& req, httplib::Response& res, const Caller& caller) {
                   sendResult(req, res, 200, chats.room(pathParam(req, 1), caller.userId),
                              [](const ChatRoom& room) { return room.toJson(); });
               });

    router.get("/api/v1/chats/{id}/messages", Access::SignedIn,
               [&](const httplib::Request& req, httplib::Response& res, const Caller& caller) {
                   auto limit = pageLimit(req);
                   if (!limit)
                       return sendError(req, res, limit.error());
                   auto before = integerParam(req, "before", 1, std::numeric_limits<qint64>::max());
                   if (!before)
                       return sendError(req, res, before.error());
                   sendResult(req, res, 200,
                              chats.messages(pathParam(req, 1), caller.userId,
                                             before->value_or(0), queryParam(req, "cursor"), *limit),
                              pageJson<chat::MessagePage>);
               });

    router.post("/api/v1/chats/{id}/messages", Access::SignedIn,
                [&](const httplib::Request& req, httplib::Response& res, const Caller& caller) {
                    auto body = jsonBody(req);
                    if (!body)
                        return sendError(req, res, body.error());
                    auto input = textInputOf(*body);
                    if (!input)
                        return sendError(req, res, input.error());
                    auto sent = chats.sendText(pathParam(req, 1), caller.userId, input->text,
                                               input->clientId);
                    if (!sent)
                        return sendError(req, res, sent.error());
                    sendJson(res, sent->created ? 201 : 200, sent->message.toJson());
                });

    router.postFiles(
        "/api/v1/chats/{id}/images", Access::SignedIn, maxUploadBytes,
        [&](const httplib::Request& req, httplib::Response& res, const Caller& caller) {
            if (!req.is_multipart_form_data())
                return sendError(req, res,
                                 ApiError::unsupportedMediaType(
                                     QStringLiteral("Send photos as multipart/form-data.")));
            const auto file = req.files.find("file");
            if (file == req.files.end())
                return sendError(req, res,
                                 ApiError::validation(QStringLiteral("This field is required."), "file"));
            sendResult(req, res, 201,
                       chats.sendImage(pathParam(req, 1), caller.userId,
                                       QByteArray::fromStdString(file->second.content)),
                       messageJson);
        });

    router.post("/api/v1/chats/{id}/read", Access::SignedIn,
                [&](const httplib::Request& req, httplib::Response& res, const Caller& caller) {
                    auto body = jsonBody(req);
                    if (!body)
                        return sendError(req, res, body.error());
                    auto upTo = json::requireInteger(*body, "upToSeq", 0,
                                                     std::numeric_limits<qint64>::max());
                    if (!upTo)
                        return sendError(req, res, upTo.error());
                    sendResult(req, res, chats.markRead(pathParam(req, 1), caller.userId, *upTo));
                });

    router.post("/api/v1/chats/{id}/appointments", Access::SignedIn,
                [&](const httplib::Request& req, httplib::Response& res, const Caller& caller) {
                    auto body = jsonBody(req);
                    if (!body)
                        return sendError(req, res, body.error());
                    const auto at = body->value("at").isString()
                                        ? fromRfc3339(body->value("at").toString())
                                        : std::nullopt;
                    if (!at)
                        return sendError(req, res,
                                         ApiError::validation(
                                             QStringLiteral("Give the time as an RFC 3339 time."), "at"));
                    auto place = json::requireString(*body, "place", 1, bitmarket::chat::kPlaceMaxLength);
                    if (!place)
                        return sendError(req, res, place.error());
                    sendResult(req, res, 201,
                               chats.proposeAppointment(pathParam(req, 1), caller.userId, *at, *place),
                               messageJson);
                });

    for (const bool accept : {true, false}) {
        router.post(accept ? "/api/v1/chats/{id}/appointments/{messageId}/accept"
                           : "/api/v1/chats/{id}/appointments/{messageId}/decline",
                    Access::SignedIn,
                    [&chats, accept](const httplib::Request& req, httplib::Response& res,
                                     const Caller& caller) {
                        sendResult(req, res, 200,
                                   chats.answerAppointment(pathParam(req, 1), pathParam(req, 2),
                                                           caller.userId, accept),
                                   messageJson);
                    });
    }

    router.post("/api/v1/chats/{id}/listing-status", Access::SignedIn,
                [&](const httplib::Request& req, httplib::Response& res, const Caller& caller) {
                    auto status = bodyStrings(req, {{"status", 1, 32}});
                    if (!status)
                        return sendError(req, res, status.error());
                    sendResult(req, res, 200,
                               chats.setListingStatus(pathParam(req, 1), caller.userId, status->at(0)),
                               [](const ChatRoom& room) { return room.toJson(); });
                });

    router.put("/api/v1/users/{id}/block", Access::SignedIn,
               [&](const httplib::Request& req, httplib::Response& res, const Caller& caller) {
                   sendResult(req, res, chats.block(caller.userId, pathParam(req, 1)));
               });

    router.del("/api/v1/users/{id}/block", Access::SignedIn,
               [&](const httplib::Request& req, httplib::Response& res, const Caller& caller) {
                   sendResult(req, res, chats.unblock(caller.userId, pathParam(req, 1)));
               });

    router.get("/api/v1/me/blocks", Access::SignedIn,
               [&](const httplib::Request& req, httplib::Response& res, const Caller& caller) {
                   sendResult(req, res, 200, chats.blocks(caller.userId),
                              [](const QList<chat::BlockedUser>& blocked) {
                                  QJsonArray items;
                                  for (const chat::BlockedUser& b : blocked)
                                      items.append(QJsonObject{{"id", b.id},
                                                               {"displayName", b.displayName},
                                                               {"blockedAt", toRfc3339(b.blockedAtMs)}});
                                  return QJsonObject{{"items", items}, {"nextCursor", QJsonValue()}};
                              });
               });
}

} // namespace bitmarket::server
