#include "auctions/BidHistoryModel.h"

#include "api/AuctionsApi.h"
#include "bitmarket/Timestamp.h"
#include "format/MoneyFormat.h"
#include "format/RelativeTime.h"

using bitmarket::Bid;
using bitmarket::Result;

BidHistoryModel::BidHistoryModel(QObject* parent) : QAbstractListModel(parent) {
    m_soon.setSingleShot(true);
    m_soon.setInterval(250);
    connect(&m_soon, &QTimer::timeout, this, &BidHistoryModel::reload);
}

int BidHistoryModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_items.size());
}

QVariant BidHistoryModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= m_items.size())
        return {};
    const Bid& b = m_items.at(index.row());
    switch (role) {
    case BidIdRole:
        return b.id;
    case BidderNameRole:
        return b.bidderName;
    case AmountTextRole:
        return MoneyFormat::format(b.amount);
    case TimeAgoRole:
        return RelativeTime::since(b.createdAtMs, bitmarket::nowMs());
    case IsYouRole:
        return !m_userId.isEmpty() && b.bidderId == m_userId;
    default:
        return {};
    }
}

QHash<int, QByteArray> BidHistoryModel::roleNames() const {
    return {{BidIdRole, "bidId"},
            {BidderNameRole, "bidderName"},
            {AmountTextRole, "amountText"},
            {TimeAgoRole, "timeAgo"},
            {IsYouRole, "isYou"}};
}

QString BidHistoryModel::topBidderName() const {
    return m_items.isEmpty() ? QString() : m_items.first().bidderName;
}

void BidHistoryModel::setListingId(const QString& listingId) {
    if (m_listingId == listingId)
        return;
    m_listingId = listingId;
    ++m_generation;
    m_nextCursor.clear();
    beginResetModel();
    m_items.clear();
    endResetModel();
    emit countChanged();
}

void BidHistoryModel::setUserId(const QString& userId) {
    if (m_userId == userId)
        return;
    m_userId = userId;
    if (!m_items.isEmpty())
        emit dataChanged(index(0), index(int(m_items.size()) - 1), {IsYouRole});
}

void BidHistoryModel::reloadSoon() {
    m_soon.start();
}

void BidHistoryModel::reload() {
    m_soon.stop();
    if (!m_api || m_listingId.isEmpty())
        return;
    const int generation = ++m_generation;
    m_loading = true;
    AuctionsApi(m_api).bids(m_listingId, kPageSize, {}, this,
                            [this, generation](Result<Page<Bid>> page) {
                                if (generation != m_generation)
                                    return;
                                m_loading = false;
                                if (!page)
                                    return;
                                beginResetModel();
                                m_items = page->items;
                                endResetModel();
                                m_nextCursor = page->nextCursor;
                                emit countChanged();
                            });
}

void BidHistoryModel::loadMore() {
    if (!m_api || m_loading || m_nextCursor.isEmpty())
        return;
    const int generation = m_generation;
    m_loading = true;
    AuctionsApi(m_api).bids(
        m_listingId, kPageSize, m_nextCursor, this, [this, generation](Result<Page<Bid>> page) {
            if (generation != m_generation)
                return;
            m_loading = false;
            if (!page)
                return;
            QList<Bid> fresh;
            for (const Bid& b : page->items) {
                if (std::none_of(m_items.cbegin(), m_items.cend(),
                                 [&](const Bid& known) { return known.id == b.id; }))
                    fresh.append(b);
            }
            m_nextCursor = page->nextCursor;
            if (!fresh.isEmpty()) {
                beginInsertRows({}, int(m_items.size()), int(m_items.size() + fresh.size()) - 1);
                m_items.append(fresh);
                endInsertRows();
            }
            emit countChanged();
        });
}
