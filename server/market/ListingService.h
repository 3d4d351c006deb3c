// The marketplace's listings: create, read (counting views), change, remove,
// search, favorites and the photo list. Only the seller may change a listing.
// Publishing a listing, lowering its price and changing its status or price are recorded as
// events in the same transaction (ListingPublished, ListingPriceDropped, ListingTermsChanged):
// alerts and chat messages about them are never lost.
#pragma once

#include "bitmarket/ApiTypes.h"
#include "db/Database.h"
#include "events/EventBus.h"
#include "events/SameTransactionEvents.h"
#include "market/ListingInput.h"
#include "market/ListingSearch.h"
#include "market/ListingTable.h"
#include "market/ListingViews.h"

#include <mutex>

namespace bitmarket::server {

struct ListingPage {
    QList<Listing> items;
    QString nextCursor;
};

// A photo already stored by the media service, to attach to a listing.
struct StoredPhoto {
    QString hash;
    QString url;
    QString thumbUrl;
    int width = 0;
    int height = 0;
};

class ListingService {
public:
    static constexpr int kMaxPhotos = listing::kPhotosMax;

    ListingService(db::Database& db, EventBus& events, const SameTransactionEvents& effects);

    Result<Listing> create(const QString& sellerId, const ListingDraft& draft);
    // Full detail for a viewer (user id, or empty when anonymous); counts one
    // view per viewerKey per hour.
    Result<Listing> detail(const QString& listingId, const QString& viewerUserId,
                           const QString& viewerKey);
    Result<Listing> update(const QString& listingId, const QString& userId,
                           const ListingPatch& patch);
    Result<void> remove(const QString& listingId, const QString& userId);
    // A page of listings; for a signed-in viewer each says whether it is their favorite.
    Result<ListingPage> search(const ListingQuery& query, const QString& viewerUserId = {});

    // Idempotent; returns the listing's favorite count afterwards.
    Result<qint64> setFavorite(const QString& listingId, const QString& userId, bool favorite);
    Result<ListingPage> favorites(const QString& userId, const QString& cursor, int limit);

    // not_found / forbidden unless the listing exists and belongs to userId.
    Result<void> requireOwner(const QString& listingId, const QString& userId);
    Result<QList<Photo>> addPhotos(const QString& listingId, const QString& userId,
                                   const QList<StoredPhoto>& photos);
    Result<void> removePhoto(const QString& listingId, const QString& photoId,
                             const QString& userId);
    Result<QList<Photo>> photos(const QString& listingId);
    // Whether any listing still shows the stored photo with this content hash.
    Result<bool> photoHashInUse(const QString& hash);

    // For the auctions domain, inside its write: the listing's price follows the bids, and its
    // status the close (reserved for the order a sale made, ended when unsold or cancelled).
    static void followAuctionPrice(db::Connection& c, qint64 listingSeq, qint64 price, qint64 nowMs);
    static void followAuctionEnd(db::Connection& c, qint64 listingSeq, listing::Status status,
                                 qint64 nowMs);
    static void followAuctionTerms(db::Connection& c, qint64 listingSeq, const Auction& terms,
                                   qint64 nowMs);

    // For the orders domain, inside its write: what a sale needs of a listing (nullopt when it
    // is missing or removed), and its status following the order (reserved while an order
    // holds it, sold when completed, on sale again when the order is cancelled).
    static std::optional<SaleTerms> saleTermsIn(db::Connection& c, const QString& listingId);
    static void followOrder(db::Connection& c, qint64 listingSeq, listing::Status status,
                            qint64 nowMs);

    // Publishes ListingUpdated with the listing as anyone sees it (publicDetail).
    void announceUpdate(const QString& listingId);

private:
    // The detail: the listing plus photos and seller, without the viewer's own parts
    // (isFavorite) and without counting a view. With no viewer, what every viewer shares.
    static Result<Listing> publicDetail(db::Connection& c, const QString& listingId,
                                        const QString& viewerUserId = {});
    static Result<void> checkCategory(db::Connection& c, const QString& categoryId);
    static Result<void> checkOwner(db::Connection& c, const QString& listingId,
                                   const QString& userId);

    db::Database& m_db;
    EventBus& m_events;
    const SameTransactionEvents& m_effects;
    ListingViews m_views;
    // Categories change only by migration: their search words are read once, not per search.
    const QHash<QString, QStringList> m_categoriesBySearchWord;
    // Held from reading a listing to publishing it, so announcements racing on two threads
    // go out in the order they read: the last one a viewer gets is never older than another.
    std::mutex m_announcing;
};

} // namespace bitmarket::server
