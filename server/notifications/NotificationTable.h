// The one writer of the `notifications` table: a user's inbox, with bursts about the same
// thing folded into one unread row.
#pragma once

#include "db/Connection.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>
#include <optional>

namespace bitmarket::server::notifications {

struct StoredNotification {
    qint64 seq = 0;
    QString id;
    QString userId;
    QString type;
    QJsonObject data;
    int count = 1;
    qint64 createdAtMs = 0; // of the latest event it took in
    qint64 readAtMs = 0;    // 0: unread
};

class NotificationTable {
public:
    // A new unread notification or, when the user has an unread one with the same group key,
    // that one with the event folded in (count + 1, the new data and time).
    static StoredNotification add(db::Connection& c, const QString& userId, const QString& type,
                                  const QString& groupKey, const QJsonObject& data, qint64 nowMs);
    // Kept as a count per user (notification_unread) as notifications are added and read, so
    // it costs one lookup however many are unread.
    static qint64 unreadCount(db::Connection& c, const QString& userId);
    // Notifications added after `seq` (oldest first, at most `limit`), and the newest seq.
    static QList<StoredNotification> addedAfter(db::Connection& c, qint64 seq, int limit);
    static qint64 newestSeq(db::Connection& c);
    // Newest first, strictly before (createdAtMs, seq); at most `limit`.
    static QList<StoredNotification> page(db::Connection& c, const QString& userId,
                                          bool unreadOnly, qint64 beforeAtMs, qint64 beforeSeq,
                                          int limit);
    // Marks those of `ids` that are the user's and unread; returns them.
    static QStringList markRead(db::Connection& c, const QString& userId, const QStringList& ids,
                                qint64 nowMs);
    // Marks the user's unread notification with this group key read, if there is one; its id.
    static std::optional<QString> markGroupRead(db::Connection& c, const QString& userId,
                                                const QString& groupKey, qint64 nowMs);
    // Marks every unread one; returns how many.
    static int markAllRead(db::Connection& c, const QString& userId, qint64 nowMs);
    // Deletes notifications read before `cutoffMs`; returns how many.
    static int deleteReadBefore(db::Connection& c, qint64 cutoffMs);

private:
    static void addUnread(db::Connection& c, const QString& userId, qint64 delta);
};

} // namespace bitmarket::server::notifications
