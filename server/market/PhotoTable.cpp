#include "market/PhotoTable.h"

namespace bitmarket::server {

QList<Photo> PhotoTable::of(db::Connection& c, const QString& listingId) {
    QList<Photo> out;
    auto q = c.query("SELECT id, url, thumb_url, width, height FROM photos WHERE listing_id = ?1 "
                     "ORDER BY position, created_at");
    q.bind(listingId);
    while (q.next())
        out.append(Photo{q.text(0), q.text(1), q.text(2), static_cast<int>(q.integer(3)),
                         static_cast<int>(q.integer(4))});
    return out;
}

qint64 PhotoTable::countOf(db::Connection& c, const QString& listingId) {
    auto q = c.query("SELECT COUNT(*) FROM photos WHERE listing_id = ?1");
    q.bind(listingId);
    q.next();
    return q.integer(0);
}

QStringList PhotoTable::hashesOf(db::Connection& c, const QString& listingId) {
    auto q = c.query("SELECT hash FROM photos WHERE listing_id = ?1 ORDER BY position");
    q.bind(listingId);
    QStringList hashes;
    while (q.next())
        hashes.append(q.text(0));
    return hashes;
}

void PhotoTable::append(db::Connection& c, const QString& listingId, const Photo& p,
                        const QString& hash, qint64 nowMs) {
    c.query("INSERT INTO photos (id, listing_id, position, hash, url, thumb_url, width, height, "
            "created_at) VALUES (?1, ?2, (SELECT COALESCE(MAX(position), -1) + 1 FROM photos "
            "WHERE listing_id = ?2), ?3, ?4, ?5, ?6, ?7, ?8)")
        .bind(p.id, listingId, hash, p.url, p.thumbUrl, p.width, p.height, nowMs)
        .run();
}

bool PhotoTable::remove(db::Connection& c, const QString& listingId, const QString& photoId) {
    c.query("DELETE FROM photos WHERE id = ?1 AND listing_id = ?2").bind(photoId, listingId).run();
    return c.changes() > 0;
}

bool PhotoTable::hashInUse(db::Connection& c, const QString& hash) {
    auto q = c.query("SELECT 1 FROM photos WHERE hash = ?1 LIMIT 1");
    q.bind(hash);
    return q.next();
}

} // namespace bitmarket::server
