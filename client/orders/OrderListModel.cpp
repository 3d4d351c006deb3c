#include "orders/OrderListModel.h"

#include "bitmarket/Timestamp.h"
#include "format/MoneyFormat.h"
#include "format/RelativeTime.h"
#include "orders/OrderLabels.h"

using bitmarket::Order;
using bitmarket::Result;

OrderListModel::OrderListModel(QString side, ApiClient* api, QObject* parent)
    : QAbstractListModel(parent), m_side(std::move(side)), m_calls(api), m_api(api) {}

int OrderListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_orders.size());
}

QVariant OrderListModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= m_orders.size())
        return {};
    const Order& o = m_orders.at(index.row());
    switch (role) {
    case OrderIdRole:
        return o.id;
    case ThumbUrlRole:
        return o.listingThumbUrl.isEmpty() ? QUrl() : m_api->mediaUrl(o.listingThumbUrl);
    case TitleRole:
        return o.listingTitle;
    case CounterpartTextRole:
        return m_side == u"buyer" ? tr("From %1").arg(o.sellerName)
                                  : tr("To %1").arg(o.buyerName);
    case AmountTextRole:
        return MoneyFormat::format(o.amount);
    case MethodTextRole:
        return OrderLabels::methodText(o.method);
    case StatusRole:
        return o.status;
    case StatusTextRole:
        return OrderLabels::statusText(o.status);
    case TimeTextRole:
        return RelativeTime::since(o.updatedAtMs, bitmarket::nowMs());
    default:
        return {};
    }
}

QHash<int, QByteArray> OrderListModel::roleNames() const {
    return {{OrderIdRole, "orderId"},       {ThumbUrlRole, "thumbUrl"},
            {TitleRole, "title"},           {CounterpartTextRole, "counterpartText"},
            {AmountTextRole, "amountText"}, {MethodTextRole, "methodText"},
            {StatusRole, "status"},         {StatusTextRole, "statusText"},
            {TimeTextRole, "timeText"}};
}

void OrderListModel::setUserId(const QString& userId) {
    if (userId == m_userId)
        return;
    m_userId = userId;
    ++m_generation;
    beginResetModel();
    m_orders.clear();
    m_nextCursor.clear();
    endResetModel();
    emit countChanged();
    reload();
}

void OrderListModel::reload() {
    if (m_userId.isEmpty())
        return;
    const int generation = ++m_generation;
    setLoading(true);
    m_calls.mine(m_side, kPageSize, {}, this, [this, generation](Result<Page<Order>> page) {
        if (generation != m_generation)
            return;
        setLoading(false);
        if (!page)
            return;
        beginResetModel();
        m_orders = page->items;
        m_nextCursor = page->nextCursor;
        endResetModel();
        emit countChanged();
    });
}

void OrderListModel::loadMore() {
    if (m_userId.isEmpty() || m_nextCursor.isEmpty() || m_loading)
        return;
    const int generation = m_generation;
    setLoading(true);
    m_calls.mine(m_side, kPageSize, m_nextCursor, this, [this, generation](Result<Page<Order>> page) {
        if (generation != m_generation)
            return;
        setLoading(false);
        if (!page)
            return;
        for (const Order& o : page->items) {
            if (rowOf(o.id) >= 0)
                continue;
            beginInsertRows({}, int(m_orders.size()), int(m_orders.size()));
            m_orders.append(o);
            endInsertRows();
        }
        m_nextCursor = page->nextCursor;
        emit countChanged();
    });
}

void OrderListModel::apply(const Order& order) {
    const QString& partyId = m_side == u"buyer" ? order.buyerId : order.sellerId;
    if (m_userId.isEmpty() || partyId != m_userId)
        return;
    const int row = rowOf(order.id);
    if (row >= 0) {
        m_orders[row] = order;
        emit dataChanged(index(row), index(row));
        return;
    }
    beginInsertRows({}, 0, 0);
    m_orders.prepend(order);
    endInsertRows();
    emit countChanged();
}

void OrderListModel::retranslate() {
    if (!m_orders.isEmpty())
        emit dataChanged(index(0), index(int(m_orders.size()) - 1));
}

int OrderListModel::rowOf(const QString& orderId) const {
    for (int i = 0; i < m_orders.size(); ++i) {
        if (m_orders.at(i).id == orderId)
            return i;
    }
    return -1;
}

void OrderListModel::setLoading(bool loading) {
    if (loading == m_loading)
        return;
    m_loading = loading;
    emit loadingChanged();
}
