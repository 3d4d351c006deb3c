#include "chat/ChatListModel.h"

#include "api/ApiClient.h"
#include "bitmarket/Timestamp.h"
#include "chat/ChatLabels.h"
#include "chat/RoomUpdates.h"
#include "format/MoneyFormat.h"
#include "format/RelativeTime.h"
#include "listings/ListingLabels.h"
#include "realtime/RealtimeClient.h"
#include "session/Session.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QEvent>

using bitmarket::ChatMessage;
using bitmarket::ChatRoom;
using bitmarket::Result;

ChatListModel::ChatListModel(ApiClient* api, RealtimeClient* realtime, Session* session,
                             QObject* parent)
    : QAbstractListModel(parent), m_api(api), m_realtime(realtime), m_session(session),
      m_calls(api), m_outbox(api, realtime) {
    connect(m_session, &Session::stateChanged, this, &ChatListModel::follow);
    connect(m_session, &Session::userChanged, this, &ChatListModel::follow);
    connect(m_realtime, &RealtimeClient::eventReceived, this, &ChatListModel::onEvent);
    m_recount.setSingleShot(true);
    m_recount.setInterval(kRecountDelayMs);
    connect(&m_recount, &QTimer::timeout, this, &ChatListModel::recount);
    m_clock.setInterval(kClockMs);
    connect(&m_clock, &QTimer::timeout, this, [this] {
        if (!m_rooms.isEmpty())
            emit dataChanged(index(0), index(int(m_rooms.size()) - 1), {TimeTextRole});
    });
    m_clock.start();
    // What came while the socket was down is only on the server.
    connect(m_realtime, &RealtimeClient::onlineChanged, this, [this] {
        if (m_realtime->online() && !m_topic.isEmpty())
            reload();
    });
    QCoreApplication::instance()->installEventFilter(this);
}

bool ChatListModel::eventFilter(QObject* watched, QEvent* event) {
    // Prices, statuses and system messages are worded here: word them again.
    if (watched == QCoreApplication::instance() && event->type() == QEvent::LanguageChange &&
        !m_rooms.isEmpty())
        emit dataChanged(index(0), index(int(m_rooms.size()) - 1));
    return QAbstractListModel::eventFilter(watched, event);
}

QString ChatListModel::outboxFile() const {
    // One file per server and user, named so that neither can be read off it.
    const QByteArray key = (m_api->serverUrl().toString() + u'\n' + userId()).toUtf8();
    return m_session->configDir() + QStringLiteral("/outbox-") +
           QString::fromLatin1(QCryptographicHash::hash(key, QCryptographicHash::Sha256).toHex().left(16)) +
           QStringLiteral(".json");
}

QString ChatListModel::userId() const {
    return m_session->signedIn() ? m_session->userId() : QString();
}

void ChatListModel::follow() {
    const QString topic = userId().isEmpty() ? QString() : QStringLiteral("user:") + userId();
    if (topic == m_topic)
        return;
    if (!m_topic.isEmpty())
        m_realtime->unsubscribe(m_topic);
    m_topic = topic;
    ++m_generation;
    m_outbox.clear();
    m_recount.stop();
    m_unreadElsewhere = 0;
    beginResetModel();
    m_rooms.clear();
    m_nextCursor.clear();
    endResetModel();
    emit countChanged();
    emit totalUnreadChanged();
    if (m_topic.isEmpty())
        return;
    m_outbox.keepIn(outboxFile());
    m_realtime->subscribe(m_topic);
    reload();
}

int ChatListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rooms.size());
}

QVariant ChatListModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= m_rooms.size())
        return {};
    const ChatRoom& r = m_rooms.at(index.row());
    switch (role) {
    case ChatIdRole:
        return r.id;
    case CounterpartNameRole:
        return r.counterpartName;
    case ListingIdRole:
        return r.listing.id;
    case ThumbUrlRole:
        return r.listing.thumbUrl.isEmpty() ? QUrl() : m_api->mediaUrl(r.listing.thumbUrl);
    case TitleRole:
        return r.listing.title;
    case PriceTextRole:
        return MoneyFormat::format(r.listing.price);
    case StatusRole:
        return r.listing.status;
    case StatusTextRole:
        return ListingLabels::statusText(r.listing.status);
    case LastMessageRole:
        return r.lastMessage ? ChatLabels::preview(*r.lastMessage, userId()) : QString();
    case TimeTextRole:
        return RelativeTime::since(r.updatedAtMs, bitmarket::nowMs());
    case UnreadCountRole:
        return qint64(r.unreadCount);
    default:
        return {};
    }
}

QHash<int, QByteArray> ChatListModel::roleNames() const {
    return {{ChatIdRole, "chatId"},           {CounterpartNameRole, "counterpartName"},
            {ListingIdRole, "listingId"},     {ThumbUrlRole, "thumbUrl"},
            {TitleRole, "title"},             {PriceTextRole, "priceText"},
            {StatusRole, "status"},           {StatusTextRole, "statusText"},
            {LastMessageRole, "lastMessage"}, {TimeTextRole, "timeText"},
            {UnreadCountRole, "unreadCount"}};
}

