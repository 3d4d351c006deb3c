#include "chat/ChatService.h"

#include "bitmarket/ChatRules.h"
#include "bitmarket/Cursor.h"
#include "bitmarket/Timestamp.h"
#include "chat/MeetupParser.h"
#include "market/ListingTable.h"

#include <limits>

namespace bitmarket::server::chat {

namespace {

namespace rules = bitmarket::chat;

const QString kRoomsCursor = QStringLiteral("chats");
const QString kMessagesCursor = QStringLiteral("chat-messages");

ApiError noSuchChat() {
    return ApiError::notFound(QStringLiteral("No such chat."));
}

Result<void> checkLimit(int limit) {
    if (limit < 1 || limit > 100)
        return ApiError::validation(QStringLiteral("limit must be 1 to 100."), "limit");
    return {};
}

QString displayNameOf(db::Connection& c, const QString& userId) {
    auto q = c.query("SELECT display_name FROM users WHERE id = ?1");
    q.bind(userId);
    return q.next() ? q.text(0) : QString();
}

ChatRoom::ListingPart listingPartOf(db::Connection& c, const QString& listingId) {
    auto listing = ListingTable::find(c, listingId, {});
    if (!listing)
        return ChatRoom::ListingPart{listingId, {}, {}, {}, listing::nameOf(listing::Status::Removed)};
    return ChatRoom::ListingPart{listing->id, listing->title, listing->thumbUrl, listing->price,
                                 listing->status};
}

// What a system message says about a change of the listing's terms; empty when nothing that
// the members care about changed.
QList<QJsonObject> systemEventsOf(const ListingTermsChanged& e) {
    QList<QJsonObject> out;
    const Listing& l = e.listing;
    if (l.status != e.oldStatus) {
        if (l.status == listing::nameOf(listing::Status::Reserved))
            out.append(QJsonObject{{"event", rules::kListingReserved}});
        else if (l.status == listing::nameOf(listing::Status::Sold))
            out.append(QJsonObject{{"event", rules::kListingSold}});
        else if (l.status == listing::nameOf(listing::Status::Active))
            out.append(QJsonObject{{"event", rules::kListingActive}});
    }
    if (l.price.amount != e.oldPrice.amount)
        out.append(QJsonObject{{"event", rules::kPriceChanged},
                               {"oldPrice", e.oldPrice.toJson()},
                               {"price", l.price.toJson()}});
    return out;
}

} // namespace

ChatService::ChatService(db::Database& db, EventBus& events, const SameTransactionEvents& effects,
                         ListingService& listings, media::PhotoIngest& photos,
                         const UserPresence& presence, Options options)
    : m_db(db), m_events(events), m_effects(effects), m_listings(listings), m_photos(photos),
      m_presence(presence), m_options(std::move(options)),
      m_sends(m_options.sendsPerWindow, kSendWindowMs) {
    m_suggestions.setMaxThreadCount(1);
}

Result<void> ChatService::countSend(const QString& senderId) {
    const Result<void> allowed = m_sends.reserve(senderId, nowMs());
    if (allowed)
        return {};
    ApiError tooFast = ApiError::of(
        ErrorCode::RateLimited,
        QStringLiteral("You are sending messages too fast. Wait a few seconds and try again."));
    tooFast.retryAfterSeconds = allowed.error().retryAfterSeconds;
    return tooFast;
}

Result<void> ChatService::handle(db::Connection& c, const DomainEvent& event) {
    if (const auto* changed = std::get_if<ListingTermsChanged>(&event))
        return tellListingChange(c, *changed);
    return {};
}

Result<void> ChatService::tellListingChange(db::Connection& c, const ListingTermsChanged& changed) {
    const QList<QJsonObject> events = systemEventsOf(changed);
    if (events.isEmpty())
        return {};
    for (ChatRecord chat : ChatTable::ofListing(c, changed.listing.id)) {
        for (QJsonObject system : events) {
            // Only the buyer it is reserved for is told so, in their own room.
            if (system.value("event") == rules::kListingReserved && !changed.reservedForId.isEmpty() &&
                changed.reservedForId == chat.buyerId)
                system.insert("reservedFor", chat.buyerId);
            NewMessage m;
            m.kind = rules::kSystem;
            m.system = system;
            m.actorId = chat.sellerId; // only the seller changes the listing
            if (auto posted = post(c, chat, m); !posted)
                return posted.error();
        }
    }
    return {};
}

Result<ChatRecord> ChatService::memberChat(db::Connection& c, const QString& chatId,
                                           const QString& userId) {
    auto chat = ChatTable::find(c, chatId);
    if (!chat || !chat->hasMember(userId))
        return noSuchChat();
    return *chat;
}

Result<void> ChatService::checkNotBlocked(db::Connection& c, const ChatRecord& chat,
                                          const QString& senderId) {
    const QString other = chat.otherMember(senderId);
    if (BlockTable::blocks(c, other, senderId))
        return ApiError::of(ErrorCode::Blocked, QStringLiteral("This person has blocked you."));
    if (BlockTable::blocks(c, senderId, other))
        return ApiError::of(ErrorCode::Blocked,
                            QStringLiteral("You blocked this person; unblock them to send messages."));
    return {};
}

ChatRoom ChatService::roomFor(db::Connection& c, const ChatRecord& chat, const QString& viewerId) {
    ChatRoom room;
    room.id = chat.id;
    room.listing = listingPartOf(c, chat.listingId);
    room.buyerId = chat.buyerId;
    room.sellerId = chat.sellerId;
    room.counterpartId = chat.otherMember(viewerId);
    room.counterpartName = displayNameOf(c, room.counterpartId);
    room.lastMessage = ChatTable::last(c, chat);
    room.lastSeq = chat.lastSeq;
    room.yourReadSeq = chat.readSeqOf(viewerId);
    room.otherReadSeq = chat.readSeqOf(room.counterpartId);
    room.unreadCount = std::max<qint64>(0, chat.lastSeq - room.yourReadSeq);
    room.blockedByYou = BlockTable::blocks(c, viewerId, room.counterpartId);
    room.blockedYou = BlockTable::blocks(c, room.counterpartId, viewerId);
    room.createdAtMs = chat.createdAtMs;
    room.updatedAtMs = chat.updatedAtMs;
    return room;
}

Result<ChatMessage> ChatService::post(db::Connection& c, ChatRecord& chat, const NewMessage& m) {
    const ChatMessage stored = ChatTable::append(c, chat, m, nowMs());
    ChatMessagePosted posted{stored, chat.buyerId, chat.sellerId, chat.listingId, {}, {}, {}};
    if (!m.senderId.isEmpty()) {
        const QString other = chat.otherMember(m.senderId);
        if (!m_presence.hasSocketOpen(other)) {
            posted.awayUserIds.append(other);
            posted.senderName = displayNameOf(c, m.senderId);
            posted.listingTitle = listingPartOf(c, chat.listingId).title;
        }
    }
    if (auto recorded = m_effects.record(c, posted); !recorded)
        return recorded.error();
    const QString reader = m.senderId.isEmpty() ? m.actorId : m.senderId;
    if (!reader.isEmpty()) {
        // Writing or acting reads what came before: their notification about this room is read
        // too. The other member learns the receipt from the message itself.
        const ChatRead read{chat.id, reader, chat.otherMember(reader), stored.seq};
        if (auto recorded = m_effects.record(c, read); !recorded)
            return recorded.error();
    }
    c.afterCommit([this, posted] { m_events.publish(posted); });
    return stored;
}

Result<OpenedChat> ChatService::open(const QString& listingId, const QString& buyerId) {
    return m_db.write([&](db::Connection& c) -> Result<OpenedChat> {
        const auto sellerId = ListingTable::sellerOf(c, listingId);
        if (!sellerId)
            return ApiError::notFound(QStringLiteral("No such listing."));
        if (*sellerId == buyerId)
            return ApiError::of(ErrorCode::OwnListing,
                                QStringLiteral("You cannot chat about your own listing."));
        if (auto existing = ChatTable::findFor(c, listingId, buyerId))
            return OpenedChat{roomFor(c, *existing, buyerId), false};
        if (BlockTable::blocks(c, *sellerId, buyerId))
            return ApiError::of(ErrorCode::Blocked, QStringLiteral("This person has blocked you."));
        if (BlockTable::blocks(c, buyerId, *sellerId))
            return ApiError::of(ErrorCode::Blocked,
                                QStringLiteral("You blocked this seller; unblock them to chat."));
        const ChatRecord chat = ChatTable::open(c, listingId, buyerId, *sellerId, nowMs());
        return OpenedChat{roomFor(c, chat, buyerId), true};
    });
}

Result<qint64> ChatService::unreadCount(const QString& userId) {
    return m_db.read([&](db::Connection& c) -> Result<qint64> { return ChatTable::unreadOf(c, userId); });
}

Result<ChatPage> ChatService::rooms(const QString& userId, const QString& cursorText, int limit) {
    if (auto ok = checkLimit(limit); !ok)
        return ok.error();
    qint64 beforeAt = std::numeric_limits<qint64>::max();
    qint64 beforeSeq = std::numeric_limits<qint64>::max();
    if (!cursorText.isEmpty()) {
        const auto cursor = Cursor::decode(cursorText);
        if (!cursor || cursor->sort != kRoomsCursor || cursor->keys.size() != 2)
            return ApiError::validation(QStringLiteral("This cursor is not valid."), "cursor");
        beforeAt = cursor->keys[0].toInteger();
        beforeSeq = cursor->keys[1].toInteger();
    }
    return m_db.read([&](db::Connection& c) -> Result<ChatPage> {
        const QList<ChatRecord> rows = ChatTable::ofUser(c, userId, beforeAt, beforeSeq, limit + 1);
        ChatPage page;
        for (qsizetype i = 0; i < rows.size() && i < limit; ++i)
            page.items.append(roomFor(c, rows[i], userId));
        if (rows.size() > limit) {
            const ChatRecord& last = rows[limit - 1];
            page.nextCursor = Cursor{kRoomsCursor, QJsonArray{last.updatedAtMs, last.seq}}.encode();
        }
        return page;
    });
}

Result<ChatRoom> ChatService::room(const QString& chatId, const QString& userId) {
    return m_db.read([&](db::Connection& c) -> Result<ChatRoom> {
        ChatRecord chat;
        BITMARKET_TRY(chat, memberChat(c, chatId, userId));
        return roomFor(c, chat, userId);
    });
}

Result<MessagePage> ChatService::messages(const QString& chatId, const QString& userId,
                                          qint64 beforeSeq, const QString& cursorText, int limit) {
    if (auto ok = checkLimit(limit); !ok)
        return ok.error();
    if (!cursorText.isEmpty()) {
        const auto cursor = Cursor::decode(cursorText);
        if (!cursor || cursor->sort != kMessagesCursor || cursor->keys.size() != 1)
            return ApiError::validation(QStringLiteral("This cursor is not valid."), "cursor");
        beforeSeq = cursor->keys[0].toInteger();
    }
    return m_db.read([&](db::Connection& c) -> Result<MessagePage> {
        ChatRecord chat;
        BITMARKET_TRY(chat, memberChat(c, chatId, userId));
        const qint64 below = beforeSeq > 0 ? beforeSeq : chat.lastSeq + 1;
        MessagePage page;
        page.items = ChatTable::page(c, chat, below, limit);
        if (page.items.size() == limit && page.items.last().seq > 1)
            page.nextCursor = Cursor{kMessagesCursor, QJsonArray{page.items.last().seq}}.encode();
        return page;
    });
}

Result<QString> ChatService::sendableText(const QString& rawText, const QString& senderId,
                                          const QString& clientId) {
    const QString text = rawText.trimmed();
    if (text.isEmpty())
        return ApiError::validation(QStringLiteral("Write a message first."), "text");
    if (text.size() > rules::kTextMaxLength)
        return ApiError::validation(QStringLiteral("Must be at most %1 characters."), "text")
            .arg(rules::kTextMaxLength);
    if (clientId.size() > rules::kClientIdMaxLength)
        return ApiError::validation(QStringLiteral("Must be at most %1 characters."), "clientId")
            .arg(rules::kClientIdMaxLength);
    if (auto counted = countSend(senderId); !counted)
        return counted.error();
    return text;
}

std::function<Result<SentMessage>(db::Connection&)>
ChatService::textWrite(const QString& chatId, const QString& senderId, const QString& text,
                       const QString& clientId, std::shared_ptr<ChatRecord> chat) {
    return [this, chatId, senderId, text, clientId, chat](db::Connection& c) -> Result<SentMessage> {
        BITMARKET_TRY(*chat, memberChat(c, chatId, senderId));
        if (!clientId.isEmpty()) {
            if (auto before = ChatTable::byClientId(c, *chat, senderId, clientId))
                return SentMessage{*before, false};
        }
        if (auto ok = checkNotBlocked(c, *chat, senderId); !ok)
            return ok.error();
        NewMessage m;
        m.senderId = senderId;
        m.kind = rules::kText;
        m.text = text;
        m.clientId = clientId;
        ChatMessage stored;
        BITMARKET_TRY(stored, post(c, *chat, m));
        return SentMessage{stored, true};
    };
}

Result<SentMessage> ChatService::sendText(const QString& chatId, const QString& senderId,
                                          const QString& rawText, const QString& clientId) {
    QString text;
    BITMARKET_TRY(text, sendableText(rawText, senderId, clientId));
    auto chat = std::make_shared<ChatRecord>();
    auto sent = m_db.write(textWrite(chatId, senderId, text, clientId, chat));
    if (sent && sent->created)
        suggestMeetup(*chat, text);
    return sent;
}

void ChatService::sendTextThen(const QString& chatId, const QString& senderId,
                               const QString& rawText, const QString& clientId, Sent sent) {
    auto text = sendableText(rawText, senderId, clientId);
    if (!text)
        return sent(text.error());
    auto chat = std::make_shared<ChatRecord>();
    m_db.writeThen(textWrite(chatId, senderId, *text, clientId, chat),
                   [this, chat, text = *text, sent = std::move(sent)](Result<SentMessage> answer) {
                       if (answer && answer->created)
                           m_suggestions.start([this, chat, text] { suggestMeetup(*chat, text); });
                       sent(std::move(answer));
                   });
}

void ChatService::suggestMeetup(const ChatRecord& chat, const QString& newest) {
    const QDateTime now = QDateTime::currentDateTimeUtc().toTimeZone(m_options.timeZone);
    // Most messages name neither a time nor a place: those need no look at the earlier ones.
    const MeetupMention named = MeetupParser::read(newest, now);
    if (!named.at && named.place.isEmpty())
        return;
    auto lines = m_db.read([&](db::Connection& c) -> Result<QList<SpokenLine>> {
        QList<SpokenLine> out;
        for (const ChatMessage& m : ChatTable::latestTexts(c, chat, rules::kSuggestionWindow))
            out.append(SpokenLine{m.senderId, m.text});
        return out;
    });
    if (!lines)
        return;
    const auto meetup = MeetupParser::suggest(*lines, now);
    if (meetup)
        m_events.publish(ChatSuggested{chat.id, {chat.buyerId, chat.sellerId},
                                       meetup->at.toMSecsSinceEpoch(), meetup->place});
}

Result<ChatMessage> ChatService::sendImage(const QString& chatId, const QString& senderId,
                                           const QByteArray& bytes) {
    if (auto counted = countSend(senderId); !counted)
        return counted.error();
    auto allowed = m_db.read([&](db::Connection& c) -> Result<void> {
        ChatRecord chat;
        BITMARKET_TRY(chat, memberChat(c, chatId, senderId));
        return checkNotBlocked(c, chat, senderId);
    });
    if (!allowed)
        return allowed.error();
    media::IngestedPhoto photo;
    BITMARKET_TRY(photo, m_photos.ingest(bytes, senderId));
    NewMessage m;
    m.senderId = senderId;
    m.kind = rules::kImage;
    m.image = Photo{photo.hash, photo.url, photo.thumbUrl, photo.width, photo.height};
    m.imageHash = photo.hash;
    return postAsMember(chatId, m);
}

Result<ChatMessage> ChatService::proposeAppointment(const QString& chatId, const QString& senderId,
                                                    qint64 atMs, const QString& rawPlace) {
    const QString place = rawPlace.trimmed();
    if (atMs <= nowMs())
        return ApiError::validation(QStringLiteral("Pick a time that is still to come."), "at");
    if (place.isEmpty())
        return ApiError::validation(QStringLiteral("This field is required."), "place");
    if (auto counted = countSend(senderId); !counted)
        return counted.error();
    if (place.size() > rules::kPlaceMaxLength)
        return ApiError::validation(QStringLiteral("Must be at most %1 characters."), "place")
            .arg(rules::kPlaceMaxLength);
    NewMessage m;
    m.senderId = senderId;
    m.kind = rules::kAppointment;
    m.appointment = Appointment{atMs, place, rules::kProposed};
    return postAsMember(chatId, m);
}

Result<ChatMessage> ChatService::postAsMember(const QString& chatId, const NewMessage& message) {
    return m_db.write([&](db::Connection& c) -> Result<ChatMessage> {
        ChatRecord chat;
        BITMARKET_TRY(chat, memberChat(c, chatId, message.senderId));
        if (auto ok = checkNotBlocked(c, chat, message.senderId); !ok)
            return ok.error();
        return post(c, chat, message);
    });
}

Result<ChatMessage> ChatService::answerAppointment(const QString& chatId, const QString& messageId,
                                                   const QString& userId, bool accept) {
    return m_db.write([&](db::Connection& c) -> Result<ChatMessage> {
        ChatRecord chat;
        BITMARKET_TRY(chat, memberChat(c, chatId, userId));
        auto card = ChatTable::message(c, chat, messageId);
        if (!card || !card->appointment)
            return ApiError::notFound(QStringLiteral("No such appointment in this chat."));
        if (card->senderId == userId)
            return ApiError::forbidden(
                QStringLiteral("Only the other member can answer this appointment."));
        if (card->appointment->status != rules::kProposed)
            return ApiError::of(ErrorCode::InvalidState,
                                QStringLiteral("This appointment was already answered."));
        if (auto ok = checkNotBlocked(c, chat, userId); !ok)
            return ok.error();
        card->appointment->status = accept ? rules::kAccepted : rules::kDeclined;
        ChatTable::setAppointmentState(c, chat, card->seq, card->appointment->status);
        NewMessage m;
        m.kind = rules::kSystem;
        m.actorId = userId;
        m.system = QJsonObject{
            {"event", accept ? rules::kAppointmentAccepted : rules::kAppointmentDeclined},
            {"messageId", card->id},
            {"by", userId},
            {"appointment", card->appointment->toJson()}};
        if (auto posted = post(c, chat, m); !posted)
            return posted.error();
        return *card;
    });
}

Result<void> ChatService::markRead(const QString& chatId, const QString& userId, qint64 upToSeq) {
    return m_db.write([&](db::Connection& c) -> Result<void> {
        ChatRecord chat;
        BITMARKET_TRY(chat, memberChat(c, chatId, userId));
        if (!ChatTable::markRead(c, chat, userId, upToSeq))
            return {};
        const ChatRead read{chat.id, userId, chat.otherMember(userId), chat.readSeqOf(userId)};
        if (auto recorded = m_effects.record(c, read); !recorded)
            return recorded.error();
        c.afterCommit([this, read] { m_events.publish(read); });
        return {};
    });
}

Result<void> ChatService::typing(const QString& chatId, const QString& userId) {
    ChatRecord chat;
    auto member = m_db.read([&](db::Connection& c) -> Result<ChatRecord> {
        return memberChat(c, chatId, userId);
    });
    BITMARKET_TRY(chat, std::move(member));
    const qint64 now = nowMs();
    {
        std::lock_guard lock(m_typingMutex);
        const QString key = chatId + u' ' + userId;
        const auto last = m_lastTyping.constFind(key);
        if (last != m_lastTyping.constEnd() && now - *last < rules::kTypingIntervalMs)
            return {};
        // Entries only matter for an interval: forget the stale ones once there are many.
        if (m_lastTyping.size() > 10'000)
            m_lastTyping.removeIf([now](const auto& entry) {
                return now - entry.value() >= rules::kTypingIntervalMs;
            });
        m_lastTyping.insert(key, now);
    }
    m_events.publish(ChatTyping{chat.id, userId, chat.otherMember(userId)});
    return {};
}

Result<ChatRoom> ChatService::setListingStatus(const QString& chatId, const QString& userId,
                                               const QString& status) {
    static const QStringList allowed = {listing::nameOf(listing::Status::Reserved),
                                        listing::nameOf(listing::Status::Sold),
                                        listing::nameOf(listing::Status::Active)};
    if (!allowed.contains(status))
        return ApiError::validation(QStringLiteral("Must be one of: %1."), "status")
            .arg(allowed.join(QStringLiteral(", ")));
    auto chat = m_db.read([&](db::Connection& c) -> Result<ChatRecord> {
        return memberChat(c, chatId, userId);
    });
    if (!chat)
        return chat.error();
    if (chat->sellerId != userId)
        return ApiError::forbidden(QStringLiteral("Only the seller can change the listing."));
    ListingPatch patch;
    patch.status = status;
    if (status == listing::nameOf(listing::Status::Reserved))
        patch.reservedForId = chat->buyerId;
    if (auto updated = m_listings.update(chat->listingId, userId, patch); !updated)
        return updated.error();
    return room(chatId, userId);
}

Result<void> ChatService::block(const QString& blockerId, const QString& blockedId) {
    if (blockerId == blockedId)
        return ApiError::validation(QStringLiteral("You cannot block yourself."));
    return m_db.write([&](db::Connection& c) -> Result<void> {
        auto q = c.query("SELECT 1 FROM users WHERE id = ?1");
        q.bind(blockedId);
        if (!q.next())
            return ApiError::notFound(QStringLiteral("No such user."));
        BlockTable::block(c, blockerId, blockedId, nowMs());
        return {};
    });
}

Result<void> ChatService::unblock(const QString& blockerId, const QString& blockedId) {
    return m_db.write([&](db::Connection& c) -> Result<void> {
        BlockTable::unblock(c, blockerId, blockedId);
        return {};
    });
}

Result<QList<BlockedUser>> ChatService::blocks(const QString& userId) {
    return m_db.read([&](db::Connection& c) -> Result<QList<BlockedUser>> {
        return BlockTable::blockedBy(c, userId);
    });
}

QStringList ChatService::imageHashes(db::Connection& c) {
    return ChatTable::imageHashes(c);
}

} // namespace bitmarket::server::chat
