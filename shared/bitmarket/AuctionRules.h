// The rules of an auction that the sell form shows before it sends and the
// server enforces: how long one may run, the late-bid window, and the tiered
// increment a seller gets when they leave the increment to the table.
#pragma once

#include "bitmarket/ApiTypes.h"
#include "bitmarket/Money.h"

#include <QString>

namespace bitmarket::auction {

// The shortest auction a seller may create; the server's --min-auction-seconds lowers it
// for demos and tests.
constexpr qint64 kShortestMs = 3600LL * 1000;
constexpr qint64 kLongestMs = 14LL * 24 * 3600 * 1000;
// A bid this close to the end moves the end to this long after the bid (--auction-extension-seconds).
constexpr qint64 kLateBidWindowMs = 120LL * 1000;

inline const QString kRunning = QStringLiteral("running");
inline const QString kEnded = QStringLiteral("ended");
inline const QString kCancelled = QStringLiteral("cancelled");

// GET /me/bids: where the caller stands in an auction.
inline const QString kLeading = QStringLiteral("leading");
inline const QString kOutbid = QStringLiteral("outbid");
inline const QString kWon = QStringLiteral("won");
inline const QString kLost = QStringLiteral("lost");

// The increment in force at `price` when the seller chose none: it grows with the price,
// in steps a bidder can add in their head (zero-decimal currencies such as KRW by won,
// two-decimal ones by cents).
Money tieredIncrement(const Money& price);

// The increment in force at `price`: the seller's (`sellerIncrement` > 0), or the tier.
Money incrementAt(const Money& price, qint64 sellerIncrement);

// Sets `a.minIncrement` and `a.minNextBid` from its current price and bid count: the start
// price until the first bid, then the current price plus the increment in force.
void fillNextBid(Auction& a, qint64 sellerIncrement);

// One row of the tiered table, for the sell form: prices from `from` (inclusive) take `step`.
struct IncrementTier {
    qint64 from;
    qint64 step;
};
// The table for a currency, lowest price first.
const IncrementTier* incrementTiers(const QString& currency, int* count);

} // namespace bitmarket::auction
