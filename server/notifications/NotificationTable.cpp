#include "notifications/NotificationTable.h"

#include "bitmarket/Ids.h"

#include <QJsonDocument>

namespace bitmarket::server::notifications {

namespace {

constexpr const char* kColumns = "seq, id, user_id, type, data, count, created_at, read_at";

StoredNotification fromRow(const db::Query& q) {
    StoredNotification n;
    n.seq = q.integer(0);
    n.id = q.text(1);
    n.userId = q.text(2);
    n.type = q.text(3);
    n.data = QJsonDocument::fromJson(q.textBytes(4)).object();
    n.count = static_cast<int>(q.integer(5));
    n.createdAtMs = q.integer(6);
    n.readAtMs = q.optionalInteger(7).value_or(0);
    return n;
}

QString jsonText(const QJsonObject& o) {
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

} // namespace

StoredNotification NotificationTable::add(db::Connection& c, const QString& userId,
                                          const QString& type, const QString& groupKey,
                                          const QJsonObject& data, qint64 nowMs) {
    auto grouped = c.query(std::string("UPDATE notifications SET data = ?3, count = count + 1, "
                                       "created_at = ?4 WHERE user_id = ?1 AND group_key = ?2 "
                                       "AND read_at IS NULL RETURNING ") +
                           kColumns);
    grouped.bind(userId, groupKey, jsonText(data), nowMs);
    if (grouped.next()) {
        StoredNotification n = fromRow(grouped);
        grouped.run();
        return n;
    }
    StoredNotification n;
    n.id = newOrderedId("n", nowMs);
    n.userId = userId;
    n.type = type;
    n.data = data;
    n.createdAtMs = nowMs;
    c.query("INSERT INTO notifications (id, user_id, type, group_key, data, count, created_at) "
            "VALUES (?1, ?2, ?3, ?4, ?5, 1, ?6)")
        .bind(n.id, userId, type, groupKey, jsonText(data), nowMs)
        .run();
    addUnread(c, userId, 1);
    n.seq = c.lastInsertRowId();
    return n;
}

qint64 NotificationTable::unreadCount(db::Connection& c, const QString& userId) {
    auto q = c.query("SELECT unread FROM notification_unread WHERE user_id = ?1");
    q.bind(userId);
    return q.next() ? q.integer(0) : 0;
}

void NotificationTable::addUnread(db::Connection& c, const QString& userId, qint64 delta) {
    c.query("INSERT INTO notification_unread (user_id, unread) VALUES (?1, max(?2, 0)) "
            "ON CONFLICT (user_id) DO UPDATE SET unread = max(unread + ?2, 0)")
        .bind(userId, delta)
        .run();
}

QList<StoredNotification> NotificationTable::addedAfter(db::Connection& c, qint64 seq, int limit) {
    auto q = c.query(std::string("SELECT ") + kColumns +
                     " FROM notifications WHERE seq > ?1 ORDER BY seq LIMIT ?2");
    q.bind(seq, static_cast<qint64>(limit));
    QList<StoredNotification> out;
    while (q.next())
        out.append(fromRow(q));
    return out;
}

qint64 NotificationTable::newestSeq(db::Connection& c) {
    auto q = c.query("SELECT coalesce(max(seq), 0) FROM notifications");
    q.next();
    return q.integer(0);
}

QList<StoredNotification> NotificationTable::page(db::Connection& c, const QString& userId,
                                                  bool unreadOnly, qint64 beforeAtMs,
                                                  qint64 beforeSeq, int limit) {
    auto q = c.query(std::string("SELECT ") + kColumns +
                     " FROM notifications WHERE user_id = ?1 AND (?2 = 0 OR read_at IS NULL) "
                     "AND (created_at, seq) < (?3, ?4) ORDER BY created_at DESC, seq DESC "
                     "LIMIT ?5");
    q.bind(userId, unreadOnly, beforeAtMs, beforeSeq, static_cast<qint64>(limit));
    QList<StoredNotification> out;
    while (q.next())
        out.append(fromRow(q));
    return out;
}

QStringList NotificationTable::markRead(db::Connection& c, const QString& userId,
                                        const QStringList& ids, qint64 nowMs) {
    QStringList read;
    for (const QString& id : ids) {
        c.query("UPDATE notifications SET read_at = ?3 "
                "WHERE id = ?1 AND user_id = ?2 AND read_at IS NULL")
            .bind(id, userId, nowMs)
            .run();
        if (c.changes() > 0)
            read.append(id);
    }
    if (!read.isEmpty())
        addUnread(c, userId, -read.size());
    return read;
}

std::optional<QString> NotificationTable::markGroupRead(db::Connection& c, const QString& userId,
                                                       const QString& groupKey, qint64 nowMs) {
    auto q = c.query("UPDATE notifications SET read_at = ?3 "
                     "WHERE user_id = ?1 AND group_key = ?2 AND read_at IS NULL RETURNING id");
    q.bind(userId, groupKey, nowMs);
    if (!q.next())
        return std::nullopt;
    const QString id = q.text(0);
    q.run();
    addUnread(c, userId, -1);
    return id;
}

int NotificationTable::markAllRead(db::Connection& c, const QString& userId, qint64 nowMs) {
    c.query("UPDATE notifications SET read_at = ?2 WHERE user_id = ?1 AND read_at IS NULL")
        .bind(userId, nowMs)
        .run();
    const int read = c.changes();
    c.query("DELETE FROM notification_unread WHERE user_id = ?1").bind(userId).run();
    return read;
}

int NotificationTable::deleteReadBefore(db::Connection& c, qint64 cutoffMs) {
    c.query("DELETE FROM notifications WHERE read_at IS NOT NULL AND read_at < ?1")
        .bind(cutoffMs)
        .run();
    return c.changes();
}

} // namespace bitmarket::server::notifications
