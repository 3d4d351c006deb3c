#include "notifications/NotificationMutes.h"

#include "bitmarket/NotificationRules.h"

namespace bitmarket::server::notifications {

QStringList NotificationMutes::of(db::Connection& c, const QString& userId) {
    QStringList muted;
    auto q = c.query("SELECT type FROM notification_mutes WHERE user_id = ?1");
    q.bind(userId);
    while (q.next())
        muted.append(q.text(0));
    // In the order settings list the types, whatever order they were stored in.
    QStringList ordered;
    for (const QString& type : notification::kTypes) {
        if (muted.contains(type))
            ordered.append(type);
    }
    return ordered;
}

bool NotificationMutes::isMuted(db::Connection& c, const QString& userId, const QString& type) {
    auto q = c.query("SELECT 1 FROM notification_mutes WHERE user_id = ?1 AND type = ?2");
    q.bind(userId, type);
    return q.next();
}

void NotificationMutes::set(db::Connection& c, const QString& userId, const QStringList& types) {
    c.query("DELETE FROM notification_mutes WHERE user_id = ?1").bind(userId).run();
    for (const QString& type : types)
        c.query("INSERT INTO notification_mutes (user_id, type) VALUES (?1, ?2)")
            .bind(userId, type)
            .run();
}

} // namespace bitmarket::server::notifications
