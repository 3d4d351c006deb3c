#include "notifications/NotificationService.h"

#include "bitmarket/Cursor.h"
#include "bitmarket/NotificationRules.h"
#include "bitmarket/Timestamp.h"
#include "market/CategoryTable.h"
#include "market/FavoriteTable.h"
#include "market/ListingTable.h"
#include "notifications/KeywordAlertTable.h"
#include "notifications/KeywordTokens.h"
#include "notifications/NotificationMutes.h"
#include "notifications/NotificationTable.h"
#include "notifications/NotificationText.h"
#include "notifications/SavedKeywordTable.h"

#include <QSet>
#include <limits>

namespace bitmarket::server::notifications {

namespace {

const QString kCursorSort = QStringLiteral("notifications");

QJsonObject listingData(const Listing& l) {
    return QJsonObject{{"listingId", l.id}, {"listingTitle", l.title}};
}

bool keywordAccepts(const SavedKeyword& k, const Listing& l, const QStringList& categories) {
    if (!k.categoryId.isEmpty() && !categories.contains(k.categoryId))
        return false;
    if (k.maxPrice &&
        (k.maxPrice->currency != l.price.currency || l.price.amount > k.maxPrice->amount))
        return false;
    return true;
}

} // namespace

const QString NotificationService::kKeywordAlertsKind = QStringLiteral("notifications.keyword-alerts");

NotificationService::NotificationService(db::Database& db, EventBus& events, jobs::JobQueue& jobs)
    : m_db(db), m_events(events), m_jobs(jobs) {
}

Result<void> NotificationService::handle(db::Connection& c, const DomainEvent& event) {
    if (const auto* published = std::get_if<ListingPublished>(&event)) {
        if (published->listing.status != u"active")
            return {};
        jobs::JobQueue::NewJob alerts;
        alerts.kind = kKeywordAlertsKind;
        alerts.payload = QJsonObject{{"listingId", published->listing.id}};
        if (auto queued = m_jobs.enqueueIn(c, alerts); !queued)
            return queued.error();
    } else if (const auto* dropped = std::get_if<ListingPriceDropped>(&event)) {
        alertKeepers(c, dropped->listing, dropped->oldPrice);
    } else if (const auto* model = std::get_if<ModelFinished>(&event)) {
        QJsonObject data{{"listingId", model->listingId},
                         {"listingTitle", model->listingTitle},
                         {"jobId", model->jobId}};
        if (!model->ready)
            data.insert("error", model->error);
        notify(c, model->sellerId, model->ready ? notification::kModelReady
                                                : notification::kModelFailed,
               model->listingId, data);
    } else if (const auto* bid = std::get_if<AuctionBidPlaced>(&event)) {
        // Folded while unread: a bidding war tells the outbid person once, with the latest price.
        if (!bid->outbidUserId.isEmpty() && bid->outbidUserId != bid->bidderId)
            notify(c, bid->outbidUserId, notification::kAuctionOutbid, bid->listingId,
                   QJsonObject{{"listingId", bid->listingId},
                               {"listingTitle", bid->listingTitle},
                               {"price", bid->auction.currentPrice.toJson()},
                               {"minNextBid", bid->auction.minNextBid.toJson()}});
    } else if (const auto* closed = std::get_if<AuctionClosed>(&event)) {
        tellAuctionEnd(c, *closed);
    } else if (const auto* changed = std::get_if<OrderChanged>(&event)) {
        // Folded while unread: an order's steps tell each side once, with the latest status.
        const Order& o = changed->order;
        for (const QString& userId : changed->tell)
            notify(c, userId, notification::kOrderUpdated, o.id,
                   QJsonObject{{"orderId", o.id},
                               {"listingId", o.listingId},
                               {"listingTitle", o.listingTitle},
                               {"status", o.status},
                               {"oneSideConfirmed", o.buyerConfirmed != o.sellerConfirmed},
                               {"role", userId == o.buyerId ? "buyer" : "seller"}});
    } else if (const auto* posted = std::get_if<ChatMessagePosted>(&event)) {
        tellAwayMembers(c, *posted);
    } else if (const auto* read = std::get_if<ChatRead>(&event)) {
        // The chat's burst notification is read with the chat: the next message starts another.
        const QString group = notification::kChatMessage + u':' + read->chatId;
        if (auto id = NotificationTable::markGroupRead(c, read->userId, group, nowMs()))
            announceRead(c, NotificationsRead{read->userId, {*id}, false, 0});
    }
    return {};
}

void NotificationService::tellAwayMembers(db::Connection& c, const ChatMessagePosted& posted) {
    const ChatMessage& m = posted.message;
    // Folded while unread: a burst of messages tells an away member once, with the latest words.
    for (const QString& userId : posted.awayUserIds)
        notify(c, userId, notification::kChatMessage, m.chatId,
               QJsonObject{{"chatId", m.chatId},
                           {"listingId", posted.listingId},
                           {"listingTitle", posted.listingTitle},
                           {"senderId", m.senderId},
                           {"senderName", posted.senderName},
                           {"kind", m.kind},
                           {"text", m.text},
                           {"seq", m.seq}});
}

void NotificationService::tellAuctionEnd(db::Connection& c, const AuctionClosed& e) {
    if (e.reason == AuctionClosed::Reason::Cancelled)
        return; // only possible before the first bid: nobody but the seller is involved
    const Auction& a = e.auction;
    QJsonObject data{{"listingId", e.listingId}, {"listingTitle", e.listingTitle}};
    if (a.finalPrice)
        data.insert("price", a.finalPrice->toJson());
    if (!a.winnerId.isEmpty()) {
        QJsonObject won = data;
        won.insert("orderId", a.orderId);
        notify(c, a.winnerId, notification::kAuctionWon, e.listingId, won);
        notify(c, e.sellerId, notification::kAuctionSold, e.listingId, won);
    } else {
        notify(c, e.sellerId, notification::kAuctionUnsold, e.listingId, data);
    }
    for (const QString& bidder : e.otherBidderIds)
        notify(c, bidder, notification::kAuctionLost, e.listingId, data);
}

Result<void> NotificationService::sendKeywordAlerts(const QString& listingId,
                                                    const jobs::JobProgress& progress) {
    // Parts small enough that a write queued behind one waits well under a millisecond.
    constexpr int kPart = 8;
    struct Alert {
        QString userId;
        QJsonObject data;
    };
    auto alerts = m_db.read([&](db::Connection& c) -> Result<QList<Alert>> {
        QList<Alert> out;
        const auto listing = ListingTable::find(c, listingId, {});
        if (!listing || listing->status != u"active")
            return out;
        QStringList words = KeywordTokens::wordsOf(listing->title);
        for (const QString& tag : listing->tags) {
            for (const QString& word : KeywordTokens::wordsOf(tag)) {
                if (!words.contains(word))
                    words.append(word);
            }
        }
        const QStringList categories = CategoryTable::withParent(c, listing->categoryId);
        QSet<QString> told{listing->sellerId};
        for (const KeywordOwner& match :
             SavedKeywordTable::matching(c, KeywordTokens::prefixesOf(words))) {
            if (told.contains(match.userId) || !keywordAccepts(match.keyword, *listing, categories))
                continue;
            told.insert(match.userId);
            QJsonObject data = listingData(*listing);
            data.insert("keyword", match.keyword.keyword);
            data.insert("keywordId", match.keyword.id);
            data.insert("price", listing->price.toJson());
            out.append({match.userId, data});
        }
        return out;
    });
    if (!alerts)
        return alerts.error();
    for (qsizetype from = 0; from < alerts->size(); from += kPart) {
        auto sent = m_db.write([&](db::Connection& c) -> Result<void> {
            for (qsizetype i = from; i < std::min(from + kPart, alerts->size()); ++i) {
                const Alert& alert = (*alerts)[i];
                if (KeywordAlertTable::claim(c, listingId, alert.userId, nowMs()))
                    notify(c, alert.userId, notification::kKeywordMatch, listingId, alert.data);
            }
            return {};
        });
        if (!sent)
            return sent.error();
        const double done = static_cast<double>(from + kPart) / static_cast<double>(alerts->size());
        if (!progress(std::min(1.0, done), QStringLiteral("alerts")))
            return ApiError::internal(QStringLiteral("Stopped before every alert was sent."));
    }
    return {};
}

void NotificationService::alertKeepers(db::Connection& c, const Listing& listing,
                                       const Money& oldPrice) {
    if (listing.status != u"active")
        return;
    QJsonObject data = listingData(listing);
    data.insert("oldPrice", oldPrice.toJson());
    data.insert("newPrice", listing.price.toJson());
    for (const QString& keeper : FavoriteTable::keepersOf(c, listing.id)) {
        if (keeper != listing.sellerId)
            notify(c, keeper, notification::kPriceDrop, listing.id, data);
    }
}

void NotificationService::notify(db::Connection& c, const QString& userId, const QString& type,
                                 const QString& subject, const QJsonObject& data) {
    if (NotificationMutes::isMuted(c, userId, type))
        return;
    const StoredNotification stored =
        NotificationTable::add(c, userId, type, type + u':' + subject, data, nowMs());
    {
        // Noted before the commit, so announceAddedElsewhere never sees it unnoted.
        std::lock_guard lock(m_relayMutex);
        if (stored.seq > m_relayedUpTo)
            m_addedHere.insert(stored.seq);
    }
    c.afterCommit([this, added = addedEvent(c, stored)] { m_events.publish(added); });
}

NotificationAdded NotificationService::addedEvent(db::Connection& c, const StoredNotification& stored) {
    return NotificationAdded{stored.userId, NotificationText::render(stored, Language::English),
                             NotificationText::render(stored, Language::Korean),
                             NotificationTable::unreadCount(c, stored.userId)};
}

Result<void> NotificationService::announceAddedElsewhere() {
    constexpr int kBatch = 500;
    auto added = m_db.read([&](db::Connection& c) -> Result<QList<NotificationAdded>> {
        std::lock_guard lock(m_relayMutex);
        QList<NotificationAdded> events;
        if (m_relayedUpTo < 0) {
            m_relayedUpTo = NotificationTable::newestSeq(c);
        } else {
            for (const StoredNotification& n :
                 NotificationTable::addedAfter(c, m_relayedUpTo, kBatch)) {
                m_relayedUpTo = n.seq;
                if (m_addedHere.erase(n.seq) == 0)
                    events.append(addedEvent(c, n));
            }
        }
        // Rolled back before they were committed: they will never show up.
        m_addedHere.erase(m_addedHere.begin(), m_addedHere.upper_bound(m_relayedUpTo));
        return events;
    });
    if (!added)
        return added.error();
    for (const NotificationAdded& event : *added)
        m_events.publish(event);
    return {};
}

Result<NotificationPage> NotificationService::inbox(const QString& userId,
                                                    const InboxQuery& query, Language language) {
    if (query.limit < 1 || query.limit > 100)
        return ApiError::validation(QStringLiteral("limit must be 1 to 100."), "limit");
    qint64 beforeAt = std::numeric_limits<qint64>::max();
    qint64 beforeSeq = std::numeric_limits<qint64>::max();
    if (!query.cursor.isEmpty()) {
        const auto cursor = Cursor::decode(query.cursor);
        if (!cursor || cursor->sort != kCursorSort || cursor->keys.size() != 2)
            return ApiError::validation(QStringLiteral("This cursor is not valid."), "cursor");
        beforeAt = cursor->keys[0].toInteger();
        beforeSeq = cursor->keys[1].toInteger();
    }
    return m_db.read([&](db::Connection& c) -> Result<NotificationPage> {
        const QList<StoredNotification> rows = NotificationTable::page(
            c, userId, query.unreadOnly, beforeAt, beforeSeq, query.limit + 1);
        NotificationPage page;
        for (int i = 0; i < rows.size() && i < query.limit; ++i)
            page.items.append(NotificationText::render(rows[i], language));
        if (rows.size() > query.limit) {
            const StoredNotification& last = rows[query.limit - 1];
            page.nextCursor = Cursor{kCursorSort, QJsonArray{last.createdAtMs, last.seq}}.encode();
        }
        return page;
    });
}

Result<qint64> NotificationService::unreadCount(const QString& userId) {
    return m_db.read([&](db::Connection& c) -> Result<qint64> {
        return NotificationTable::unreadCount(c, userId);
    });
}

Result<void> NotificationService::markRead(const QString& userId, const QStringList& ids) {
    return m_db.write([&](db::Connection& c) -> Result<void> {
        const QStringList read = NotificationTable::markRead(c, userId, ids, nowMs());
        if (!read.isEmpty())
            announceRead(c, NotificationsRead{userId, read, false, 0});
        return {};
    });
}

Result<void> NotificationService::markAllRead(const QString& userId) {
    return m_db.write([&](db::Connection& c) -> Result<void> {
        if (NotificationTable::markAllRead(c, userId, nowMs()) > 0)
            announceRead(c, NotificationsRead{userId, {}, true, 0});
        return {};
    });
}

void NotificationService::announceRead(db::Connection& c, NotificationsRead read) {
    read.unreadCount = NotificationTable::unreadCount(c, read.userId);
    c.afterCommit([this, read = std::move(read)] { m_events.publish(read); });
}

Result<QStringList> NotificationService::mutedTypes(const QString& userId) {
    return m_db.read([&](db::Connection& c) -> Result<QStringList> {
        return NotificationMutes::of(c, userId);
    });
}

Result<QStringList> NotificationService::setMutedTypes(const QString& userId,
                                                       const QStringList& types) {
    for (const QString& type : types) {
        if (!notification::kTypes.contains(type))
            return ApiError::validation(QStringLiteral("There is no notification type \"%1\"."),
                                        "muted")
                .arg(type);
    }
    return m_db.write([&](db::Connection& c) -> Result<QStringList> {
        NotificationMutes::set(c, userId, types);
        return NotificationMutes::of(c, userId);
    });
}

} // namespace bitmarket::server::notifications
