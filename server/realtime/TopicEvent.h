// A domain event as live clients receive it: the topic it goes out on, the frame's type and its
// data. The only place that knows which topics and which JSON each kind of domain event
// becomes, so domain services publish plain typed events and never spell a frame:
//
//   ListingUpdated  -> "listing.updated" on listing:{id}; data: the public listing, the same
//                      object GET /listings/{id} returns to an anonymous caller (no isFavorite)
//   ListingRemoved  -> "listing.removed" on listing:{id}; data: {id}
//   JobProgressed   -> "job.progress" on user:{owner} and, for a listing's job, listing:{id};
//                      data: {jobId, listingId, kind, status, progress, stage, attempts, error?}
//   SessionEnded    -> nothing: it is for the hub, which closes that session's sockets
#pragma once

#include "events/DomainEvent.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace bitmarket::server {

struct TopicEvent {
    QString topic;
    QString type;
    QJsonObject data;

    // Every topic event a domain event becomes, in the order they are sent.
    static QList<TopicEvent> from(const DomainEvent& event);
};

} // namespace bitmarket::server
