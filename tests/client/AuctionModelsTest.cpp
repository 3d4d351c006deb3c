// The auction models against the real server (short auctions: --min-auction-seconds 1): the
// bid panel (LiveAuction through ListingDetail) from a bid to being outbid by someone bidding
// over HTTP, live from the frames; too-low bids refused before and by the server, with the
// minimum; what was bid while the socket was down, once it is back; a retried bid that counts
// once; buy-now; the seller's cancel before the first bid
// only; a late bid moving the end; the ended state with the winner and the price; "My bids"
// turning leading into outbid live; cards with the time left; the sell form's auction mode.
#include "api/ApiClient.h"
#include "api/AuctionsApi.h"
#include "auctions/AuctionLabels.h"
#include "auctions/LiveAuction.h"
#include "auctions/MyBidsModel.h"
#include "bitmarket/NotificationRules.h"
#include "bitmarket/Timestamp.h"
#include "listings/ListingDetail.h"
#include "listings/ListingListModel.h"
#include "notifications/AlertSettings.h"
#include "realtime/RealtimeClient.h"
#include "sell/ListingDraft.h"
#include "support/HttpTestClient.h"
#include "support/ServerProcess.h"

#include <QJsonArray>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>

using namespace bitmarket::test;

namespace {

constexpr int kWaitMs = 15000;
// The anti-sniping window of the test server.
constexpr int kExtensionSeconds = 6;

int rowOf(const ListingListModel& model, const QString& listingId) {
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.listingIdAt(row) == listingId)
            return row;
    }
    return -1;
}

QJsonObject won(qint64 amount) {
    return QJsonObject{{"amount", amount}, {"currency", "KRW"}};
}

// One person on the test server: an HTTP client with their token, or an app's ApiClient.
struct Account {
    QString id;
    QString accessToken;
    QString refreshToken;
};

} // namespace

class AuctionModelsTest : public QObject {
    Q_OBJECT

private:
    ServerProcess m_server;
    Account m_seller;
    Account m_buyer;  // the app's user
    Account m_rival;  // bids over HTTP
    int m_titles = 0;

    Account signUp(const QString& username) {
        HttpTestClient http(m_server.httpUrl());
        const HttpResponse r = http.post(
            "/api/v1/auth/register",
            QJsonObject{{"username", username},
                        {"email", username + "@test.local"},
                        {"password", "correct horse " + username},
                        {"displayName", username.left(1).toUpper() + username.mid(1)}});
        const QJsonObject body = r.json();
        return {body.value("user").toObject().value("id").toString(),
                body.value("accessToken").toString(), body.value("refreshToken").toString()};
    }

    std::unique_ptr<HttpTestClient> as(const Account& account) {
        auto http = std::make_unique<HttpTestClient>(m_server.httpUrl());
        http->setAccessToken(account.accessToken);
        return http;
    }

    // An auction by the seller, ending `seconds` from now; its listing id.
    QString createAuction(qint64 startPrice, int seconds, QJsonObject terms = {}) {
        terms.insert("startPrice", won(startPrice));
        terms.insert("endsAt", bitmarket::toRfc3339(bitmarket::nowMs() + seconds * 1000LL));
        const HttpResponse created = as(m_seller)->post(
            "/api/v1/listings",
            QJsonObject{{"title", QStringLiteral("Film camera %1").arg(++m_titles)},
                        {"description", "A rangefinder with its case."},
                        {"categoryId", "other"},
                        {"price", won(startPrice)},
                        {"condition", "good"},
                        {"tags", QJsonArray{"camera"}},
                        {"region", "Seoul"},
                        {"saleType", "auction"},
                        {"auction", terms}});
        if (created.status != 201)
            qWarning("auction not created: %d %s", created.status, created.body.constData());
        return created.json().value("id").toString();
    }

    HttpResponse rivalBids(const QString& listingId, qint64 max) {
        return as(m_rival)->post("/api/v1/listings/" + listingId + "/bids",
                          QJsonObject{{"maxAmount", won(max)}});
    }

