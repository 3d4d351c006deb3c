// Telling people things: the inbox, its unread count, reading, mutes, and turning the domain
// events people care about into notifications (price drops, 3D models, being outbid, an
// auction won, lost, sold or unsold, chat messages to members who are away). Every notification is written inside the
// transaction of what caused it (it subscribes to SameTransactionEvents), and announced as
// NotificationAdded once that commits; reads are announced as NotificationsRead so a user's
// other devices follow.
#pragma once

#include "bitmarket/ApiTypes.h"
#include "bitmarket/Language.h"
#include "db/Database.h"
#include "events/EventBus.h"
#include "jobs/JobHandler.h"
#include "jobs/JobQueue.h"
#include "notifications/NotificationTable.h"

#include <QJsonObject>

#include <mutex>
#include <set>

namespace bitmarket::server::notifications {

struct NotificationPage {
    QList<Notification> items;
    QString nextCursor;
};

struct InboxQuery {
    bool unreadOnly = false;
    QString cursor;
    int limit = 20;
};

class NotificationService {
public:
    // The job that alerts the owners of matching saved keywords when a listing is published.
    static const QString kKeywordAlertsKind;

    NotificationService(db::Database& db, EventBus& events, jobs::JobQueue& jobs);

    // For SameTransactionEvents: a published listing queues its keyword alerts (a job, see
    // sendKeywordAlerts: the seller's request does not wait for them), a price drop alerts
    // everyone who keeps the listing, a finished 3D model tells its seller. Other events
    // tell nobody.
    Result<void> handle(db::Connection& c, const DomainEvent& event);

    // The keyword-alerts job: tells each user whose saved keyword the listing matches (once
    // each, never its seller), in parts that each commit on their own, so other writes never
    // wait behind hundreds of alerts. A part run again (a retry) tells no one twice.
    Result<void> sendKeywordAlerts(const QString& listingId, const jobs::JobProgress& progress);

    // Tells `userId` about something, inside the write that caused it, unless they muted the
    // type. While an earlier notification about the same `subject` of this type is unread, the
    // event is folded into it instead of adding another.
    void notify(db::Connection& c, const QString& userId, const QString& type,
                const QString& subject, const QJsonObject& data);

    // Announces the notifications other processes on the database added since the last call
    // (a `--worker` that finished a 3D model), as if they had been added here; those this
    // process added it announced itself. The first call only notes where the table ends.
    Result<void> announceAddedElsewhere();

    Result<NotificationPage> inbox(const QString& userId, const InboxQuery& query,
                                   Language language);
    Result<qint64> unreadCount(const QString& userId);
    // Marks the user's notifications among `ids` read (others' and unknown ids are ignored).
    Result<void> markRead(const QString& userId, const QStringList& ids);
    Result<void> markAllRead(const QString& userId);

    Result<QStringList> mutedTypes(const QString& userId);
    // Validation error for a type that does not exist.
    Result<QStringList> setMutedTypes(const QString& userId, const QStringList& types);

private:
    void alertKeepers(db::Connection& c, const Listing& listing, const Money& oldPrice);
    // The winner, the seller and every other bidder of an auction that ended.
    void tellAuctionEnd(db::Connection& c, const AuctionClosed& closed);
    // The members a chat message found with no socket open.
    void tellAwayMembers(db::Connection& c, const ChatMessagePosted& posted);
    void announceRead(db::Connection& c, NotificationsRead read);
    static NotificationAdded addedEvent(db::Connection& c, const StoredNotification& stored);

    db::Database& m_db;
    EventBus& m_events;
    jobs::JobQueue& m_jobs;
    std::mutex m_relayMutex;
    std::set<qint64> m_addedHere; // seqs this process added and announces itself
    qint64 m_relayedUpTo = -1;     // -1: announceAddedElsewhere not called yet
};

} // namespace bitmarket::server::notifications
