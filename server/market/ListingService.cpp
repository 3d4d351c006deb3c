#include "market/ListingService.h"

#include "bitmarket/Cursor.h"
#include "bitmarket/Ids.h"
#include "bitmarket/Timestamp.h"
#include "market/ListingRows.h"

#include <QJsonDocument>

namespace bitmarket::server {

namespace {
constexpr qint64 kViewWindowMs = 3600 * 1000;

QString tagsJson(const QStringList& tags) {
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(tags)).toJson(QJsonDocument::Compact));
}

ApiError listingNotFound() { return ApiError::notFound(QStringLiteral("No such listing.")); }

QList<Photo> photosOf(db::Connection& c, const QString& listingId) {
    QList<Photo> out;
    auto q = c.query("SELECT id, url, thumb_url, width, height FROM photos WHERE listing_id = ?1 "
                     "ORDER BY position, created_at");
    q.bind(listingId);
    while (q.next())
        out.append(Photo{q.text(0), q.text(1), q.text(2), static_cast<int>(q.integer(3)),
                         static_cast<int>(q.integer(4))});
    return out;
}
} // namespace

ListingService::ListingService(db::Database& db, EventBus& events) : m_db(db), m_events(events) {}

Result<void> ListingService::checkCategory(db::Connection& c, const QString& categoryId) {
    auto q = c.query("SELECT 1 FROM categories WHERE id = ?1");
    q.bind(categoryId);
    if (!q.next())
        return ApiError::validation(QStringLiteral("Unknown category."), "categoryId");
    return {};
}

Result<void> ListingService::checkOwner(db::Connection& c, const QString& listingId,
                                        const QString& userId) {
    auto q = c.query("SELECT seller_id FROM listings WHERE id = ?1 AND status != 'removed'");
    q.bind(listingId);
    if (!q.next())
        return listingNotFound();
    if (q.text(0) != userId)
        return ApiError::forbidden(QStringLiteral("Only the seller can change this listing."));
    return {};
}

Result<Listing> ListingService::summary(db::Connection& c, const QString& listingId) {
    auto q = c.query(std::string("SELECT ") + kListingColumns + " FROM listings l" +
                     kListingModelJoin + " WHERE l.id = ?1 AND l.status != 'removed'");
    q.bind(listingId);
    if (!q.next())
        return listingNotFound();
    return listingFromRow(q);
}

Result<Listing> ListingService::create(const QString& sellerId, const ListingDraft& d) {
    const QString id = newId("l");
    const qint64 now = nowMs();
    return m_db.write([&](db::Connection& c) -> Result<Listing> {
        if (auto ok = checkCategory(c, d.categoryId); !ok)
            return ok.error();
        c.query("INSERT INTO listings (id, seller_id, title, description, category_id, "
                "price_amount, currency, condition, tags, region, sale_type, status, created_at, "
                "updated_at, auction_start, auction_increment, auction_buy_now, auction_reserve, "
                "auction_ends_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 'active', "
                "?12, ?12, ?13, ?14, ?15, ?16, ?17)")
            .bind(id, sellerId, d.title, d.description, d.categoryId, d.price.amount,
                  d.price.currency, d.condition, tagsJson(d.tags), d.region, d.saleType, now,
                  d.auction ? std::optional<qint64>(d.auction->startPrice.amount) : std::nullopt,
                  d.auction ? std::optional<qint64>(d.auction->minIncrement.amount) : std::nullopt,
                  d.auction && d.auction->buyNowPrice
                      ? std::optional<qint64>(d.auction->buyNowPrice->amount)
                      : std::nullopt,
                  d.auction && d.auction->reservePrice
                      ? std::optional<qint64>(d.auction->reservePrice->amount)
                      : std::nullopt,
                  d.auction ? std::optional<qint64>(d.auction->endsAtMs) : std::nullopt)
            .run();
        return summary(c, id);
    });
}

