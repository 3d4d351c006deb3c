#include "notifications/NotificationCleanup.h"

#include "bitmarket/NotificationRules.h"
#include "notifications/KeywordAlertTable.h"
#include "notifications/NotificationTable.h"

namespace bitmarket::server::notifications {

const QString NotificationCleanup::kKind = QStringLiteral("notifications.cleanup");

NotificationCleanup::NotificationCleanup(db::Database& db, jobs::JobQueue& queue)
    : m_db(db), m_queue(queue) {
}

Result<void> NotificationCleanup::scheduleFirst() {
    auto pending = m_queue.pending(kKind);
    if (!pending)
        return pending.error();
    if (*pending)
        return {};
    auto scheduled = m_queue.schedule(kKind, kKind, m_queue.now());
    if (!scheduled)
        return scheduled.error();
    return {};
}

Result<QJsonObject> NotificationCleanup::run(const jobs::JobRecord&, const jobs::JobProgress&) {
    const qint64 cutoff = m_queue.now() - notification::kKeepReadMs;
    auto deleted = m_db.write([&](db::Connection& c) -> Result<int> {
        KeywordAlertTable::deleteBefore(c, cutoff);
        return NotificationTable::deleteReadBefore(c, cutoff);
    });
    if (!deleted)
        return deleted.error();
    if (auto next = m_queue.schedule(kKind, kKind, m_queue.now() + kIntervalMs); !next)
        return next.error();
    return QJsonObject{{"deleted", *deleted}};
}

} // namespace bitmarket::server::notifications
