// The seller removed a listing; it is gone from search and from GET /listings/{id}.
#pragma once

#include <QString>

namespace bitmarket::server {

struct ListingRemoved {
    QString listingId;
};

} // namespace bitmarket::server