Result<Listing> ListingService::publicDetail(db::Connection& c, const QString& listingId) {
    Listing l;
    BITMARKET_TRY(l, summary(c, listingId));
    l.photos = photosOf(c, listingId);
    auto seller = c.query("SELECT id, username, display_name FROM users WHERE id = ?1");
    seller.bind(l.sellerId);
    if (seller.next())
        l.seller = SellerSummary{seller.text(0), seller.text(1), seller.text(2)};
    return l;
}

Result<Listing> ListingService::detail(const QString& listingId, const QString& viewerUserId,
                                       const QString& viewerKey) {
    const qint64 hour = nowMs() / kViewWindowMs;
    bool viewedThisHour = true;
    auto listing = m_db.read([&](db::Connection& c) -> Result<Listing> {
        Listing l;
        BITMARKET_TRY(l, publicDetail(c, listingId));
        l.isFavorite = isFavoriteOf(c, viewerUserId, listingId);
        auto seen = c.query(
            "SELECT 1 FROM listing_views WHERE listing_id = ?1 AND viewer_key = ?2 AND hour = ?3");
        seen.bind(listingId, viewerKey, hour);
        viewedThisHour = seen.next();
        return l;
    });
    if (!listing || viewedThisHour)
        return listing;
    // A view is not worth a durable wait: record it in the background. The
    // insert is idempotent, so a racing second request cannot count twice.
    m_db.writeDetached([listingId, viewerKey, hour](db::Connection& c) {
        c.query("INSERT OR IGNORE INTO listing_views (listing_id, viewer_key, hour) "
                "VALUES (?1, ?2, ?3)")
            .bind(listingId, viewerKey, hour)
            .run();
        if (c.changes() == 1)
            c.query("UPDATE listings SET view_count = view_count + 1 WHERE id = ?1")
                .bind(listingId)
                .run();
    });
    listing->viewCount += 1;
    return listing;
}

Result<Listing> ListingService::update(const QString& listingId, const QString& userId,
                                       const ListingPatch& p) {
    auto updated = m_db.write([&](db::Connection& c) -> Result<Listing> {
        if (auto ok = checkOwner(c, listingId, userId); !ok)
            return ok.error();
        Listing l;
        BITMARKET_TRY(l, summary(c, listingId));
        if (p.categoryId) {
            if (auto ok = checkCategory(c, *p.categoryId); !ok)
                return ok.error();
        }
        if (p.price && p.price->currency != l.price.currency)
            return ApiError::validation(QStringLiteral("The currency cannot change."), "price");
        if (p.price && l.saleType == QLatin1String("auction"))
            return ApiError::validation(QStringLiteral("An auction's price follows its bids."),
                                        "price");
        c.query("UPDATE listings SET title = ?2, description = ?3, category_id = ?4, "
                "price_amount = ?5, condition = ?6, tags = ?7, region = ?8, status = ?9, "
                "updated_at = ?10 WHERE id = ?1")
            .bind(listingId, p.title.value_or(l.title), p.description.value_or(l.description),
                  p.categoryId.value_or(l.categoryId),
                  p.price ? p.price->amount : l.price.amount, p.condition.value_or(l.condition),
                  tagsJson(p.tags.value_or(l.tags)), p.region.value_or(l.region),
                  p.status.value_or(l.status), nowMs())
            .run();
        return summary(c, listingId);
    });
    if (updated)
        announceUpdate(listingId);
    return updated;
}

Result<void> ListingService::remove(const QString& listingId, const QString& userId) {
    auto removed = m_db.write([&](db::Connection& c) -> Result<bool> {
        if (auto ok = checkOwner(c, listingId, userId); !ok)
            return ok.error();
        c.query("UPDATE listings SET status = 'removed', updated_at = ?2 WHERE id = ?1")
            .bind(listingId, nowMs())
            .run();
        return true;
    });
    if (!removed)
        return removed.error();
    m_events.publish(ListingRemoved{listingId});
    return {};
}

bool ListingService::isFavoriteOf(db::Connection& c, const QString& viewerUserId,
                                  const QString& listingId) {
    if (viewerUserId.isEmpty())
        return false;
    auto fav = c.query("SELECT 1 FROM favorites WHERE user_id = ?1 AND listing_id = ?2");
    fav.bind(viewerUserId, listingId);
    return fav.next();
}

