#include "chat/ChatRoom.h"

#include "api/ApiClient.h"
#include "bitmarket/Timestamp.h"
#include "chat/ChatLabels.h"
#include "chat/RoomUpdates.h"
#include "format/MoneyFormat.h"
#include "listings/ListingLabels.h"
#include "realtime/RealtimeClient.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QEvent>
#include <QFile>
#include <QFileInfo>
#include <memory>

using bitmarket::ApiError;
using bitmarket::ChatMessage;
using bitmarket::Result;

namespace {

// A photo bigger than this is refused here, before it is sent (the server's own limit).
constexpr qint64 kMaxPhotoBytes = 20LL * 1024 * 1024;

QByteArray photoTypeOf(const QString& path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == u"png")
        return "image/png";
    if (suffix == u"webp")
        return "image/webp";
    return "image/jpeg";
}

// Messages of one run share a sender and a day; a system message stands alone.
bool sameRun(const ChatMessage& a, const ChatMessage& b) {
    return a.kind != u"system" && b.kind != u"system" && a.senderId == b.senderId &&
           ChatLabels::sameDay(a.createdAtMs, b.createdAtMs);
}

} // namespace

ChatRoom::ChatRoom(QObject* parent) : QAbstractListModel(parent) {
    m_typingShown.setSingleShot(true);
    m_typingShown.setInterval(kTypingShownMs);
    connect(&m_typingShown, &QTimer::timeout, this, &ChatRoom::otherTypingChanged);
    QCoreApplication::instance()->installEventFilter(this);
}

bool ChatRoom::eventFilter(QObject* watched, QEvent* event) {
    if (watched == QCoreApplication::instance() && event->type() == QEvent::LanguageChange) {
        rowsChanged();
        emit roomChanged();
        emit suggestionChanged();
    }
    return QAbstractListModel::eventFilter(watched, event);
}

void ChatRoom::setChats(ChatListModel* chats) {
    if (m_chats == chats)
        return;
    if (m_chats) {
        disconnect(m_chats->realtime(), nullptr, this, nullptr);
        disconnect(m_chats->outbox(), nullptr, this, nullptr);
    }
    m_chats = chats;
    m_calls.reset();
    if (m_chats) {
        m_calls.emplace(m_chats->api());
        connect(m_chats->realtime(), &RealtimeClient::eventReceived, this, &ChatRoom::onEvent);
        connect(m_chats->realtime(), &RealtimeClient::onlineChanged, this, [this] {
            if (m_chats->realtime()->online() && m_room)
                loadNewest();
        });
        connect(m_chats->outbox(), &ChatOutbox::sent, this, [this](const ChatMessage& message) {
            if (message.chatId == m_chatId)
                merge({message});
        });
        connect(m_chats->outbox(), &ChatOutbox::changed, this, [this](const QString& chatId) {
            if (chatId == m_chatId)
                showPending();
        });
    }
    emit chatsChanged();
    load();
}

void ChatRoom::setChatId(const QString& chatId) {
    if (m_chatId == chatId)
        return;
    m_chatId = chatId;
    emit chatIdChanged();
    load();
}

void ChatRoom::setActive(bool active) {
    if (m_active == active)
        return;
    m_active = active;
    emit activeChanged();
    readIfActive();
}

QString ChatRoom::userId() const {
    return m_chats ? m_chats->userId() : QString();
}

void ChatRoom::load() {
    const int generation = ++m_generation;
    beginResetModel();
    m_rows.clear();
    m_room.reset();
    m_reachedStart = false;
    endResetModel();
    m_suggestion.reset();
    m_typingShown.stop();
    emit countChanged();
    emit roomChanged();
    emit suggestionChanged();
    emit otherTypingChanged();
    if (!m_calls || m_chatId.isEmpty())
        return;
    m_loading = true;
    m_errorMessage.clear();
    emit loadingChanged();
    m_calls->room(m_chatId, this, [this, generation](Result<bitmarket::ChatRoom> room) {
        if (generation != m_generation)
            return;
        if (!room) {
            m_loading = false;
            m_errorMessage = room.error().message;
            emit loadingChanged();
            return;
        }
        applyRoom(*room);
        loadNewest();
    });
}

