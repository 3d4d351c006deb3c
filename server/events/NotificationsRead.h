// A user read notifications (on some device): these ids, or every one of them.
#pragma once

#include <QStringList>

namespace bitmarket::server {

struct NotificationsRead {
    QString userId;
    QStringList ids; // the ones that were unread until now; empty with `all`
    bool all = false;
    qint64 unreadCount = 0;
};

} // namespace bitmarket::server
