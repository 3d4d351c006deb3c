// "My bids": the auctions the signed-in user bid on, newest activity first as GET /me/bids
// lists them, with where they stand in each (leading, outbid, won, lost), their maximum, the
// current price and the time left. It follows listing:{id} of every running one, so a bid
// by someone else turns "leading" into "outbid" in the row as it happens.
#pragma once

#include "api/ApiClient.h"
#include "auctions/AuctionFollower.h"
#include "bitmarket/ApiTypes.h"
#include "realtime/RealtimeClient.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

class MyBidsModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(ApiClient* api READ api WRITE setApi NOTIFY apiChanged)
    Q_PROPERTY(RealtimeClient* realtime READ realtime WRITE setRealtime NOTIFY apiChanged)
    Q_PROPERTY(QString userId READ userId WRITE setUserId NOTIFY userIdChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(bool loaded READ loaded NOTIFY loadingChanged)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY loadingChanged)

public:
    static constexpr int kPageSize = 20;

    enum Role {
        ListingIdRole = Qt::UserRole + 1,
        TitleRole,
        ThumbUrlRole,
        StatusRole, // leading, outbid, won, lost
        StatusTextRole,
        YourMaxTextRole,
        CurrentPriceTextRole,
        BidCountRole,
        RunningRole,
        TimeLeftRole,
        EndingSoonRole,
    };

    explicit MyBidsModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    ApiClient* api() const { return m_api; }
    void setApi(ApiClient* api);
    RealtimeClient* realtime() const { return m_follower.realtime(); }
    void setRealtime(RealtimeClient* realtime);
    QString userId() const { return m_userId; }
    void setUserId(const QString& userId);
    bool loading() const { return m_loading; }
    bool loaded() const { return m_loaded; }
    QString errorMessage() const { return m_errorMessage; }

    Q_INVOKABLE void reload();
    Q_INVOKABLE void loadMore();

    bool eventFilter(QObject* watched, QEvent* event) override;

signals:
    void apiChanged();
    void userIdChanged();
    void countChanged();
    void loadingChanged();

private:
    void showAuction(const QString& listingId, const bitmarket::Auction& auction);
    // Where the user stands once the auction moved: the server's word until then.
    static QString standingIn(const bitmarket::Auction& auction, const QString& userId,
                              const QString& previous);
    void followRunning();
    void tick();
    void setLoading(bool loading);

    QPointer<ApiClient> m_api;
    QString m_userId;
    QList<bitmarket::MyBid> m_items;
    AuctionFollower m_follower;
    QString m_nextCursor;
    QString m_errorMessage;
    bool m_loading = false;
    bool m_loaded = false;
    int m_generation = 0;
    QTimer m_clock;
};
