// The one writer of `listing_views`: who saw which listing in which hour, so a
// listing's view count grows once per viewer per hour.
#pragma once

#include "db/Connection.h"

#include <QString>

namespace bitmarket::server {

class ListingViewTable {
public:
    static bool seen(db::Connection& c, const QString& listingId, const QString& viewerKey,
                     qint64 hour);
    // False when this view was already recorded.
    static bool record(db::Connection& c, const QString& listingId, const QString& viewerKey,
                       qint64 hour);
};

} // namespace bitmarket::server
