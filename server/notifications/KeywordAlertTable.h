// Who was told that a listing matches their saved keyword (table keyword_alerts): what makes
// the keyword-alert job's parts safe to run again.
#pragma once

#include "db/Connection.h"

#include <QString>

namespace bitmarket::server::notifications {

class KeywordAlertTable {
public:
    // Notes that `userId` is told about `listingId`; false when they already were.
    static bool claim(db::Connection& c, const QString& listingId, const QString& userId,
                      qint64 nowMs);
    // Forgets alerts sent before `cutoffMs` (their listings are long past publishing).
    static int deleteBefore(db::Connection& c, qint64 cutoffMs);
};

} // namespace bitmarket::server::notifications
