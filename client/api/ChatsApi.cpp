#include "api/ChatsApi.h"

#include "api/ApiClient.h"
#include "bitmarket/Timestamp.h"

using bitmarket::ChatMessage;
using bitmarket::ChatRoom;
using Request = ApiCall::Request;

namespace {

QString chatPath(const QString& chatId, const QString& rest = {}) {
    return QStringLiteral("/chats/") + chatId + rest;
}

QString blockPath(const QString& userId) {
    return QStringLiteral("/users/%1/block").arg(userId);
}

} // namespace

ApiCall* ChatsApi::open(const QString& listingId, QObject* context, Answer<ChatRoom> answer) {
    return deliver(m_client->send(Request::json("chats.open", "POST", "/chats",
                                                {{"listingId", listingId}})),
                   context, std::move(answer), &ChatRoom::fromJson);
}

ApiCall* ChatsApi::rooms(int limit, const QString& cursor, QObject* context,
                         Answer<Page<ChatRoom>> answer) {
    return deliver(m_client->send(Request::get("chats.rooms", "/chats", pageQuery(limit, cursor))),
                   context, std::move(answer), &Page<ChatRoom>::fromJson);
}

ApiCall* ChatsApi::room(const QString& chatId, QObject* context, Answer<ChatRoom> answer) {
    return deliver(m_client->send(Request::get("chats.room", chatPath(chatId))), context,
                   std::move(answer), &ChatRoom::fromJson);
}

ApiCall* ChatsApi::unreadCount(QObject* context, Answer<qint64> answer) {
    return deliver(m_client->send(Request::get("chats.unreadCount", "/chats/unread-count")), context,
                   std::move(answer), [](const QJsonObject& body) { return body.value("count").toInteger(); });
}

ApiCall* ChatsApi::messages(const QString& chatId, qint64 beforeSeq, int limit, QObject* context,
                            Answer<Page<ChatMessage>> answer) {
    QUrlQuery query = pageQuery(limit, {});
    if (beforeSeq > 0)
        query.addQueryItem("before", QString::number(beforeSeq));
    return deliver(m_client->send(Request::get("chats.messages", chatPath(chatId, "/messages"), query)),
                   context, std::move(answer), &Page<ChatMessage>::fromJson);
}

ApiCall* ChatsApi::sendText(const QString& chatId, const QString& text, const QString& clientId,
                            QObject* context, Answer<ChatMessage> answer) {
    return deliver(m_client->send(Request::json("chats.send", "POST", chatPath(chatId, "/messages"),
                                                {{"text", text}, {"clientId", clientId}})),
                   context, std::move(answer), &ChatMessage::fromJson);
}

ApiCall* ChatsApi::sendImage(const QString& chatId, const UploadFile& file, QObject* context,
                             Answer<ChatMessage> answer) {
    return deliver(m_client->send(Request::upload("chats.image", chatPath(chatId, "/images"), {file})),
                   context, std::move(answer), &ChatMessage::fromJson);
}

ApiCall* ChatsApi::markRead(const QString& chatId, qint64 upToSeq, QObject* context,
                            Answer<void> answer) {
    return deliver(m_client->send(Request::json("chats.read", "POST", chatPath(chatId, "/read"),
                                                {{"upToSeq", upToSeq}})),
                   context, std::move(answer));
}

ApiCall* ChatsApi::proposeAppointment(const QString& chatId, qint64 atMs, const QString& place,
                                      QObject* context, Answer<ChatMessage> answer) {
    return deliver(m_client->send(Request::json("chats.appointment", "POST",
                                                chatPath(chatId, "/appointments"),
                                                {{"at", bitmarket::toRfc3339(atMs)}, {"place", place}})),
                   context, std::move(answer), &ChatMessage::fromJson);
}

ApiCall* ChatsApi::answerAppointment(const QString& chatId, const QString& messageId, bool accept,
                                     QObject* context, Answer<ChatMessage> answer) {
    const QString rest = QStringLiteral("/appointments/%1/%2")
                             .arg(messageId, accept ? QStringLiteral("accept") : QStringLiteral("decline"));
    return deliver(m_client->send(Request::json(accept ? "chats.accept" : "chats.decline", "POST",
                                                chatPath(chatId, rest), {})),
                   context, std::move(answer), &ChatMessage::fromJson);
}

ApiCall* ChatsApi::setListingStatus(const QString& chatId, const QString& status,
                                    QObject* context, Answer<ChatRoom> answer) {
    return deliver(m_client->send(Request::json("chats.listingStatus", "POST",
                                                chatPath(chatId, "/listing-status"),
                                                {{"status", status}})),
                   context, std::move(answer), &ChatRoom::fromJson);
}

ApiCall* ChatsApi::block(const QString& userId, QObject* context, Answer<void> answer) {
    return deliver(m_client->send(Request::json("users.block", "PUT", blockPath(userId), {})),
                   context, std::move(answer));
}

ApiCall* ChatsApi::unblock(const QString& userId, QObject* context, Answer<void> answer) {
    return deliver(m_client->send(Request::del("users.unblock", blockPath(userId))), context,
                   std::move(answer));
}