void ChatRoom::loadNewest() {
    const int generation = m_generation;
    m_calls->messages(m_chatId, 0, kPageSize, this,
                      [this, generation](Result<Page<ChatMessage>> page) {
                          if (generation != m_generation)
                              return;
                          if (m_loading) {
                              m_loading = false;
                              emit loadingChanged();
                          }
                          if (!page)
                              return;
                          if (m_rows.size() == pendingCount() && page->nextCursor.isEmpty())
                              m_reachedStart = true;
                          merge(page->items);
                          showPending();
                          for (const ChatMessage& m : page->items) {
                              if (m_room && RoomUpdates::applyMessage(*m_room, m, userId()))
                                  emit roomChanged();
                          }
                          readIfActive();
                      });
}

void ChatRoom::loadOlder() {
    if (!m_calls || !m_room || m_loadingOlder || !hasOlder())
        return;
    m_loadingOlder = true;
    const int generation = m_generation;
    m_calls->messages(m_chatId, oldestSeq(), kPageSize, this,
                      [this, generation](Result<Page<ChatMessage>> page) {
                          if (generation != m_generation)
                              return;
                          m_loadingOlder = false;
                          if (!page)
                              return;
                          if (page->nextCursor.isEmpty())
                              m_reachedStart = true;
                          merge(page->items);
                      });
}

bool ChatRoom::hasOlder() const {
    return m_room && !m_reachedStart && oldestSeq() > 1;
}

int ChatRoom::pendingCount() const {
    int n = 0;
    while (n < m_rows.size() && m_rows.at(n).pending)
        ++n;
    return n;
}

qint64 ChatRoom::oldestSeq() const {
    return m_rows.size() > pendingCount() ? m_rows.last().message.seq : 0;
}

void ChatRoom::merge(const QList<ChatMessage>& messages) {
    bool any = false;
    for (const ChatMessage& m : messages) {
        if (m.chatId != m_chatId || m.seq <= 0)
            continue;
        int at = pendingCount();
        while (at < m_rows.size() && m_rows.at(at).message.seq > m.seq)
            ++at;
        if (at < m_rows.size() && m_rows.at(at).message.seq == m.seq) {
            m_rows[at].message = m;
            emit dataChanged(index(at), index(at));
            continue;
        }
        beginInsertRows({}, at, at);
        m_rows.insert(at, Row{m, false, {}});
        endInsertRows();
        any = true;
        if (m.kind == u"system")
            applyAnswer(m);
    }
    if (!any)
        return;
    emit countChanged();
    rowsChanged();
    updatePhotos();
}

void ChatRoom::showPending() {
    if (!m_chats)
        return;
    const int was = pendingCount();
    if (was > 0) {
        beginRemoveRows({}, 0, was - 1);
        m_rows.remove(0, was);
        endRemoveRows();
    }
    const QList<ChatOutbox::Pending> pending = m_chats->outbox()->pendingIn(m_chatId);
    if (!pending.isEmpty()) {
        beginInsertRows({}, 0, int(pending.size()) - 1);
        // Newest first, as the stored rows below them.
        for (const ChatOutbox::Pending& p : pending) {
            ChatMessage m;
            m.chatId = p.chatId;
            m.clientId = p.clientId;
            m.kind = QStringLiteral("text");
            m.text = p.text;
            m.senderId = userId();
            m.createdAtMs = p.writtenAtMs;
            m_rows.prepend(Row{m, true, p.error});
        }
        endInsertRows();
    }
    emit countChanged();
    rowsChanged();
}

void ChatRoom::applyAnswer(const ChatMessage& system) {
    const QString cardId = system.system.value("messageId").toString();
    if (cardId.isEmpty())
        return;
    const QString event = system.system.value("event").toString();
    for (int i = 0; i < m_rows.size(); ++i) {
        Row& row = m_rows[i];
        if (row.message.id != cardId || !row.message.appointment)
            continue;
        row.message.appointment->status = event == u"appointment_accepted"
                                              ? QStringLiteral("accepted")
                                              : QStringLiteral("declined");
        emit dataChanged(index(i), index(i), {AppointmentStatusRole, CanAnswerRole});
        return;
    }
}

void ChatRoom::applyRoom(const bitmarket::ChatRoom& room) {
    m_room = room;
    emit roomChanged();
    rowsChanged();
}

void ChatRoom::rowsChanged() {
    if (!m_rows.isEmpty())
        emit dataChanged(index(0), index(int(m_rows.size()) - 1),
                         {ShowDayRole, DayTextRole, FirstInGroupRole, LastInGroupRole,
                          ReadReceiptRole, CanAnswerRole, TimeTextRole, SystemTextRole,
                          AppointmentTimeRole});
}

