#include "market/ListingRows.h"

#include "bitmarket/AuctionRules.h"

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
    "m.url, m.preview_url, m.quality, m.triangles, m.job_id, m.error, "
    "u.state, u.ends_at, u.extended, u.current_price, u.bid_count, u.bidder_count, u.leader_id, "
    "u.leader_max, u.winner_id, u.final_price, u.order_id, l.seq";

const char* const kListingTables = "listings l LEFT JOIN auction_terms a ON a.listing_seq = l.seq "
                                   "LEFT JOIN auctions u ON u.listing_seq = l.seq "
                                   "LEFT JOIN listing_models m ON m.listing_id = l.id";

const char* const kAuctionListingTables =
    "auctions u CROSS JOIN listings l ON l.seq = u.listing_seq "
    "JOIN auction_terms a ON a.listing_seq = u.listing_seq "
    "LEFT JOIN listing_models m ON m.listing_id = l.id";

const char* const kListingIsVisible = "l.status != 'removed'";

std::string listingColumnsWithSeq(const char* seq) {
    const std::string columns = kListingColumns;
    return columns.substr(0, columns.rfind(", ") + 2) + seq;
}

namespace {

// Columns 14-18 (the terms) and 29-39 (how it stands: written by the auctions domain, and
// absent only within the transaction that creates the listing, where it has not started).
Auction auctionFromRow(const db::Query& q, const QString& currency, bool viewerIsSeller) {
    auto money = [&](int column) { return Money{q.integer(column), currency}; };
    Auction a;
    a.startPrice = money(14);
    a.tieredIncrement = q.integer(15) == 0;
    if (!q.isNull(16))
        a.buyNowPrice = money(16);
    const bool hasReserve = !q.isNull(17);
    // A secret of the seller's: bidders who knew it would bid just to it.
    if (hasReserve && viewerIsSeller)
        a.reservePrice = money(17);
    a.endsAtMs = q.integer(18);
    a.currentPrice = a.startPrice;
    if (!q.isNull(29)) {
        a.state = q.text(29);
        a.endsAtMs = q.integer(30);
        a.extended = q.integer(31) != 0;
        a.currentPrice = money(32);
        a.bidCount = q.integer(33);
        a.bidderCount = q.integer(34);
        a.leaderId = q.text(35);
        a.reserveMet = a.bidCount > 0 && (!hasReserve || q.integer(36) >= q.integer(17));
        a.winnerId = q.text(37);
        if (!q.isNull(38))
            a.finalPrice = money(38);
        a.orderId = q.text(39);
    }
    auction::fillNextBid(a, q.integer(15));
    return a;
}

} // namespace

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
    if (!q.isNull(14))
        l.auction = auctionFromRow(q, l.price.currency, viewerUserId == l.sellerId);
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
