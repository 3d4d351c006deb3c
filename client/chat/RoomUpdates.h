// How a room as the client keeps it (bitmarket::ChatRoom) moves with what arrives live: a new
// message (the last message, the unread count, the listing's status or price when the message
// says it changed) and a member's read cursor. The room list and the open room both follow
// the same frames this way.
#pragma once

#include "bitmarket/ApiTypes.h"

namespace RoomUpdates {

// False when the message is not newer than what the room has seen.
bool applyMessage(bitmarket::ChatRoom& room, const bitmarket::ChatMessage& message,
                  const QString& viewerId);
// A member read up to `upToSeq`: the viewer's unread count or the other member's receipt.
// False when nothing moved.
bool applyRead(bitmarket::ChatRoom& room, const QString& userId, qint64 upToSeq,
               const QString& viewerId);

} // namespace RoomUpdates
