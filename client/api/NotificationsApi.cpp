#include "api/NotificationsApi.h"

#include "api/ApiClient.h"

using bitmarket::Notification;
using bitmarket::SavedKeyword;
using Request = ApiCall::Request;

namespace {

QStringList mutedOf(const QJsonObject& body) {
    return body.value("muted").toVariant().toStringList();
}

} // namespace

ApiCall* NotificationsApi::inbox(int limit, const QString& cursor, QObject* context,
                                 Answer<Page<Notification>> answer) {
    QUrlQuery query;
    query.addQueryItem("limit", QString::number(limit));
    if (!cursor.isEmpty())
        query.addQueryItem("cursor", cursor);
    return deliver(m_client->send(Request::get("notifications.inbox", "/notifications", query)),
                   context, std::move(answer), &Page<Notification>::fromJson);
}

ApiCall* NotificationsApi::unreadCount(QObject* context, Answer<qint64> answer) {
    return deliver(
        m_client->send(Request::get("notifications.unreadCount", "/notifications/unread-count")),
        context, std::move(answer),
        [](const QJsonObject& body) { return body.value("count").toInteger(); });
}

ApiCall* NotificationsApi::markRead(const QStringList& ids, QObject* context, Answer<void> answer) {
    return deliver(m_client->send(Request::json("notifications.read", "POST", "/notifications/read",
                                                {{"ids", QJsonArray::fromStringList(ids)}})),
                   context, std::move(answer));
}

ApiCall* NotificationsApi::markAllRead(QObject* context, Answer<void> answer) {
    return deliver(m_client->send(Request::json("notifications.readAll", "POST",
                                                "/notifications/read", {{"all", true}})),
                   context, std::move(answer));
}

ApiCall* NotificationsApi::mutedTypes(QObject* context, Answer<QStringList> answer) {
    return deliver(m_client->send(Request::get("notifications.settings",
                                               "/me/notification-settings")),
                   context, std::move(answer), mutedOf);
}

ApiCall* NotificationsApi::setMutedTypes(const QStringList& types, QObject* context,
                                         Answer<QStringList> answer) {
    return deliver(m_client->send(Request::json("notifications.mute", "PUT",
                                                "/me/notification-settings",
                                                {{"muted", QJsonArray::fromStringList(types)}})),
                   context, std::move(answer), mutedOf);
}

ApiCall* NotificationsApi::keywords(QObject* context, Answer<QList<SavedKeyword>> answer) {
    return deliver(m_client->send(Request::get("keywords.list", "/me/keywords")), context,
                   std::move(answer),
                   [](const QJsonObject& body) { return Page<SavedKeyword>::fromJson(body).items; });
}

ApiCall* NotificationsApi::addKeyword(const SavedKeyword& keyword, QObject* context,
                                      Answer<SavedKeyword> answer) {
    QJsonObject body = keyword.toJson();
    body.remove("id");
    return deliver(m_client->send(Request::json("keywords.add", "POST", "/me/keywords", body)),
                   context, std::move(answer), &SavedKeyword::fromJson);
}

ApiCall* NotificationsApi::removeKeyword(const QString& keywordId, QObject* context,
                                         Answer<void> answer) {
    return deliver(m_client->send(Request::del("keywords.remove", "/me/keywords/" + keywordId)),
                   context, std::move(answer));
}
