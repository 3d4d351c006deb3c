#include "orders/SellerBalance.h"

#include "format/MoneyFormat.h"
#include "orders/OrderLabels.h"

#include "bitmarket/Timestamp.h"

#include <QCoreApplication>
#include <QEvent>

using bitmarket::Money;
using bitmarket::Result;

SellerBalance::SellerBalance(QObject* parent) : QAbstractListModel(parent) {
    QCoreApplication::instance()->installEventFilter(this);
}

bool SellerBalance::eventFilter(QObject* watched, QEvent* event) {
    if (watched == QCoreApplication::instance() && event->type() == QEvent::LanguageChange) {
        emit balanceChanged();
        if (!m_entries.isEmpty())
            emit dataChanged(index(0), index(int(m_entries.size()) - 1));
    }
    return QAbstractListModel::eventFilter(watched, event);
}

void SellerBalance::setOrders(OrderBook* orders) {
    if (orders == m_orders)
        return;
    if (m_orders)
        disconnect(m_orders, nullptr, this, nullptr);
    m_orders = orders;
    m_calls = orders ? std::make_unique<OrdersApi>(orders->api()) : nullptr;
    if (m_orders)
        connect(m_orders, &OrderBook::orderChanged, this, &SellerBalance::reload);
    emit ordersChanged();
    reload();
}

int SellerBalance::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant SellerBalance::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const LedgerEntry& e = m_entries.at(index.row());
    switch (role) {
    case EntryIdRole:
        return e.id;
    case TextRole:
        return OrderLabels::ledgerText(e.kind, e.account);
    case AmountTextRole: {
        const QString amount = MoneyFormat::format(Money{std::abs(e.amount.amount), e.amount.currency});
        return e.amount.amount < 0 ? QStringLiteral("−") + amount : QStringLiteral("+") + amount;
    }
    case IncomingRole:
        return e.amount.amount > 0;
    case TimeTextRole:
        return OrderLabels::momentText(e.createdAtMs, bitmarket::nowMs());
    case OrderIdRole:
        return e.orderId;
    default:
        return {};
    }
}

QHash<int, QByteArray> SellerBalance::roleNames() const {
    return {{EntryIdRole, "entryId"},   {TextRole, "text"},         {AmountTextRole, "amountText"},
            {IncomingRole, "incoming"}, {TimeTextRole, "timeText"}, {OrderIdRole, "orderId"}};
}

QString SellerBalance::pendingText() const {
    return m_loaded ? MoneyFormat::format(m_balance.pending) : QString();
}

QString SellerBalance::availableText() const {
    return m_loaded ? MoneyFormat::format(m_balance.available) : QString();
}

QString SellerBalance::paidOutText() const {
    return m_loaded ? MoneyFormat::format(m_balance.paidOut) : QString();
}

void SellerBalance::reload() {
    if (!m_calls)
        return;
    const int generation = ++m_generation;
    setLoading(true);
    m_calls->balance(this, [this, generation](Result<Balance> balance) {
        if (generation != m_generation)
            return;
        if (!balance) {
            setLoading(false, balance.error().message);
            return;
        }
        m_balance = *balance;
        m_loaded = true;
        emit balanceChanged();
    });
    m_calls->ledger(kPageSize, {}, this, [this, generation](Result<Page<LedgerEntry>> page) {
        if (generation != m_generation)
            return;
        setLoading(false, page ? QString() : page.error().message);
        if (!page)
            return;
        beginResetModel();
        m_entries = page->items;
        m_nextCursor = page->nextCursor;
        endResetModel();
        emit countChanged();
    });
}

void SellerBalance::loadMore() {
    if (!m_calls || m_nextCursor.isEmpty() || m_loading)
        return;
    const int generation = m_generation;
    setLoading(true);
    m_calls->ledger(kPageSize, m_nextCursor, this, [this, generation](Result<Page<LedgerEntry>> page) {
        if (generation != m_generation)
            return;
        setLoading(false, page ? QString() : page.error().message);
        if (!page)
            return;
        if (!page->items.isEmpty()) {
            beginInsertRows({}, int(m_entries.size()), int(m_entries.size() + page->items.size()) - 1);
            m_entries.append(page->items);
            endInsertRows();
        }
        m_nextCursor = page->nextCursor;
        emit countChanged();
    });
}

void SellerBalance::setLoading(bool loading, const QString& error) {
    m_loading = loading;
    m_errorMessage = error;
    emit loadingChanged();
}