void ChatRoom::updatePhotos() {
    QList<PhotoListModel::Item> items;
    for (auto it = m_rows.crbegin(); it != m_rows.crend(); ++it) {
        const auto& image = it->message.image;
        if (image && m_chats)
            items.append({it->message.id, m_chats->api()->mediaUrl(image->url),
                          m_chats->api()->mediaUrl(image->thumbUrl), image->width, image->height});
    }
    m_photos.setPhotos(items);
}

int ChatRoom::photoIndex(const QString& messageId) const {
    int n = 0;
    for (auto it = m_rows.crbegin(); it != m_rows.crend(); ++it) {
        if (!it->message.image)
            continue;
        if (it->message.id == messageId)
            return n;
        ++n;
    }
    return 0;
}

qint64 ChatRoom::receiptSeq() const {
    if (!m_room)
        return 0;
    for (const Row& row : m_rows) {
        if (!row.pending && row.message.senderId == userId() &&
            row.message.seq <= m_room->otherReadSeq)
            return row.message.seq;
    }
    return 0;
}

void ChatRoom::readIfActive() {
    if (!m_active || !m_room || !m_calls)
        return;
    const qint64 upTo = m_room->lastSeq;
    if (upTo <= m_room->yourReadSeq)
        return;
    RoomUpdates::applyRead(*m_room, userId(), upTo, userId());
    m_calls->markRead(m_chatId, upTo, this, [](Result<void>) {});
}

void ChatRoom::onEvent(const QString& type, const QString&, const QJsonObject& data) {
    if (!m_room)
        return;
    if (type == u"chat.message") {
        const ChatMessage message = ChatMessage::fromJson(data.value("message").toObject());
        if (message.chatId != m_chatId)
            return;
        if (message.senderId == m_room->counterpartId && m_typingShown.isActive()) {
            m_typingShown.stop();
            emit otherTypingChanged();
        }
        const bool newest = RoomUpdates::applyMessage(*m_room, message, userId());
        // A card sent answers the suggestion, whoever sent it.
        if (message.kind == u"appointment" && m_suggestion) {
            m_suggestion.reset();
            emit suggestionChanged();
        }
        merge({message});
        if (newest) {
            emit roomChanged();
            readIfActive();
        }
    } else if (data.value("chatId").toString() != m_chatId) {
        return;
    } else if (type == u"chat.read") {
        if (RoomUpdates::applyRead(*m_room, data.value("userId").toString(),
                                   data.value("upToSeq").toInteger(), userId()))
            emit dataChanged(index(0), index(std::max(0, int(m_rows.size()) - 1)), {ReadReceiptRole});
    } else if (type == u"chat.typing") {
        if (data.value("userId").toString() == m_room->counterpartId) {
            m_typingShown.start();
            emit otherTypingChanged();
        }
    } else if (type == u"chat.suggestion") {
        m_suggestion = Suggestion{bitmarket::fromRfc3339(data.value("at").toString()).value_or(0),
                                  data.value("place").toString()};
        emit suggestionChanged();
    }
}

