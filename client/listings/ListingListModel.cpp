#include "listings/ListingListModel.h"

#include "api/ApiClient.h"
#include "auctions/AuctionLabels.h"
#include "bitmarket/AuctionRules.h"
#include "bitmarket/Timestamp.h"
#include "format/MoneyFormat.h"
#include "format/RelativeTime.h"
#include "listings/FavoritesService.h"
#include "listings/ListingLabels.h"

#include <QCoreApplication>
#include <QEvent>
#include <QJsonObject>

using bitmarket::Listing;
using bitmarket::Result;

namespace {

bool isAuction(const Listing& l) {
    return l.auction.has_value();
}

bool isRunningAuction(const Listing& l) {
    return l.auction && l.auction->state == bitmarket::auction::kRunning;
}

qint64 msLeft(const Listing& l) {
    if (!l.auction || l.auction->state != bitmarket::auction::kRunning)
        return 0;
    return l.auction->endsAtMs - bitmarket::nowMs();
}

} // namespace

ListingListModel::ListingListModel(QObject* parent) : QAbstractListModel(parent) {
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(300);
    connect(&m_debounce, &QTimer::timeout, this, &ListingListModel::refresh);
    m_auctionClock.setTimerType(Qt::PreciseTimer);
    m_auctionClock.setInterval(AuctionLabels::kClockTickMs);
    connect(&m_auctionClock, &QTimer::timeout, this, &ListingListModel::tickAuctions);
    connect(&m_auctions, &AuctionFollower::auctionChanged, this, &ListingListModel::showAuction);
    QCoreApplication::instance()->installEventFilter(this);
}

bool ListingListModel::eventFilter(QObject* watched, QEvent* event) {
    if (watched == QCoreApplication::instance() && event->type() == QEvent::LanguageChange &&
        !m_items.isEmpty())
        emit dataChanged(index(0), index(int(m_items.size()) - 1),
                         {PriceTextRole, TimeAgoRole, StatusTextRole, TimeLeftRole});
    return QAbstractListModel::eventFilter(watched, event);
}

int ListingListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_items.size());
}

QVariant ListingListModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= m_items.size())
        return {};
    const Listing& l = m_items.at(index.row());
    switch (role) {
    case ListingIdRole:
        return l.id;
    case TitleRole:
        return l.title;
    case PriceTextRole:
        return MoneyFormat::format(l.auction ? l.auction->currentPrice : l.price);
    case PriceAmountRole:
        return l.auction ? l.auction->currentPrice.amount : l.price.amount;
    case CurrencyRole:
        return l.price.currency;
    case RegionRole:
        return l.region;
    case TimeAgoRole:
        return RelativeTime::since(l.createdAtMs, bitmarket::nowMs());
    case ThumbUrlRole:
        return m_api ? m_api->mediaUrl(l.thumbUrl) : QUrl();
    case HasModelRole:
        return l.hasModel || (l.model && l.model->status == QLatin1String("done"));
    case IsFavoriteRole:
        return l.isFavorite.value_or(m_source == Favorites);
    case FavoriteCountRole:
        return l.favoriteCount;
    case StatusRole:
        return l.status;
    case SaleTypeRole:
        return l.saleType;
    case ConditionRole:
        return l.condition;
    case StatusTextRole:
        return ListingLabels::statusText(l.status);
    case IsAuctionRole:
        return isAuction(l);
    case BidCountRole:
        return l.auction ? l.auction->bidCount : 0;
    case TimeLeftRole:
        if (!l.auction)
            return QString();
        return isRunningAuction(l) ? AuctionLabels::shortTimeLeft(msLeft(l))
                                   : AuctionLabels::outcome(*l.auction);
    case EndingSoonRole:
        return l.auction && msLeft(l) > 0 && msLeft(l) <= AuctionLabels::kFinalMinutesMs;
    case AuctionRunningRole:
        return isRunningAuction(l) && msLeft(l) > 0;
    case ViewCountRole:
        return l.viewCount;
    case ModelStatusRole:
        if (l.hasModel)
            return QStringLiteral("done");
        return l.model ? l.model->status : QStringLiteral("none");
    default:
        return {};
    }
}

