// The seller's money as the balance page shows it: what is held for their paid orders until
// the buyers confirm (pending), what is theirs to be paid out (available), and what was paid
// out; below it the ledger, newest first, each entry in the product's words with its amount.
// It reads again when one of the user's orders changes (a completion moves money).
#pragma once

#include "api/OrdersApi.h"
#include "orders/OrderBook.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

class SellerBalance : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(OrderBook* orders READ orders WRITE setOrders NOTIFY ordersChanged)
    Q_PROPERTY(bool loaded READ loaded NOTIFY balanceChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY loadingChanged)
    Q_PROPERTY(QString pendingText READ pendingText NOTIFY balanceChanged)
    Q_PROPERTY(QString availableText READ availableText NOTIFY balanceChanged)
    Q_PROPERTY(QString paidOutText READ paidOutText NOTIFY balanceChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(bool hasMore READ hasMore NOTIFY countChanged)

public:
    static constexpr int kPageSize = 50;

    enum Role {
        EntryIdRole = Qt::UserRole + 1,
        TextRole,
        AmountTextRole,
        IncomingRole,
        TimeTextRole,
        OrderIdRole,
    };

    explicit SellerBalance(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    OrderBook* orders() const { return m_orders; }
    void setOrders(OrderBook* orders);
    bool loaded() const { return m_loaded; }
    bool loading() const { return m_loading; }
    QString errorMessage() const { return m_errorMessage; }
    QString pendingText() const;
    QString availableText() const;
    QString paidOutText() const;
    bool hasMore() const { return !m_nextCursor.isEmpty(); }

    Q_INVOKABLE void reload();
    Q_INVOKABLE void loadMore();

    bool eventFilter(QObject* watched, QEvent* event) override;

signals:
    void ordersChanged();
    void balanceChanged();
    void loadingChanged();
    void countChanged();

private:
    void setLoading(bool loading, const QString& error = {});

    QPointer<OrderBook> m_orders;
    std::unique_ptr<OrdersApi> m_calls;
    bool m_loaded = false;
    bool m_loading = false;
    QString m_errorMessage;
    Balance m_balance;
    QList<LedgerEntry> m_entries;
    QString m_nextCursor;
    int m_generation = 0;
};
