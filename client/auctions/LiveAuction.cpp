#include "auctions/LiveAuction.h"

#include "api/AuctionsApi.h"
#include "auctions/AuctionLabels.h"
#include "bitmarket/AuctionRules.h"
#include "bitmarket/Timestamp.h"
#include "format/MoneyFormat.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QEvent>
#include <QLocale>
#include <cmath>
#include <memory>

using bitmarket::Auction;
using bitmarket::Money;
using bitmarket::Order;
using bitmarket::Result;
namespace rules = bitmarket::auction;

namespace {
// How long after its end an auction may take to say it closed before the panel asks.
constexpr int kCloseGraceMs = 2500;
} // namespace

LiveAuction::LiveAuction(QObject* parent) : QObject(parent) {
    m_clock.setTimerType(Qt::PreciseTimer);
    m_clock.setInterval(AuctionLabels::kClockTickMs);
    connect(&m_clock, &QTimer::timeout, this, &LiveAuction::tick);
    // The winner's name comes from the history's newest bid.
    connect(&m_history, &BidHistoryModel::countChanged, this, &LiveAuction::changed);
    QCoreApplication::instance()->installEventFilter(this);
}

bool LiveAuction::eventFilter(QObject* watched, QEvent* event) {
    if (watched == QCoreApplication::instance() && event->type() == QEvent::LanguageChange) {
        emit changed();
        emit clockChanged();
    }
    return QObject::eventFilter(watched, event);
}

void LiveAuction::setApi(ApiClient* api) {
    m_api = api;
    m_history.setApi(api);
}

void LiveAuction::setUserId(const QString& userId) {
    if (m_userId == userId)
        return;
    m_userId = userId;
    m_history.setUserId(userId);
    emit changed();
}

void LiveAuction::show(const QString& listingId, const QString& sellerId,
                       const std::optional<Auction>& auction) {
    if (listingId != m_listingId) {
        m_listingId = listingId;
        m_pendingAmount = -1;
        m_pendingKey.clear();
        m_buyNowKey.clear();
        setError({});
        m_history.setListingId(listingId);
    }
    m_sellerId = sellerId;
    if (!auction) {
        m_auction.reset();
        m_clock.stop();
        emit changed();
        emit clockChanged();
        return;
    }
    apply(*auction);
    m_history.reload();
}

bool LiveAuction::isOlderThanShown(const Auction& auction) const {
    return m_auction && auction.state == rules::kRunning && m_auction->state == rules::kRunning &&
           auction.bidCount < m_auction->bidCount;
}

void LiveAuction::showPublic(const Auction& auction) {
    if (!m_auction || isOlderThanShown(auction))
        return;
    Auction next = auction;
    if (!next.yourMax)
        next.yourMax = m_auction->yourMax;
    if (!next.reservePrice)
        next.reservePrice = m_auction->reservePrice;
    apply(std::move(next));
    m_history.reloadSoon();
}

void LiveAuction::apply(Auction auction) {
    if (!m_auction || m_auction->endsAtMs != auction.endsAtMs || m_auction->state != auction.state)
        m_askedAfterEnd = false;
    m_auction = std::move(auction);
    if (running())
        m_clock.start();
    else
        m_clock.stop();
    emit changed();
    emit clockChanged();
}

void LiveAuction::tick() {
    emit clockChanged();
    // The close comes as a frame within a second of the end; if none came (the socket was
    // down), the listing says how it ended.
    if (running() && msLeft() <= -kCloseGraceMs && !m_askedAfterEnd) {
        m_askedAfterEnd = true;
        emit reloadWanted();
    }
}

qint64 LiveAuction::msLeft() const {
    return m_auction ? m_auction->endsAtMs - bitmarket::nowMs() : 0;
}

QString LiveAuction::state() const {
    return m_auction ? m_auction->state : QString();
}

bool LiveAuction::running() const {
    return m_auction && m_auction->state == rules::kRunning;
}

bool LiveAuction::isSeller() const {
    return !m_userId.isEmpty() && m_sellerId == m_userId;
}

QString LiveAuction::currentPriceText() const {
    return m_auction ? MoneyFormat::format(m_auction->currentPrice) : QString();
}

QString LiveAuction::minNextBidText() const {
    return m_auction ? MoneyFormat::format(m_auction->minNextBid) : QString();
}

QString LiveAuction::minNextBidInput() const {
    if (!m_auction)
        return {};
    const Money& m = m_auction->minNextBid;
    const int digits = Money::minorDigits(m.currency);
    return QLocale().toString(double(m.amount) / std::pow(10.0, digits), 'f', digits);
}

bool LiveAuction::buyNowOffered() const {
    // Until the first bid; with a reserve, until the reserve is met.
    return running() && m_auction->buyNowPrice &&
           !(m_auction->bidCount > 0 && m_auction->reserveMet);
}

QString LiveAuction::buyNowPriceText() const {
    return m_auction && m_auction->buyNowPrice ? MoneyFormat::format(*m_auction->buyNowPrice)
                                               : QString();
}

QString LiveAuction::reservePriceText() const {
    return m_auction && m_auction->reservePrice ? MoneyFormat::format(*m_auction->reservePrice)
                                                : QString();
}

bool LiveAuction::reserveNotMet() const {
    // Before a bid nobody but the seller knows whether there is a reserve.
    if (!m_auction)
        return false;
    if (m_auction->bidCount == 0)
        return m_auction->reservePrice.has_value();
    return !m_auction->reserveMet;
}

QString LiveAuction::endsAtText() const {
    if (!m_auction || m_auction->endsAtMs <= 0)
        return {};
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(m_auction->endsAtMs),
                              QLocale::ShortFormat);
}

