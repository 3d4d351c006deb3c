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
//   NotificationAdded -> "notification.new" on user:{id}; data: {notification, unreadCount},
//                      the notification as GET /notifications shows it, in the socket's language
//   NotificationsRead -> "notification.read" on user:{id}; data: {unreadCount, ids, all}
//   AuctionBidPlaced -> "auction.bid" on listing:{id}; data: {listingId, auction}, the public
//                      state after the bid (no reserve, nobody's maximum)
//   AuctionClosed   -> "auction.closed" on listing:{id}; data: {listingId, auction}
//   OrderChanged    -> "order.updated" on user:{buyer} and user:{seller}; data: {order}
//   ChatMessagePosted -> "chat.message" on user:{buyer} and user:{seller}; data: {message}
//   ChatRead        -> "chat.read" on user:{reader} and user:{other}; data: {chatId, userId, upToSeq}
//   ChatTyping      -> "chat.typing" on user:{other}; data: {chatId, userId}
//   ChatSuggested   -> "chat.suggestion" on user:{member} of both; data: {chatId, at, place}
//   ListingPublished, ListingPriceDropped, ListingTermsChanged, ModelFinished -> nothing of
//                      their own: what viewers see of them comes as listing.updated, as chat
//                      messages and as notifications
#pragma once

#include "bitmarket/Language.h"
#include "events/DomainEvent.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <string>

namespace bitmarket::server {

struct TopicEvent {
    QString topic;
    QString type;
    QJsonObject data;
    // For frames with words for people (a notification's title and body): what sockets that
    // asked for Korean get instead of `data`. Empty: the data reads the same in any language.
    QJsonObject koreanData;
    // For the busiest frames (chat messages): the data already written as JSON text, built once
    // for every topic it goes to; `data` is then left empty.
    std::string dataText;

    const QJsonObject& dataIn(Language language) const;

    // Every topic event a domain event becomes, in the order they are sent.
    static QList<TopicEvent> from(const DomainEvent& event);
};

} // namespace bitmarket::server
