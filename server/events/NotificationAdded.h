// A user was told something: a new notification, or a grouped one that took in another event
// (same id, higher count). Carries the notification rendered in every language the server
// speaks, since each of the user's devices may read another.
#pragma once

#include "bitmarket/ApiTypes.h"

namespace bitmarket::server {

struct NotificationAdded {
    QString userId;
    Notification inEnglish;
    Notification inKorean;
    qint64 unreadCount = 0;
};

} // namespace bitmarket::server
