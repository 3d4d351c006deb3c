// The one writer of `chats` and `chat_messages`: rooms, their messages numbered without gaps
// inside each room, each member's read cursor, and appointment cards' state.
#pragma once

#include "bitmarket/ApiTypes.h"
#include "db/Connection.h"

#include <optional>

namespace bitmarket::server::chat {

// A chat's row.
struct ChatRecord {
    qint64 seq = 0;
    QString id;
    QString listingId;
    QString buyerId;
    QString sellerId;
    qint64 lastSeq = 0;
    qint64 buyerReadSeq = 0;
    qint64 sellerReadSeq = 0;
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;

    bool hasMember(const QString& userId) const { return userId == buyerId || userId == sellerId; }
    QString otherMember(const QString& userId) const { return userId == buyerId ? sellerId : buyerId; }
    qint64 readSeqOf(const QString& userId) const {
        return userId == buyerId ? buyerReadSeq : sellerReadSeq;
    }
};

// A message to add; the table gives it its id, seq and time.
struct NewMessage {
    QString senderId; // empty for system messages
    // For a system message, the member whose action it tells (they have seen it); may be empty.
    QString actorId;
    QString kind;
    QString text;
    std::optional<Photo> image;
    QString imageHash;
    std::optional<Appointment> appointment;
    QJsonObject system;
    QString clientId;
};

class ChatTable {
public:
    static std::optional<ChatRecord> find(db::Connection& c, const QString& chatId);
    static std::optional<ChatRecord> findFor(db::Connection& c, const QString& listingId,
                                             const QString& buyerId);
    static ChatRecord open(db::Connection& c, const QString& listingId, const QString& buyerId,
                           const QString& sellerId, qint64 nowMs);
    static QList<ChatRecord> ofListing(db::Connection& c, const QString& listingId);
    // The user's chats, most recent activity first, strictly before (updatedAtMs, seq).
    static QList<ChatRecord> ofUser(db::Connection& c, const QString& userId, qint64 beforeAtMs,
                                    qint64 beforeSeq, int limit);
    // The messages the user has not read, over all their chats.
    static qint64 unreadOf(db::Connection& c, const QString& userId);

    // Adds the message as the chat's next seq (last seq + 1, in this transaction: no gaps) and
    // moves the read cursor of its sender (or actor) to it; `chat` is updated to match.
    static ChatMessage append(db::Connection& c, ChatRecord& chat, const NewMessage& message,
                              qint64 nowMs);
    // The sender's message with this client id, if they sent one.
    static std::optional<ChatMessage> byClientId(db::Connection& c, const ChatRecord& chat,
                                                 const QString& senderId, const QString& clientId);
    static std::optional<ChatMessage> message(db::Connection& c, const ChatRecord& chat,
                                              const QString& messageId);
    static std::optional<ChatMessage> last(db::Connection& c, const ChatRecord& chat);
    // Newest first, seq below `beforeSeq`.
    static QList<ChatMessage> page(db::Connection& c, const ChatRecord& chat, qint64 beforeSeq,
                                   int limit);
    // The latest text messages, newest first.
    static QList<ChatMessage> latestTexts(db::Connection& c, const ChatRecord& chat, int limit);

    // Moves the member's cursor forward to `upToSeq` (never past the last seq, never back);
    // whether it moved. `chat` is updated to match.
    static bool markRead(db::Connection& c, ChatRecord& chat, const QString& userId,
                         qint64 upToSeq);
    static void setAppointmentState(db::Connection& c, const ChatRecord& chat, qint64 seq,
                                    const QString& state);
    // Content hashes of every photo sent in a chat (the media sweeper keeps them).
    static QStringList imageHashes(db::Connection& c);
};

} // namespace bitmarket::server::chat
