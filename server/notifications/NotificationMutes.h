// The one writer of `notification_mutes`: the notification types a user does not want.
#pragma once

#include "db/Connection.h"

#include <QStringList>

namespace bitmarket::server::notifications {

class NotificationMutes {
public:
    static QStringList of(db::Connection& c, const QString& userId);
    static bool isMuted(db::Connection& c, const QString& userId, const QString& type);
    // Replaces the user's muted types with `types`.
    static void set(db::Connection& c, const QString& userId, const QStringList& types);
};

} // namespace bitmarket::server::notifications
