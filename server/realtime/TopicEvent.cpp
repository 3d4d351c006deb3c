#include "realtime/TopicEvent.h"

#include "bitmarket/JsonWriter.h"
#include "bitmarket/Timestamp.h"
#include "realtime/RealtimeTopic.h"

#include <QJsonArray>

namespace bitmarket::server {

namespace {

QList<TopicEvent> topicEventsOf(const ListingUpdated& e) {
    QJsonObject listing = e.listing.toJson();
    // Whose favorite it is depends on who reads it; every viewer of the topic gets the same frame.
    listing.remove(QStringLiteral("isFavorite"));
    return {{RealtimeTopic::listing(e.listing.id), QStringLiteral("listing.updated"), listing}};
}

QList<TopicEvent> topicEventsOf(const ListingRemoved& e) {
    return {{RealtimeTopic::listing(e.listingId), QStringLiteral("listing.removed"),
             QJsonObject{{QStringLiteral("id"), e.listingId}}}};
}

QList<TopicEvent> topicEventsOf(const JobProgressed& e) {
    const Job& job = e.job;
    QJsonObject data{
        {QStringLiteral("jobId"), job.id},          {QStringLiteral("listingId"), job.listingId},
        {QStringLiteral("kind"), job.kind},         {QStringLiteral("status"), job.status},
        {QStringLiteral("progress"), job.progress}, {QStringLiteral("stage"), job.stage},
        {QStringLiteral("attempts"), job.attempts}};
    if (!job.error.isEmpty())
        data.insert(QStringLiteral("error"), job.error);
    const QString type = QStringLiteral("job.progress");
    QList<TopicEvent> out;
    if (!e.ownerId.isEmpty())
        out.append({RealtimeTopic::user(e.ownerId), type, data});
    if (!job.listingId.isEmpty())
        out.append({RealtimeTopic::listing(job.listingId), type, data});
    return out;
}

QList<TopicEvent> topicEventsOf(const SessionEnded&) {
    return {};
}

QList<TopicEvent> topicEventsOf(const ListingPublished&) {
    return {};
}

QList<TopicEvent> topicEventsOf(const ListingPriceDropped&) {
    return {};
}

QList<TopicEvent> topicEventsOf(const ModelFinished&) {
    return {};
}

QList<TopicEvent> topicEventsOf(const NotificationAdded& e) {
    const auto dataOf = [&e](const Notification& n) {
        return QJsonObject{{QStringLiteral("notification"), n.toJson()},
                           {QStringLiteral("unreadCount"), e.unreadCount}};
    };
    return {{RealtimeTopic::user(e.userId), QStringLiteral("notification.new"),
             dataOf(e.inEnglish), dataOf(e.inKorean)}};
}

QList<TopicEvent> topicEventsOf(const NotificationsRead& e) {
    return {{RealtimeTopic::user(e.userId), QStringLiteral("notification.read"),
             QJsonObject{{QStringLiteral("unreadCount"), e.unreadCount},
                         {QStringLiteral("ids"), QJsonArray::fromStringList(e.ids)},
                         {QStringLiteral("all"), e.all}}}};
}

QList<TopicEvent> topicEventsOf(const AuctionBidPlaced& e) {
    return {{RealtimeTopic::listing(e.listingId), QStringLiteral("auction.bid"),
             QJsonObject{{QStringLiteral("listingId"), e.listingId},
                         {QStringLiteral("auction"), e.auction.toJson()}}}};
}

QList<TopicEvent> topicEventsOf(const AuctionClosed& e) {
    return {{RealtimeTopic::listing(e.listingId), QStringLiteral("auction.closed"),
             QJsonObject{{QStringLiteral("listingId"), e.listingId},
                         {QStringLiteral("auction"), e.auction.toJson()}}}};
}

QList<TopicEvent> topicEventsOf(const OrderChanged& e) {
    const QJsonObject data{{QStringLiteral("order"), e.order.toJson()}};
    const QString type = QStringLiteral("order.updated");
    return {{RealtimeTopic::user(e.order.buyerId), type, data},
            {RealtimeTopic::user(e.order.sellerId), type, data}};
}

QList<TopicEvent> topicEventsOf(const ListingTermsChanged&) {
    return {};
}

QList<TopicEvent> topicEventsOf(const ChatMessagePosted& e) {
    std::string data;
    JsonWriter w(data);
    w.beginObject();
    e.message.writeJson(w.key("message"));
    w.endObject();
    const QString type = QStringLiteral("chat.message");
    return {{RealtimeTopic::user(e.buyerId), type, {}, {}, data},
            {RealtimeTopic::user(e.sellerId), type, {}, {}, data}};
}

QList<TopicEvent> topicEventsOf(const ChatRead& e) {
    const QJsonObject data{{QStringLiteral("chatId"), e.chatId},
                           {QStringLiteral("userId"), e.userId},
                           {QStringLiteral("upToSeq"), e.upToSeq}};
    const QString type = QStringLiteral("chat.read");
    return {{RealtimeTopic::user(e.userId), type, data}, {RealtimeTopic::user(e.otherId), type, data}};
}

QList<TopicEvent> topicEventsOf(const ChatTyping& e) {
    return {{RealtimeTopic::user(e.otherId), QStringLiteral("chat.typing"),
             QJsonObject{{QStringLiteral("chatId"), e.chatId}, {QStringLiteral("userId"), e.userId}}}};
}

QList<TopicEvent> topicEventsOf(const ChatSuggested& e) {
    const QJsonObject data{{QStringLiteral("chatId"), e.chatId},
                           {QStringLiteral("at"), toRfc3339(e.atMs)},
                           {QStringLiteral("place"), e.place}};
    QList<TopicEvent> out;
    for (const QString& member : e.memberIds)
        out.append({RealtimeTopic::user(member), QStringLiteral("chat.suggestion"), data});
    return out;
}

} // namespace

const QJsonObject& TopicEvent::dataIn(Language language) const {
    return language == Language::Korean && !koreanData.isEmpty() ? koreanData : data;
}

QList<TopicEvent> TopicEvent::from(const DomainEvent& event) {
    return std::visit([](const auto& e) { return topicEventsOf(e); }, event);
}

} // namespace bitmarket::server
