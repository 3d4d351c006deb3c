// A message was added to a chat (text, image, appointment card or system message). Recorded in
// the message's transaction (members who had no socket open are told once per burst) and
// published once that commits (both members' sockets get chat.message).
#pragma once

#include "bitmarket/ApiTypes.h"

#include <QStringList>

namespace bitmarket::server {

struct ChatMessagePosted {
    ChatMessage message;
    QString buyerId;
    QString sellerId;
    QString listingId;
    QStringList awayUserIds; // members to notify: not the sender, and no socket open
    // For their notification; empty when nobody is away.
    QString listingTitle;
    QString senderName;
};

} // namespace bitmarket::server