Result<ListingPage> ListingService::search(const ListingQuery& query, const QString& viewerUserId) {
    SearchStatement st;
    BITMARKET_TRY(st, ListingSearch::build(query, nowMs()));
    return m_db.read([&](db::Connection& c) -> Result<ListingPage> {
        auto q = c.query(st.sql);
        int index = 1;
        for (const QVariant& p : st.parameters)
            q.bindAt(index++, p);
        ListingPage page;
        qint64 lastSeq = 0;
        while (q.next()) {
            if (page.items.size() == query.limit) {
                const Listing& last = page.items.back();
                page.nextCursor = ListingSearch::cursorAfter(
                    query.sort,
                    ListingSearch::sortKeyOf(query.sort, lastSeq, last.price.amount,
                                             last.favoriteCount,
                                             last.auction ? last.auction->endsAtMs : 0),
                    lastSeq);
                break;
            }
            page.items.append(listingFromRow(q));
            lastSeq = q.integer(kListingSeqColumn);
        }
        if (!viewerUserId.isEmpty()) {
            for (Listing& l : page.items)
                l.isFavorite = isFavoriteOf(c, viewerUserId, l.id);
        }
        return page;
    });
}

Result<qint64> ListingService::setFavorite(const QString& listingId, const QString& userId,
                                           bool favorite) {
    bool changed = false;
    auto count = m_db.write([&](db::Connection& c) -> Result<qint64> {
        auto exists = c.query("SELECT 1 FROM listings WHERE id = ?1 AND status != 'removed'");
        exists.bind(listingId);
        if (!exists.next())
            return listingNotFound();
        if (favorite)
            c.query("INSERT OR IGNORE INTO favorites (user_id, listing_id, created_at) "
                    "VALUES (?1, ?2, ?3)")
                .bind(userId, listingId, nowMs())
                .run();
        else
            c.query("DELETE FROM favorites WHERE user_id = ?1 AND listing_id = ?2")
                .bind(userId, listingId)
                .run();
        changed = c.changes() == 1;
        if (changed)
            c.query("UPDATE listings SET favorite_count = favorite_count + ?2 WHERE id = ?1")
                .bind(listingId, favorite ? 1 : -1)
                .run();
        auto q = c.query("SELECT favorite_count FROM listings WHERE id = ?1");
        q.bind(listingId);
        q.next();
        return q.integer(0);
    });
    if (count && changed)
        announceUpdate(listingId);
    return count;
}

Result<ListingPage> ListingService::favorites(const QString& userId, const QString& cursorText,
                                              int limit) {
    if (limit < 1 || limit > 100)
        return ApiError::validation(QStringLiteral("limit must be 1 to 100."), "limit");
    qint64 beforeAt = std::numeric_limits<qint64>::max();
    qint64 beforeSeq = std::numeric_limits<qint64>::max();
    if (!cursorText.isEmpty()) {
        const auto cursor = Cursor::decode(cursorText);
        if (!cursor || cursor->sort != QLatin1String("favorites") || cursor->keys.size() != 2)
            return ApiError::validation(QStringLiteral("This cursor is not valid."), "cursor");
        beforeAt = cursor->keys[0].toInteger();
        beforeSeq = cursor->keys[1].toInteger();
    }
    return m_db.read([&](db::Connection& c) -> Result<ListingPage> {
        auto q = c.query(std::string("SELECT ") + kListingColumns +
                         ", f.created_at FROM favorites f JOIN listings l ON l.id = f.listing_id" +
                         kListingModelJoin +
                         " WHERE f.user_id = ?1 AND l.status != 'removed' AND "
                         "(f.created_at, l.seq) < (?2, ?3) "
                         "ORDER BY f.created_at DESC, l.seq DESC LIMIT ?4");
        q.bind(userId, beforeAt, beforeSeq, static_cast<qint64>(limit + 1));
        ListingPage page;
        qint64 lastAt = 0, lastSeq = 0;
        while (q.next()) {
            if (page.items.size() == limit) {
                page.nextCursor =
                    Cursor{QStringLiteral("favorites"), QJsonArray{lastAt, lastSeq}}.encode();
                break;
            }
            Listing l = listingFromRow(q);
            l.isFavorite = true;
            page.items.append(l);
            lastSeq = q.integer(kListingSeqColumn);
            lastAt = q.integer(kListingSeqColumn + 1);
        }
        return page;
    });
}

