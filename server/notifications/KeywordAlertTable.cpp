#include "notifications/KeywordAlertTable.h"

namespace bitmarket::server::notifications {

bool KeywordAlertTable::claim(db::Connection& c, const QString& listingId, const QString& userId,
                              qint64 nowMs) {
    c.query("INSERT OR IGNORE INTO keyword_alerts (listing_id, user_id, alerted_at) "
            "VALUES (?1, ?2, ?3)")
        .bind(listingId, userId, nowMs)
        .run();
    return c.changes() > 0;
}

int KeywordAlertTable::deleteBefore(db::Connection& c, qint64 cutoffMs) {
    c.query("DELETE FROM keyword_alerts WHERE alerted_at < ?1").bind(cutoffMs).run();
    return c.changes();
}

} // namespace bitmarket::server::notifications
