// Something that happened in a domain service and that other parts of the server (the realtime
// hub first of all) may act on. One plain struct per kind of event, in the domain's words; what
// a WebSocket client receives for it is decided in realtime/ alone (see realtime/TopicEvent.h).
//
// A closed set on purpose: a new kind of event is a new struct here and a new alternative below,
// and every std::visit over DomainEvent (the realtime mapping included) fails to build until it
// says what to do with it.
#pragma once

#include "events/AuctionBidPlaced.h"
#include "events/AuctionClosed.h"
#include "events/ChatMessagePosted.h"
#include "events/ChatRead.h"
#include "events/ChatSuggested.h"
#include "events/ChatTyping.h"
#include "events/JobProgressed.h"
#include "events/ListingPriceDropped.h"
#include "events/ListingPublished.h"
#include "events/ListingTermsChanged.h"
#include "events/ListingRemoved.h"
#include "events/ListingUpdated.h"
#include "events/ModelFinished.h"
#include "events/NotificationAdded.h"
#include "events/NotificationsRead.h"
#include "events/OrderChanged.h"
#include "events/SessionEnded.h"

#include <variant>

namespace bitmarket::server {

using DomainEvent =
    std::variant<ListingUpdated, ListingRemoved, JobProgressed, SessionEnded, ListingPublished,
                 ListingPriceDropped, ModelFinished, NotificationAdded, NotificationsRead,
                 AuctionBidPlaced, AuctionClosed, OrderChanged, ListingTermsChanged,
                 ChatMessagePosted, ChatRead, ChatTyping, ChatSuggested>;

} // namespace bitmarket::server
