// The one writer of the `favorites` table: which user keeps which listing.
#pragma once

#include "db/Connection.h"

#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace bitmarket::server {

class FavoriteTable {
public:
    // Each returns whether the row changed (false when it already was so).
    static bool add(db::Connection& c, const QString& userId, const QString& listingId,
                    qint64 nowMs);
    static bool remove(db::Connection& c, const QString& userId, const QString& listingId);
    static bool contains(db::Connection& c, const QString& userId, const QString& listingId);
    // Which of `listingIds` the user keeps, in one query however many there are.
    static QSet<QString> keptAmong(db::Connection& c, const QString& userId,
                                   const QList<QString>& listingIds);
    // Everyone who keeps the listing.
    static QStringList keepersOf(db::Connection& c, const QString& listingId);
};

} // namespace bitmarket::server