QHash<int, QByteArray> ListingListModel::roleNames() const {
    return {{ListingIdRole, "listingId"},
            {TitleRole, "title"},
            {PriceTextRole, "priceText"},
            {PriceAmountRole, "priceAmount"},
            {CurrencyRole, "currency"},
            {RegionRole, "region"},
            {TimeAgoRole, "timeAgo"},
            {ThumbUrlRole, "thumbUrl"},
            {HasModelRole, "hasModel"},
            {IsFavoriteRole, "isFavorite"},
            {FavoriteCountRole, "favoriteCount"},
            {StatusRole, "status"},
            {SaleTypeRole, "saleType"},
            {ConditionRole, "condition"},
            {StatusTextRole, "statusText"},
            {IsAuctionRole, "isAuction"},
            {BidCountRole, "bidCount"},
            {TimeLeftRole, "timeLeft"},
            {EndingSoonRole, "endingSoon"},
            {AuctionRunningRole, "auctionRunning"},
            {ViewCountRole, "viewCount"},
            {ModelStatusRole, "modelStatus"}};
}

bool ListingListModel::canFetchMore(const QModelIndex& parent) const {
    return !parent.isValid() && hasMore() && !m_loading && !m_loadingMore;
}

void ListingListModel::fetchMore(const QModelIndex& parent) {
    if (!parent.isValid())
        loadMore();
}

void ListingListModel::componentComplete() {
    m_complete = true;
    refresh();
}

void ListingListModel::setApi(ApiClient* api) {
    if (m_api == api)
        return;
    if (auto* favorites = FavoritesService::of(m_api))
        disconnect(favorites, nullptr, this, nullptr);
    if (m_api)
        disconnect(m_api, &ApiClient::reachableChanged, this, nullptr);
    m_api = api;
    if (auto* favorites = FavoritesService::of(m_api))
        connect(favorites, &FavoritesService::favoriteChanged, this,
                &ListingListModel::showFavorite);
    // A list that failed to load loads again once the server is back.
    if (m_api)
        connect(m_api, &ApiClient::reachableChanged, this, [this] {
            if (m_api->reachable() && !m_errorMessage.isEmpty())
                refresh();
        });
    emit apiChanged();
    filterWasChanged();
}

template <typename T> void ListingListModel::updateFilter(T& member, const T& value) {
    if (member == value)
        return;
    member = value;
    filterWasChanged();
}

void ListingListModel::setSource(Source value) {
    updateFilter(m_source, value);
}
void ListingListModel::setQuery(const QString& value) {
    updateFilter(m_query, value);
}
void ListingListModel::setCategoryId(const QString& value) {
    updateFilter(m_categoryId, value);
}
void ListingListModel::setMinPrice(const QString& value) {
    updateFilter(m_minPrice, value);
}
void ListingListModel::setMaxPrice(const QString& value) {
    updateFilter(m_maxPrice, value);
}
void ListingListModel::setSaleType(const QString& value) {
    updateFilter(m_saleType, value);
}
void ListingListModel::setSort(const QString& value) {
    updateFilter(m_sort, value);
}
void ListingListModel::setSellerId(const QString& value) {
    updateFilter(m_sellerId, value);
}
void ListingListModel::setRecentlyViewed(RecentlyViewed* recent) {
    if (m_recentlyViewed == recent)
        return;
    if (m_recentlyViewed)
        disconnect(m_recentlyViewed, nullptr, this, nullptr);
    m_recentlyViewed = recent;
    if (m_recentlyViewed)
        connect(m_recentlyViewed, &RecentlyViewed::changed, this, &ListingListModel::filterWasChanged);
    filterWasChanged();
}
void ListingListModel::setPageSize(int value) {
    updateFilter(m_pageSize, value);
}

void ListingListModel::setDebounceMs(int ms) {
    if (m_debounce.interval() == ms)
        return;
    m_debounce.setInterval(ms);
    emit filterChanged();
}

void ListingListModel::filterWasChanged() {
    m_rowsMatchFilter = false;
    emit filterChanged();
    if (m_complete)
        m_debounce.start();
}

ListingQuery ListingListModel::listingQuery() const {
    ListingQuery q;
    q.text = m_query;
    q.categoryId = m_categoryId;
    q.saleType = m_saleType;
    q.sort = m_sort;
    q.sellerId = m_sellerId;
    q.limit = m_pageSize;
    // Typed prices are in won (or the currency's major unit); the API wants minor units.
    if (const qint64 min = MoneyFormat::parse(m_minPrice, "KRW"); min >= 0)
        q.minPrice = min;
    if (const qint64 max = MoneyFormat::parse(m_maxPrice, "KRW"); max >= 0)
        q.maxPrice = max;
    return q;
}

