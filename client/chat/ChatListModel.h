// The signed-in user's chats as the Chats page lists them, newest activity first: who the
// other member is, the listing's photo, title, price and status, the last message and the
// unread count; and the total unread the navigation's badge shows: the loaded rooms' counts
// plus what the server counts in the rooms not loaded yet. It follows user:{id} live: a
// chat.message moves its room to the top (a room it did not know yet is fetched), a chat.read
// moves the counts, and either has the server's total asked again. It reloads when the user changes or the connection comes back. It also
// opens rooms ("Chat with seller") and owns the outbox every room sends through.
#pragma once

#include "api/ChatsApi.h"
#include "bitmarket/ApiTypes.h"
#include "chat/ChatOutbox.h"

#include <QAbstractListModel>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

class RealtimeClient;
class Session;

class ChatListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The application provides one as Chats")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(int totalUnread READ totalUnread NOTIFY totalUnreadChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(bool hasMore READ hasMore NOTIFY countChanged)
    Q_PROPERTY(bool opening READ opening NOTIFY openingChanged)

public:
    static constexpr int kPageSize = 30;
    // The server's total is asked this long after the last event of a burst.
    static constexpr int kRecountDelayMs = 250;
    // How often the rooms' relative times are worded again.
    static constexpr int kClockMs = 30'000;

    enum Role {
        ChatIdRole = Qt::UserRole + 1,
        CounterpartNameRole,
        ListingIdRole,
        ThumbUrlRole,
        TitleRole,
        PriceTextRole,
        StatusRole,
        StatusTextRole,
        LastMessageRole,
        TimeTextRole,
        UnreadCountRole,
    };

    ChatListModel(ApiClient* api, RealtimeClient* realtime, Session* session,
                  QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    int totalUnread() const;
    bool loading() const { return m_loading; }
    bool hasMore() const { return !m_nextCursor.isEmpty(); }
    bool opening() const { return m_opening; }

    ApiClient* api() const { return m_api; }
    RealtimeClient* realtime() const { return m_realtime; }
    QString userId() const;
    ChatOutbox* outbox() { return &m_outbox; }
    // The room as the list last saw it, or null.
    const bitmarket::ChatRoom* room(const QString& chatId) const;

    Q_INVOKABLE void reload();
    Q_INVOKABLE void loadMore();
    // The user's room about the listing (made on the first time): roomOpened(), or openFailed().
    Q_INVOKABLE void openForListing(const QString& listingId);

    bool eventFilter(QObject* watched, QEvent* event) override;

signals:
    void countChanged();
    void totalUnreadChanged();
    void loadingChanged();
    void openingChanged();
    void roomOpened(const QString& chatId);
    void openFailed(const QString& message);

private:
    void follow();
    QString outboxFile() const;
    void onEvent(const QString& type, const QString& topic, const QJsonObject& data);
    // Puts the room at its place by activity (the top for what just happened).
    void place(const bitmarket::ChatRoom& room);
    void fetchRoom(const QString& chatId);
    // The unread in the rooms loaded.
    qint64 loadedUnread() const;
    // Asks the server's total once the events of the moment have come in.
    void recountSoon();
    void recount();
    int rowOf(const QString& chatId) const;
    void setLoading(bool loading);

    ApiClient* m_api;
    RealtimeClient* m_realtime;
    Session* m_session;
    ChatsApi m_calls;
    ChatOutbox m_outbox;
    QList<bitmarket::ChatRoom> m_rooms;
    QString m_nextCursor;
    qint64 m_unreadElsewhere = 0; // in the rooms not loaded, as the server last counted
    QTimer m_recount;
    QTimer m_clock; // "5 min ago" moves on while the list stays as it is
    QString m_topic; // user:{id} while signed in
    bool m_loading = false;
    bool m_opening = false;
    int m_generation = 0;
};
