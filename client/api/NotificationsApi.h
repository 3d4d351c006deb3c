// The notifications part of the API (docs/api.md "Notifications") as typed calls: the inbox,
// reading, mutes and saved keywords. The only client code that knows their paths.
#pragma once

#include "api/ApiAnswer.h"
#include "api/Page.h"
#include "bitmarket/ApiTypes.h"

#include <QPointer>

class ApiClient;

class NotificationsApi {
public:
    explicit NotificationsApi(ApiClient* client) : m_client(client) {}

    // Newest first; titles and bodies in the UI language.
    ApiCall* inbox(int limit, const QString& cursor, QObject* context,
                   Answer<Page<bitmarket::Notification>> answer);
    ApiCall* unreadCount(QObject* context, Answer<qint64> answer);
    ApiCall* markRead(const QStringList& ids, QObject* context, Answer<void> answer);
    ApiCall* markAllRead(QObject* context, Answer<void> answer);

    ApiCall* mutedTypes(QObject* context, Answer<QStringList> answer);
    ApiCall* setMutedTypes(const QStringList& types, QObject* context, Answer<QStringList> answer);

    ApiCall* keywords(QObject* context, Answer<QList<bitmarket::SavedKeyword>> answer);
    ApiCall* addKeyword(const bitmarket::SavedKeyword& keyword, QObject* context,
                        Answer<bitmarket::SavedKeyword> answer);
    ApiCall* removeKeyword(const QString& keywordId, QObject* context, Answer<void> answer);

private:
    QPointer<ApiClient> m_client;
};