void ListingListModel::refresh() {
    m_debounce.stop();
    if (!m_api || !m_complete)
        return;
    ++m_generation;
    setLoading(true, false);
    fetch({});
}

void ListingListModel::loadMore() {
    if (!m_api || m_loading || m_loadingMore || m_nextCursor.isEmpty())
        return;
    setLoading(false, true);
    fetch(m_nextCursor);
}

void ListingListModel::fetch(const QString& cursor) {
    // What was seen, as it was seen: reading each listing again would count a view for it.
    if (m_source == Recent) {
        replaceAll(m_recentlyViewed ? m_recentlyViewed->listings() : QList<Listing>{});
        m_rowsMatchFilter = true;
        m_loaded = true;
        m_nextCursor.clear();
        setError({});
        setLoading(false, false);
        return;
    }
    const int generation = m_generation;
    auto answer = [this, generation, first = cursor.isEmpty()](Result<Page<Listing>> page) {
        if (generation != m_generation)
            return; // an older search answering late
        if (!page) {
            // Rows of another search under this one's heading would be wrong:
            // better none, and the error, than the old ones.
            if (first && !m_rowsMatchFilter)
                replaceAll({});
            setError(page.error().message);
            setLoading(false, false);
            return;
        }
        if (auto* favorites = FavoritesService::of(m_api)) {
            for (Listing& l : page->items)
                favorites->reconcile(l);
        }
        m_nextCursor = page->nextCursor;
        if (first) {
            replaceAll(std::move(page->items));
            m_rowsMatchFilter = true;
            m_loaded = true;
        } else {
            append(std::move(page->items));
        }
        setError({});
        setLoading(false, false);
    };
    ListingsApi listings(m_api);
    if (m_source == Favorites)
        listings.favorites(m_pageSize, cursor, this, std::move(answer));
    else
        listings.search(listingQuery(), cursor, this, std::move(answer));
}

void ListingListModel::addToFavorites(const QString& listingId) {
    if (!m_api || listingId.isEmpty())
        return;
    const int row = rowOf(listingId);
    const bool shown = row >= 0 && m_items.at(row).isFavorite.value_or(false);
    const qint64 count = row >= 0 ? m_items.at(row).favoriteCount : 0;
    FavoritesService::of(m_api)->setFavorite(listingId, true, shown, count, this,
                                             [this, listingId](Result<FavoriteState> answer) {
                                                 if (!answer) {
                                                     setError(answer.error().message);
                                                     return;
                                                 }
                                                 emit favoriteSaved(listingId, true);
                                                 refresh();
                                             });
}

void ListingListModel::setFavorite(const QString& listingId, bool favorite) {
    const int row = rowOf(listingId);
    if (!m_api || row < 0)
        return;
    const Listing& l = m_items.at(row);
    const bool was = l.isFavorite.value_or(false);
    if (was == favorite)
        return;
    FavoritesService::of(m_api)->setFavorite(
        listingId, favorite, was, l.favoriteCount, this,
        [this, listingId, favorite](Result<FavoriteState> answer) {
            if (answer)
                emit favoriteSaved(listingId, favorite);
            else
                setError(answer.error().message);
        });
}

void ListingListModel::showFavorite(const QString& listingId, bool favorite, qint64 favoriteCount) {
    const int row = rowOf(listingId);
    if (row < 0)
        return;
    m_items[row].isFavorite = favorite;
    m_items[row].favoriteCount = favoriteCount;
    emit dataChanged(index(row), index(row), {IsFavoriteRole, FavoriteCountRole});
}

void ListingListModel::deleteListing(const QString& listingId) {
    if (!m_api)
        return;
    ListingsApi(m_api).remove(listingId, this, [this, listingId](Result<void> done) {
        if (!done) {
            setError(done.error().message);
            return;
        }
        const int row = rowOf(listingId);
        if (row >= 0) {
            beginRemoveRows({}, row, row);
            m_items.removeAt(row);
            endRemoveRows();
            emit countChanged();
            followAuctions();
        }
        emit listingDeleted(listingId);
    });
}