    void signIn(ApiClient& api, const Account& account) {
        api.setServerUrl(m_server.httpUrl());
        api.setTokens(account.accessToken, account.refreshToken);
    }

    // The page of one listing as `account` sees it, following its topic; loaded and online.
    struct Page {
        ApiClient api;
        RealtimeClient realtime{&api};
        ListingDetail detail;
    };
    std::unique_ptr<Page> open(const Account& account, const QString& listingId) {
        auto page = std::make_unique<Page>();
        signIn(page->api, account);
        page->detail.setApi(&page->api);
        page->detail.setRealtime(&page->realtime);
        page->detail.auction()->setUserId(account.id);
        page->detail.setListingId(listingId);
        page->realtime.start();
        if (!QTest::qWaitFor([&] { return page->detail.loaded() && page->realtime.online(); },
                             kWaitMs))
            qWarning("the listing page did not load");
        // The subscription is sent once the socket is open; let it arrive.
        QTest::qWait(300);
        return page;
    }

private slots:
    void initTestCase() {
        // Amounts read as the app shows them in English.
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QVERIFY(m_server.start({"--workers", "0", "--min-auction-seconds", "1",
                                "--auction-extension-seconds", QString::number(kExtensionSeconds)}));
        m_seller = signUp("sella");
        m_buyer = signUp("bora");
        m_rival = signUp("ryu");
        QVERIFY(!m_seller.id.isEmpty() && !m_buyer.id.isEmpty() && !m_rival.id.isEmpty());
    }

    void panelFollowsABidAndBeingOutbidLive() {
        const QString id = createAuction(10000, 600);
        QVERIFY(!id.isEmpty());
        auto page = open(m_buyer, id);
        LiveAuction* auction = page->detail.auction();
        QVERIFY(auction->isAuction());
        QVERIFY(auction->running());
        QVERIFY(!auction->isSeller());
        QCOMPARE(auction->bidCount(), 0);
        QCOMPARE(auction->minNextBidText(), QStringLiteral("₩10,000"));
        QVERIFY(auction->timeLeftText().endsWith("left"));
        QVERIFY(!auction->endingSoon());

        QSignalSpy accepted(auction, &LiveAuction::bidAccepted);
        QVERIFY(auction->placeBid("15,000"));
        QVERIFY(accepted.wait(kWaitMs));
        QCOMPARE(accepted.first().first().toBool(), true);
        QVERIFY(auction->leading());
        QCOMPARE(auction->yourMaxText(), QStringLiteral("₩15,000"));
        QCOMPARE(auction->currentPriceText(), QStringLiteral("₩10,000"));
        QCOMPARE(auction->bidCount(), 1);

        // Someone else bids more over HTTP: the panel moves without asking.
        QCOMPARE(rivalBids(id, 20000).status, 201);
        QTRY_VERIFY_WITH_TIMEOUT(auction->outbid(), kWaitMs);
        QVERIFY(!auction->leading());
        QCOMPARE(auction->bidCount(), 2);
        // The second-highest maximum plus one step of the table (₩1,000 from ₩10,000).
        QCOMPARE(auction->currentPriceText(), QStringLiteral("₩16,000"));
        QCOMPARE(auction->yourMaxText(), QStringLiteral("₩15,000"));
        QCOMPARE(auction->minNextBidText(), QStringLiteral("₩17,000"));
        QTRY_COMPARE_WITH_TIMEOUT(auction->history()->rowCount(), 2, kWaitMs);
        const QModelIndex newest = auction->history()->index(0);
        QCOMPARE(newest.data(BidHistoryModel::BidderNameRole).toString(), QStringLiteral("Ryu"));
        QCOMPARE(newest.data(BidHistoryModel::AmountTextRole).toString(), QStringLiteral("₩16,000"));
        QCOMPARE(newest.data(BidHistoryModel::IsYouRole).toBool(), false);
        QCOMPARE(auction->history()->index(1).data(BidHistoryModel::IsYouRole).toBool(), true);
    }

