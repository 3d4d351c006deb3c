#include "auctions/AuctionLabels.h"

#include "bitmarket/AuctionRules.h"
#include "bitmarket/NotificationRules.h"

namespace {

constexpr qint64 kMinuteMs = 60LL * 1000;
constexpr qint64 kHourMs = 60 * kMinuteMs;
constexpr qint64 kDayMs = 24 * kHourMs;

// Seconds count while less than an hour is left; whole minutes are enough above.
QString clock(qint64 msLeft) {
    const qint64 seconds = (msLeft + 999) / 1000;
    return QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

QString AuctionLabels::shortTimeLeft(qint64 msLeft) {
    if (msLeft <= 0)
        return tr("Ended");
    if (msLeft >= kDayMs)
        return tr("%1 d %2 h").arg(msLeft / kDayMs).arg((msLeft % kDayMs) / kHourMs);
    if (msLeft >= kHourMs)
        return tr("%1 h %2 min").arg(msLeft / kHourMs).arg((msLeft % kHourMs) / kMinuteMs);
    return clock(msLeft);
}

QString AuctionLabels::timeLeft(qint64 msLeft) {
    if (msLeft <= 0)
        return tr("Ending…");
    return tr("%1 left").arg(shortTimeLeft(msLeft));
}

QString AuctionLabels::outcome(const bitmarket::Auction& auction) {
    if (auction.state == bitmarket::auction::kCancelled)
        return tr("Cancelled");
    return auction.winnerId.isEmpty() ? tr("Ended") : tr("Sold");
}

QString AuctionLabels::standing(const QString& status) {
    namespace a = bitmarket::auction;
    if (status == a::kLeading)
        return tr("Leading");
    if (status == a::kOutbid)
        return tr("Outbid");
    if (status == a::kWon)
        return tr("Won");
    if (status == a::kLost)
        return tr("Lost");
    return status;
}

QString AuctionLabels::notificationType(const QString& type) {
    namespace n = bitmarket::notification;
    if (type == n::kAuctionOutbid)
        return tr("Someone bid more than my maximum");
    if (type == n::kAuctionWon)
        return tr("I won an auction");
    if (type == n::kAuctionLost)
        return tr("An auction I bid on ended without me");
    if (type == n::kAuctionSold)
        return tr("My auction sold");
    if (type == n::kAuctionUnsold)
        return tr("My auction ended unsold");
    return {};
}
