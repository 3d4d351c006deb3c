#include "chat/RoomUpdates.h"

using bitmarket::ChatMessage;
using bitmarket::ChatRoom;

namespace RoomUpdates {

namespace {

void applyListingChange(ChatRoom& room, const ChatMessage& message) {
    const QString event = message.system.value("event").toString();
    if (event == u"listing_reserved")
        room.listing.status = QStringLiteral("reserved");
    else if (event == u"listing_sold")
        room.listing.status = QStringLiteral("sold");
    else if (event == u"listing_active")
        room.listing.status = QStringLiteral("active");
    else if (event == u"price_changed") {
        if (auto price = bitmarket::Money::fromJson(message.system.value("price"), QStringLiteral("price")))
            room.listing.price = *price;
    }
}

// Whom a message shows to have read up to it: its sender, or the member whose action a system
// message tells (who answered a card; the seller who reserved from the room), as the server
// moves their cursor.
QString readerOf(const ChatRoom& room, const ChatMessage& message) {
    if (!message.senderId.isEmpty())
        return message.senderId;
    if (message.system.contains("by"))
        return message.system.value("by").toString();
    if (message.system.contains("reservedFor"))
        return room.sellerId;
    return {};
}

} // namespace

bool applyMessage(ChatRoom& room, const ChatMessage& message, const QString& viewerId) {
    if (message.seq <= room.lastSeq && room.lastMessage)
        return false;
    room.lastSeq = std::max(room.lastSeq, message.seq);
    room.lastMessage = message;
    room.updatedAtMs = std::max(room.updatedAtMs, message.createdAtMs);
    // Writing is reading: the sender's cursor moves to their message.
    const QString reader = readerOf(room, message);
    if (reader == viewerId)
        room.yourReadSeq = message.seq;
    else if (!reader.isEmpty())
        room.otherReadSeq = std::max(room.otherReadSeq, message.seq);
    room.unreadCount = std::max<qint64>(0, room.lastSeq - room.yourReadSeq);
    if (message.kind == u"system")
        applyListingChange(room, message);
    return true;
}

bool applyRead(ChatRoom& room, const QString& userId, qint64 upToSeq, const QString& viewerId) {
    qint64& cursor = userId == viewerId ? room.yourReadSeq : room.otherReadSeq;
    if (upToSeq <= cursor)
        return false;
    cursor = upToSeq;
    room.unreadCount = std::max<qint64>(0, room.lastSeq - room.yourReadSeq);
    return true;
}

} // namespace RoomUpdates
