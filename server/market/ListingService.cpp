#include "market/ListingService.h"

#include "bitmarket/Cursor.h"
#include "bitmarket/Ids.h"
#include "bitmarket/Timestamp.h"
#include "market/CategoryTable.h"
#include "market/FavoriteTable.h"
#include "market/ListingRows.h"
#include "market/ListingTable.h"
#include "market/ListingViewTable.h"
#include "market/PhotoTable.h"

namespace bitmarket::server {

namespace {
constexpr qint64 kViewWindowMs = 3600 * 1000;

ApiError listingNotFound() {
    return ApiError::notFound(QStringLiteral("No such listing."));
}
} // namespace

namespace {
// Unreadable categories only mean no search word names one.
QHash<QString, QStringList> categoriesBySearchWord(db::Database& db) {
    auto words = db.read([](db::Connection& c) -> Result<QHash<QString, QStringList>> {
        return CategoryTable::idsBySearchWord(c);
    });
    return words ? std::move(words).value() : QHash<QString, QStringList>();
}
} // namespace

ListingService::ListingService(db::Database& db, EventBus& events,
                               const SameTransactionEvents& effects)
    : m_db(db), m_events(events), m_effects(effects), m_views(db),
      m_categoriesBySearchWord(categoriesBySearchWord(db)) {}

Result<void> ListingService::checkCategory(db::Connection& c, const QString& categoryId) {
    if (!CategoryTable::exists(c, categoryId))
        return ApiError::validation(QStringLiteral("Unknown category."), "categoryId");
    return {};
}

Result<void> ListingService::checkOwner(db::Connection& c, const QString& listingId,
                                        const QString& userId) {
    const std::optional<QString> seller = ListingTable::sellerOf(c, listingId);
    if (!seller)
        return listingNotFound();
    if (*seller != userId)
        return ApiError::forbidden(QStringLiteral("Only the seller can change this listing."));
    return {};
}

Result<Listing> ListingService::create(const QString& sellerId, const ListingDraft& d) {
    const QString id = newId("l");
    const qint64 now = nowMs();
    return m_db.write([&](db::Connection& c) -> Result<Listing> {
        if (auto ok = checkCategory(c, d.categoryId); !ok)
            return ok.error();
        ListingTable::insert(c, id, sellerId, d, now);
        // Effects reach other people (keyword alerts): the listing as everyone sees it.
        Listing created;
        BITMARKET_TRY(created, ListingTable::find(c, id, {}));
        if (auto recorded = m_effects.record(c, ListingPublished{created}); !recorded)
            return recorded.error();
        return ListingTable::find(c, id, sellerId);
    });
}

Result<Listing> ListingService::publicDetail(db::Connection& c, const QString& listingId,
                                             const QString& viewerUserId) {
    Listing l;
    BITMARKET_TRY(l, ListingTable::find(c, listingId, viewerUserId));
    l.photos = PhotoTable::of(c, listingId);
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
        // One snapshot: a view found recorded is in the count of the row read with it.
        viewedThisHour = ListingViewTable::seen(c, listingId, viewerKey, hour);
        Listing l;
        BITMARKET_TRY(l, publicDetail(c, listingId, viewerUserId));
        l.isFavorite =
            !viewerUserId.isEmpty() && FavoriteTable::contains(c, viewerUserId, listingId);
        return l;
    });
    if (!listing)
        return listing;
    if (!viewedThisHour)
        m_views.add(listingId, viewerKey, hour);
    m_views.addWaiting(*listing);
    return listing;
}

