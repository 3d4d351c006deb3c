// An auction's public bid history, newest first, as the bid panel lists it: who bid and the
// price their bid made (nobody's maximum), paged with the server's cursor. LiveAuction asks
// it to read the first page again when a bid arrives live.
#pragma once

#include "api/ApiClient.h"
#include "bitmarket/ApiTypes.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

class BidHistoryModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("A LiveAuction has one as its history")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(bool hasMore READ hasMore NOTIFY countChanged)

public:
    static constexpr int kPageSize = 20;

    enum Role {
        BidIdRole = Qt::UserRole + 1,
        BidderNameRole,
        AmountTextRole,
        TimeAgoRole,
        IsYouRole
    };

    explicit BidHistoryModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setApi(ApiClient* api) { m_api = api; }
    void setListingId(const QString& listingId);
    void setUserId(const QString& userId);
    bool hasMore() const { return !m_nextCursor.isEmpty(); }
    // The newest bid's bidder: the leader while it runs, the winner once it sold.
    QString topBidderId() const { return m_items.isEmpty() ? QString() : m_items.first().bidderId; }
    QString topBidderName() const;

    // The first page, soon: bids that arrive together are read once.
    void reloadSoon();
    Q_INVOKABLE void reload();
    Q_INVOKABLE void loadMore();

signals:
    void countChanged();

private:
    QPointer<ApiClient> m_api;
    QString m_listingId;
    QString m_userId;
    QList<bitmarket::Bid> m_items;
    QString m_nextCursor;
    bool m_loading = false;
    int m_generation = 0;
    QTimer m_soon;
};