Result<void> ListingService::requireOwner(const QString& listingId, const QString& userId) {
    return m_db.read(
        [&](db::Connection& c) -> Result<void> { return checkOwner(c, listingId, userId); });
}

void ListingService::refreshThumbnail(db::Connection& c, const QString& listingId) {
    c.query("UPDATE listings SET thumb_url = (SELECT thumb_url FROM photos WHERE listing_id = ?1 "
            "ORDER BY position, created_at LIMIT 1), updated_at = ?2 WHERE id = ?1")
        .bind(listingId, nowMs())
        .run();
}

Result<QList<Photo>> ListingService::addPhotos(const QString& listingId, const QString& userId,
                                               const QList<StoredPhoto>& stored) {
    auto added = m_db.write([&](db::Connection& c) -> Result<QList<Photo>> {
        if (auto ok = checkOwner(c, listingId, userId); !ok)
            return ok.error();
        auto count = c.query("SELECT COUNT(*), COALESCE(MAX(position), -1) FROM photos "
                             "WHERE listing_id = ?1");
        count.bind(listingId);
        count.next();
        const qint64 existing = count.integer(0);
        qint64 position = count.integer(1) + 1;
        if (existing + stored.size() > kMaxPhotos)
            return ApiError::validation(QStringLiteral("A listing has at most %1 photos."), "file")
                .arg(kMaxPhotos);
        QList<Photo> out;
        const qint64 now = nowMs();
        for (const StoredPhoto& s : stored) {
            Photo p{newId("p"), s.url, s.thumbUrl, s.width, s.height};
            c.query("INSERT INTO photos (id, listing_id, position, hash, url, thumb_url, width, "
                    "height, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
                .bind(p.id, listingId, position++, s.hash, p.url, p.thumbUrl, p.width, p.height,
                      now)
                .run();
            out.append(p);
        }
        refreshThumbnail(c, listingId);
        return out;
    });
    if (added)
        announceUpdate(listingId);
    return added;
}

Result<void> ListingService::removePhoto(const QString& listingId, const QString& photoId,
                                         const QString& userId) {
    auto removed = m_db.write([&](db::Connection& c) -> Result<bool> {
        if (auto ok = checkOwner(c, listingId, userId); !ok)
            return ok.error();
        c.query("DELETE FROM photos WHERE id = ?1 AND listing_id = ?2")
            .bind(photoId, listingId)
            .run();
        if (c.changes() == 0)
            return ApiError::notFound(QStringLiteral("No such photo on this listing."));
        refreshThumbnail(c, listingId);
        return true;
    });
    if (!removed)
        return removed.error();
    announceUpdate(listingId);
    return {};
}

Result<QList<Photo>> ListingService::photos(const QString& listingId) {
    return m_db.read([&](db::Connection& c) -> Result<QList<Photo>> {
        return photosOf(c, listingId);
    });
}

Result<bool> ListingService::photoHashInUse(const QString& hash) {
    return m_db.read([&](db::Connection& c) -> Result<bool> {
        auto q = c.query("SELECT 1 FROM photos WHERE hash = ?1 LIMIT 1");
        q.bind(hash);
        return q.next();
    });
}

void ListingService::announceUpdate(const QString& listingId) {
    std::lock_guard lock(m_announcing);
    auto listing = m_db.read([&](db::Connection& c) { return publicDetail(c, listingId); });
    if (!listing)
        return;
    m_events.publish(ListingUpdated{listing.value()});
}

} // namespace bitmarket::server
