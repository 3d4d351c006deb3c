// One side of the user's orders as the Orders page's tab lists them, newest first: what was
// bought or sold (photo and title), who the other side is, the amount and the status. The app's
// OrderBook owns two (buying, selling) and hands each order.updated to both; an order of this
// side the list did not have yet goes on top.
#pragma once

#include "api/OrdersApi.h"
#include "bitmarket/ApiTypes.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

class OrderListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The application's Orders provides them")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(bool hasMore READ hasMore NOTIFY countChanged)

public:
    static constexpr int kPageSize = 30;

    enum Role {
        OrderIdRole = Qt::UserRole + 1,
        ThumbUrlRole,
        TitleRole,
        CounterpartTextRole,
        AmountTextRole,
        MethodTextRole,
        StatusRole,
        StatusTextRole,
        TimeTextRole,
    };

    // `side` is "buyer" or "seller": the user's part in the orders listed.
    OrderListModel(QString side, ApiClient* api, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    bool loading() const { return m_loading; }
    bool hasMore() const { return !m_nextCursor.isEmpty(); }

    // Whose orders: empty when nobody is signed in (the list is empty then).
    void setUserId(const QString& userId);
    Q_INVOKABLE void reload();
    Q_INVOKABLE void loadMore();
    // The order as the server now has it: updated in place, or put on top if it is this side's.
    void apply(const bitmarket::Order& order);
    // Words are made here: word them again in the new language.
    void retranslate();

signals:
    void countChanged();
    void loadingChanged();

private:
    int rowOf(const QString& orderId) const;
    void setLoading(bool loading);

    QString m_side;
    OrdersApi m_calls;
    QString m_userId;
    QList<bitmarket::Order> m_orders;
    QString m_nextCursor;
    bool m_loading = false;
    int m_generation = 0;
    ApiClient* m_api;
};
