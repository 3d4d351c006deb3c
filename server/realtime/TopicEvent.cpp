#include "realtime/TopicEvent.h"

#include "realtime/RealtimeTopic.h"

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

} // namespace

QList<TopicEvent> TopicEvent::from(const DomainEvent& event) {
    return std::visit([](const auto& e) { return topicEventsOf(e); }, event);
}

} // namespace bitmarket::server
