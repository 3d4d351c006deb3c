// The one writer of the `listings` table (and of each listing's auction terms,
// which live and die with it). Runs inside the caller's read or write.
#pragma once

#include "bitmarket/ApiTypes.h"
#include "bitmarket/Result.h"
#include "db/Connection.h"
#include "market/ListingInput.h"

#include <optional>

namespace bitmarket::server {

// A listing as a sale sees it: who sells what, for how much, and whether it is still for sale.
struct SaleTerms {
    qint64 listingSeq = 0;
    QString listingId;
    QString sellerId;
    Money price;
    QString saleType; // fixed, auction
    QString status;   // active, reserved, sold, ended
};

class ListingTable {
public:
    // The listing as everyone sees it; not_found when it is missing or removed.
    // As `viewerUserId` may see it (see listingFromRow).
    static Result<Listing> find(db::Connection& c, const QString& listingId,
                                const QString& viewerUserId);
    // The seller of a listing that is not removed.
    static std::optional<QString> sellerOf(db::Connection& c, const QString& listingId);
    // What a sale needs of a listing that is not removed (see ListingService::saleTermsIn).
    static std::optional<SaleTerms> saleTerms(db::Connection& c, const QString& listingId);

    static void insert(db::Connection& c, const QString& listingId, const QString& sellerId,
                       const ListingDraft& draft, qint64 nowMs);
    // Writes the listing's editable fields as `listing` holds them.
    static void update(db::Connection& c, const Listing& listing, qint64 nowMs);
    static void markRemoved(db::Connection& c, const QString& listingId, qint64 nowMs);
    // An auction's price follows its bids, and its status its close.
    static void setAuctionPrice(db::Connection& c, qint64 listingSeq, qint64 price, qint64 nowMs);
    static void setStatus(db::Connection& c, qint64 listingSeq, listing::Status status, qint64 nowMs);
    static void addFavorites(db::Connection& c, const QString& listingId, int delta);
    static qint64 favoriteCount(db::Connection& c, const QString& listingId);
    // New terms for an auction no one has bid on; its price is the new start price.
    static void changeAuctionTerms(db::Connection& c, qint64 listingSeq, const Auction& terms,
                                   qint64 nowMs);
    static void addViews(db::Connection& c, const QString& listingId, int views);
    // The listing's thumbnail becomes its first photo's.
    static void refreshThumbnail(db::Connection& c, const QString& listingId, qint64 nowMs);
};

} // namespace bitmarket::server
