#include "sell/AuctionTermsDraft.h"

#include "bitmarket/AuctionRules.h"
#include "bitmarket/ListingRules.h"
#include "bitmarket/Money.h"
#include "bitmarket/Timestamp.h"
#include "format/MoneyFormat.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QEvent>
#include <QLocale>
#include <QVariantMap>
#include <algorithm>

using bitmarket::Money;
namespace rules = bitmarket::auction;

namespace {

const QString kCurrency = QStringLiteral("KRW");
constexpr qint64 kHourMs = 3600LL * 1000;
// The choices, all within kShortestMs..kLongestMs.
constexpr int kDurationHours[] = {1, 6, 12, 24, 3 * 24, 7 * 24, 14 * 24};
// The server reads the end a moment after it is sent: a minute inside the allowed range on
// either side keeps the shortest and the longest choice acceptable.
constexpr qint64 kSendMarginMs = 60LL * 1000;

// Empty is "not set" (0); what is not a price is -1.
qint64 optionalAmount(const QString& text) {
    return text.trimmed().isEmpty() ? 0 : MoneyFormat::parse(text, kCurrency);
}

} // namespace

AuctionTermsDraft::AuctionTermsDraft(QObject* parent) : QObject(parent) {
    QCoreApplication::instance()->installEventFilter(this);
}

bool AuctionTermsDraft::eventFilter(QObject* watched, QEvent* event) {
    if (watched == QCoreApplication::instance() && event->type() == QEvent::LanguageChange) {
        emit languageChanged();
        emit startPriceChanged();
    }
    return QObject::eventFilter(watched, event);
}

void AuctionTermsDraft::update(QString& member, const QString& value, const QString& field) {
    if (member == value)
        return;
    member = value;
    emit fieldsChanged();
    emit edited(field);
}

void AuctionTermsDraft::setMinIncrement(const QString& value) {
    update(m_minIncrement, value, QStringLiteral("minIncrement"));
}

void AuctionTermsDraft::setReservePrice(const QString& value) {
    update(m_reservePrice, value, QStringLiteral("reservePrice"));
}

void AuctionTermsDraft::setBuyNowPrice(const QString& value) {
    update(m_buyNowPrice, value, QStringLiteral("buyNowPrice"));
}

void AuctionTermsDraft::setDurationHours(int hours) {
    if (m_durationHours == hours)
        return;
    m_durationHours = hours;
    emit fieldsChanged();
    emit edited(QStringLiteral("duration"));
}

void AuctionTermsDraft::setStartPrice(qint64 amount) {
    if (m_startPrice == amount)
        return;
    m_startPrice = amount;
    emit startPriceChanged();
}

QVariantList AuctionTermsDraft::durations() const {
    QVariantList out;
    if (m_currentEndMs > 0)
        out.append(QVariantMap{
            {"value", kKeepEnd},
            {"text", tr("Keep the current end (%1)")
                         .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(m_currentEndMs),
                                                 QLocale::ShortFormat))}});
    for (const int hours : kDurationHours) {
        const QString text =
            hours < 24 ? tr("%n hour(s)", nullptr, hours) : tr("%n day(s)", nullptr, hours / 24);
        out.append(QVariantMap{{"value", hours}, {"text", text}});
    }
    return out;
}

QString AuctionTermsDraft::defaultIncrementText() const {
    if (m_startPrice <= 0)
        return tr("Leave it empty to use our table: the step grows with the price.");
    const Money step = rules::tieredIncrement(Money{m_startPrice, kCurrency});
    return tr("Leave it empty to use our table: %1 at this start price, more as the price grows.")
        .arg(MoneyFormat::format(step));
}

QString AuctionTermsDraft::incrementTableText() const {
    int count = 0;
    const rules::IncrementTier* tiers = rules::incrementTiers(kCurrency, &count);
    QStringList lines;
    for (int i = 0; i < count; ++i) {
        const QString step = MoneyFormat::format(Money{tiers[i].step, kCurrency});
        lines.append(i + 1 < count
                         ? tr("under %1: %2")
                               .arg(MoneyFormat::format(Money{tiers[i + 1].from, kCurrency}), step)
                         : tr("from %1: %2")
                               .arg(MoneyFormat::format(Money{tiers[i].from, kCurrency}), step));
    }
    return lines.join(QLatin1Char('\n'));
}

