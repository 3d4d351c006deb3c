#include "notifications/NotificationInbox.h"

#include "api/ApiClient.h"
#include "bitmarket/NotificationRules.h"
#include "bitmarket/Timestamp.h"
#include "format/RelativeTime.h"
#include "realtime/RealtimeClient.h"
#include "session/Session.h"

#include <QCoreApplication>
#include <QEvent>

using bitmarket::Notification;

NotificationInbox::NotificationInbox(ApiClient* api, RealtimeClient* realtime, Session* session,
                                     QObject* parent)
    : QAbstractListModel(parent), m_api(api), m_realtime(realtime), m_session(session),
      m_calls(api) {
    connect(m_session, &Session::stateChanged, this, &NotificationInbox::follow);
    connect(m_session, &Session::userChanged, this, &NotificationInbox::follow);
    connect(m_realtime, &RealtimeClient::eventReceived, this, &NotificationInbox::onEvent);
    // What came while the socket was down is only in the inbox.
    connect(m_realtime, &RealtimeClient::onlineChanged, this, [this] {
        if (m_realtime->online() && !m_topic.isEmpty())
            reload();
    });
    QCoreApplication::instance()->installEventFilter(this);
}

bool NotificationInbox::eventFilter(QObject* watched, QEvent* event) {
    // The server renders titles in the language the app asks in: fetch them again.
    if (watched == QCoreApplication::instance() && event->type() == QEvent::LanguageChange &&
        !m_topic.isEmpty())
        QMetaObject::invokeMethod(this, &NotificationInbox::reload, Qt::QueuedConnection);
    return QAbstractListModel::eventFilter(watched, event);
}

void NotificationInbox::follow() {
    const QString topic = m_session->signedIn() && !m_session->userId().isEmpty()
                              ? QStringLiteral("user:") + m_session->userId()
                              : QString();
    if (topic == m_topic)
        return;
    if (!m_topic.isEmpty())
        m_realtime->unsubscribe(m_topic);
    m_topic = topic;
    ++m_generation;
    beginResetModel();
    m_items.clear();
    endResetModel();
    emit countChanged();
    setUnreadCount(0);
    if (m_topic.isEmpty())
        return;
    m_realtime->subscribe(m_topic);
    reload();
}

int NotificationInbox::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_items.size());
}

QVariant NotificationInbox::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= m_items.size())
        return {};
    const Notification& n = m_items.at(index.row());
    switch (role) {
    case NotificationIdRole:
        return n.id;
    case TypeRole:
        return n.type;
    case TitleRole:
        return n.title;
    case BodyRole:
        return n.body;
    case ListingIdRole:
        return n.data.value("listingId").toString();
    case TimeAgoRole:
        return RelativeTime::since(n.createdAtMs, bitmarket::nowMs());
    case UnreadRole:
        return n.readAtMs == 0;
    case CountRole:
        return n.count;
    default:
        return {};
    }
}

QHash<int, QByteArray> NotificationInbox::roleNames() const {
    return {{NotificationIdRole, "notificationId"}, {TypeRole, "type"},
            {TitleRole, "title"},                   {BodyRole, "body"},
            {ListingIdRole, "listingId"},           {TimeAgoRole, "timeAgo"},
            {UnreadRole, "unread"},                 {CountRole, "groupCount"}};
}

void NotificationInbox::reload() {
    if (m_topic.isEmpty())
        return;
    const int generation = ++m_generation;
    setLoading(true);
    m_calls.inbox(kPageSize, {}, this, [this, generation](bitmarket::Result<Page<Notification>> page) {
        if (generation != m_generation)
            return;
        setLoading(false);
        if (!page)
            return;
        beginResetModel();
        m_items = page->items;
        endResetModel();
        emit countChanged();
    });
    m_calls.unreadCount(this, [this, generation](bitmarket::Result<qint64> count) {
        if (generation == m_generation && count)
            setUnreadCount(*count);
    });
}

void NotificationInbox::open(int row) {
    if (row < 0 || row >= m_items.size())
        return;
    const Notification n = m_items.at(row);
    if (n.readAtMs == 0) {
        markReadLocally({n.id}, false);
        setUnreadCount(std::max(0, m_unreadCount - 1));
        m_calls.markRead({n.id}, this, [](bitmarket::Result<void>) {});
    }
    const QString orderId = n.data.value("orderId").toString();
    if (n.type == bitmarket::notification::kOrderUpdated && !orderId.isEmpty()) {
        emit orderOpened(orderId);
        return;
    }
    const QString listingId = n.data.value("listingId").toString();
    if (!listingId.isEmpty())
        emit opened(listingId);
}

void NotificationInbox::markAllRead() {
    markReadLocally({}, true);
    setUnreadCount(0);
    m_calls.markAllRead(this, [](bitmarket::Result<void>) {});
}

void NotificationInbox::markReadLocally(const QStringList& ids, bool all) {
    const qint64 now = bitmarket::nowMs();
    for (int i = 0; i < m_items.size(); ++i) {
        Notification& n = m_items[i];
        if (n.readAtMs == 0 && (all || ids.contains(n.id))) {
            n.readAtMs = now;
            emit dataChanged(index(i), index(i), {UnreadRole});
        }
    }
}

void NotificationInbox::onEvent(const QString& type, const QString& topic,
                                const QJsonObject& data) {
    if (topic != m_topic || m_topic.isEmpty())
        return;
    if (type == u"notification.new") {
        const Notification n = Notification::fromJson(data.value("notification").toObject());
        for (int i = 0; i < m_items.size(); ++i) {
            if (m_items[i].id == n.id) {
                beginRemoveRows({}, i, i);
                m_items.removeAt(i);
                endRemoveRows();
                break;
            }
        }
        beginInsertRows({}, 0, 0);
        m_items.prepend(n);
        endInsertRows();
        emit countChanged();
        setUnreadCount(data.value("unreadCount").toInteger());
        emit arrived(n.title, n.body, n.data.value("listingId").toString());
    } else if (type == u"notification.read") {
        markReadLocally(data.value("ids").toVariant().toStringList(), data.value("all").toBool());
        setUnreadCount(data.value("unreadCount").toInteger());
    }
}

void NotificationInbox::setUnreadCount(qint64 count) {
    if (count == m_unreadCount)
        return;
    m_unreadCount = static_cast<int>(count);
    emit unreadCountChanged();
}

void NotificationInbox::setLoading(bool loading) {
    if (loading == m_loading)
        return;
    m_loading = loading;
    emit loadingChanged();
}
