#include "auctions/MyBidsModel.h"

#include "api/AuctionsApi.h"
#include "auctions/AuctionLabels.h"
#include "bitmarket/AuctionRules.h"
#include "bitmarket/Timestamp.h"
#include "format/MoneyFormat.h"
#include "realtime/RealtimeClient.h"

#include <QCoreApplication>
#include <QEvent>

using bitmarket::Auction;
using bitmarket::MyBid;
using bitmarket::Result;
namespace rules = bitmarket::auction;

namespace {

bool isRunning(const MyBid& bid) {
    return bid.listing.auction && bid.listing.auction->state == rules::kRunning;
}

qint64 msLeft(const MyBid& bid) {
    return isRunning(bid) ? bid.listing.auction->endsAtMs - bitmarket::nowMs() : 0;
}

} // namespace

MyBidsModel::MyBidsModel(QObject* parent) : QAbstractListModel(parent) {
    m_clock.setTimerType(Qt::PreciseTimer);
    m_clock.setInterval(AuctionLabels::kClockTickMs);
    connect(&m_clock, &QTimer::timeout, this, &MyBidsModel::tick);
    connect(&m_follower, &AuctionFollower::auctionChanged, this, &MyBidsModel::showAuction);
    // What moved while the socket was down is only in a fresh page.
    connect(&m_follower, &AuctionFollower::reconnected, this, [this] {
        if (m_loaded)
            reload();
    });
    QCoreApplication::instance()->installEventFilter(this);
}

bool MyBidsModel::eventFilter(QObject* watched, QEvent* event) {
    if (watched == QCoreApplication::instance() && event->type() == QEvent::LanguageChange &&
        !m_items.isEmpty())
        emit dataChanged(index(0), index(int(m_items.size()) - 1));
    return QAbstractListModel::eventFilter(watched, event);
}

int MyBidsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_items.size());
}

QVariant MyBidsModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= m_items.size())
        return {};
    const MyBid& b = m_items.at(index.row());
    const bitmarket::Listing& l = b.listing;
    switch (role) {
    case ListingIdRole:
        return l.id;
    case TitleRole:
        return l.title;
    case ThumbUrlRole:
        return m_api ? m_api->mediaUrl(l.thumbUrl) : QUrl();
    case StatusRole:
        return b.status;
    case StatusTextRole:
        return AuctionLabels::standing(b.status);
    case YourMaxTextRole:
        return MoneyFormat::format(b.yourMax);
    case CurrentPriceTextRole:
        return l.auction
                   ? MoneyFormat::format(l.auction->finalPrice.value_or(l.auction->currentPrice))
                   : MoneyFormat::format(l.price);
    case BidCountRole:
        return l.auction ? l.auction->bidCount : 0;
    case RunningRole:
        return isRunning(b);
    case TimeLeftRole:
        return AuctionLabels::shortTimeLeft(msLeft(b));
    case EndingSoonRole:
        return isRunning(b) && msLeft(b) <= AuctionLabels::kFinalMinutesMs;
    default:
        return {};
    }
}

QHash<int, QByteArray> MyBidsModel::roleNames() const {
    return {{ListingIdRole, "listingId"},
            {TitleRole, "title"},
            {ThumbUrlRole, "thumbUrl"},
            {StatusRole, "status"},
            {StatusTextRole, "statusText"},
            {YourMaxTextRole, "yourMaxText"},
            {CurrentPriceTextRole, "currentPriceText"},
            {BidCountRole, "bidCount"},
            {RunningRole, "running"},
            {TimeLeftRole, "timeLeft"},
            {EndingSoonRole, "endingSoon"}};
}

void MyBidsModel::setApi(ApiClient* api) {
    if (m_api == api)
        return;
    m_api = api;
    emit apiChanged();
}

void MyBidsModel::setRealtime(RealtimeClient* realtime) {
    if (m_follower.realtime() == realtime)
        return;
    m_follower.setRealtime(realtime);
    emit apiChanged();
}

void MyBidsModel::setUserId(const QString& userId) {
    if (m_userId == userId)
        return;
    m_userId = userId;
    emit userIdChanged();
    ++m_generation;
    beginResetModel();
    m_items.clear();
    endResetModel();
    followRunning();
    m_nextCursor.clear();
    m_loaded = false;
    emit countChanged();
    setLoading(false);
}

void MyBidsModel::reload() {
    if (!m_api || m_userId.isEmpty())
        return;
    const int generation = ++m_generation;
    setLoading(true);
    AuctionsApi(m_api).myBids(kPageSize, {}, this, [this, generation](Result<Page<MyBid>> page) {
        if (generation != m_generation)
            return;
        if (!page) {
            m_errorMessage = page.error().message;
            setLoading(false);
            return;
        }
        m_errorMessage.clear();
        beginResetModel();
        m_items = page->items;
        endResetModel();
        m_nextCursor = page->nextCursor;
        m_loaded = true;
        followRunning();
        emit countChanged();
        setLoading(false);
    });
}

void MyBidsModel::loadMore() {
    if (!m_api || m_loading || m_nextCursor.isEmpty())
        return;
    const int generation = m_generation;
    setLoading(true);
    AuctionsApi(m_api).myBids(kPageSize, m_nextCursor, this,
                              [this, generation](Result<Page<MyBid>> page) {
                                  if (generation != m_generation)
                                      return;
                                  if (page && !page->items.isEmpty()) {
                                      beginInsertRows({}, int(m_items.size()),
                                                      int(m_items.size() + page->items.size()) - 1);
                                      m_items.append(page->items);
                                      endInsertRows();
                                      emit countChanged();
                                      followRunning();
                                  }
                                  if (page)
                                      m_nextCursor = page->nextCursor;
                                  setLoading(false);
                              });
}

QString MyBidsModel::standingIn(const Auction& auction, const QString& userId,
                                const QString& previous) {
    if (userId.isEmpty())
        return previous;
    if (auction.state == rules::kRunning)
        return auction.leaderId == userId ? rules::kLeading : rules::kOutbid;
    if (auction.state == rules::kEnded)
        return auction.winnerId == userId ? rules::kWon : rules::kLost;
    return rules::kLost;
}

void MyBidsModel::showAuction(const QString& listingId, const Auction& auction) {
    for (int i = 0; i < m_items.size(); ++i) {
        MyBid& b = m_items[i];
        if (b.listing.id != listingId || !b.listing.auction)
            continue;
        if (auction.state == rules::kRunning && auction.bidCount < b.listing.auction->bidCount)
            return; // a frame older than what the row shows
        b.listing.auction = auction;
        b.status = standingIn(auction, m_userId, b.status);
        emit dataChanged(index(i), index(i));
    }
}

void MyBidsModel::followRunning() {
    QStringList running;
    for (const MyBid& b : std::as_const(m_items)) {
        if (isRunning(b))
            running.append(b.listing.id);
    }
    m_follower.follow(running);
    if (running.isEmpty())
        m_clock.stop();
    else
        m_clock.start();
}

void MyBidsModel::tick() {
    bool anyRunning = false;
    for (int i = 0; i < m_items.size(); ++i) {
        if (!isRunning(m_items.at(i)))
            continue;
        anyRunning = true;
        emit dataChanged(index(i), index(i), {TimeLeftRole, EndingSoonRole});
    }
    if (!anyRunning)
        m_clock.stop();
}

void MyBidsModel::setLoading(bool loading) {
    m_loading = loading;
    emit loadingChanged();
}
