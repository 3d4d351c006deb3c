#include "market/ListingRows.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace bitmarket::server {

// A model's progress changes the listing a viewer sees, so it counts in updatedAt.
const char* const kListingColumns =
    "l.id, l.title, l.description, l.category_id, l.price_amount, l.currency, l.condition, "
    "l.tags, l.region, l.sale_type, l.status, l.seller_id, l.created_at, "
    "max(l.updated_at, coalesce(m.updated_at, 0)), "
    "a.start_price, a.min_increment, a.buy_now_price, a.reserve_price, a.ends_at, "
    "l.favorite_count, l.view_count, l.thumb_url, m.status, "
    "m.url, m.preview_url, m.quality, m.triangles, m.job_id, m.error, l.seq";

const char* const kListingTables = "listings l LEFT JOIN auction_terms a ON a.listing_seq = l.seq "
                                   "LEFT JOIN listing_models m ON m.listing_id = l.id";

const char* const kAuctionListingTables =
    "auction_terms a CROSS JOIN listings l ON l.seq = a.listing_seq "
    "LEFT JOIN listing_models m ON m.listing_id = l.id";

const char* const kListingIsVisible = "l.status != 'removed'";

Listing listingFromRow(const db::Query& q, const QString& viewerUserId) {
    Listing l;
    l.id = q.text(0);
    l.title = q.text(1);
    l.description = q.text(2);
    l.categoryId = q.text(3);
    l.price = Money{q.integer(4), q.text(5)};
    l.condition = q.text(6);
    for (const QJsonValue& tag : QJsonDocument::fromJson(q.textBytes(7)).array())
        l.tags.append(tag.toString());
    l.region = q.text(8);
    l.saleType = q.text(9);
    l.status = q.text(10);
    l.sellerId = q.text(11);
    l.createdAtMs = q.integer(12);
    l.updatedAtMs = q.integer(13);
    if (!q.isNull(14)) {
        Auction a;
        a.startPrice = Money{q.integer(14), l.price.currency};
        a.minIncrement = Money{q.integer(15), l.price.currency};
        if (!q.isNull(16))
            a.buyNowPrice = Money{q.integer(16), l.price.currency};
        // A secret of the seller's: bidders who knew it would bid just to it.
        if (!q.isNull(17) && viewerUserId == l.sellerId)
            a.reservePrice = Money{q.integer(17), l.price.currency};
        a.endsAtMs = q.integer(18);
        l.auction = a;
    }
    l.favoriteCount = q.integer(19);
    l.viewCount = q.integer(20);
    l.thumbUrl = q.text(21);
    if (!q.isNull(22)) {
        ModelInfo m;
        m.status = q.text(22);
        m.url = q.text(23);
        m.previewUrl = q.text(24);
        m.quality = q.text(25);
        m.triangles = q.integer(26);
        m.jobId = q.text(27);
        m.error = q.text(28);
        l.hasModel = m.status == QLatin1String("done");
        l.model = m;
    }
    return l;
}

} // namespace bitmarket::server
