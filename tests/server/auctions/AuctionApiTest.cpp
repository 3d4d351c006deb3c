// Auctions against the real server, rule by rule over HTTP: the proxy ladder and what each side
// may see, too-low bids with the minimum, own listing, raising one's own max, buy-now before
// and after bids (and with a reserve), cancel before and after a bid, frozen terms, the late-bid
// extension seen live, the close with and without the reserve met (order, notifications, My
// bids), auctions that came due while the server was down, Idempotency-Key, and bad input.
#include "ApiTestSupport.h"
#include "RealtimeTestClient.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QTest>

using namespace bitmarket::test;

namespace {

constexpr int kExtensionSeconds = 3;

QJsonObject money(qint64 amount, const QString& currency = QStringLiteral("KRW")) {
    return QJsonObject{{"amount", amount}, {"currency", currency}};
}

qint64 amountOf(const QJsonValue& money) {
    return money.toObject().value("amount").toInteger();
}

qint64 msOf(const QJsonValue& time) {
    return QDateTime::fromString(time.toString(), Qt::ISODateWithMs).toMSecsSinceEpoch();
}

} // namespace

class AuctionApiTest : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<ServerProcess> m_server;
    int m_users = 0;
    TestUser m_seller;

    QStringList serverArgs() const {
        return {"--registrations-per-hour", "1000", "--min-auction-seconds", "1",
                "--auction-extension-seconds", QString::number(kExtensionSeconds)};
    }
    std::unique_ptr<HttpTestClient> as(const TestUser& u, const QByteArray& language = "en") {
        return clientAs(*m_server, u, language);
    }
    TestUser newUser(const QString& name) { return registerNumbered(*m_server, name, m_users); }
    // A running auction of m_seller's; its id.
    QString auction(qint64 start, qint64 endsInMs, const QJsonObject& extraTerms = {}) {
        QJsonObject body = auctionDraft("Auctioned lamp", start, endsInMs);
        QJsonObject terms = body.value("auction").toObject();
        for (auto it = extraTerms.begin(); it != extraTerms.end(); ++it)
            terms.insert(it.key(), it.value());
        body.insert("auction", terms);
        const HttpResponse r = as(m_seller)->post("/api/v1/listings", body);
        if (r.status != 201)
            qWarning("create auction: %d %s", r.status, r.body.constData());
        return r.json().value("id").toString();
    }
    HttpResponse bid(const TestUser& u, const QString& listingId, qint64 max,
                     const QByteArray& idempotencyKey = {}) {
        auto c = as(u);
        if (!idempotencyKey.isEmpty())
            c->setHeader("Idempotency-Key", idempotencyKey);
        return c->post("/api/v1/listings/" + listingId + "/bids", QJsonObject{{"maxAmount", money(max)}});
    }
    QJsonObject auctionAs(const TestUser& u, const QString& listingId) {
        return as(u)->get("/api/v1/listings/" + listingId).json().value("auction").toObject();
    }
    QJsonObject publicAuction(const QString& listingId) {
        HttpTestClient anonymous(m_server->httpUrl());
        return anonymous.get("/api/v1/listings/" + listingId).json().value("auction").toObject();
    }
    // Waits until the auction is no longer running (the closer ended it); its public state.
    QJsonObject waitForEnd(const QString& listingId, int timeoutMs = 8000) {
        QElapsedTimer t;
        t.start();
        QJsonObject a;
        do {
            a = publicAuction(listingId);
            if (a.value("state").toString() != "running")
                return a;
            QTest::qWait(50);
        } while (t.elapsed() < timeoutMs);
        return a;
    }
    QStringList notificationTypes(const TestUser& u) {
        QStringList types;
        for (const QJsonValue& n : as(u)->get("/api/v1/notifications").json().value("items").toArray())
            types.append(n.toObject().value("type").toString());
        return types;
    }