int ChatRoom::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ChatRoom::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const int i = index.row();
    const Row& row = m_rows.at(i);
    const ChatMessage& m = row.message;
    // Newest first: the row before is newer, the row after older.
    const ChatMessage* newer = i > 0 ? &m_rows.at(i - 1).message : nullptr;
    const ChatMessage* older = i + 1 < m_rows.size() ? &m_rows.at(i + 1).message : nullptr;
    switch (role) {
    case MessageIdRole:
        return m.id;
    case SeqRole:
        return m.seq;
    case KindRole:
        return m.kind;
    case TextRole:
        return m.text;
    case MineRole:
        return !m.senderId.isEmpty() && m.senderId == userId();
    case PendingRole:
        return row.pending && row.error.isEmpty();
    case FailedRole:
        return !row.error.isEmpty();
    case ErrorTextRole:
        return row.error;
    case ClientIdRole:
        return m.clientId;
    case TimeTextRole:
        return ChatLabels::timeText(m.createdAtMs);
    case DayTextRole:
        return ChatLabels::dayText(m.createdAtMs, bitmarket::nowMs());
    case ShowDayRole:
        return older ? !ChatLabels::sameDay(older->createdAtMs, m.createdAtMs) : !hasOlder();
    case FirstInGroupRole:
        return !older || !sameRun(*older, m);
    case LastInGroupRole:
        return !newer || !sameRun(*newer, m);
    case ImageUrlRole:
        return m.image && m_chats ? m_chats->api()->mediaUrl(m.image->url) : QUrl();
    case ImageThumbUrlRole:
        return m.image && m_chats ? m_chats->api()->mediaUrl(m.image->thumbUrl) : QUrl();
    case ImageWidthRole:
        return m.image ? m.image->width : 0;
    case ImageHeightRole:
        return m.image ? m.image->height : 0;
    case AppointmentTimeRole:
        return m.appointment ? ChatLabels::appointmentTime(m.appointment->atMs, bitmarket::nowMs())
                             : QString();
    case AppointmentPlaceRole:
        return m.appointment ? m.appointment->place : QString();
    case AppointmentStatusRole:
        return m.appointment ? m.appointment->status : QString();
    case CanAnswerRole:
        return m.appointment && m.appointment->status == u"proposed" && m.senderId != userId() &&
               canWrite();
    case SystemTextRole:
        return m.kind == u"system" ? ChatLabels::systemText(m, userId()) : QString();
    case ReadReceiptRole:
        return !row.pending && m.seq > 0 && m.seq == receiptSeq();
    default:
        return {};
    }
}

QHash<int, QByteArray> ChatRoom::roleNames() const {
    return {{MessageIdRole, "messageId"},
            {SeqRole, "seq"},
            {KindRole, "kind"},
            {TextRole, "text"},
            {MineRole, "mine"},
            {PendingRole, "pending"},
            {FailedRole, "failed"},
            {ErrorTextRole, "errorText"},
            {ClientIdRole, "clientId"},
            {TimeTextRole, "timeText"},
            {DayTextRole, "dayText"},
            {ShowDayRole, "showDay"},
            {FirstInGroupRole, "firstInGroup"},
            {LastInGroupRole, "lastInGroup"},
            {ImageUrlRole, "imageUrl"},
            {ImageThumbUrlRole, "imageThumbUrl"},
            {ImageWidthRole, "imageWidth"},
            {ImageHeightRole, "imageHeight"},
            {AppointmentTimeRole, "appointmentTime"},
            {AppointmentPlaceRole, "appointmentPlace"},
            {AppointmentStatusRole, "appointmentStatus"},
            {CanAnswerRole, "canAnswer"},
            {SystemTextRole, "systemText"},
            {ReadReceiptRole, "readReceipt"}};
}

QString ChatRoom::listingPriceText() const {
    return m_room ? MoneyFormat::format(m_room->listing.price) : QString();
}

QString ChatRoom::listingStatusText() const {
    return m_room ? ListingLabels::statusText(m_room->listing.status) : QString();
}

QUrl ChatRoom::listingThumbUrl() const {
    if (!m_room || m_room->listing.thumbUrl.isEmpty() || !m_chats)
        return {};
    return m_chats->api()->mediaUrl(m_room->listing.thumbUrl);
}

bool ChatRoom::isSeller() const {
    return m_room && m_room->sellerId == userId();
}

QString ChatRoom::suggestionText() const {
    if (!m_suggestion)
        return {};
    return tr("Meet %1 at %2?")
        .arg(ChatLabels::appointmentTime(m_suggestion->atMs, bitmarket::nowMs()), m_suggestion->place);
}

bool ChatRoom::send(const QString& text) {
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty() || !m_chats || !m_room || !canWrite())
        return false;
    m_chats->outbox()->queue(m_chatId, trimmed);
    return true;
}

void ChatRoom::typed() {
    if (!m_chats || !m_room || !canWrite())
        return;
    const qint64 now = bitmarket::nowMs();
    if (now - m_lastTypingSentMs < kTypingIntervalMs)
        return;
    if (!m_chats->realtime()->request(QStringLiteral("chat.typing"), {{"chatId", m_chatId}}).isEmpty())
        m_lastTypingSentMs = now;
}

