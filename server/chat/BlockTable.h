// The one writer of `user_blocks`: who blocked whom.
#pragma once

#include "db/Connection.h"

#include <QList>
#include <QString>

namespace bitmarket::server::chat {

struct BlockedUser {
    QString id;
    QString displayName;
    qint64 blockedAtMs = 0;
};

class BlockTable {
public:
    // Idempotent.
    static void block(db::Connection& c, const QString& blockerId, const QString& blockedId,
                      qint64 nowMs);
    static void unblock(db::Connection& c, const QString& blockerId, const QString& blockedId);
    static bool blocks(db::Connection& c, const QString& blockerId, const QString& blockedId);
    // Newest first.
    static QList<BlockedUser> blockedBy(db::Connection& c, const QString& blockerId);
};

} // namespace bitmarket::server::chat