void ListingListModel::setStatus(const QString& listingId, const QString& status) {
    if (!m_api)
        return;
    ListingsApi(m_api).update(listingId, QJsonObject{{"status", status}}, this,
                              [this, listingId](Result<Listing> changed) {
                                  if (!changed) {
                                      setError(changed.error().message);
                                      return;
                                  }
                                  const QString now = ListingLabels::statusText(changed->status);
                                  const int row = rowOf(listingId);
                                  if (row >= 0) {
                                      changed->isFavorite = m_items.at(row).isFavorite;
                                      m_items[row] = std::move(changed.value());
                                      emit dataChanged(index(row), index(row));
                                  }
                                  emit statusChanged(listingId, now);
                              });
}

QString ListingListModel::listingIdAt(int row) const {
    return row >= 0 && row < m_items.size() ? m_items.at(row).id : QString();
}

void ListingListModel::replaceAll(QList<Listing> items) {
    const int oldCount = int(m_items.size());
    const int newCount = int(items.size());
    const int common = qMin(oldCount, newCount);
    for (int i = 0; i < common; ++i)
        m_items[i] = std::move(items[i]);
    if (common > 0)
        emit dataChanged(index(0), index(common - 1));
    if (newCount < oldCount) {
        beginRemoveRows({}, newCount, oldCount - 1);
        m_items.erase(m_items.begin() + newCount, m_items.end());
        endRemoveRows();
    } else if (newCount > oldCount) {
        beginInsertRows({}, oldCount, newCount - 1);
        for (int i = oldCount; i < newCount; ++i)
            m_items.append(std::move(items[i]));
        endInsertRows();
    }
    if (oldCount != newCount)
        emit countChanged();
    followAuctions();
}

void ListingListModel::setRealtime(RealtimeClient* realtime) {
    if (m_auctions.realtime() == realtime)
        return;
    m_auctions.setRealtime(realtime);
    emit apiChanged();
}

void ListingListModel::tickAuctions() {
    for (int i = 0; i < m_items.size(); ++i) {
        if (isRunningAuction(m_items.at(i)))
            emit dataChanged(index(i), index(i),
                             {TimeLeftRole, EndingSoonRole, AuctionRunningRole});
    }
}

void ListingListModel::followAuctions() {
    QStringList running;
    for (const Listing& l : std::as_const(m_items)) {
        if (isRunningAuction(l))
            running.append(l.id);
    }
    m_auctions.follow(running);
    if (running.isEmpty())
        m_auctionClock.stop();
    else
        m_auctionClock.start();
}

void ListingListModel::showAuction(const QString& listingId, const bitmarket::Auction& auction) {
    const int row = rowOf(listingId);
    if (row < 0 || !m_items.at(row).auction)
        return;
    const bitmarket::Auction& shown = *m_items.at(row).auction;
    if (auction.state == bitmarket::auction::kRunning && auction.bidCount < shown.bidCount)
        return; // a frame older than the row
    m_items[row].auction = auction;
    emit dataChanged(index(row), index(row),
                     {PriceTextRole, PriceAmountRole, BidCountRole, TimeLeftRole, EndingSoonRole,
                      AuctionRunningRole});
}

void ListingListModel::append(QList<Listing> items) {
    // Cursor pages never overlap, but a listing edited between pages can move; show it once.
    QList<Listing> fresh;
    for (Listing& l : items) {
        if (rowOf(l.id) < 0)
            fresh.append(std::move(l));
    }
    if (fresh.isEmpty())
        return;
    const int first = int(m_items.size());
    beginInsertRows({}, first, first + int(fresh.size()) - 1);
    m_items.append(std::move(fresh));
    endInsertRows();
    emit countChanged();
    followAuctions();
}

int ListingListModel::rowOf(const QString& listingId) const {
    for (int i = 0; i < m_items.size(); ++i) {
        if (m_items.at(i).id == listingId)
            return i;
    }
    return -1;
}

void ListingListModel::setError(const QString& message) {
    if (m_errorMessage == message)
        return;
    m_errorMessage = message;
    emit errorMessageChanged();
}

void ListingListModel::setLoading(bool loading, bool more) {
    m_loading = loading;
    m_loadingMore = more;
    emit loadingChanged();
}
