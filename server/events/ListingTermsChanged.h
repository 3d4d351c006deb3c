// The seller changed a listing's status or price (an edit of other fields does not count).
// Recorded in the edit's transaction, so the chats about the listing tell it in the same commit.
#pragma once

#include "bitmarket/ApiTypes.h"

namespace bitmarket::server {

struct ListingTermsChanged {
    Listing listing; // after the change
    QString oldStatus;
    Money oldPrice;
    QString reservedForId; // the buyer, when the seller reserved it from their chat
};

} // namespace bitmarket::server