Result<Listing> ListingService::update(const QString& listingId, const QString& userId,
                                       const ListingPatch& p) {
    auto updated = m_db.write([&](db::Connection& c) -> Result<Listing> {
        if (auto ok = checkOwner(c, listingId, userId); !ok)
            return ok.error();
        Listing l;
        BITMARKET_TRY(l, ListingTable::find(c, listingId, userId));
        if (p.categoryId) {
            if (auto ok = checkCategory(c, *p.categoryId); !ok)
                return ok.error();
        }
        const Money oldPrice = l.price;
        const QString oldStatus = l.status;
        if (p.price && p.price->currency != l.price.currency)
            return ApiError::validation(QStringLiteral("The currency cannot change."), "price");
        if (p.price && l.saleType == QLatin1String("auction"))
            return ApiError::validation(QStringLiteral("An auction's price follows its bids."),
                                        "price");
        if (p.status && *p.status != l.status && l.saleType == QLatin1String("auction"))
            return ApiError::validation(
                QStringLiteral("An auction's status follows its bids and its end."), "status");
        l.title = p.title.value_or(l.title);
        l.description = p.description.value_or(l.description);
        l.categoryId = p.categoryId.value_or(l.categoryId);
        if (p.price)
            l.price.amount = p.price->amount;
        l.condition = p.condition.value_or(l.condition);
        l.tags = p.tags.value_or(l.tags);
        l.region = p.region.value_or(l.region);
        l.status = p.status.value_or(l.status);
        ListingTable::update(c, l, nowMs());
        Listing changed;
        BITMARKET_TRY(changed, ListingTable::find(c, listingId, {}));
        if (changed.price.amount < oldPrice.amount) {
            if (auto recorded = m_effects.record(c, ListingPriceDropped{changed, oldPrice});
                !recorded)
                return recorded.error();
        }
        if (changed.price.amount != oldPrice.amount || changed.status != oldStatus) {
            if (auto recorded = m_effects.record(c, ListingTermsChanged{changed, oldStatus, oldPrice, p.reservedForId});
                !recorded)
                return recorded.error();
        }
        return ListingTable::find(c, listingId, userId);
    });
    if (!updated)
        return updated;
    m_views.addWaiting(*updated);
    announceUpdate(listingId);
    return updated;
}

void ListingService::followAuctionPrice(db::Connection& c, qint64 listingSeq, qint64 price,
                                        qint64 nowMs) {
    ListingTable::setAuctionPrice(c, listingSeq, price, nowMs);
}

void ListingService::followAuctionTerms(db::Connection& c, qint64 listingSeq,
                                        const Auction& terms, qint64 nowMs) {
    ListingTable::changeAuctionTerms(c, listingSeq, terms, nowMs);
}

void ListingService::followAuctionEnd(db::Connection& c, qint64 listingSeq, listing::Status status,
                                      qint64 nowMs) {
    ListingTable::setStatus(c, listingSeq, status, nowMs);
}

std::optional<SaleTerms> ListingService::saleTermsIn(db::Connection& c, const QString& listingId) {
    return ListingTable::saleTerms(c, listingId);
}

void ListingService::followOrder(db::Connection& c, qint64 listingSeq, listing::Status status,
                                 qint64 nowMs) {
    ListingTable::setStatus(c, listingSeq, status, nowMs);
}

Result<void> ListingService::remove(const QString& listingId, const QString& userId) {
    auto removed = m_db.write([&](db::Connection& c) -> Result<bool> {
        if (auto ok = checkOwner(c, listingId, userId); !ok)
            return ok.error();
        Listing l;
        BITMARKET_TRY(l, ListingTable::find(c, listingId, userId));
        // Bidders hold the seller to a running auction: it ends at its end, not by deletion.
        if (l.auction && l.auction->state == u"running" && l.auction->bidCount > 0)
            return ApiError::of(ErrorCode::InvalidState,
                                QStringLiteral("An auction with bids cannot be removed; it ends at its end time."));
        ListingTable::markRemoved(c, listingId, nowMs());
        return true;
    });
    if (!removed)
        return removed.error();
    m_events.publish(ListingRemoved{listingId});
    return {};
}