QString LiveAuction::timeLeftText() const {
    if (!m_auction)
        return {};
    if (m_auction->state == rules::kCancelled)
        return tr("Cancelled");
    if (m_auction->state == rules::kEnded)
        return tr("Ended");
    return AuctionLabels::timeLeft(msLeft());
}

bool LiveAuction::endingSoon() const {
    return running() && msLeft() <= AuctionLabels::kFinalMinutesMs;
}

QString LiveAuction::yourMaxText() const {
    return hasYourMax() ? MoneyFormat::format(*m_auction->yourMax) : QString();
}

bool LiveAuction::leading() const {
    return m_auction && !m_userId.isEmpty() && m_auction->leaderId == m_userId;
}

bool LiveAuction::outbid() const {
    return running() && hasYourMax() && !leading();
}

bool LiveAuction::youWon() const {
    return sold() && !m_userId.isEmpty() && m_auction->winnerId == m_userId;
}

QString LiveAuction::winnerName() const {
    if (!sold())
        return {};
    if (youWon())
        return tr("you");
    return m_history.topBidderId() == m_auction->winnerId ? m_history.topBidderName() : QString();
}

QString LiveAuction::finalPriceText() const {
    if (!m_auction)
        return {};
    return MoneyFormat::format(m_auction->finalPrice.value_or(m_auction->currentPrice));
}

qint64 LiveAuction::parseAmount(const QString& text) const {
    return MoneyFormat::parse(text,
                              m_auction ? m_auction->minNextBid.currency : QStringLiteral("KRW"));
}

bool LiveAuction::placeBid(const QString& maxText) {
    if (!m_api || !m_auction || m_busy)
        return false;
    if (!running()) {
        setError(tr("This auction has ended."));
        return false;
    }
    if (isSeller()) {
        setError(tr("You cannot bid on your own listing."));
        return false;
    }
    const qint64 amount = parseAmount(maxText);
    if (amount <= 0) {
        setError(tr("Enter your maximum in numbers, like %1.").arg(minNextBidInput()));
        return false;
    }
    if (leading() && hasYourMax() && amount <= m_auction->yourMax->amount) {
        setError(tr("Your maximum is already %1: enter more to raise it.").arg(yourMaxText()));
        return false;
    }
    if (!leading() && amount < m_auction->minNextBid.amount) {
        setError(tr("Bid at least %1.").arg(minNextBidText()));
        return false;
    }
    if (amount != m_pendingAmount || m_pendingKey.isEmpty()) {
        m_pendingAmount = amount;
        m_pendingKey = AuctionsApi::newIdempotencyKey();
    }
    setError({});
    setBusy(true);
    const Money max{amount, m_auction->minNextBid.currency};
    auto sent = std::make_shared<QPointer<ApiCall>>();
    *sent = AuctionsApi(m_api).placeBid(
        m_listingId, max, m_pendingKey, this, [this, sent](Result<bitmarket::PlacedBid> placed) {
            onBidAnswered(std::move(placed), *sent && (*sent)->wasUnreachable());
        });
    return true;
}

void LiveAuction::onBidAnswered(Result<bitmarket::PlacedBid> placed, bool unreachable) {
    setBusy(false);
    // Not answered at all: the same bid tried again is the same request.
    if (placed || !unreachable) {
        m_pendingAmount = -1;
        m_pendingKey.clear();
    }
    if (!placed) {
        const bitmarket::ApiError& error = placed.error();
        // Too low: the refusal carries the minimum the server takes now.
        const QJsonObject minimum = error.details.value("minNextBid").toObject();
        if (error.code == bitmarket::ErrorCode::BidTooLow && !minimum.isEmpty() && running()) {
            m_auction->minNextBid = Money{minimum.value("amount").toInteger(),
                                          minimum.value("currency").toString("KRW")};
            emit changed();
        }
        setError(error.message);
        emit reloadWanted();
        return;
    }
    // A later bid's frame may have come first: keep it, with this user's new maximum.
    if (isOlderThanShown(placed->auction)) {
        m_auction->yourMax = placed->yourMax;
        emit changed();
    } else {
        apply(placed->auction);
    }
    m_history.reloadSoon();
    emit bidAccepted(placed->leading);
}

void LiveAuction::buyNow() {
    if (!m_api || !buyNowOffered() || m_busy || isSeller())
        return;
    if (m_buyNowKey.isEmpty())
        m_buyNowKey = AuctionsApi::newIdempotencyKey();
    setError({});
    setBusy(true);
    auto sent = std::make_shared<QPointer<ApiCall>>();
    *sent = AuctionsApi(m_api).buyNow(m_listingId, m_buyNowKey, this,
                                      [this, sent](Result<Order> order) {
                                          setBusy(false);
                                          if (!(*sent && (*sent)->wasUnreachable()))
                                              m_buyNowKey.clear();
                                          if (!order)
                                              setError(order.error().message);
                                          else
                                              emit boughtNow(order->id);
                                          emit reloadWanted();
                                      });
}

void LiveAuction::cancelAuction() {
    if (!m_api || !isSeller() || !running() || bidCount() > 0 || m_busy)
        return;
    setError({});
    setBusy(true);
    AuctionsApi(m_api).cancel(m_listingId, this, [this](Result<bitmarket::Listing> listing) {
        setBusy(false);
        if (!listing)
            setError(listing.error().message);
        else
            emit auctionCancelled();
        emit reloadWanted();
    });
}

void LiveAuction::clearError() {
    setError({});
}

void LiveAuction::setBusy(bool busy) {
    if (m_busy == busy)
        return;
    m_busy = busy;
    emit busyChanged();
}

void LiveAuction::setError(const QString& message) {
    if (m_errorMessage == message)
        return;
    m_errorMessage = message;
    emit errorMessageChanged();
}