    void bidsMadeWhileTheSocketWasDownShowOnceItIsBack() {
        const QString id = createAuction(10000, 600);
        auto page = open(m_buyer, id);
        LiveAuction* auction = page->detail.auction();
        page->realtime.stop();
        QTRY_VERIFY_WITH_TIMEOUT(!page->realtime.online(), kWaitMs);
        QCOMPARE(rivalBids(id, 12000).status, 201);
        QTest::qWait(500);
        QCOMPARE(auction->bidCount(), 0); // no frame came
        page->realtime.start();
        QTRY_COMPARE_WITH_TIMEOUT(auction->bidCount(), 1, kWaitMs);
        QCOMPARE(auction->minNextBidText(), QStringLiteral("₩11,000"));
    }

    void tooLowBidsAreRefusedWithTheMinimum() {
        const QString id = createAuction(10000, 600);
        auto page = open(m_buyer, id);
        LiveAuction* auction = page->detail.auction();
        QVERIFY(!auction->placeBid("9,000"));
        QCOMPARE(auction->errorMessage(), QStringLiteral("Bid at least ₩10,000."));
        QVERIFY(!auction->placeBid("a lot"));
        QVERIFY(!auction->errorMessage().isEmpty());

        // The server's own refusal, when the panel's minimum is already behind.
        QCOMPARE(rivalBids(id, 30000).status, 201);
        bool done = false;
        AuctionsApi(&page->api).placeBid(
            id, bitmarket::Money{10500, "KRW"}, AuctionsApi::newIdempotencyKey(), this,
            [&](bitmarket::Result<bitmarket::PlacedBid> placed) {
                done = true;
                QVERIFY(!placed);
                QCOMPARE(placed.error().code, bitmarket::ErrorCode::BidTooLow);
                QCOMPARE(placed.error().details.value("minNextBid").toObject().value("amount")
                             .toInteger(),
                         11000); // ₩10,000 plus the table's ₩1,000 from ₩10,000
            });
        QTRY_VERIFY_WITH_TIMEOUT(done, kWaitMs);
    }

    void aRetriedBidCountsOnce() {
        const QString id = createAuction(10000, 600);
        ApiClient api;
        signIn(api, m_buyer);
        const QString key = AuctionsApi::newIdempotencyKey();
        int answered = 0;
        for (int i = 0; i < 2; ++i)
            AuctionsApi(&api).placeBid(id, bitmarket::Money{12000, "KRW"}, key, this,
                                       [&](bitmarket::Result<bitmarket::PlacedBid> placed) {
                                           QVERIFY(placed);
                                           ++answered;
                                       });
        QTRY_COMPARE_WITH_TIMEOUT(answered, 2, kWaitMs);
        HttpTestClient anyone(m_server.httpUrl());
        QCOMPARE(anyone.get("/api/v1/listings/" + id).json().value("auction").toObject()
                     .value("bidCount").toInteger(),
                 1);
    }

