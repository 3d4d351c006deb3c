#include "market/FavoriteTable.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace bitmarket::server {

bool FavoriteTable::add(db::Connection& c, const QString& userId, const QString& listingId,
                        qint64 nowMs) {
    c.query("INSERT OR IGNORE INTO favorites (user_id, listing_id, created_at) VALUES (?1, ?2, ?3)")
        .bind(userId, listingId, nowMs)
        .run();
    return c.changes() == 1;
}

bool FavoriteTable::remove(db::Connection& c, const QString& userId, const QString& listingId) {
    c.query("DELETE FROM favorites WHERE user_id = ?1 AND listing_id = ?2")
        .bind(userId, listingId)
        .run();
    return c.changes() == 1;
}

bool FavoriteTable::contains(db::Connection& c, const QString& userId, const QString& listingId) {
    auto q = c.query("SELECT 1 FROM favorites WHERE user_id = ?1 AND listing_id = ?2");
    q.bind(userId, listingId);
    return q.next();
}

QSet<QString> FavoriteTable::keptAmong(db::Connection& c, const QString& userId,
                                       const QList<QString>& listingIds) {
    QSet<QString> kept;
    if (listingIds.isEmpty())
        return kept;
    // The ids travel as one JSON array so the statement stays the same (and cached).
    auto q = c.query("SELECT listing_id FROM favorites WHERE user_id = ?1 "
                     "AND listing_id IN (SELECT value FROM json_each(?2))");
    q.bind(
        userId,
        QString::fromUtf8(
            QJsonDocument(QJsonArray::fromStringList(listingIds)).toJson(QJsonDocument::Compact)));
    while (q.next())
        kept.insert(q.text(0));
    return kept;
}

QStringList FavoriteTable::keepersOf(db::Connection& c, const QString& listingId) {
    QStringList users;
    auto q = c.query("SELECT user_id FROM favorites WHERE listing_id = ?1");
    q.bind(listingId);
    while (q.next())
        users.append(q.text(0));
    return users;
}

} // namespace bitmarket::server