void ChatRoom::sendPhoto(const QUrl& file) {
    if (!m_calls || !m_room || m_uploading)
        return;
    const QString path = file.toLocalFile();
    QFile photo(path);
    if (photo.size() > kMaxPhotoBytes) {
        emit notice(tr("This photo is over 20 MB."), true);
        return;
    }
    if (!photo.open(QIODevice::ReadOnly)) {
        emit notice(tr("Could not read %1.").arg(QFileInfo(path).fileName()), true);
        return;
    }
    setUploading(true);
    m_calls->sendImage(m_chatId, UploadFile{QFileInfo(path).fileName(), photo.readAll(), photoTypeOf(path)},
                       this, [this, generation = m_generation](Result<ChatMessage> sent) {
                           setUploading(false);
                           if (generation != m_generation)
                               return;
                           if (!sent) {
                               emit notice(sent.error().message, true);
                               return;
                           }
                           if (m_room && RoomUpdates::applyMessage(*m_room, *sent, userId()))
                               emit roomChanged();
                           merge({*sent});
                       });
}

void ChatRoom::setListingStatus(const QString& status) {
    if (!m_calls || !m_room || m_busy)
        return;
    setBusy(true);
    m_calls->setListingStatus(m_chatId, status, this,
                              [this, generation = m_generation](Result<bitmarket::ChatRoom> room) {
                                  if (generation != m_generation)
                                      return;
                                  if (room)
                                      applyRoom(*room);
                                  finished(room ? nullptr : &room.error());
                              });
}

void ChatRoom::answerAppointment(const QString& messageId, bool accept) {
    if (!m_calls || !m_room || m_busy)
        return;
    setBusy(true);
    m_calls->answerAppointment(m_chatId, messageId, accept, this,
                               [this, generation = m_generation](Result<ChatMessage> card) {
                                   if (generation != m_generation)
                                       return;
                                   if (card)
                                       merge({*card});
                                   finished(card ? nullptr : &card.error());
                               });
}

void ChatRoom::sendSuggestion() {
    if (!m_suggestion || !m_calls || m_busy)
        return;
    const Suggestion suggestion = *m_suggestion;
    setBusy(true);
    m_calls->proposeAppointment(m_chatId, suggestion.atMs, suggestion.place, this,
                                [this, generation = m_generation](Result<ChatMessage> card) {
                                    if (generation != m_generation)
                                        return;
                                    if (card) {
                                        m_suggestion.reset();
                                        emit suggestionChanged();
                                        merge({*card});
                                    }
                                    finished(card ? nullptr : &card.error());
                                });
}

void ChatRoom::dismissSuggestion() {
    m_suggestion.reset();
    emit suggestionChanged();
}

bool ChatRoom::proposeAppointment(int dayOffset, const QString& timeText, const QString& place) {
    const QTime time = QTime::fromString(timeText.trimmed(), QStringLiteral("H:mm"));
    const QString where = place.trimmed();
    if (!time.isValid()) {
        emit notice(tr("Give the time as 15:30."), true);
        return false;
    }
    if (where.isEmpty()) {
        emit notice(tr("Say where to meet."), true);
        return false;
    }
    const QDateTime at(QDate::currentDate().addDays(dayOffset), time);
    if (at.toMSecsSinceEpoch() <= bitmarket::nowMs()) {
        emit notice(tr("Pick a time that is still to come."), true);
        return false;
    }
    m_suggestion = Suggestion{at.toMSecsSinceEpoch(), where};
    sendSuggestion();
    return true;
}

void ChatRoom::block() {
    if (!m_calls || !m_room || m_busy)
        return;
    setBusy(true);
    m_calls->block(m_room->counterpartId, this, [this](Result<void> done) {
        finished(done ? nullptr : &done.error());
        if (done)
            load();
    });
}

void ChatRoom::unblock() {
    if (!m_calls || !m_room || m_busy)
        return;
    setBusy(true);
    m_calls->unblock(m_room->counterpartId, this, [this](Result<void> done) {
        finished(done ? nullptr : &done.error());
        if (done)
            load();
    });
}

void ChatRoom::retry(const QString& clientId) {
    if (m_chats)
        m_chats->outbox()->retry(clientId);
}

void ChatRoom::discard(const QString& clientId) {
    if (m_chats)
        m_chats->outbox()->discard(clientId);
}

void ChatRoom::finished(const ApiError* error) {
    setBusy(false);
    if (error)
        emit notice(error->message, true);
}

void ChatRoom::setBusy(bool busy) {
    if (busy == m_busy)
        return;
    m_busy = busy;
    emit busyChanged();
}

void ChatRoom::setUploading(bool uploading) {
    if (uploading == m_uploading)
        return;
    m_uploading = uploading;
    emit busyChanged();
}