qint64 ChatListModel::loadedUnread() const {
    qint64 total = 0;
    for (const ChatRoom& r : m_rooms)
        total += r.unreadCount;
    return total;
}

int ChatListModel::totalUnread() const {
    return int(loadedUnread() + m_unreadElsewhere);
}

void ChatListModel::recountSoon() {
    if (!m_topic.isEmpty())
        m_recount.start();
}

void ChatListModel::recount() {
    m_calls.unreadCount(this, [this, generation = m_generation](Result<qint64> total) {
        if (generation != m_generation || !total)
            return;
        const qint64 elsewhere = std::max<qint64>(0, *total - loadedUnread());
        if (elsewhere == m_unreadElsewhere)
            return;
        m_unreadElsewhere = elsewhere;
        emit totalUnreadChanged();
    });
}

const ChatRoom* ChatListModel::room(const QString& chatId) const {
    const int row = rowOf(chatId);
    return row < 0 ? nullptr : &m_rooms.at(row);
}

void ChatListModel::reload() {
    if (m_topic.isEmpty())
        return;
    const int generation = ++m_generation;
    setLoading(true);
    m_calls.rooms(kPageSize, {}, this, [this, generation](Result<Page<ChatRoom>> page) {
        if (generation != m_generation)
            return;
        setLoading(false);
        if (!page)
            return;
        beginResetModel();
        m_rooms = page->items;
        m_nextCursor = page->nextCursor;
        endResetModel();
        emit countChanged();
        emit totalUnreadChanged();
        recount();
    });
}

void ChatListModel::loadMore() {
    if (m_topic.isEmpty() || m_nextCursor.isEmpty() || m_loading)
        return;
    const int generation = m_generation;
    setLoading(true);
    m_calls.rooms(kPageSize, m_nextCursor, this, [this, generation](Result<Page<ChatRoom>> page) {
        if (generation != m_generation)
            return;
        setLoading(false);
        if (!page)
            return;
        for (const ChatRoom& r : page->items) {
            if (rowOf(r.id) >= 0)
                continue;
            beginInsertRows({}, int(m_rooms.size()), int(m_rooms.size()));
            m_rooms.append(r);
            endInsertRows();
        }
        m_nextCursor = page->nextCursor;
        emit countChanged();
        emit totalUnreadChanged();
        recountSoon();
    });
}

void ChatListModel::openForListing(const QString& listingId) {
    if (m_opening)
        return;
    m_opening = true;
    emit openingChanged();
    m_calls.open(listingId, this, [this](Result<ChatRoom> room) {
        m_opening = false;
        emit openingChanged();
        if (!room) {
            emit openFailed(room.error().message);
            return;
        }
        place(*room);
        emit roomOpened(room->id);
    });
}

void ChatListModel::onEvent(const QString& type, const QString& topic, const QJsonObject& data) {
    if (topic != m_topic || m_topic.isEmpty())
        return;
    if (type == u"chat.message" || type == u"chat.read")
        recountSoon();
    if (type == u"chat.message") {
        const ChatMessage message = ChatMessage::fromJson(data.value("message").toObject());
        const int row = rowOf(message.chatId);
        if (row < 0) {
            fetchRoom(message.chatId);
            return;
        }
        ChatRoom next = m_rooms.at(row);
        if (RoomUpdates::applyMessage(next, message, userId()))
            place(next);
    } else if (type == u"chat.read") {
        const int row = rowOf(data.value("chatId").toString());
        if (row < 0)
            return;
        if (RoomUpdates::applyRead(m_rooms[row], data.value("userId").toString(),
                                   data.value("upToSeq").toInteger(), userId())) {
            emit dataChanged(index(row), index(row), {UnreadCountRole});
            emit totalUnreadChanged();
        }
    }
}

void ChatListModel::fetchRoom(const QString& chatId) {
    m_calls.room(chatId, this, [this, generation = m_generation](Result<ChatRoom> room) {
        if (generation == m_generation && room)
            place(*room);
    });
}

void ChatListModel::place(const ChatRoom& room) {
    const int was = rowOf(room.id);
    // Where it goes among the others, by activity.
    int at = 0;
    for (int i = 0; i < m_rooms.size(); ++i) {
        if (i != was && m_rooms.at(i).updatedAtMs > room.updatedAtMs)
            ++at;
    }
    if (was < 0) {
        beginInsertRows({}, at, at);
        m_rooms.insert(at, room);
        endInsertRows();
        emit countChanged();
    } else {
        // Moved, not removed and added: the row on screen stays under the pointer.
        m_rooms[was] = room;
        if (at != was) {
            beginMoveRows({}, was, was, {}, at > was ? at + 1 : at);
            m_rooms.move(was, at);
            endMoveRows();
        }
        emit dataChanged(index(at), index(at));
    }
    emit totalUnreadChanged();
}

int ChatListModel::rowOf(const QString& chatId) const {
    for (int i = 0; i < m_rooms.size(); ++i) {
        if (m_rooms.at(i).id == chatId)
            return i;
    }
    return -1;
}

void ChatListModel::setLoading(bool loading) {
    if (loading == m_loading)
        return;
    m_loading = loading;
    emit loadingChanged();
}
