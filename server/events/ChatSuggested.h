// The latest messages of both chat members name a time and a place: both are offered an
// appointment card with them. Not stored, only published.
#pragma once

#include <QStringList>

namespace bitmarket::server {

struct ChatSuggested {
    QString chatId;
    QStringList memberIds;
    qint64 atMs = 0;
    QString place;
};

} // namespace bitmarket::server