Result<ListingPage> ListingService::search(const ListingQuery& query, const QString& viewerUserId) {
    return m_db.read([&](db::Connection& c) -> Result<ListingPage> {
        const QStringList categoryIds = query.categoryId.isEmpty()
                                            ? QStringList()
                                            : CategoryTable::withChildren(c, query.categoryId);
        SearchStatement st;
        const auto categoriesNamedBy = [this](const QString& word) {
            return m_categoriesBySearchWord.value(word.toLower());
        };
        BITMARKET_TRY(st, ListingSearch::build(query, categoryIds, categoriesNamedBy, nowMs()));
        auto q = c.query(st.sql);
        int index = 1;
        for (const QVariant& p : st.parameters)
            q.bindAt(index++, p);
        ListingPage page;
        qint64 lastSeq = 0;
        while (q.next()) {
            // A listing found two ways comes twice in a row (see ListingSearch).
            if (q.integer(kListingSeqColumn) == lastSeq)
                continue;
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
            page.items.append(listingFromRow(q, viewerUserId));
            lastSeq = q.integer(kListingSeqColumn);
        }
        if (!viewerUserId.isEmpty()) {
            QList<QString> ids;
            for (const Listing& l : page.items)
                ids.append(l.id);
            const QSet<QString> kept = FavoriteTable::keptAmong(c, viewerUserId, ids);
            for (Listing& l : page.items)
                l.isFavorite = kept.contains(l.id);
        }
        m_views.addWaiting(page.items);
        return page;
    });
}

Result<qint64> ListingService::setFavorite(const QString& listingId, const QString& userId,
                                           bool favorite) {
    bool changed = false;
    auto count = m_db.write([&](db::Connection& c) -> Result<qint64> {
        if (!ListingTable::sellerOf(c, listingId))
            return listingNotFound();
        changed = favorite ? FavoriteTable::add(c, userId, listingId, nowMs())
                           : FavoriteTable::remove(c, userId, listingId);
        if (changed)
            ListingTable::addFavorites(c, listingId, favorite ? 1 : -1);
        return ListingTable::favoriteCount(c, listingId);
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
                         ", f.created_at FROM favorites f JOIN " + kListingTables +
                         " WHERE l.id = f.listing_id AND f.user_id = ?1 AND " + kListingIsVisible +
                         " AND (f.created_at, l.seq) < (?2, ?3) "
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
            Listing l = listingFromRow(q, userId);
            l.isFavorite = true;
            page.items.append(l);
            lastSeq = q.integer(kListingSeqColumn);
            lastAt = q.integer(kListingSeqColumn + 1);
        }
        m_views.addWaiting(page.items);
        return page;
    });
}

Result<void> ListingService::requireOwner(const QString& listingId, const QString& userId) {
    return m_db.read(
        [&](db::Connection& c) -> Result<void> { return checkOwner(c, listingId, userId); });
}

Result<QList<Photo>> ListingService::addPhotos(const QString& listingId, const QString& userId,
                                               const QList<StoredPhoto>& stored) {
    auto added = m_db.write([&](db::Connection& c) -> Result<QList<Photo>> {
        if (auto ok = checkOwner(c, listingId, userId); !ok)
            return ok.error();
        if (PhotoTable::countOf(c, listingId) + stored.size() > kMaxPhotos)
            return ApiError::validation(QStringLiteral("A listing has at most %1 photos."), "file")
                .arg(kMaxPhotos);
        QList<Photo> out;
        const qint64 now = nowMs();
        for (const StoredPhoto& s : stored) {
            Photo p{newId("p"), s.url, s.thumbUrl, s.width, s.height};
            PhotoTable::append(c, listingId, p, s.hash, now);
            out.append(p);
        }
        ListingTable::refreshThumbnail(c, listingId, now);
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
        if (!PhotoTable::remove(c, listingId, photoId))
            return ApiError::notFound(QStringLiteral("No such photo on this listing."));
        ListingTable::refreshThumbnail(c, listingId, nowMs());
        return true;
    });
    if (!removed)
        return removed.error();
    announceUpdate(listingId);
    return {};
}

Result<QList<Photo>> ListingService::photos(const QString& listingId) {
    return m_db.read(
        [&](db::Connection& c) -> Result<QList<Photo>> { return PhotoTable::of(c, listingId); });
}

Result<bool> ListingService::photoHashInUse(const QString& hash) {
    return m_db.read(
        [&](db::Connection& c) -> Result<bool> { return PhotoTable::hashInUse(c, hash); });
}

void ListingService::announceUpdate(const QString& listingId) {
    std::lock_guard lock(m_announcing);
    auto listing = m_db.read([&](db::Connection& c) { return publicDetail(c, listingId); });
    if (!listing)
        return;
    m_views.addWaiting(*listing);
    m_events.publish(ListingUpdated{listing.value()});
}

} // namespace bitmarket::server
