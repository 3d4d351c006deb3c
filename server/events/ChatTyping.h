// A chat member is typing; not stored, only published (at most once per
// chat::kTypingIntervalMs per member and chat).
#pragma once

#include <QString>

namespace bitmarket::server {

struct ChatTyping {
    QString chatId;
    QString userId;
    QString otherId;
};

} // namespace bitmarket::server
