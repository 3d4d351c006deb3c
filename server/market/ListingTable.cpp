#include "market/ListingTable.h"

#include "market/ListingRows.h"

#include <QJsonDocument>

namespace bitmarket::server {

namespace {
QString tagsJson(const QStringList& tags) {
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(tags)).toJson(QJsonDocument::Compact));
}

std::optional<qint64> amountOf(const std::optional<Money>& money) {
    return money ? std::optional<qint64>(money->amount) : std::nullopt;
}
} // namespace

Result<Listing> ListingTable::find(db::Connection& c, const QString& listingId,
                                   const QString& viewerUserId) {
    auto q = c.query(std::string("SELECT ") + kListingColumns + " FROM " + kListingTables +
                     " WHERE l.id = ?1 AND " + kListingIsVisible);
    q.bind(listingId);
    if (!q.next())
        return ApiError::notFound(QStringLiteral("No such listing."));
    return listingFromRow(q, viewerUserId);
}

std::optional<QString> ListingTable::sellerOf(db::Connection& c, const QString& listingId) {
    auto q = c.query(std::string("SELECT l.seller_id FROM listings l WHERE l.id = ?1 AND ") +
                     kListingIsVisible);
    q.bind(listingId);
    if (!q.next())
        return std::nullopt;
    return q.text(0);
}

std::optional<SaleTerms> ListingTable::saleTerms(db::Connection& c, const QString& listingId) {
    auto q = c.query(std::string("SELECT l.seq, l.seller_id, l.price_amount, l.currency, "
                                 "l.sale_type, l.status FROM listings l WHERE l.id = ?1 AND ") +
                     kListingIsVisible);
    q.bind(listingId);
    if (!q.next())
        return std::nullopt;
    return SaleTerms{q.integer(0), listingId, q.text(1), Money{q.integer(2), q.text(3)},
                     q.text(4), q.text(5)};
}

void ListingTable::insert(db::Connection& c, const QString& listingId, const QString& sellerId,
                          const ListingDraft& d, qint64 nowMs) {
    c.query("INSERT INTO listings (id, seller_id, title, description, category_id, "
            "price_amount, currency, condition, tags, region, sale_type, status, created_at, "
            "updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 'active', ?12, ?12)")
        .bind(listingId, sellerId, d.title, d.description, d.categoryId, d.price.amount,
              d.price.currency, d.condition, tagsJson(d.tags), d.region, d.saleType, nowMs)
        .run();
    if (!d.auction)
        return;
    const Auction& a = *d.auction;
    c.query("INSERT INTO auction_terms (listing_seq, start_price, min_increment, buy_now_price, "
            "reserve_price, ends_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
        .bind(c.lastInsertRowId(), a.startPrice.amount,
              a.tieredIncrement ? 0 : a.minIncrement.amount,
              amountOf(a.buyNowPrice), amountOf(a.reservePrice), a.endsAtMs)
        .run();
}

void ListingTable::update(db::Connection& c, const Listing& l, qint64 nowMs) {
    c.query("UPDATE listings SET title = ?2, description = ?3, category_id = ?4, "
            "price_amount = ?5, condition = ?6, tags = ?7, region = ?8, status = ?9, "
            "updated_at = ?10 WHERE id = ?1")
        .bind(l.id, l.title, l.description, l.categoryId, l.price.amount, l.condition,
              tagsJson(l.tags), l.region, l.status, nowMs)
        .run();
}

void ListingTable::changeAuctionTerms(db::Connection& c, qint64 listingSeq, const Auction& terms,
                                      qint64 nowMs) {
    c.query("UPDATE auction_terms SET start_price = ?2, min_increment = ?3, buy_now_price = ?4, "
            "reserve_price = ?5, ends_at = ?6 WHERE listing_seq = ?1")
        .bind(listingSeq, terms.startPrice.amount,
              terms.tieredIncrement ? 0 : terms.minIncrement.amount, amountOf(terms.buyNowPrice),
              amountOf(terms.reservePrice), terms.endsAtMs)
        .run();
    setAuctionPrice(c, listingSeq, terms.startPrice.amount, nowMs);
}

void ListingTable::setAuctionPrice(db::Connection& c, qint64 listingSeq, qint64 price,
                                   qint64 nowMs) {
    c.query("UPDATE listings SET price_amount = ?2, updated_at = ?3 WHERE seq = ?1")
        .bind(listingSeq, price, nowMs)
        .run();
}

void ListingTable::setStatus(db::Connection& c, qint64 listingSeq, listing::Status status,
                             qint64 nowMs) {
    c.query("UPDATE listings SET status = ?2, updated_at = ?3 WHERE seq = ?1")
        .bind(listingSeq, listing::nameOf(status), nowMs)
        .run();
}

void ListingTable::markRemoved(db::Connection& c, const QString& listingId, qint64 nowMs) {
    c.query("UPDATE listings SET status = 'removed', updated_at = ?2 WHERE id = ?1")
        .bind(listingId, nowMs)
        .run();
}

void ListingTable::addFavorites(db::Connection& c, const QString& listingId, int delta) {
    c.query("UPDATE listings SET favorite_count = favorite_count + ?2 WHERE id = ?1")
        .bind(listingId, delta)
        .run();
}

qint64 ListingTable::favoriteCount(db::Connection& c, const QString& listingId) {
    auto q = c.query("SELECT favorite_count FROM listings WHERE id = ?1");
    q.bind(listingId);
    return q.next() ? q.integer(0) : 0;
}

void ListingTable::addViews(db::Connection& c, const QString& listingId, int views) {
    c.query("UPDATE listings SET view_count = view_count + ?2 WHERE id = ?1")
        .bind(listingId, views)
        .run();
}

void ListingTable::refreshThumbnail(db::Connection& c, const QString& listingId, qint64 nowMs) {
    c.query("UPDATE listings SET thumb_url = (SELECT thumb_url FROM photos WHERE listing_id = ?1 "
            "ORDER BY position, created_at LIMIT 1), updated_at = ?2 WHERE id = ?1")
        .bind(listingId, nowMs)
        .run();
}

} // namespace bitmarket::server
