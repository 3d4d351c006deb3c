// The proxy ladder rule by rule, without a server: the visible price after each bid, who leads,
// the reserve jump, equal maximums, raising one's own maximum, the minimum next bid, the tiered
// increment and the late-bid extension.
#include "auctions/ProxyBidding.h"

#include <QTest>

using namespace bitmarket::server::auctions;

namespace {

constexpr qint64 kEnd = 10'000'000;
constexpr qint64 kWindow = 120'000;

AuctionStanding fresh(qint64 start, qint64 increment, std::optional<qint64> reserve = {}) {
    AuctionStanding s;
    s.listingSeq = 1;
    s.currency = QStringLiteral("KRW");
    s.startPrice = start;
    s.sellerIncrement = increment;
    s.reservePrice = reserve;
    s.state = QStringLiteral("running");
    s.endsAtMs = kEnd;
    s.price = start;
    return s;
}

// Places a bid an hour before the end; fails the test when it is refused.
BidAccepted bid(AuctionStanding& s, const QString& who, qint64 max, qint64 at = kEnd - 3'600'000) {
    const BidDecision d = ProxyBidding::place(s, who, std::nullopt, max, at, kWindow);
    const auto* accepted = std::get_if<BidAccepted>(&d);
    if (!accepted)
        qFatal("bid of %lld by %s refused", static_cast<long long>(max), qPrintable(who));
    s = accepted->after;
    return *accepted;
}

} // namespace

class ProxyBiddingTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void oneBidderPaysTheStartPrice() {
        AuctionStanding s = fresh(10'000, 1'000);
        const BidAccepted a = bid(s, "ann", 50'000);
        QVERIFY(a.leading);
        QCOMPARE(s.price, 10'000);
        QCOMPARE(s.leaderId, QStringLiteral("ann"));
        QCOMPARE(s.bidCount, 1);
        QCOMPARE(s.bidderCount, 1);
        QCOMPARE(s.minNextBid(), 11'000);
    }

    void theLadderIsTheSecondMaxPlusOneIncrementCappedAtTheLeadersMax() {
        AuctionStanding s = fresh(10'000, 1'000);
        bid(s, "ann", 50'000);
        // Below the leader's max: ann stays ahead, the price is bob's max plus one increment.
        const BidAccepted b = bid(s, "bob", 20'000);
        QVERIFY(!b.leading);
        QVERIFY(b.outbidUserId.isEmpty());
        QCOMPARE(s.leaderId, QStringLiteral("ann"));
        QCOMPARE(s.price, 21'000);
        // Above it: cy leads at ann's max plus one increment, and ann is told she was outbid.
        const BidAccepted c = bid(s, "cy", 80'000);
        QVERIFY(c.leading);
        QCOMPARE(c.outbidUserId, QStringLiteral("ann"));
        QCOMPARE(s.price, 51'000);
        // Just above the leader's max: capped at the new leader's own max.
        const BidAccepted d = bid(s, "dee", 80'500);
        QVERIFY(d.leading);
        QCOMPARE(s.price, 80'500);
        QCOMPARE(s.bidderCount, 4);
        QCOMPARE(s.bidCount, 4);
    }

    void equalMaximumsLeaveTheEarlierBidAhead() {
        AuctionStanding s = fresh(10'000, 1'000);
        bid(s, "ann", 30'000);
        const BidAccepted b = bid(s, "bob", 30'000);
        QVERIFY(!b.leading);
        QCOMPARE(s.leaderId, QStringLiteral("ann"));
        QCOMPARE(s.price, 30'000);
        QCOMPARE(s.minNextBid(), 31'000);
    }

    void aBidBelowTheMinimumIsRefusedWithTheMinimum() {
        AuctionStanding s = fresh(10'000, 1'000);
        auto first = ProxyBidding::place(s, "ann", std::nullopt, 9'999, kEnd - 3'600'000, kWindow);
        QCOMPARE(std::get<BidTooLow>(first).minNextBid, 10'000);
        bid(s, "ann", 10'000);
        auto second = ProxyBidding::place(s, "bob", std::nullopt, 10'500, kEnd - 3'600'000, kWindow);
        QCOMPARE(std::get<BidTooLow>(second).minNextBid, 11'000);
        QCOMPARE(s.bidCount, 1); // a refused bid changes nothing
    }

    void theLeaderMayRaiseTheirMaxWithoutRaisingThePrice() {
        AuctionStanding s = fresh(10'000, 1'000);
        bid(s, "ann", 20'000);
        bid(s, "bob", 15'000);
        QCOMPARE(s.price, 16'000);
        const BidDecision lower = ProxyBidding::place(s, "ann", 20'000, 20'000, kEnd - 3'600'000, kWindow);
        QCOMPARE(std::get<BidNotAboveOwnMax>(lower).currentMax, 20'000);
        const BidDecision raise = ProxyBidding::place(s, "ann", 20'000, 60'000, kEnd - 3'600'000, kWindow);
        const BidAccepted& raised = std::get<BidAccepted>(raise);
        QVERIFY(raised.leading);
        QVERIFY(!raised.newBidder);
        QCOMPARE(raised.after.price, 16'000);
        QCOMPARE(raised.after.leaderMax, 60'000);
        QCOMPARE(raised.after.bidCount, 3); // it counts as a bid in the history
        QCOMPARE(raised.after.bidderCount, 2);
    }

    void thePriceJumpsToTheReserveOnceTheLeadersMaxMeetsIt() {
        AuctionStanding s = fresh(10'000, 1'000, 40'000);
        bid(s, "ann", 30'000);
        QCOMPARE(s.price, 10'000);
        QVERIFY(!s.reserveMet());
        bid(s, "bob", 45'000);
        QCOMPARE(s.price, 40'000); // 31,000 by the ladder, lifted to the reserve
        QVERIFY(s.reserveMet());
        // Raising one's own max to meet the reserve lifts the price to it as well.
        AuctionStanding t = fresh(10'000, 1'000, 40'000);
        bid(t, "ann", 20'000);
        const BidDecision raise = ProxyBidding::place(t, "ann", 20'000, 40'000, kEnd - 3'600'000, kWindow);
        QCOMPARE(std::get<BidAccepted>(raise).after.price, 40'000);
    }

    void theTieredIncrementGrowsWithThePrice() {
        AuctionStanding s = fresh(9'000, 0); // tiered: 500 under 10,000 won, then 1,000
        bid(s, "ann", 100'000);
        QCOMPARE(s.minNextBid(), 9'500);
        bid(s, "bob", 9'800);
        QCOMPARE(s.price, 10'300);
        QCOMPARE(s.minNextBid(), 11'300);
    }

    void aLateBidMovesTheEndToTheWindowAfterIt() {
        AuctionStanding s = fresh(10'000, 1'000);
        bid(s, "ann", 20'000, kEnd - 10 * 60'000);
        QCOMPARE(s.endsAtMs, kEnd);
        QVERIFY(!s.extended);
        bid(s, "bob", 30'000, kEnd - 30'000);
        QCOMPARE(s.endsAtMs, kEnd - 30'000 + kWindow);
        QVERIFY(s.extended);
    }

    void buyNowIsOfferedUntilTheFirstBidOrUntilTheReserveIsMet() {
        AuctionStanding plain = fresh(10'000, 1'000);
        plain.buyNowPrice = 90'000;
        QVERIFY(plain.buyNowOffered());
        bid(plain, "ann", 20'000);
        QVERIFY(!plain.buyNowOffered());

        AuctionStanding reserved = fresh(10'000, 1'000, 50'000);
        reserved.buyNowPrice = 90'000;
        bid(reserved, "ann", 20'000);
        QVERIFY(reserved.buyNowOffered());
        bid(reserved, "bob", 60'000);
        QVERIFY(!reserved.buyNowOffered());
    }
};

QTEST_APPLESS_MAIN(ProxyBiddingTest)
#include "ProxyBiddingTest.moc"
