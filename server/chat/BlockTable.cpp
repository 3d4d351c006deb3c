#include "chat/BlockTable.h"

namespace bitmarket::server::chat {

void BlockTable::block(db::Connection& c, const QString& blockerId, const QString& blockedId,
                       qint64 nowMs) {
    c.query("INSERT OR IGNORE INTO user_blocks (blocker_id, blocked_id, created_at) "
            "VALUES (?1, ?2, ?3)")
        .bind(blockerId, blockedId, nowMs)
        .run();
}

void BlockTable::unblock(db::Connection& c, const QString& blockerId, const QString& blockedId) {
    c.query("DELETE FROM user_blocks WHERE blocker_id = ?1 AND blocked_id = ?2")
        .bind(blockerId, blockedId)
        .run();
}

bool BlockTable::blocks(db::Connection& c, const QString& blockerId, const QString& blockedId) {
    auto q = c.query("SELECT 1 FROM user_blocks WHERE blocker_id = ?1 AND blocked_id = ?2");
    q.bind(blockerId, blockedId);
    return q.next();
}

QList<BlockedUser> BlockTable::blockedBy(db::Connection& c, const QString& blockerId) {
    auto q = c.query("SELECT b.blocked_id, coalesce(u.display_name, ''), b.created_at "
                     "FROM user_blocks b LEFT JOIN users u ON u.id = b.blocked_id "
                     "WHERE b.blocker_id = ?1 ORDER BY b.created_at DESC");
    q.bind(blockerId);
    QList<BlockedUser> out;
    while (q.next())
        out.append(BlockedUser{q.text(0), q.text(1), q.integer(2)});
    return out;
}

} // namespace bitmarket::server::chat
