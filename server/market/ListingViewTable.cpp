#include "market/ListingViewTable.h"

namespace bitmarket::server {

bool ListingViewTable::seen(db::Connection& c, const QString& listingId, const QString& viewerKey,
                            qint64 hour) {
    auto q = c.query(
        "SELECT 1 FROM listing_views WHERE listing_id = ?1 AND viewer_key = ?2 AND hour = ?3");
    q.bind(listingId, viewerKey, hour);
    return q.next();
}

bool ListingViewTable::record(db::Connection& c, const QString& listingId, const QString& viewerKey,
                              qint64 hour) {
    c.query(
         "INSERT OR IGNORE INTO listing_views (listing_id, viewer_key, hour) VALUES (?1, ?2, ?3)")
        .bind(listingId, viewerKey, hour)
        .run();
    return c.changes() == 1;
}

} // namespace bitmarket::server
