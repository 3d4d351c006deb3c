// Listings as a grid or list sees them: a search (text, category, price
// range, sale type, sort), a seller's listings or the user's favorites, paged
// with the server's cursors. Filter changes reload after a short pause so
// typing does not send a request per key, and new results replace the old rows
// in place, so the grid does not blink empty in between. Auction rows show their
// current price and the time left, which counts down by itself; with `realtime`
// set, their bids and their close arrive live.
#pragma once

#include "api/ApiClient.h"
#include "api/ListingsApi.h"
#include "auctions/AuctionFollower.h"
#include "listings/RecentlyViewed.h"
#include "bitmarket/ApiTypes.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QQmlParserStatus>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

class ListingListModel : public QAbstractListModel, public QQmlParserStatus {
    Q_OBJECT
    QML_ELEMENT
    Q_INTERFACES(QQmlParserStatus)
    Q_PROPERTY(ApiClient* api READ api WRITE setApi NOTIFY apiChanged)
    Q_PROPERTY(RealtimeClient* realtime READ realtime WRITE setRealtime NOTIFY apiChanged)
    Q_PROPERTY(Source source READ source WRITE setSource NOTIFY filterChanged)
    Q_PROPERTY(QString query READ query WRITE setQuery NOTIFY filterChanged)
    Q_PROPERTY(QString categoryId READ categoryId WRITE setCategoryId NOTIFY filterChanged)
    Q_PROPERTY(QString minPrice READ minPrice WRITE setMinPrice NOTIFY filterChanged)
    Q_PROPERTY(QString maxPrice READ maxPrice WRITE setMaxPrice NOTIFY filterChanged)
    Q_PROPERTY(QString saleType READ saleType WRITE setSaleType NOTIFY filterChanged)
    Q_PROPERTY(QString sort READ sort WRITE setSort NOTIFY filterChanged)
    Q_PROPERTY(QString sellerId READ sellerId WRITE setSellerId NOTIFY filterChanged)
    Q_PROPERTY(RecentlyViewed* recentlyViewed READ recentlyViewed WRITE setRecentlyViewed NOTIFY
                   filterChanged)
    Q_PROPERTY(int pageSize READ pageSize WRITE setPageSize NOTIFY filterChanged)
    Q_PROPERTY(int debounceMs READ debounceMs WRITE setDebounceMs NOTIFY filterChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(bool loadingMore READ loadingMore NOTIFY loadingChanged)
    Q_PROPERTY(bool loaded READ loaded NOTIFY loadingChanged)
    Q_PROPERTY(bool hasMore READ hasMore NOTIFY loadingChanged)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY errorMessageChanged)

public:
    // Recent: the listings this person opened lately, as they were then (recentlyViewed).
    enum Source { Search, Favorites, Recent };
    Q_ENUM(Source)

    enum Role {
        ListingIdRole = Qt::UserRole + 1,
        TitleRole,
        PriceTextRole,
        PriceAmountRole,
        CurrencyRole,
        RegionRole,
        TimeAgoRole,
        ThumbUrlRole,
        HasModelRole,
        IsFavoriteRole,
        FavoriteCountRole,
        StatusRole,
        SaleTypeRole,
        ConditionRole,
        StatusTextRole,
        IsAuctionRole,
        BidCountRole,
        // "3 h 12 min": what is left of a running auction; "Sold", "Ended" once over.
        TimeLeftRole,
        EndingSoonRole,
        AuctionRunningRole,
        ViewCountRole,
        // "none", "queued", "running", "done" or "failed".
        ModelStatusRole,
    };

    explicit ListingListModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

    void classBegin() override {}
    // Prices and ages are formatted here: redo them when the UI language changes.
    bool eventFilter(QObject* watched, QEvent* event) override;
    void componentComplete() override;

