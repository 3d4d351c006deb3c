#include "notifications/NotificationCleanup.h"

#include "bitmarket/NotificationRules.h"
#include "notifications/KeywordAlertTable.h"
#include "notifications/NotificationTable.h"

namespace bitmarket::server::notifications {

const QString NotificationCleanup::kKind = QStringLiteral("notifications.cleanup");

NotificationCleanup::NotificationCleanup(db::Database& db, jobs::JobQueue& queue)
    : RecurringJob(queue, kKind, kIntervalMs), m_db(db) {
}

Result<QJsonObject> NotificationCleanup::runOnce() {
    const qint64 cutoff = now() - notification::kKeepReadMs;
    auto deleted = m_db.write([&](db::Connection& c) -> Result<int> {
        KeywordAlertTable::deleteBefore(c, cutoff);
        return NotificationTable::deleteReadBefore(c, cutoff);
    });
    if (!deleted)
        return deleted.error();
    return QJsonObject{{"deleted", *deleted}};
}

} // namespace bitmarket::server::notifications