    void buyNowEndsTheAuctionWithAnOrder() {
        const QString id = createAuction(10000, 600, QJsonObject{{"buyNowPrice", won(50000)}});
        auto page = open(m_buyer, id);
        LiveAuction* auction = page->detail.auction();
        QVERIFY(auction->buyNowOffered());
        QCOMPARE(auction->buyNowPriceText(), QStringLiteral("₩50,000"));
        QSignalSpy bought(auction, &LiveAuction::boughtNow);
        auction->buyNow();
        QVERIFY(bought.wait(kWaitMs));
        QVERIFY(!bought.first().first().toString().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(!auction->running(), kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(auction->youWon(), kWaitMs);
        QCOMPARE(auction->finalPriceText(), QStringLiteral("₩50,000"));
        QVERIFY(!auction->buyNowOffered());
        QCOMPARE(auction->orderId(), bought.first().first().toString());
    }

    void buyNowGoesWithTheFirstBid() {
        const QString id = createAuction(10000, 600, QJsonObject{{"buyNowPrice", won(50000)}});
        auto page = open(m_buyer, id);
        LiveAuction* auction = page->detail.auction();
        QVERIFY(auction->buyNowOffered());
        QCOMPARE(rivalBids(id, 11000).status, 201);
        QTRY_VERIFY_WITH_TIMEOUT(!auction->buyNowOffered(), kWaitMs);
        QVERIFY(auction->running());
    }

    void sellerCancelsOnlyBeforeTheFirstBid() {
        const QString id = createAuction(10000, 600);
        auto page = open(m_seller, id);
        LiveAuction* auction = page->detail.auction();
        QVERIFY(auction->isSeller());
        QVERIFY(!auction->placeBid("20,000"));
        QSignalSpy cancelled(auction, &LiveAuction::auctionCancelled);
        auction->cancelAuction();
        QVERIFY(cancelled.wait(kWaitMs));
        QTRY_COMPARE_WITH_TIMEOUT(auction->state(), QStringLiteral("cancelled"), kWaitMs);
        QVERIFY(!auction->running());

        const QString bidOn = createAuction(10000, 600);
        QCOMPARE(rivalBids(bidOn, 12000).status, 201);
        bool done = false;
        AuctionsApi(&page->api).cancel(bidOn, this, [&](bitmarket::Result<bitmarket::Listing> l) {
            done = true;
            QVERIFY(!l);
            QCOMPARE(l.error().code, bitmarket::ErrorCode::InvalidState);
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, kWaitMs);
    }

    void aLateBidMovesTheEndForEveryoneWatching() {
        const QString id = createAuction(10000, 5);
        auto page = open(m_buyer, id);
        LiveAuction* auction = page->detail.auction();
        QVERIFY(auction->endingSoon());
        QVERIFY(!auction->extended());
        QCOMPARE(rivalBids(id, 12000).status, 201);
        QTRY_VERIFY_WITH_TIMEOUT(auction->extended(), kWaitMs);
        QVERIFY(auction->running());
        // It runs on for the extension, then closes with the rival as winner.
        QTRY_VERIFY_WITH_TIMEOUT(!auction->running(), (kExtensionSeconds + 8) * 1000);
        QVERIFY(auction->sold());
        QVERIFY(!auction->youWon());
        QTRY_COMPARE_WITH_TIMEOUT(auction->winnerName(), QStringLiteral("Ryu"), kWaitMs);
        QCOMPARE(auction->finalPriceText(), QStringLiteral("₩10,000"));
    }

    void theWinnerSeesTheEndedStateAndMyBidsTheStandings() {
        const QString id = createAuction(10000, 6);
        auto page = open(m_buyer, id);
        LiveAuction* auction = page->detail.auction();
        QSignalSpy accepted(auction, &LiveAuction::bidAccepted);
        QVERIFY(auction->placeBid("14,000"));
        QVERIFY(accepted.wait(kWaitMs));

        MyBidsModel mine;
        mine.setApi(&page->api);
        mine.setRealtime(&page->realtime);
        mine.setUserId(m_buyer.id);
        mine.reload();
        QTRY_VERIFY_WITH_TIMEOUT(mine.loaded(), kWaitMs);
        int row = -1;
        for (int i = 0; i < mine.rowCount(); ++i) {
            if (mine.index(i).data(MyBidsModel::ListingIdRole).toString() == id)
                row = i;
        }
        QVERIFY(row >= 0);
        QCOMPARE(mine.index(row).data(MyBidsModel::StatusRole).toString(), QStringLiteral("leading"));
        QCOMPARE(mine.index(row).data(MyBidsModel::StatusTextRole).toString(), QStringLiteral("Leading"));
        QCOMPARE(mine.index(row).data(MyBidsModel::YourMaxTextRole).toString(),
                 QStringLiteral("₩14,000"));
        QVERIFY(mine.index(row).data(MyBidsModel::RunningRole).toBool());
        QTest::qWait(300); // the row's subscription reaches the server

        // Closed by the server at its end (moved by the bid, which came in the late window).
        QTRY_VERIFY_WITH_TIMEOUT(!auction->running(), (kExtensionSeconds + 8) * 1000);
        QTRY_VERIFY_WITH_TIMEOUT(auction->youWon(), kWaitMs);
        QCOMPARE(auction->winnerName(), QStringLiteral("you"));
        QCOMPARE(auction->finalPriceText(), QStringLiteral("₩10,000"));
        QTRY_VERIFY_WITH_TIMEOUT(!auction->orderId().isEmpty(), kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(mine.index(row).data(MyBidsModel::StatusRole).toString(),
                                  QStringLiteral("won"), kWaitMs);
        QVERIFY(!mine.index(row).data(MyBidsModel::RunningRole).toBool());
    }

    void myBidsTurnsLeadingIntoOutbidLive() {
        const QString id = createAuction(10000, 600);
        ApiClient api;
        signIn(api, m_buyer);
        bool placed = false;
        AuctionsApi(&api).placeBid(id, bitmarket::Money{11000, "KRW"}, {}, this,
                                   [&](bitmarket::Result<bitmarket::PlacedBid> p) { placed = p.ok(); });
        QTRY_VERIFY_WITH_TIMEOUT(placed, kWaitMs);
        RealtimeClient realtime(&api);
        realtime.start();
        QTRY_VERIFY_WITH_TIMEOUT(realtime.online(), kWaitMs);
        MyBidsModel mine;
        mine.setApi(&api);
        mine.setRealtime(&realtime);
        mine.setUserId(m_buyer.id);
        mine.reload();
        QTRY_VERIFY_WITH_TIMEOUT(mine.loaded() && mine.rowCount() > 0, kWaitMs);
        QCOMPARE(mine.index(0).data(MyBidsModel::ListingIdRole).toString(), id);
        QCOMPARE(mine.index(0).data(MyBidsModel::StatusRole).toString(), QStringLiteral("leading"));
        QTest::qWait(300);
        QCOMPARE(rivalBids(id, 25000).status, 201);
        QTRY_COMPARE_WITH_TIMEOUT(mine.index(0).data(MyBidsModel::StatusRole).toString(),
                                  QStringLiteral("outbid"), kWaitMs);
        QCOMPARE(mine.index(0).data(MyBidsModel::CurrentPriceTextRole).toString(),
                 QStringLiteral("₩12,000"));
        QCOMPARE(mine.index(0).data(MyBidsModel::BidCountRole).toInt(), 2);
    }

    void cardsShowTheCurrentPriceAndTimeLeft() {
        const QString id = createAuction(10000, 90);
        QCOMPARE(rivalBids(id, 30000).status, 201);
        QCOMPARE(as(m_buyer)->post("/api/v1/listings/" + id + "/bids",
                                  QJsonObject{{"maxAmount", won(20000)}}).status,
                 201);
        ApiClient api;
        signIn(api, m_buyer);
        RealtimeClient realtime(&api);
        realtime.start();
        QTRY_VERIFY_WITH_TIMEOUT(realtime.online(), kWaitMs);
        ListingListModel cards;
        cards.setApi(&api);
        cards.setRealtime(&realtime);
        cards.setSaleType("auction");
        cards.setSort("ending_soon");
        cards.componentComplete();
        QTRY_VERIFY_WITH_TIMEOUT(cards.loaded() && !cards.loading(), kWaitMs);
        int row = -1;
        for (int i = 0; i < cards.rowCount(); ++i) {
            const QModelIndex at = cards.index(i);
            QVERIFY(at.data(ListingListModel::IsAuctionRole).toBool());
            if (cards.listingIdAt(i) == id)
                row = i;
        }
        QVERIFY(row >= 0);
        const QModelIndex card = cards.index(row);
        QCOMPARE(card.data(ListingListModel::PriceTextRole).toString(), QStringLiteral("₩21,000"));
        QCOMPARE(card.data(ListingListModel::BidCountRole).toInt(), 2);
        const QString left = card.data(ListingListModel::TimeLeftRole).toString();
        QVERIFY2(left.startsWith("1:") || left.startsWith("0:"), qPrintable(left));
        QVERIFY(card.data(ListingListModel::EndingSoonRole).toBool());
        // It counts down by itself, telling the views.
        QSignalSpy ticks(&cards, &QAbstractItemModel::dataChanged);
        QTRY_VERIFY_WITH_TIMEOUT(!ticks.isEmpty(), 2500);
        QTRY_VERIFY_WITH_TIMEOUT(card.data(ListingListModel::TimeLeftRole).toString() != left, 2500);
        QVERIFY(card.data(ListingListModel::AuctionRunningRole).toBool());

        // Bids and the close arrive live on the card.
        QCOMPARE(as(m_buyer)->post("/api/v1/listings/" + id + "/bids",
                                   QJsonObject{{"maxAmount", won(40000)}}).status,
                 201);
        QTRY_COMPARE_WITH_TIMEOUT(card.data(ListingListModel::PriceTextRole).toString(),
                                  QStringLiteral("₩31,000"), kWaitMs);
        QCOMPARE(card.data(ListingListModel::BidCountRole).toInt(), 3);
        QCOMPARE(as(m_seller)->post("/api/v1/listings/" + id + "/buy-now", {}).status, 403);
        const QString soon = createAuction(5000, 600, QJsonObject{{"buyNowPrice", won(9000)}});
        cards.refresh();
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(cards, soon) >= 0 && !cards.loading(), kWaitMs);
        QTest::qWait(300); // the new row's subscription reaches the server
        QCOMPARE(as(m_rival)->post("/api/v1/listings/" + soon + "/buy-now", {}).status, 201);
        const QModelIndex bought = cards.index(rowOf(cards, soon));
        QTRY_COMPARE_WITH_TIMEOUT(bought.data(ListingListModel::TimeLeftRole).toString(),
                                  QStringLiteral("Sold"), kWaitMs);
        QVERIFY(!bought.data(ListingListModel::AuctionRunningRole).toBool());
    }

    void sellFormChecksAndCreatesAnAuction() {
        ApiClient api;
        signIn(api, m_seller);
        ListingDraft draft;
        draft.setApi(&api);
        draft.setTitle("Turntable, belt drive");
        draft.setCategoryId("other");
        draft.setPrice("50,000");
        draft.setSaleType("auction");
        AuctionTermsDraft* terms = draft.auction();
        QVERIFY(terms->defaultIncrementText().contains(QStringLiteral("₩2,000")));
        terms->setMinIncrement("zero");
        terms->setReservePrice("40,000");
        terms->setBuyNowPrice("50,000");
        draft.submit();
        QCOMPARE(draft.stage(), ListingDraft::Editing);
        const QVariantMap errors = draft.fieldErrors();
        QVERIFY(errors.contains("minIncrement"));
        QCOMPARE(errors.value("reservePrice").toString(),
                 QStringLiteral("The reserve cannot be below the start price."));
        QCOMPARE(errors.value("buyNowPrice").toString(),
                 QStringLiteral("Buy-now must be above the start price."));
        // Fixing a field takes its complaint away.
        terms->setMinIncrement("");
        QVERIFY(!draft.fieldErrors().contains("minIncrement"));

        terms->setReservePrice("70,000");
        terms->setBuyNowPrice("90,000");
        terms->setDurationHours(1);
        QSignalSpy saved(&draft, &ListingDraft::saved);
        draft.submit();
        QVERIFY2(saved.wait(kWaitMs), qPrintable(draft.message() + " " +
                                                  QStringList(draft.fieldErrors().keys()).join(',')));
        const QString id = saved.first().first().toString();
        const QJsonObject listing = as(m_seller)->get("/api/v1/listings/" + id).json();
        QCOMPARE(listing.value("saleType").toString(), QStringLiteral("auction"));
        const QJsonObject auction = listing.value("auction").toObject();
        QCOMPARE(auction.value("startPrice").toObject().value("amount").toInteger(), 50000);
        QCOMPARE(auction.value("reservePrice").toObject().value("amount").toInteger(), 70000);
        QCOMPARE(auction.value("buyNowPrice").toObject().value("amount").toInteger(), 90000);
        QVERIFY(auction.value("tieredIncrement").toBool());
        const qint64 endsIn =
            *bitmarket::fromRfc3339(auction.value("endsAt").toString()) - bitmarket::nowMs();
        QVERIFY2(endsIn > 3600 * 1000 && endsIn < 3660 * 1000, qPrintable(QString::number(endsIn)));
    }

    void theSellerChangesTheTermsOnlyBeforeTheFirstBid() {
        const QString id = createAuction(30'000, 3600, {{"buyNowPrice", won(60'000)}});
        const auto auctionOf = [this](const QString& listingId) {
            return as(m_seller)->get("/api/v1/listings/" + listingId).json().value("auction").toObject();
        };
        const auto amountOf = [](const QJsonObject& o, const char* key) {
            return o.value(key).toObject().value("amount").toInteger();
        };
        const qint64 end = *bitmarket::fromRfc3339(auctionOf(id).value("endsAt").toString());
        ApiClient api;
        signIn(api, m_seller);
        ListingDraft draft;
        draft.setApi(&api);
        draft.setListingId(id);
        QVERIFY(QTest::qWaitFor([&] { return draft.stage() == ListingDraft::Editing; }, kWaitMs));
        QVERIFY(draft.termsEditable());
        QCOMPARE(draft.price(), QStringLiteral("30,000"));
        AuctionTermsDraft* terms = draft.auction();
        QCOMPARE(terms->buyNowPrice(), QStringLiteral("60,000"));
        QCOMPARE(terms->durationHours(), int(AuctionTermsDraft::kKeepEnd));
        QVERIFY(terms->durations().first().toMap().value("text").toString().startsWith("Keep the current end"));

        // A lower start price, a reserve and no buy-now; the end stays where it was.
        draft.setPrice("25,000");
        terms->setReservePrice("40,000");
        terms->setBuyNowPrice("");
        QSignalSpy saved(&draft, &ListingDraft::saved);
        draft.submit();
        QVERIFY2(saved.wait(kWaitMs), qPrintable(draft.message()));
        const QJsonObject auction = auctionOf(id);
        QCOMPARE(amountOf(auction, "startPrice"), 25000);
        QCOMPARE(amountOf(auction, "reservePrice"), 40000);
        QVERIFY(!auction.contains("buyNowPrice"));
        QCOMPARE(*bitmarket::fromRfc3339(auction.value("endsAt").toString()), end);

        // Once someone bids, the form no longer offers the terms, and saving leaves them.
        QCOMPARE(rivalBids(id, 25'000).status, 201);
        ListingDraft again;
        again.setApi(&api);
        again.setListingId(id);
        QVERIFY(QTest::qWaitFor([&] { return again.stage() == ListingDraft::Editing; }, kWaitMs));
        QVERIFY(!again.termsEditable());
        again.auction()->setReservePrice("90,000");
        again.setTitle("Film camera, with its case");
        QSignalSpy savedAgain(&again, &ListingDraft::saved);
        again.submit();
        QVERIFY2(savedAgain.wait(kWaitMs), qPrintable(again.message()));
        const QJsonObject listing = as(m_seller)->get("/api/v1/listings/" + id).json();
        QCOMPARE(listing.value("title").toString(), QStringLiteral("Film camera, with its case"));
        QCOMPARE(amountOf(listing.value("auction").toObject(), "reservePrice"), 40000);
    }

    void everyNotificationTypeHasALabel() {
        AlertSettings settings;
        for (const QString& type : bitmarket::notification::kTypes)
            QVERIFY2(settings.typeLabel(type) != type, qPrintable(type));
    }

    void timeLeftReadsAsPeopleCountIt() {
        QCOMPARE(AuctionLabels::shortTimeLeft(65 * 1000), QStringLiteral("1:05"));
        QCOMPARE(AuctionLabels::shortTimeLeft((3 * 3600 + 12 * 60) * 1000LL),
                 QStringLiteral("3 h 12 min"));
        QCOMPARE(AuctionLabels::shortTimeLeft((2 * 86400 + 4 * 3600) * 1000LL),
                 QStringLiteral("2 d 4 h"));
        QCOMPARE(AuctionLabels::timeLeft(0), QStringLiteral("Ending…"));
    }

    void cleanupTestCase() { QCOMPARE(m_server.stop(), 0); }
};

QTEST_GUILESS_MAIN(AuctionModelsTest)
#include "AuctionModelsTest.moc"
