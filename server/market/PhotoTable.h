// The one writer of the `photos` table: a listing's photos in their order.
#pragma once

#include "bitmarket/ApiTypes.h"
#include "db/Connection.h"

namespace bitmarket::server {

class PhotoTable {
public:
    static QList<Photo> of(db::Connection& c, const QString& listingId);
    static qint64 countOf(db::Connection& c, const QString& listingId);
    // The content hashes of the listing's photos, in their order.
    static QStringList hashesOf(db::Connection& c, const QString& listingId);
    // Appends after the listing's last photo.
    static void append(db::Connection& c, const QString& listingId, const Photo& photo,
                       const QString& hash, qint64 nowMs);
    // False when the listing has no such photo.
    static bool remove(db::Connection& c, const QString& listingId, const QString& photoId);
    // Whether any listing still shows the stored photo with this content hash.
    static bool hashInUse(db::Connection& c, const QString& hash);
};

} // namespace bitmarket::server
