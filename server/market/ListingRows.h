// How every read of a listing selects it: the columns, the tables they come
// from, the rule for which listings exist at all, and the mapping of a row to
// a Listing. Nothing else names these columns.
#pragma once

#include "bitmarket/ApiTypes.h"
#include "db/Query.h"

#include <string>

namespace bitmarket::server {

// Selects from kListingTables; the last column is the row's seq (for cursors).
extern const char* const kListingColumns;
constexpr int kListingSeqColumn = 40;
// kListingColumns with `seq` in the seq's place: a text search names the FTS rowid there
// (the same value), so that an ORDER BY on that column walks the FTS index in its order.
std::string listingColumnsWithSeq(const char* seq);
// `listings l` with what belongs to each listing row: its auction terms `a`, how its
// auction stands `u` (auctions, owned by the auctions domain) and its 3D model state `m`
// (listing_models, owned by the models domain).
extern const char* const kListingTables;
// The same tables with the auctions leading, for walking running auctions in the order
// they end (auctions_ending); a table joined in one goes in both.
extern const char* const kAuctionListingTables;
// Removed listings are gone for everyone: every read but the owner's own tidy-up filters them.
extern const char* const kListingIsVisible;

// The listing as `viewerUserId` may see it (empty: anyone): an auction's reserve price
// only for its seller; everyone sees whether it is met.
Listing listingFromRow(const db::Query& q, const QString& viewerUserId);

} // namespace bitmarket::server
