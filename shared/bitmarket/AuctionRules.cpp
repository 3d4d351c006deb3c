#include "bitmarket/AuctionRules.h"

#include <iterator>

namespace bitmarket::auction {

namespace {

// Won: 500 under 10,000, 1,000 under 50,000, ... 100,000 from 5,000,000.
constexpr IncrementTier kWholeUnitTiers[] = {
    {0, 500},          {10'000, 1'000},   {50'000, 2'000},     {100'000, 5'000},
    {500'000, 10'000}, {1'000'000, 20'000}, {5'000'000, 100'000}};

// Cents: $0.05 under $1, $0.25 under $5, ... $100 from $5,000.
constexpr IncrementTier kCentTiers[] = {
    {0, 5},          {100, 25},       {500, 50},        {2'500, 100},     {10'000, 250},
    {25'000, 500},   {50'000, 1'000}, {100'000, 2'500}, {250'000, 5'000}, {500'000, 10'000}};

} // namespace

const IncrementTier* incrementTiers(const QString& currency, int* count) {
    if (Money::minorDigits(currency) == 0) {
        *count = static_cast<int>(std::size(kWholeUnitTiers));
        return kWholeUnitTiers;
    }
    *count = static_cast<int>(std::size(kCentTiers));
    return kCentTiers;
}

Money tieredIncrement(const Money& price) {
    int count = 0;
    const IncrementTier* tiers = incrementTiers(price.currency, &count);
    qint64 step = tiers[0].step;
    for (int i = 0; i < count && price.amount >= tiers[i].from; ++i)
        step = tiers[i].step;
    return Money{step, price.currency};
}

Money incrementAt(const Money& price, qint64 sellerIncrement) {
    return sellerIncrement > 0 ? Money{sellerIncrement, price.currency} : tieredIncrement(price);
}

void fillNextBid(Auction& a, qint64 sellerIncrement) {
    a.minIncrement = incrementAt(a.currentPrice, sellerIncrement);
    a.minNextBid = a.bidCount == 0
                       ? a.startPrice
                       : Money{a.currentPrice.amount + a.minIncrement.amount, a.currentPrice.currency};
}

} // namespace bitmarket::auction