    ApiClient* api() const { return m_api; }
    void setApi(ApiClient* api);
    RealtimeClient* realtime() const { return m_auctions.realtime(); }
    void setRealtime(RealtimeClient* realtime);
    Source source() const { return m_source; }
    void setSource(Source source);
    QString query() const { return m_query; }
    void setQuery(const QString& query);
    QString categoryId() const { return m_categoryId; }
    void setCategoryId(const QString& id);
    QString minPrice() const { return m_minPrice; }
    void setMinPrice(const QString& text);
    QString maxPrice() const { return m_maxPrice; }
    void setMaxPrice(const QString& text);
    QString saleType() const { return m_saleType; }
    void setSaleType(const QString& saleType);
    QString sort() const { return m_sort; }
    void setSort(const QString& sort);
    QString sellerId() const { return m_sellerId; }
    RecentlyViewed* recentlyViewed() const { return m_recentlyViewed; }
    void setRecentlyViewed(RecentlyViewed* recent);
    void setSellerId(const QString& id);
    int pageSize() const { return m_pageSize; }
    void setPageSize(int size);
    int debounceMs() const { return m_debounce.interval(); }
    void setDebounceMs(int ms);

    bool loading() const { return m_loading; }
    bool loadingMore() const { return m_loadingMore; }
    bool loaded() const { return m_loaded; }
    bool hasMore() const { return !m_nextCursor.isEmpty(); }
    QString errorMessage() const { return m_errorMessage; }

    // Reloads from the first page now (the refresh action and pull-to-refresh).
    Q_INVOKABLE void refresh();
    Q_INVOKABLE void loadMore();
    Q_INVOKABLE void setFavorite(const QString& listingId, bool favorite);
    // The heart pressed before signing in, now that the user has: adds the favorite, then
    // reloads, so the answer supersedes a reload the sign-in started before the server had it.
    Q_INVOKABLE void addToFavorites(const QString& listingId);
    // Deletes one of the user's own listings; the row goes once the server agrees.
    Q_INVOKABLE void deleteListing(const QString& listingId);
    // The seller marks a listing reserved, sold, ended or active again.
    Q_INVOKABLE void setStatus(const QString& listingId, const QString& status);
    Q_INVOKABLE QString listingIdAt(int row) const;

signals:
    void apiChanged();
    void filterChanged();
    void countChanged();
    void loadingChanged();
    void errorMessageChanged();
    void listingDeleted(const QString& listingId);
    // statusText: the new status in the UI language.
    void statusChanged(const QString& listingId, const QString& statusText);
    // The server agreed to a heart toggled with setFavorite().
    void favoriteSaved(const QString& listingId, bool favorite);

private:
    template <typename T> void updateFilter(T& member, const T& value);
    void filterWasChanged();
    ListingQuery listingQuery() const;
    // The first page (replacing the rows) or the next one (appending to them).
    void fetch(const QString& cursor);
    void showFavorite(const QString& listingId, bool favorite, qint64 favoriteCount);
    void replaceAll(QList<bitmarket::Listing> items);
    void append(QList<bitmarket::Listing> items);
    int rowOf(const QString& listingId) const;
    void setError(const QString& message);
    void setLoading(bool loading, bool more);
    void tickAuctions();
    // Follows the running auctions among the rows, and counts their time down.
    void followAuctions();
    void showAuction(const QString& listingId, const bitmarket::Auction& auction);

    QPointer<ApiClient> m_api;
    QList<bitmarket::Listing> m_items;
    Source m_source = Search;
    QString m_query;
    QString m_categoryId;
    QString m_minPrice;
    QString m_maxPrice;
    QString m_saleType;
    QString m_sort = QStringLiteral("newest");
    QString m_sellerId;
    QPointer<RecentlyViewed> m_recentlyViewed;
    int m_pageSize = 20;
    QString m_nextCursor;
    QString m_errorMessage;
    bool m_rowsMatchFilter = false; // the rows answer the current filter
    bool m_loading = false;
    bool m_loadingMore = false;
    bool m_loaded = false;
    bool m_complete = false;
    int m_generation = 0;
    QTimer m_debounce;
    QTimer m_auctionClock; // runs while a row is a running auction
    AuctionFollower m_auctions;
};
