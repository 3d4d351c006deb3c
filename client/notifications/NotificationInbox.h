// The signed-in user's notifications as the bell and its panel show them: the newest page of
// the inbox, the unread count, and what arrives live on user:{id} (notification.new adds or
// updates a row, notification.read follows reads made on other devices). It reloads when the
// user, the UI language (titles are rendered by the server) or the connection comes back.
#pragma once

#include "api/ApiClient.h"
#include "api/NotificationsApi.h"
#include "bitmarket/ApiTypes.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

class RealtimeClient;
class Session;

class NotificationInbox : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The application provides one as Notifications")
    Q_PROPERTY(int unreadCount READ unreadCount NOTIFY unreadCountChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)

public:
    static constexpr int kPageSize = 30;

    enum Role {
        NotificationIdRole = Qt::UserRole + 1,
        TypeRole,
        TitleRole,
        BodyRole,
        ListingIdRole,
        TimeAgoRole,
        UnreadRole,
        CountRole,
    };

    NotificationInbox(ApiClient* api, RealtimeClient* realtime, Session* session,
                      QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    int unreadCount() const { return m_unreadCount; }
    bool loading() const { return m_loading; }

    Q_INVOKABLE void reload();
    // Marks the row read and says what to open (opened()).
    Q_INVOKABLE void open(int row);
    Q_INVOKABLE void markAllRead();

signals:
    void unreadCountChanged();
    void countChanged();
    void loadingChanged();
    void opened(const QString& listingId);
    // An order's notification was opened: its page, not the listing's.
    void orderOpened(const QString& orderId);
    // A notification came in live (new, or a grouped one that grew).
    void arrived(const QString& title, const QString& body, const QString& listingId);

private:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void follow();
    void onEvent(const QString& type, const QString& topic, const QJsonObject& data);
    void setUnreadCount(qint64 count);
    void setLoading(bool loading);
    void markReadLocally(const QStringList& ids, bool all);

    ApiClient* m_api;
    RealtimeClient* m_realtime;
    Session* m_session;
    NotificationsApi m_calls;
    QList<bitmarket::Notification> m_items;
    QString m_topic; // user:{id} while signed in
    int m_unreadCount = 0;
    bool m_loading = false;
    int m_generation = 0;
};
