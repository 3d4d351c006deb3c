#include "chat/ChatTable.h"

#include "bitmarket/ChatRules.h"
#include "bitmarket/Ids.h"

#include <QJsonDocument>

namespace bitmarket::server::chat {

namespace {

namespace rules = bitmarket::chat;

constexpr const char* kChatColumns =
    "seq, id, listing_id, buyer_id, seller_id, last_seq, buyer_read_seq, seller_read_seq, "
    "created_at, updated_at";

ChatRecord chatFromRow(const db::Query& q) {
    return ChatRecord{q.integer(0), q.text(1),    q.text(2),    q.text(3),    q.text(4),
                      q.integer(5), q.integer(6), q.integer(7), q.integer(8), q.integer(9)};
}

constexpr const char* kMessageColumns =
    "seq, id, sender_id, kind, text, image, appointment_at, appointment_place, "
    "appointment_state, system, client_id, created_at";

QJsonObject objectOf(const QString& json) {
    return QJsonDocument::fromJson(json.toUtf8()).object();
}

QString compact(const QJsonObject& o) {
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

ChatMessage messageFromRow(const db::Query& q, const QString& chatId) {
    ChatMessage m;
    m.chatId = chatId;
    m.seq = q.integer(0);
    m.id = q.text(1);
    m.senderId = q.text(2);
    m.kind = q.text(3);
    m.text = q.text(4);
    if (!q.isNull(5))
        m.image = Photo::fromJson(objectOf(q.text(5)));
    if (!q.isNull(6))
        m.appointment = Appointment{q.integer(6), q.text(7), q.text(8)};
    if (!q.isNull(9))
        m.system = objectOf(q.text(9));
    m.clientId = q.text(10);
    m.createdAtMs = q.integer(11);
    return m;
}

QList<ChatMessage> messagesOf(db::Query& q, const QString& chatId) {
    QList<ChatMessage> out;
    while (q.next())
        out.append(messageFromRow(q, chatId));
    return out;
}

std::optional<ChatMessage> firstOf(db::Query& q, const QString& chatId) {
    if (!q.next())
        return std::nullopt;
    return messageFromRow(q, chatId);
}

} // namespace

std::optional<ChatRecord> ChatTable::find(db::Connection& c, const QString& chatId) {
    auto q = c.query(std::string("SELECT ") + kChatColumns + " FROM chats WHERE id = ?1");
    q.bind(chatId);
    if (!q.next())
        return std::nullopt;
    return chatFromRow(q);
}

std::optional<ChatRecord> ChatTable::findFor(db::Connection& c, const QString& listingId,
                                             const QString& buyerId) {
    auto q = c.query(std::string("SELECT ") + kChatColumns +
                     " FROM chats WHERE listing_id = ?1 AND buyer_id = ?2");
    q.bind(listingId, buyerId);
    if (!q.next())
        return std::nullopt;
    return chatFromRow(q);
}

ChatRecord ChatTable::open(db::Connection& c, const QString& listingId, const QString& buyerId,
                           const QString& sellerId, qint64 nowMs) {
    ChatRecord chat{0, newId("ch"), listingId, buyerId, sellerId, 0, 0, 0, nowMs, nowMs};
    c.query("INSERT INTO chats (id, listing_id, buyer_id, seller_id, created_at, updated_at) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?5)")
        .bind(chat.id, listingId, buyerId, sellerId, nowMs)
        .run();
    chat.seq = c.lastInsertRowId();
    return chat;
}

QList<ChatRecord> ChatTable::ofListing(db::Connection& c, const QString& listingId) {
    auto q = c.query(std::string("SELECT ") + kChatColumns +
                     " FROM chats WHERE listing_id = ?1 ORDER BY seq");
    q.bind(listingId);
    QList<ChatRecord> out;
    while (q.next())
        out.append(chatFromRow(q));
    return out;
}

QList<ChatRecord> ChatTable::ofUser(db::Connection& c, const QString& userId, qint64 beforeAtMs,
                                    qint64 beforeSeq, int limit) {
    // A member is the buyer or the seller, never both (nobody chats about their own listing).
    const std::string before = " AND (updated_at < ?2 OR (updated_at = ?2 AND seq < ?3))";
    auto q = c.query(std::string("SELECT * FROM (SELECT ") + kChatColumns +
                     " FROM chats WHERE buyer_id = ?1" + before + " UNION ALL SELECT " +
                     kChatColumns + " FROM chats WHERE seller_id = ?1" + before +
                     ") ORDER BY updated_at DESC, seq DESC LIMIT ?4");
    q.bind(userId, beforeAtMs, beforeSeq, limit);
    QList<ChatRecord> out;
    while (q.next())
        out.append(chatFromRow(q));
    return out;
}

qint64 ChatTable::unreadOf(db::Connection& c, const QString& userId) {
    auto q = c.query("SELECT coalesce(sum(max(last_seq - buyer_read_seq, 0)), 0) FROM chats "
                     "WHERE buyer_id = ?1");
    q.bind(userId);
    q.next();
    const qint64 asBuyer = q.integer(0);
    auto s = c.query("SELECT coalesce(sum(max(last_seq - seller_read_seq, 0)), 0) FROM chats "
                     "WHERE seller_id = ?1");
    s.bind(userId);
    s.next();
    return asBuyer + s.integer(0);
}

ChatMessage ChatTable::append(db::Connection& c, ChatRecord& chat, const NewMessage& m,
                              qint64 nowMs) {
    auto next = c.query("UPDATE chats SET last_seq = last_seq + 1, updated_at = ?2, "
                        "buyer_read_seq = CASE WHEN buyer_id = ?3 THEN last_seq + 1 ELSE buyer_read_seq END, "
                        "seller_read_seq = CASE WHEN seller_id = ?3 THEN last_seq + 1 ELSE seller_read_seq END "
                        "WHERE seq = ?1 RETURNING last_seq, buyer_read_seq, seller_read_seq");
    next.bind(chat.seq, nowMs, m.senderId.isEmpty() ? m.actorId : m.senderId);
    next.next();
    chat.lastSeq = next.integer(0);
    chat.buyerReadSeq = next.integer(1);
    chat.sellerReadSeq = next.integer(2);
    chat.updatedAtMs = nowMs;
    next.run();

    ChatMessage stored;
    stored.id = newOrderedId("cm", nowMs);
    stored.chatId = chat.id;
    stored.seq = chat.lastSeq;
    stored.senderId = m.senderId;
    stored.kind = m.kind;
    stored.text = m.text;
    stored.image = m.image;
    stored.appointment = m.appointment;
    stored.system = m.system;
    stored.clientId = m.clientId;
    stored.createdAtMs = nowMs;
    c.query("INSERT INTO chat_messages (chat_seq, seq, id, sender_id, kind, text, image, "
            "image_hash, appointment_at, appointment_place, appointment_state, system, client_id, "
            "created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)")
        .bind(chat.seq, stored.seq, stored.id, m.senderId, m.kind, m.text,
              m.image ? std::optional<QString>(compact(m.image->toJson())) : std::nullopt,
              m.imageHash.isEmpty() ? std::nullopt : std::optional<QString>(m.imageHash),
              m.appointment ? std::optional<qint64>(m.appointment->atMs) : std::nullopt,
              m.appointment ? std::optional<QString>(m.appointment->place) : std::nullopt,
              m.appointment ? std::optional<QString>(m.appointment->status) : std::nullopt,
              m.system.isEmpty() ? std::nullopt : std::optional<QString>(compact(m.system)),
              m.clientId.isEmpty() ? std::nullopt : std::optional<QString>(m.clientId), nowMs)
        .run();
    return stored;
}

std::optional<ChatMessage> ChatTable::byClientId(db::Connection& c, const ChatRecord& chat,
                                                 const QString& senderId, const QString& clientId) {
    auto q = c.query(std::string("SELECT ") + kMessageColumns +
                     " FROM chat_messages WHERE chat_seq = ?1 AND sender_id = ?2 AND client_id = ?3");
    q.bind(chat.seq, senderId, clientId);
    return firstOf(q, chat.id);
}

std::optional<ChatMessage> ChatTable::message(db::Connection& c, const ChatRecord& chat,
                                              const QString& messageId) {
    auto q = c.query(std::string("SELECT ") + kMessageColumns +
                     " FROM chat_messages WHERE id = ?1 AND chat_seq = ?2");
    q.bind(messageId, chat.seq);
    return firstOf(q, chat.id);
}

std::optional<ChatMessage> ChatTable::last(db::Connection& c, const ChatRecord& chat) {
    auto q = c.query(std::string("SELECT ") + kMessageColumns +
                     " FROM chat_messages WHERE chat_seq = ?1 AND seq = ?2");
    q.bind(chat.seq, chat.lastSeq);
    return firstOf(q, chat.id);
}

QList<ChatMessage> ChatTable::page(db::Connection& c, const ChatRecord& chat, qint64 beforeSeq,
                                   int limit) {
    auto q = c.query(std::string("SELECT ") + kMessageColumns +
                     " FROM chat_messages WHERE chat_seq = ?1 AND seq < ?2 ORDER BY seq DESC LIMIT ?3");
    q.bind(chat.seq, beforeSeq, limit);
    return messagesOf(q, chat.id);
}

QList<ChatMessage> ChatTable::latestTexts(db::Connection& c, const ChatRecord& chat, int limit) {
    auto q = c.query(std::string("SELECT ") + kMessageColumns +
                     " FROM chat_messages WHERE chat_seq = ?1 AND kind = ?2 ORDER BY seq DESC LIMIT ?3");
    q.bind(chat.seq, rules::kText, limit);
    return messagesOf(q, chat.id);
}

bool ChatTable::markRead(db::Connection& c, ChatRecord& chat, const QString& userId,
                         qint64 upToSeq) {
    const qint64 target = std::min(upToSeq, chat.lastSeq);
    if (target <= chat.readSeqOf(userId))
        return false;
    const bool buyer = userId == chat.buyerId;
    c.query(buyer ? "UPDATE chats SET buyer_read_seq = max(buyer_read_seq, ?2) WHERE seq = ?1"
                  : "UPDATE chats SET seller_read_seq = max(seller_read_seq, ?2) WHERE seq = ?1")
        .bind(chat.seq, target)
        .run();
    (buyer ? chat.buyerReadSeq : chat.sellerReadSeq) = target;
    return true;
}

void ChatTable::setAppointmentState(db::Connection& c, const ChatRecord& chat, qint64 seq,
                                    const QString& state) {
    c.query("UPDATE chat_messages SET appointment_state = ?3 WHERE chat_seq = ?1 AND seq = ?2")
        .bind(chat.seq, seq, state)
        .run();
}

QStringList ChatTable::imageHashes(db::Connection& c) {
    auto q = c.query("SELECT DISTINCT image_hash FROM chat_messages WHERE image_hash IS NOT NULL");
    QStringList out;
    while (q.next())
        out.append(q.text(0));
    return out;
}

} // namespace bitmarket::server::chat