void AuctionTermsDraft::validate(qint64 startPrice, QVariantMap& errors) const {
    namespace listing = bitmarket::listing;
    const qint64 increment = optionalAmount(m_minIncrement);
    if (increment < 0 || (!m_minIncrement.trimmed().isEmpty() && increment == 0))
        errors.insert("minIncrement", tr("Enter the step in numbers, or leave it empty."));
    else if (increment > listing::kPriceMax)
        errors.insert("minIncrement", tr("That step is higher than BitMarket allows."));
    const qint64 reserve = optionalAmount(m_reservePrice);
    if (reserve < 0)
        errors.insert("reservePrice", tr("Enter the reserve in numbers, or leave it empty."));
    else if (reserve > 0 && startPrice > 0 && reserve < startPrice)
        errors.insert("reservePrice", tr("The reserve cannot be below the start price."));
    else if (reserve > listing::kPriceMax)
        errors.insert("reservePrice", tr("That price is higher than BitMarket allows."));
    const qint64 buyNow = optionalAmount(m_buyNowPrice);
    if (buyNow < 0)
        errors.insert("buyNowPrice", tr("Enter the buy-now price in numbers, or leave it empty."));
    else if (buyNow > 0 && startPrice > 0 && buyNow <= startPrice)
        errors.insert("buyNowPrice", tr("Buy-now must be above the start price."));
    else if (buyNow > 0 && reserve > 0 && buyNow < reserve)
        errors.insert("buyNowPrice", tr("Buy-now cannot be below the reserve."));
    else if (buyNow > listing::kPriceMax)
        errors.insert("buyNowPrice", tr("That price is higher than BitMarket allows."));
    const qint64 durationMs = m_durationHours * kHourMs;
    const bool keepsEnd = m_durationHours == kKeepEnd && m_currentEndMs > 0;
    if (!keepsEnd && (durationMs < rules::kShortestMs || durationMs > rules::kLongestMs))
        errors.insert("duration", tr("Choose how long the auction runs."));
}

QJsonObject AuctionTermsDraft::toJson(qint64 startPrice, qint64 nowMs) const {
    const qint64 durationMs =
        std::clamp(m_durationHours * kHourMs, rules::kShortestMs + kSendMarginMs,
                   rules::kLongestMs - kSendMarginMs);
    const bool keepsEnd = m_durationHours == kKeepEnd && m_currentEndMs > 0;
    QJsonObject o{{"startPrice", Money{startPrice, kCurrency}.toJson()},
                  {"endsAt", bitmarket::toRfc3339(keepsEnd ? m_currentEndMs : nowMs + durationMs)}};
    if (const qint64 increment = optionalAmount(m_minIncrement); increment > 0)
        o.insert("minIncrement", Money{increment, kCurrency}.toJson());
    if (const qint64 reserve = optionalAmount(m_reservePrice); reserve > 0)
        o.insert("reservePrice", Money{reserve, kCurrency}.toJson());
    if (const qint64 buyNow = optionalAmount(m_buyNowPrice); buyNow > 0)
        o.insert("buyNowPrice", Money{buyNow, kCurrency}.toJson());
    return o;
}

void AuctionTermsDraft::load(const bitmarket::Auction& auction) {
    const auto text = [](const std::optional<Money>& amount) -> QString {
        return amount ? MoneyFormat::amountText(*amount) : QString();
    };
    m_minIncrement = auction.tieredIncrement ? QString() : text(auction.minIncrement);
    m_reservePrice = text(auction.reservePrice);
    m_buyNowPrice = text(auction.buyNowPrice);
    m_currentEndMs = auction.endsAtMs;
    m_durationHours = kKeepEnd;
    emit languageChanged();
    emit fieldsChanged();
}

void AuctionTermsDraft::reset() {
    m_minIncrement.clear();
    m_reservePrice.clear();
    m_buyNowPrice.clear();
    m_durationHours = kDefaultDurationHours;
    m_currentEndMs = 0;
    emit languageChanged();
    emit fieldsChanged();
}