private Q_SLOTS:
    void initTestCase() {
        m_server = std::make_unique<ServerProcess>();
        QVERIFY(m_server->start(serverArgs()));
        m_seller = newUser("seller");
        QVERIFY(m_seller.ok());
    }

    void theProxyLadderOverHttpShowsNobodysMax() {
        const QString id = auction(10'000, 3600 * 1000);
        const TestUser ann = newUser("ann"), bob = newUser("bob");
        const HttpResponse first = bid(ann, id, 50'000);
        BM_EXPECT_STATUS(first, 201);
        QCOMPARE(first.json().value("leading"), QJsonValue(true));
        QCOMPARE(amountOf(first.json().value("yourMax")), 50'000);
        QCOMPARE(amountOf(first.json().value("auction").toObject().value("currentPrice")), 10'000);

        const HttpResponse second = bid(bob, id, 20'000);
        BM_EXPECT_STATUS(second, 201);
        QCOMPARE(second.json().value("leading"), QJsonValue(false));
        const QJsonObject a = publicAuction(id);
        QCOMPARE(amountOf(a.value("currentPrice")), 21'000);
        QCOMPARE(amountOf(a.value("minNextBid")), 22'000);
        QCOMPARE(a.value("bidCount").toInteger(), 2);
        QCOMPARE(a.value("bidderCount").toInteger(), 2);
        QCOMPARE(a.value("leaderId").toString(), ann.id);
        QVERIFY(!a.contains("yourMax"));

        // Each bidder sees their own max on the detail, and only their own.
        QCOMPARE(amountOf(auctionAs(ann, id).value("yourMax")), 50'000);
        QCOMPARE(amountOf(auctionAs(bob, id).value("yourMax")), 20'000);
        QVERIFY(!auctionAs(m_seller, id).contains("yourMax"));

        // The history shows the visible price each bid produced, newest first, and no maximum.
        const QJsonArray history = as(bob)->get("/api/v1/listings/" + id + "/bids").json().value("items").toArray();
        QCOMPARE(history.size(), 2);
        QCOMPARE(amountOf(history[0].toObject().value("amount")), 21'000);
        QCOMPARE(history[0].toObject().value("bidder").toObject().value("id").toString(), bob.id);
        QCOMPARE(amountOf(history[1].toObject().value("amount")), 10'000);
        QVERIFY(!QString::fromUtf8(as(bob)->get("/api/v1/listings/" + id + "/bids").body).contains("50000"));

        // The listing's price follows the bids.
        HttpTestClient anonymous(m_server->httpUrl());
        QCOMPARE(amountOf(anonymous.get("/api/v1/listings/" + id).json().value("price")), 21'000);
    }

    void aTooLowBidIsRefusedWithTheMinimumAndChangesNothing() {
        const QString id = auction(10'000, 3600 * 1000);
        const TestUser ann = newUser("ann"), bob = newUser("bob");
        const HttpResponse below = bid(ann, id, 9'999);
        BM_EXPECT_ERROR(below, 409, "bid_too_low");
        QCOMPARE(amountOf(below.json().value("error").toObject().value("minNextBid")), 10'000);
        BM_EXPECT_STATUS(bid(ann, id, 10'000), 201);
        const HttpResponse low = as(bob, "ko")->post("/api/v1/listings/" + id + "/bids",
                                                     QJsonObject{{"maxAmount", money(10'500)}});
        BM_EXPECT_ERROR(low, 409, "bid_too_low");
        QCOMPARE(amountOf(low.json().value("error").toObject().value("minNextBid")), 11'000);
        QVERIFY(low.json().value("error").toObject().value("message").toString().contains("11,000"));
        QVERIFY(low.json().value("error").toObject().value("message").toString().contains(u"입찰"));
        QCOMPARE(publicAuction(id).value("bidCount").toInteger(), 1);
    }

    void youCannotBidOnYourOwnListing() {
        const QString id = auction(10'000, 3600 * 1000);
        BM_EXPECT_ERROR(bid(m_seller, id, 20'000), 403, "own_listing");
        QCOMPARE(publicAuction(id).value("bidCount").toInteger(), 0);
    }

    void theLeaderMayRaiseTheirMaxButNotLowerIt() {
        const QString id = auction(10'000, 3600 * 1000);
        const TestUser ann = newUser("ann"), bob = newUser("bob");
        BM_EXPECT_STATUS(bid(ann, id, 20'000), 201);
        BM_EXPECT_STATUS(bid(bob, id, 15'000), 201);
        BM_EXPECT_ERROR(bid(ann, id, 18'000), 400, "validation_failed");
        const HttpResponse raised = bid(ann, id, 40'000);
        BM_EXPECT_STATUS(raised, 201);
        QCOMPARE(raised.json().value("leading"), QJsonValue(true));
        const QJsonObject a = publicAuction(id);
        QCOMPARE(amountOf(a.value("currentPrice")), 16'000);
        QCOMPARE(a.value("bidCount").toInteger(), 3);
        QCOMPARE(amountOf(auctionAs(ann, id).value("yourMax")), 40'000);
    }

    void theReserveIsTheSellersSecretAndThePriceJumpsToIt() {
        const QString id = auction(10'000, 3600 * 1000, {{"reservePrice", money(30'000)}});
        const TestUser ann = newUser("ann"), bob = newUser("bob");
        QCOMPARE(amountOf(auctionAs(m_seller, id).value("reservePrice")), 30'000);
        QVERIFY(!auctionAs(ann, id).contains("reservePrice"));
        BM_EXPECT_STATUS(bid(ann, id, 25'000), 201);
        QCOMPARE(publicAuction(id).value("reserveMet"), QJsonValue(false));
        BM_EXPECT_STATUS(bid(bob, id, 35'000), 201);
        const QJsonObject a = publicAuction(id);
        QCOMPARE(a.value("reserveMet"), QJsonValue(true));
        QCOMPARE(amountOf(a.value("currentPrice")), 30'000);
        QVERIFY(!QString::fromUtf8(HttpTestClient(m_server->httpUrl()).get("/api/v1/listings/" + id).body)
                     .contains("reservePrice"));
    }

    void buyNowBeforeTheFirstBidEndsTheAuctionWithAnOrder() {
        const QString id = auction(10'000, 3600 * 1000, {{"buyNowPrice", money(90'000)}});
        const TestUser buyer = newUser("buyer");
        BM_EXPECT_ERROR(as(m_seller)->post("/api/v1/listings/" + id + "/buy-now", {}), 403, "own_listing");
        const HttpResponse bought = as(buyer)->post("/api/v1/listings/" + id + "/buy-now", {});
        BM_EXPECT_STATUS(bought, 201);
        const QJsonObject order = bought.json().value("order").toObject();
        QCOMPARE(order.value("source").toString(), QStringLiteral("buy_now"));
        QCOMPARE(order.value("status").toString(), QStringLiteral("awaiting_payment"));
        QCOMPARE(amountOf(order.value("amount")), 90'000);
        QCOMPARE(order.value("buyerId").toString(), buyer.id);
        QCOMPARE(order.value("sellerId").toString(), m_seller.id);

        HttpTestClient anonymous(m_server->httpUrl());
        const QJsonObject listing = anonymous.get("/api/v1/listings/" + id).json();
        QCOMPARE(listing.value("status").toString(), QStringLiteral("reserved"));
        const QJsonObject a = listing.value("auction").toObject();
        QCOMPARE(a.value("state").toString(), QStringLiteral("ended"));
        QCOMPARE(a.value("winnerId").toString(), buyer.id);
        QCOMPARE(a.value("orderId").toString(), order.value("id").toString());
        // The order is the buyer's and the seller's to read, nobody else's.
        BM_EXPECT_STATUS(as(buyer)->get("/api/v1/orders/" + order.value("id").toString()), 200);
        BM_EXPECT_STATUS(as(m_seller)->get("/api/v1/orders/" + order.value("id").toString()), 200);
        BM_EXPECT_ERROR(as(newUser("nosy"))->get("/api/v1/orders/" + order.value("id").toString()), 404, "not_found");
        QCOMPARE(as(m_seller)->get("/api/v1/me/orders?role=seller").json().value("items").toArray()
                     .first().toObject().value("id").toString(), order.value("id").toString());
        // Ended: no more bids, no second buyer.
        BM_EXPECT_ERROR(bid(newUser("late"), id, 100'000), 409, "auction_closed");
        BM_EXPECT_ERROR(as(newUser("second"))->post("/api/v1/listings/" + id + "/buy-now", {}), 409, "auction_closed");
    }

    void buyNowGoesWithTheFirstBidOrWithTheReserveMet() {
        const QString plain = auction(10'000, 3600 * 1000, {{"buyNowPrice", money(90'000)}});
        const TestUser ann = newUser("ann"), bob = newUser("bob");
        BM_EXPECT_STATUS(bid(ann, plain, 10'000), 201);
        BM_EXPECT_ERROR(as(bob)->post("/api/v1/listings/" + plain + "/buy-now", {}), 409, "invalid_state");
        QCOMPARE(publicAuction(plain).value("state").toString(), QStringLiteral("running"));

        const QString reserved = auction(10'000, 3600 * 1000,
                                         {{"buyNowPrice", money(90'000)}, {"reservePrice", money(50'000)}});
        BM_EXPECT_STATUS(bid(ann, reserved, 20'000), 201);
        BM_EXPECT_STATUS(as(bob)->post("/api/v1/listings/" + reserved + "/buy-now", {}), 201);
        // Ann bid and lost the item to buy-now: she is told.
        QVERIFY(notificationTypes(ann).contains("auction.lost"));

        const QString met = auction(10'000, 3600 * 1000,
                                    {{"buyNowPrice", money(90'000)}, {"reservePrice", money(50'000)}});
        BM_EXPECT_STATUS(bid(ann, met, 60'000), 201);
        BM_EXPECT_ERROR(as(bob)->post("/api/v1/listings/" + met + "/buy-now", {}), 409, "invalid_state");
        const QString fixedPrice = as(m_seller)->post("/api/v1/listings", listingDraft("Fixed lamp")).json().value("id").toString();
        BM_EXPECT_ERROR(as(bob)->post("/api/v1/listings/" + fixedPrice + "/buy-now", {}), 409, "invalid_state");
        BM_EXPECT_ERROR(bid(bob, fixedPrice, 20'000), 409, "invalid_state");
        BM_EXPECT_ERROR(bid(bob, "l_doesnotexist000000", 20'000), 404, "not_found");
    }

    void theSellerMayCancelOnlyBeforeTheFirstBid() {
        const QString quiet = auction(10'000, 3600 * 1000);
        const TestUser ann = newUser("ann");
        BM_EXPECT_ERROR(as(ann)->post("/api/v1/listings/" + quiet + "/auction/cancel", {}), 403, "forbidden");
        const HttpResponse cancelled = as(m_seller)->post("/api/v1/listings/" + quiet + "/auction/cancel", {});
        BM_EXPECT_STATUS(cancelled, 200);
        const QJsonObject listing = cancelled.json().value("listing").toObject();
        QCOMPARE(listing.value("status").toString(), QStringLiteral("ended"));
        QCOMPARE(listing.value("auction").toObject().value("state").toString(), QStringLiteral("cancelled"));
        BM_EXPECT_ERROR(bid(ann, quiet, 20'000), 409, "auction_closed");

        const QString busy = auction(10'000, 3600 * 1000);
        BM_EXPECT_STATUS(bid(ann, busy, 20'000), 201);
        BM_EXPECT_ERROR(as(m_seller)->post("/api/v1/listings/" + busy + "/auction/cancel", {}), 409, "invalid_state");
        // Nor can it be deleted out from under its bidders.
        BM_EXPECT_ERROR(as(m_seller)->del("/api/v1/listings/" + busy), 409, "invalid_state");
        QCOMPARE(publicAuction(busy).value("state").toString(), QStringLiteral("running"));
        // Without bids it may go, and it is gone from "ending soon".
        const QString unwanted = auction(10'000, 3600 * 1000);
        BM_EXPECT_STATUS(as(m_seller)->del("/api/v1/listings/" + unwanted), 204);
        HttpTestClient anonymous(m_server->httpUrl());
        QVERIFY(!idsOf(anonymous.get("/api/v1/listings?sort=ending_soon&limit=100").json().value("items").toArray())
                     .contains(unwanted));
    }

    void theTermsAndStatusFollowTheAuctionNotEdits() {
        const QString id = auction(10'000, 3600 * 1000);
        BM_EXPECT_STATUS(bid(newUser("ann"), id, 20'000), 201);
        BM_EXPECT_ERROR(as(m_seller)->patch("/api/v1/listings/" + id, QJsonObject{{"price", money(5'000)}}),
                        400, "validation_failed");
        BM_EXPECT_ERROR(as(m_seller)->patch("/api/v1/listings/" + id, QJsonObject{{"status", "sold"}}),
                        400, "validation_failed");
        // The words may still change.
        BM_EXPECT_STATUS(as(m_seller)->patch("/api/v1/listings/" + id, QJsonObject{{"title", "Auctioned lamp, brass"}}), 200);
        const QJsonObject a = publicAuction(id);
        QCOMPARE(amountOf(a.value("startPrice")), 10'000);
        QCOMPARE(amountOf(a.value("currentPrice")), 10'000);
        QCOMPARE(a.value("state").toString(), QStringLiteral("running"));
    }

    void theSellerMayChangeTheTermsOnlyBeforeTheFirstBid() {
        const QString id = auction(10'000, 3600 * 1000);
        const QString path = "/api/v1/listings/" + id + "/auction";
        const auto termsOf = [](qint64 start, qint64 endsInMs, const QJsonObject& extra = {}) {
            QJsonObject terms = auctionDraft("unused", start, endsInMs).value("auction").toObject();
            for (auto it = extra.begin(); it != extra.end(); ++it)
                terms.insert(it.key(), it.value());
            return QJsonObject{{"auction", terms}};
        };
        const TestUser ann = newUser("ann");
        BM_EXPECT_ERROR(as(ann)->put(path, termsOf(1'000, 3600 * 1000)), 403, "forbidden");
        // Checked as on create; a refusal changes nothing.
        BM_EXPECT_ERROR(as(m_seller)->put(path, termsOf(20'000, 3600 * 1000, {{"buyNowPrice", money(15'000)}})),
                        400, "validation_failed");
        BM_EXPECT_ERROR(as(m_seller)->put(path, termsOf(20'000, 15LL * 24 * 3600 * 1000)), 400, "validation_failed");
        BM_EXPECT_ERROR(as(m_seller)->put(path, QJsonObject{{"auction", QJsonObject{{"startPrice", money(20'000, "USD")},
                                                                                    {"endsAt", QJsonValue()}}}}),
                        400, "validation_failed");
        BM_EXPECT_ERROR(as(m_seller)->send("PUT", path, "{\"auction\": "), 400, "validation_failed");
        QCOMPARE(amountOf(publicAuction(id).value("startPrice")), 10'000);

        // The price becomes the new start, the end moves (sooner), and the new reserve is the seller's.
        const HttpResponse changed = as(m_seller)->put(
            path, termsOf(25'000, 2000, {{"reservePrice", money(40'000)}, {"minIncrement", money(2'000)}}));
        BM_EXPECT_STATUS(changed, 200);
        const QJsonObject mine = changed.json().value("listing").toObject().value("auction").toObject();
        QCOMPARE(amountOf(mine.value("reservePrice")), 40'000);
        const QJsonObject seen = publicAuction(id);
        QCOMPARE(amountOf(seen.value("startPrice")), 25'000);
        QCOMPARE(amountOf(seen.value("currentPrice")), 25'000);
        QCOMPARE(amountOf(seen.value("minNextBid")), 25'000);
        QVERIFY(!seen.contains("reservePrice"));
        HttpTestClient anonymous(m_server->httpUrl());
        QCOMPARE(amountOf(anonymous.get("/api/v1/listings/" + id).json().value("price")), 25'000);

        // Frozen by the first bid.
        BM_EXPECT_ERROR(bid(ann, id, 24'000), 409, "bid_too_low");
        BM_EXPECT_STATUS(bid(ann, id, 30'000), 201);
        BM_EXPECT_ERROR(as(m_seller)->put(path, termsOf(5'000, 3600 * 1000)), 409, "invalid_state");
        QCOMPARE(amountOf(publicAuction(id).value("startPrice")), 25'000);
        // The closer keeps the new, nearer end: unsold (reserve not met).
        const QJsonObject ended = waitForEnd(id);
        QCOMPARE(ended.value("state").toString(), QStringLiteral("ended"));
        BM_EXPECT_ERROR(as(m_seller)->put(path, termsOf(5'000, 3600 * 1000)), 409, "auction_closed");
        // A fixed-price listing has no terms to change.
        const QString fixed = as(m_seller)->post("/api/v1/listings", listingDraft("Plain lamp", 9'000))
                                  .json().value("id").toString();
        BM_EXPECT_ERROR(as(m_seller)->put("/api/v1/listings/" + fixed + "/auction", termsOf(5'000, 3600 * 1000)),
                        409, "invalid_state");
        BM_EXPECT_ERROR(as(m_seller)->put("/api/v1/listings/l_nosuchlisting000000/auction", termsOf(5'000, 3600 * 1000)),
                        404, "not_found");
    }

    void anAuctionRunsFromTheShortestAllowedToFourteenDays() {
        QJsonObject tooLong = auctionDraft("Too long", 10'000, 15LL * 24 * 3600 * 1000);
        BM_EXPECT_ERROR(as(m_seller)->post("/api/v1/listings", tooLong), 400, "validation_failed");
        QCOMPARE(errorField(as(m_seller)->post("/api/v1/listings", tooLong)), QStringLiteral("auction.endsAt"));
        QJsonObject tiered = auctionDraft("Tiered", 9'000, 3600 * 1000);
        QJsonObject terms = tiered.value("auction").toObject();
        terms.remove("minIncrement");
        tiered.insert("auction", terms);
        const HttpResponse created = as(m_seller)->post("/api/v1/listings", tiered);
        BM_EXPECT_STATUS(created, 201);
        const QJsonObject a = created.json().value("auction").toObject();
        QCOMPARE(a.value("tieredIncrement"), QJsonValue(true));
        QCOMPARE(amountOf(a.value("minIncrement")), 500);
    }

    void aLateBidExtendsTheEndAndWatchersSeeIt() {
        const QString id = auction(10'000, 2000);
        const TestUser ann = newUser("ann"), bob = newUser("bob");
        RealtimeTestClient watcher;
        watcher.open(m_server->wsUrl());
        QVERIFY(watcher.waitForConnected());
        const QString topic = "listing:" + id;
        QCOMPARE(watcher.subscribe({topic}).value("type").toString(), QStringLiteral("subscribed"));
        RealtimeTestClient annSocket;
        annSocket.open(m_server->wsUrl(), "Bearer " + ann.accessToken.toLatin1());
        QVERIFY(annSocket.waitForConnected());
        annSocket.subscribe({"user:" + ann.id});

        const qint64 originalEnd = msOf(publicAuction(id).value("endsAt"));
        BM_EXPECT_STATUS(bid(ann, id, 20'000), 201);
        const HttpResponse late = bid(bob, id, 30'000);
        BM_EXPECT_STATUS(late, 201);
        const qint64 newEnd = msOf(late.json().value("auction").toObject().value("endsAt"));
        QVERIFY2(newEnd > originalEnd, "a bid in the last seconds moves the end");
        QVERIFY(late.json().value("auction").toObject().value("extended").toBool());

        const QJsonObject frame = watcher.waitForFrame([](const QJsonObject& f) {
            return f.value("type") == "auction.bid" &&
                   f.value("data").toObject().value("auction").toObject().value("bidCount").toInt() == 2;
        });
        QVERIFY2(!frame.isEmpty(), "the watcher sees the second bid");
        const QJsonObject pushed = frame.value("data").toObject().value("auction").toObject();
        QCOMPARE(msOf(pushed.value("endsAt")), newEnd);
        QCOMPARE(pushed.value("extended"), QJsonValue(true));
        QVERIFY(!pushed.contains("yourMax"));
        QVERIFY(!pushed.contains("reservePrice"));
        // Ann was outbid: her socket gets the notification.
        const QJsonObject outbid = annSocket.waitForFrame([](const QJsonObject& f) {
            return f.value("type") == "notification.new" &&
                   f.value("data").toObject().value("notification").toObject().value("type") == "auction.outbid";
        });
        QVERIFY2(!outbid.isEmpty(), "the outbid bidder is told live");

        // It ends at the new end, within a second, and the watcher sees it close.
        const QJsonObject closed = watcher.waitForFrame(
            [](const QJsonObject& f) { return f.value("type") == "auction.closed"; }, 10'000);
        QVERIFY2(!closed.isEmpty(), "the watcher sees the close");
        const qint64 closedAt = QDateTime::currentMSecsSinceEpoch();
        QVERIFY2(closedAt >= newEnd, "not before the extended end");
        QVERIFY2(closedAt - newEnd < 1500, qPrintable(QStringLiteral("closed %1 ms late").arg(closedAt - newEnd)));
        QCOMPARE(closed.value("data").toObject().value("auction").toObject().value("winnerId").toString(), bob.id);
    }

    void theCloseSellsToTheLeaderWhenTheReserveIsMet() {
        const QString id = auction(10'000, 1500, {{"reservePrice", money(20'000)}});
        const TestUser ann = newUser("ann"), bob = newUser("bob");
        BM_EXPECT_STATUS(bid(ann, id, 25'000), 201);
        QCOMPARE(amountOf(publicAuction(id).value("currentPrice")), 20'000); // lifted to the reserve
        BM_EXPECT_STATUS(bid(bob, id, 22'000), 201);
        const QJsonObject ended = waitForEnd(id);
        QCOMPARE(ended.value("state").toString(), QStringLiteral("ended"));
        QCOMPARE(ended.value("winnerId").toString(), ann.id);
        QCOMPARE(amountOf(ended.value("finalPrice")), 23'000);
        const HttpResponse order = as(ann)->get("/api/v1/orders/" + ended.value("orderId").toString());
        BM_EXPECT_STATUS(order, 200);
        QCOMPARE(order.json().value("order").toObject().value("source").toString(), QStringLiteral("auction"));
        QCOMPARE(order.json().value("order").toObject().value("status").toString(), QStringLiteral("awaiting_payment"));
        QCOMPARE(amountOf(order.json().value("order").toObject().value("amount")), 23'000);
        QVERIFY(notificationTypes(ann).contains("auction.won"));
        QVERIFY(notificationTypes(bob).contains("auction.lost"));
        QVERIFY(notificationTypes(m_seller).contains("auction.sold"));

        // My bids says who won.
        const QJsonArray annBids = as(ann)->get("/api/v1/me/bids").json().value("items").toArray();
        QCOMPARE(annBids.first().toObject().value("status").toString(), QStringLiteral("won"));
        QCOMPARE(amountOf(annBids.first().toObject().value("yourMax")), 25'000);
        QCOMPARE(as(bob)->get("/api/v1/me/bids").json().value("items").toArray().first().toObject()
                     .value("status").toString(), QStringLiteral("lost"));
        BM_EXPECT_ERROR(bid(bob, id, 90'000), 409, "auction_closed");
    }

    void theCloseEndsUnsoldWhenTheReserveIsNotMet() {
        const QString id = auction(10'000, 1500, {{"reservePrice", money(50'000)}});
        const TestUser ann = newUser("ann");
        BM_EXPECT_STATUS(bid(ann, id, 30'000), 201);
        QCOMPARE(as(ann)->get("/api/v1/me/bids").json().value("items").toArray().first().toObject()
                     .value("status").toString(), QStringLiteral("leading"));
        const QJsonObject ended = waitForEnd(id);
        QCOMPARE(ended.value("state").toString(), QStringLiteral("ended"));
        QVERIFY(!ended.contains("winnerId"));
        QVERIFY(!ended.contains("orderId"));
        HttpTestClient anonymous(m_server->httpUrl());
        QCOMPARE(anonymous.get("/api/v1/listings/" + id).json().value("status").toString(), QStringLiteral("ended"));
        QVERIFY(notificationTypes(m_seller).contains("auction.unsold"));
        QVERIFY(notificationTypes(ann).contains("auction.lost"));
        QCOMPARE(as(ann)->get("/api/v1/me/bids").json().value("items").toArray().first().toObject()
                     .value("status").toString(), QStringLiteral("lost"));
    }

    void auctionsDueWhileTheServerWasDownCloseAtStartInEndOrder() {
        const TestUser ann = newUser("ann");
        QStringList ids;
        for (int i = 0; i < 4; ++i) {
            // Created out of end order: the third ends first. Each ends after the late-bid
            // window of its bid, so no bid moves an end.
            const qint64 endsIn = QList<qint64>{4600, 4200, 3800, 5000}[i];
            ids.append(auction(10'000 + i, endsIn));
            BM_EXPECT_STATUS(bid(ann, ids.last(), 20'000), 201);
        }
        QCOMPARE(m_server->stop(), 0);
        QTest::qWait(5500);
        QVERIFY(m_server->start(serverArgs()));
        for (const QString& id : ids)
            QCOMPARE(waitForEnd(id, 3000).value("state").toString(), QStringLiteral("ended"));
        // Orders were created as the auctions closed: newest first, so the reverse of end order.
        QStringList orderListings;
        for (const QJsonValue& o : as(ann)->get("/api/v1/me/orders?limit=4").json().value("items").toArray())
            orderListings.prepend(o.toObject().value("listing").toObject().value("id").toString());
        QCOMPARE(orderListings, (QStringList{ids[2], ids[1], ids[0], ids[3]}));
    }

    void aRetriedBidWithItsKeyCountsOnce() {
        const QString id = auction(10'000, 3600 * 1000);
        const TestUser ann = newUser("ann");
        const HttpResponse first = bid(ann, id, 30'000, "bid-retry-1");
        BM_EXPECT_STATUS(first, 201);
        const HttpResponse again = bid(ann, id, 30'000, "bid-retry-1");
        BM_EXPECT_STATUS(again, 201);
        QCOMPARE(again.json(), first.json());
        QCOMPARE(publicAuction(id).value("bidCount").toInteger(), 1);
        // The same key on another request is refused and changes nothing.
        BM_EXPECT_ERROR(bid(ann, id, 40'000, "bid-retry-1"), 409, "idempotency_conflict");
        QCOMPARE(publicAuction(id).value("bidCount").toInteger(), 1);
        // Keys are per user: another bidder's same key is theirs.
        BM_EXPECT_STATUS(bid(newUser("bob"), id, 20'000, "bid-retry-1"), 201);
        BM_EXPECT_ERROR(bid(ann, id, 50'000, QByteArray(65, 'k')), 400, "validation_failed");
        // A bid that failed spent no key: retried once it can succeed, it counts.
        const QString other = auction(10'000, 3600 * 1000);
        BM_EXPECT_ERROR(bid(ann, other, 5'000, "bid-retry-2"), 409, "bid_too_low");
        BM_EXPECT_STATUS(bid(ann, other, 12'000, "bid-retry-2"), 201);
        QCOMPARE(publicAuction(other).value("bidCount").toInteger(), 1);
    }

    void badBidsGetAClearErrorAndChangeNothing() {
        const QString id = auction(10'000, 3600 * 1000);
        const TestUser ann = newUser("ann");
        auto c = as(ann);
        const QString path = "/api/v1/listings/" + id + "/bids";
        BM_EXPECT_ERROR(c->send("POST", path, "{\"maxAmount\":"), 400, "validation_failed");
        BM_EXPECT_ERROR(c->post(path, QJsonObject{{"maxAmount", "20000"}}), 400, "validation_failed");
        BM_EXPECT_ERROR(c->post(path, QJsonObject{{"maxAmount", money(-5)}}), 400, "validation_failed");
        BM_EXPECT_ERROR(c->post(path, QJsonObject{{"maxAmount", money(20'000, "USD")}}), 400, "validation_failed");
        BM_EXPECT_ERROR(c->post(path, QJsonObject{}), 400, "validation_failed");
        BM_EXPECT_ERROR(c->send("POST", path, QByteArray(2 * 1024 * 1024, '{')), 413, "payload_too_large");
        HttpTestClient anonymous(m_server->httpUrl());
        BM_EXPECT_ERROR(anonymous.post(path, QJsonObject{{"maxAmount", money(20'000)}}), 401, "unauthorized");
        HttpTestClient forged(m_server->httpUrl());
        forged.setAccessToken(ann.accessToken.left(ann.accessToken.size() - 3) + "abc");
        BM_EXPECT_ERROR(forged.post(path, QJsonObject{{"maxAmount", money(20'000)}}), 401, "unauthorized");
        QCOMPARE(publicAuction(id).value("bidCount").toInteger(), 0);
        BM_EXPECT_ERROR(c->get("/api/v1/listings/" + id + "/bids?cursor=junk"), 400, "validation_failed");
        BM_EXPECT_ERROR(c->get("/api/v1/me/orders?role=thief"), 400, "validation_failed");
    }

    void endingSoonListsRunningAuctionsByTheirEnd() {
        const QString later = auction(10'000, 9 * 3600 * 1000);
        const QString sooner = auction(10'000, 8 * 3600 * 1000);
        const QString cancelled = auction(10'000, 7 * 3600 * 1000);
        BM_EXPECT_STATUS(as(m_seller)->post("/api/v1/listings/" + cancelled + "/auction/cancel", {}), 200);
        HttpTestClient anonymous(m_server->httpUrl());
        const QStringList ids = idsOf(anonymous.get("/api/v1/listings?sort=ending_soon&limit=100").json().value("items").toArray());
        QVERIFY(ids.indexOf(sooner) >= 0 && ids.indexOf(sooner) < ids.indexOf(later));
        QVERIFY(!ids.contains(cancelled));
    }

    void cleanupTestCase() {
        QCOMPARE(m_server->stop(), 0);
    }
};

QTEST_MAIN(AuctionApiTest)
#include "AuctionApiTest.moc"
