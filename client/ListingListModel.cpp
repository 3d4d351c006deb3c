#include "ListingListModel.h"

#include "ApiClient.h"
#include "MoneyFormat.h"
#include "RelativeTime.h"
#include "bitmarket/Timestamp.h"

#include <QCoreApplication>
#include <QEvent>
#include <QJsonArray>

using bitmarket::ApiError;
using bitmarket::Listing;

ListingListModel::ListingListModel(QObject* parent) : QAbstractListModel(parent) {
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(300);
    connect(&m_debounce, &QTimer::timeout, this, &ListingListModel::refresh);
    QCoreApplication::instance()->installEventFilter(this);
}

bool ListingListModel::eventFilter(QObject* watched, QEvent* event) {
    if (watched == QCoreApplication::instance() && event->type() == QEvent::LanguageChange &&
        !m_items.isEmpty())
        emit dataChanged(index(0), index(int(m_items.size()) - 1), {PriceTextRole, TimeAgoRole});
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
        return MoneyFormat::format(l.price);
    case PriceAmountRole:
        return l.price.amount;
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
            {ConditionRole, "condition"}};
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
    m_api = api;
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
    emit filterChanged();
    if (m_complete)
        m_debounce.start();
}

QUrlQuery ListingListModel::requestQuery(const QString& cursor) const {
    QUrlQuery q;
    q.addQueryItem("limit", QString::number(m_pageSize));
    if (!cursor.isEmpty())
        q.addQueryItem("cursor", cursor);
    if (m_source == Favorites)
        return q;
    const auto addIfSet = [&q](const char* key, const QString& value) {
        if (!value.trimmed().isEmpty())
            q.addQueryItem(QLatin1String(key), value.trimmed());
    };
    addIfSet("q", m_query);
    addIfSet("category", m_categoryId);
    addIfSet("saleType", m_saleType);
    addIfSet("sort", m_sort);
    addIfSet("sellerId", m_sellerId);
    // Typed prices are in won (or the currency's major unit); the API wants minor units.
    if (const qint64 min = MoneyFormat::parse(m_minPrice, "KRW"); min >= 0)
        q.addQueryItem("minPrice", QString::number(min));
    if (const qint64 max = MoneyFormat::parse(m_maxPrice, "KRW"); max >= 0)
        q.addQueryItem("maxPrice", QString::number(max));
    return q;
}

void ListingListModel::refresh() {
    m_debounce.stop();
    if (!m_api || !m_complete)
        return;
    const int generation = ++m_generation;
    setLoading(true, false);
    const QString path =
        m_source == Favorites ? QStringLiteral("/me/favorites") : QStringLiteral("/listings");
    ApiCall* call = m_api->get(path, requestQuery({}));
    connect(call, &ApiCall::succeeded, this, [this, generation](const QJsonObject& body) {
        if (generation != m_generation)
            return; // an older search answering late
        QList<Listing> items;
        for (const QJsonValue& v : body.value("items").toArray())
            items.append(Listing::fromJson(v.toObject()));
        m_nextCursor = body.value("nextCursor").toString();
        replaceAll(std::move(items));
        m_loaded = true;
        setError({});
        setLoading(false, false);
    });
    connect(call, &ApiCall::failed, this, [this, generation](const ApiError& error) {
        if (generation != m_generation)
            return;
        setError(error.message);
        setLoading(false, false);
    });
}

void ListingListModel::loadMore() {
    if (!m_api || m_loading || m_loadingMore || m_nextCursor.isEmpty())
        return;
    const int generation = m_generation;
    setLoading(false, true);
    const QString path =
        m_source == Favorites ? QStringLiteral("/me/favorites") : QStringLiteral("/listings");
    ApiCall* call = m_api->get(path, requestQuery(m_nextCursor));
    connect(call, &ApiCall::succeeded, this, [this, generation](const QJsonObject& body) {
        if (generation != m_generation)
            return;
        QList<Listing> items;
        for (const QJsonValue& v : body.value("items").toArray())
            items.append(Listing::fromJson(v.toObject()));
        m_nextCursor = body.value("nextCursor").toString();
        append(std::move(items));
        setError({});
        setLoading(false, false);
    });
    connect(call, &ApiCall::failed, this, [this, generation](const ApiError& error) {
        if (generation != m_generation)
            return;
        setError(error.message);
        setLoading(false, false);
    });
}

void ListingListModel::addToFavorites(const QString& listingId) {
    if (!m_api || listingId.isEmpty())
        return;
    ApiCall* call = m_api->put(QStringLiteral("/listings/%1/favorite").arg(listingId));
    connect(call, &ApiCall::succeeded, this, [this, listingId] {
        emit favoriteSaved(listingId, true);
        refresh();
    });
    connect(call, &ApiCall::failed, this,
            [this](const ApiError& error) { setError(error.message); });
}

void ListingListModel::setFavorite(const QString& listingId, bool favorite) {
    const int row = rowOf(listingId);
    if (!m_api || row < 0)
        return;
    Listing& l = m_items[row];
    const bool was = l.isFavorite.value_or(false);
    if (was == favorite)
        return;
    // Optimistic: the heart answers the click at once and goes back if the server says no.
    l.isFavorite = favorite;
    l.favoriteCount += favorite ? 1 : -1;
    emit dataChanged(index(row), index(row), {IsFavoriteRole, FavoriteCountRole});
    const QString path = QStringLiteral("/listings/%1/favorite").arg(listingId);
    ApiCall* call = favorite ? m_api->put(path) : m_api->del(path);
    connect(call, &ApiCall::succeeded, this,
            [this, listingId, favorite] { emit favoriteSaved(listingId, favorite); });
    connect(call, &ApiCall::failed, this, [this, listingId, was](const ApiError& error) {
        const int r = rowOf(listingId);
        if (r >= 0) {
            m_items[r].isFavorite = was;
            m_items[r].favoriteCount += was ? 1 : -1;
            emit dataChanged(index(r), index(r), {IsFavoriteRole, FavoriteCountRole});
        }
        setError(error.message);
    });
}

void ListingListModel::deleteListing(const QString& listingId) {
    if (!m_api)
        return;
    ApiCall* call = m_api->del(QStringLiteral("/listings/%1").arg(listingId));
    connect(call, &ApiCall::succeeded, this, [this, listingId] {
        const int row = rowOf(listingId);
        if (row >= 0) {
            beginRemoveRows({}, row, row);
            m_items.removeAt(row);
            endRemoveRows();
            emit countChanged();
        }
        emit listingDeleted(listingId);
    });
    connect(call, &ApiCall::failed, this,
            [this](const ApiError& error) { setError(error.message); });
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
