// A chat member's read cursor moved forward. Recorded in that write (their chat notification is
// read with it) and published once it commits (both members get chat.read: the read receipt).
#pragma once

#include <QString>

namespace bitmarket::server {

struct ChatRead {
    QString chatId;
    QString userId;  // who read
    QString otherId; // the other member
    qint64 upToSeq = 0;
};

} // namespace bitmarket::server
