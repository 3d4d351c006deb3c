// Chats between a listing's buyer and its seller: opening a room, messages (text, images,
// appointment cards, system messages), read cursors, typing, blocks, the meet-up suggestion,
// and the seller marking the listing reserved or sold from the room.
//
// Every message is added inside the database's write, on its one writer thread: its seq is the
// room's last seq + 1 in that same transaction (no gaps, however many senders), and the answer
// comes once it is durable. The same client id from the same sender is the same message. The
// other member's sockets get chat.message after the commit; a member with no socket open is
// told through a notification that folds a burst into one (NotificationService, through
// SameTransactionEvents). What the listing's seller changes (status, price) appears in every
// room about it as a system message written in the seller's transaction.
#pragma once

#include "auth/RateLimiter.h"
#include "bitmarket/ApiTypes.h"
#include "chat/BlockTable.h"
#include "chat/ChatTable.h"
#include "db/Database.h"
#include "events/EventBus.h"
#include "events/SameTransactionEvents.h"
#include "events/UserPresence.h"
#include "market/ListingService.h"
#include "media/PhotoIngest.h"

#include <QHash>
#include <QThreadPool>
#include <QTimeZone>
#include <functional>
#include <memory>
#include <mutex>

namespace bitmarket::server::chat {

struct OpenedChat {
    ChatRoom room;
    bool created = false;
};

struct SentMessage {
    ChatMessage message;
    bool created = false; // false: the client id named a message sent before
};

struct ChatPage {
    QList<ChatRoom> items;
    QString nextCursor;
};

struct MessagePage {
    QList<ChatMessage> items;
    QString nextCursor;
};

class ChatService {
public:
    struct Options {
        // Meet-up times are read in this zone ("tomorrow 3pm" where the server is).
        QTimeZone timeZone = QTimeZone::systemTimeZone();
        // Messages (texts, photos, cards) one user may send in kSendWindowMs; more are refused
        // with rate_limited until the oldest leaves the window. Far above what a person types,
        // low enough that a script cannot flood a room.
        int sendsPerWindow = 200;
    };
    static constexpr qint64 kSendWindowMs = 10'000;

    ChatService(db::Database& db, EventBus& events, const SameTransactionEvents& effects,
                ListingService& listings, media::PhotoIngest& photos, const UserPresence& presence,
                Options options);

    // For SameTransactionEvents: the seller changed a listing's status or price; every room
    // about it gets a system message in the same transaction.
    Result<void> handle(db::Connection& c, const DomainEvent& event);

    // The caller's room about the listing, made on the first call.
    Result<OpenedChat> open(const QString& listingId, const QString& buyerId);
    Result<ChatPage> rooms(const QString& userId, const QString& cursor, int limit);
    // The messages the user has not read over all their rooms (the sum of every room's
    // unreadCount, however many rooms a page shows).
    Result<qint64> unreadCount(const QString& userId);
    // Members only: anyone else gets not_found.
    Result<ChatRoom> room(const QString& chatId, const QString& userId);
    // Newest first, below `beforeSeq` (0: from the newest); or after the page `cursor` ends.
    Result<MessagePage> messages(const QString& chatId, const QString& userId, qint64 beforeSeq,
                                 const QString& cursor, int limit);

    // `text` is trimmed, 1..chat::kTextMaxLength characters; `clientId` may be empty.
    Result<SentMessage> sendText(const QString& chatId, const QString& senderId,
                                 const QString& text, const QString& clientId);
    // The same without a thread waiting on the write (for chat.send over WebSocket): `sent` is
    // called once the message is durable (or refused), on the database's commit thread or, for
    // a refusal found before the write, on the caller's; it must hand the answer on at once.
    using Sent = std::function<void(Result<SentMessage>)>;
    void sendTextThen(const QString& chatId, const QString& senderId, const QString& text,
                      const QString& clientId, Sent sent);
    // A photo, ingested as listing photos are (type by content, uprighted, stripped, thumbnail).
    Result<ChatMessage> sendImage(const QString& chatId, const QString& senderId,
                                  const QByteArray& bytes);
    Result<ChatMessage> proposeAppointment(const QString& chatId, const QString& senderId,
                                           qint64 atMs, const QString& place);
    // The other member only, while it is proposed; the card as it stands afterwards.
    Result<ChatMessage> answerAppointment(const QString& chatId, const QString& messageId,
                                          const QString& userId, bool accept);
    // The cursor moves forward only, and never past the last message.
    Result<void> markRead(const QString& chatId, const QString& userId, qint64 upToSeq);
    // Tells the other member; at most once per chat::kTypingIntervalMs per member and room.
    Result<void> typing(const QString& chatId, const QString& userId);
    // The seller only: the listing reserved, sold or active again (through ListingService).
    Result<ChatRoom> setListingStatus(const QString& chatId, const QString& userId,
                                      const QString& status);

    Result<void> block(const QString& blockerId, const QString& blockedId);
    Result<void> unblock(const QString& blockerId, const QString& blockedId);
    Result<QList<BlockedUser>> blocks(const QString& userId);

    // For the media sweeper: photos sent in chats stay.
    static QStringList imageHashes(db::Connection& c);

private:
    // The chat if `userId` is a member; not_found otherwise.
    static Result<ChatRecord> memberChat(db::Connection& c, const QString& chatId,
                                         const QString& userId);
    // blocked when either member blocked the other.
    static Result<void> checkNotBlocked(db::Connection& c, const ChatRecord& chat,
                                        const QString& senderId);
    static ChatRoom roomFor(db::Connection& c, const ChatRecord& chat, const QString& viewerId);
    // Adds the message inside the write and announces it (notifying away members) after commit.
    Result<ChatMessage> post(db::Connection& c, ChatRecord& chat, const NewMessage& message);
    // post() in a write of its own, if the sender is a member and neither blocked the other.
    Result<ChatMessage> postAsMember(const QString& chatId, const NewMessage& message);
    Result<void> tellListingChange(db::Connection& c, const ListingTermsChanged& changed);
    // The checked text of a message, counted against the sender's limit, or why it cannot be sent.
    Result<QString> sendableText(const QString& rawText, const QString& senderId,
                                 const QString& clientId);
    // The write that adds a text message (or finds the one its client id names); the room it
    // went to is left in `chat`.
    std::function<Result<SentMessage>(db::Connection&)>
    textWrite(const QString& chatId, const QString& senderId, const QString& text,
              const QString& clientId, std::shared_ptr<ChatRecord> chat);
    // rate_limited while the sender is over Options::sendsPerWindow; else counts this send.
    Result<void> countSend(const QString& senderId);
    // After the text message `newest`: offers an appointment card when the latest lines name a
    // meet-up.
    void suggestMeetup(const ChatRecord& chat, const QString& newest);

    db::Database& m_db;
    EventBus& m_events;
    const SameTransactionEvents& m_effects;
    ListingService& m_listings;
    media::PhotoIngest& m_photos;
    const UserPresence& m_presence;
    Options m_options;
    // Where suggestions after a WebSocket send are worked out: never on the database's threads.
    QThreadPool m_suggestions;
    RateLimiter m_sends;
    std::mutex m_typingMutex;
    QHash<QString, qint64> m_lastTyping; // "chatId userId" -> when it was last passed on
};

} // namespace bitmarket::server::chat
