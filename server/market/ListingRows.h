// The listings table's columns as one SELECT list, and the mapping of a row to a Listing.
#pragma once

#include "bitmarket/ApiTypes.h"
#include "db/Query.h"

namespace bitmarket::server {

// Selects from `listings l` joined with kListingModelJoin; the last column is
// the row's seq (for cursors).
extern const char* const kListingColumns;
// The listing's 3D model state (listing_models, owned by the models domain) as `m`.
extern const char* const kListingModelJoin;
constexpr int kListingSeqColumn = 29;

Listing listingFromRow(const db::Query& q);

} // namespace bitmarket::server
