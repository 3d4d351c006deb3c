// Orders against the real server paying through the real sandbox, step by step over HTTP:
// buying a fixed-price listing (reserved, one live order, own listing), in person and escrow
// through to completed, every refused step (invalid_state, forbidden, not_found, bad bodies),
// the checkout's declined card, cancelling with a full refund, the unpaid order cancelled at
// its deadline and the shipped one confirmed by itself, notifications to the other side, and
// the seller's balance and ledger.
#include "OrderTestSupport.h"

#include <QTest>
#include <QUrlQuery>

using namespace bitmarket::test;

class OrderApiTest : public QObject {
    Q_OBJECT

private:
    OrderMarket m_market;
    TestUser m_seller;

    QString status(const TestUser& u, const QString& orderId) {
        return m_market.order(u, orderId).value("status").toString();
    }
    QString listingStatus(const QString& listingId) {
        HttpTestClient anonymous(m_market.server().httpUrl());
        return anonymous.get("/api/v1/listings/" + listingId).json().value("status").toString();
    }
    HttpResponse step(const TestUser& u, const QString& orderId, const QString& what,
                      const QJsonObject& body = {}) {
        return m_market.as(u)->post("/api/v1/orders/" + orderId + "/" + what, body);
    }
    QJsonObject shipment() {
        return QJsonObject{{"carrier", "CJ Logistics"}, {"trackingNumber", "6543210987"}};
    }
    int notificationsAbout(const TestUser& u, const QString& orderId) {
        int n = 0;
        for (const QJsonValue& v : m_market.as(u)->get("/api/v1/notifications").json().value("items").toArray()) {
            const QJsonObject note = v.toObject();
            n += note.value("type").toString() == u"order.updated" &&
                 note.value("data").toObject().value("orderId").toString() == orderId;
        }
        return n;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_market.start({"--order-payment-seconds", "3", "--order-auto-confirm-seconds", "3"}));
        m_seller = m_market.user("seller");
        QVERIFY(m_seller.ok());
    }

    void inPersonSaleCompletesWhenBothConfirm() {
        const TestUser buyer = m_market.user("buyer");
        const QString listingId = m_market.listing(m_seller);
        const HttpResponse bought = m_market.buy(buyer, listingId, "in_person");
        BM_EXPECT_STATUS(bought, 201);
        const QJsonObject order = bought.json().value("order").toObject();
        const QString id = order.value("id").toString();
        QCOMPARE(order.value("status").toString(), QStringLiteral("awaiting_meetup"));
        QCOMPARE(order.value("source").toString(), QStringLiteral("purchase"));
        QCOMPARE(amountOf(order.value("fee")), 0);
        QCOMPARE(listingStatus(listingId), QStringLiteral("reserved"));
        QCOMPARE(notificationsAbout(m_seller, id), 1);

        BM_EXPECT_ERROR(step(buyer, id, "payment"), 409, "invalid_state");
        BM_EXPECT_ERROR(step(m_seller, id, "ship", shipment()), 409, "invalid_state");
        BM_EXPECT_STATUS(step(m_seller, id, "confirm"), 200);
        QCOMPARE(status(buyer, id), QStringLiteral("awaiting_meetup"));
        BM_EXPECT_ERROR(step(m_seller, id, "confirm"), 409, "invalid_state");
        const HttpResponse done = step(buyer, id, "confirm");
        BM_EXPECT_STATUS(done, 200);
        const QJsonObject completed = done.json().value("order").toObject();
        QCOMPARE(completed.value("status").toString(), QStringLiteral("completed"));
        QCOMPARE(OrderMarket::timesIn(completed, "completed"), 1);
        QCOMPARE(listingStatus(listingId), QStringLiteral("sold"));
        BM_EXPECT_ERROR(step(buyer, id, "cancel", QJsonObject{{"reason", "changed my mind"}}), 409,
                        "invalid_state");
        // In person, no money went through the platform.
        QCOMPARE(amountOf(m_market.balance(m_seller).value("pending")), 0);
    }

    void oneLiveOrderPerListing() {
        const TestUser first = m_market.user("first");
        const TestUser second = m_market.user("second");
        const QString listingId = m_market.listing(m_seller);
        BM_EXPECT_STATUS(m_market.buy(first, listingId, "escrow"), 201);
        BM_EXPECT_ERROR(m_market.buy(second, listingId, "in_person"), 409, "conflict");
        BM_EXPECT_ERROR(m_market.buy(m_seller, m_market.listing(m_seller), "escrow"), 403, "own_listing");
        BM_EXPECT_ERROR(m_market.buy(first, "l_nothing", "escrow"), 404, "not_found");
    }

    void badOrderBodiesAreRefused() {
        const TestUser buyer = m_market.user("careless");
        const QString listingId = m_market.listing(m_seller);
        BM_EXPECT_ERROR(m_market.buy(buyer, listingId, "barter"), 400, "validation_failed");
        BM_EXPECT_ERROR(m_market.as(buyer)->post("/api/v1/orders", QJsonObject{{"method", "escrow"}}),
                        400, "validation_failed");
        BM_EXPECT_ERROR(m_market.as(buyer)->send("POST", "/api/v1/orders", "{not json"), 400,
                        "validation_failed");
        QCOMPARE(listingStatus(listingId), QStringLiteral("active"));
        HttpTestClient anonymous(m_market.server().httpUrl());
        BM_EXPECT_ERROR(anonymous.post("/api/v1/orders", QJsonObject{{"listingId", listingId}, {"method", "escrow"}}),
                        401, "unauthorized");
    }

    void escrowSaleFromPaymentToCompletion() {
        const TestUser buyer = m_market.user("escrow_buyer");
        const TestUser stranger = m_market.user("stranger");
        const QJsonObject order = m_market.escrowOrder(m_seller, buyer, 200000);
        const QString id = order.value("id").toString();
        QCOMPARE(order.value("status").toString(), QStringLiteral("awaiting_payment"));
        QCOMPARE(amountOf(order.value("fee")), 10000); // 5 %

        BM_EXPECT_ERROR(m_market.as(stranger)->get("/api/v1/orders/" + id), 404, "not_found");
        BM_EXPECT_ERROR(step(stranger, id, "payment"), 404, "not_found");
        BM_EXPECT_ERROR(step(m_seller, id, "payment"), 403, "forbidden");
        BM_EXPECT_ERROR(step(m_seller, id, "ship", shipment()), 409, "invalid_state");
        BM_EXPECT_ERROR(step(buyer, id, "confirm"), 409, "invalid_state");

        const QUrl back = m_market.approve(buyer, id);
        QCOMPARE(back.path(), QStringLiteral("/payments/return/sandbox"));
        // The browser lands on the server's page, which confirms the payment.
        HttpTestClient browser(back);
        const HttpResponse page = browser.get(back.toString(QUrl::RemoveScheme | QUrl::RemoveAuthority));
        BM_EXPECT_STATUS(page, 200);
        QVERIFY(page.body.contains("Payment received"));
        QJsonObject paid = m_market.waitForStatus(buyer, id, "paid");
        QCOMPARE(paid.value("status").toString(), QStringLiteral("paid"));
        QCOMPARE(paid.value("payment").toObject().value("status").toString(), QStringLiteral("paid"));
        QCOMPARE(amountOf(m_market.balance(m_seller).value("pending")) >= 200000, true);

        BM_EXPECT_ERROR(step(buyer, id, "ship", shipment()), 403, "forbidden");
        BM_EXPECT_ERROR(step(m_seller, id, "ship", QJsonObject{{"carrier", "CJ"}}), 400, "validation_failed");
        // Bad shipment bodies: not JSON, wrong types, empty or oversized fields. Nothing ships.
        BM_EXPECT_ERROR(m_market.as(m_seller)->send("POST", "/api/v1/orders/" + id + "/ship", "{\"carrier\":"),
                        400, "validation_failed");
        BM_EXPECT_ERROR(step(m_seller, id, "ship", QJsonObject{{"carrier", 7}, {"trackingNumber", "1"}}), 400,
                        "validation_failed");
        BM_EXPECT_ERROR(step(m_seller, id, "ship", QJsonObject{{"carrier", "CJ"}, {"trackingNumber", ""}}), 400,
                        "validation_failed");
        BM_EXPECT_ERROR(step(m_seller, id, "ship",
                             QJsonObject{{"carrier", "CJ"}, {"trackingNumber", QString(61, u'9')}}),
                        400, "validation_failed");
        BM_EXPECT_ERROR(step(buyer, id, "cancel", QJsonObject{{"reason", QJsonArray{"no"}}}), 400,
                        "validation_failed");
        QCOMPARE(status(buyer, id), QStringLiteral("paid"));
        BM_EXPECT_ERROR(step(buyer, id, "confirm"), 409, "invalid_state");
        const HttpResponse shipped = step(m_seller, id, "ship", shipment());
        BM_EXPECT_STATUS(shipped, 200);
        const QJsonObject s = shipped.json().value("order").toObject();
        QCOMPARE(s.value("shipment").toObject().value("trackingNumber").toString(), QStringLiteral("6543210987"));
        QVERIFY(s.value("autoConfirmAt").isString());
        BM_EXPECT_ERROR(step(m_seller, id, "ship", shipment()), 409, "invalid_state");
        BM_EXPECT_ERROR(step(m_seller, id, "confirm"), 403, "forbidden");
        BM_EXPECT_ERROR(step(buyer, id, "cancel", QJsonObject{{"reason", "late"}}), 409, "invalid_state");

        const qint64 availableBefore = amountOf(m_market.balance(m_seller).value("available"));
        const HttpResponse done = step(buyer, id, "confirm");
        BM_EXPECT_STATUS(done, 200);
        QCOMPARE(done.json().value("order").toObject().value("status").toString(), QStringLiteral("completed"));
        QCOMPARE(amountOf(m_market.balance(m_seller).value("available")) - availableBefore, 190000);
        QVERIFY(notificationsAbout(buyer, id) >= 1);
        QVERIFY(notificationsAbout(m_seller, id) >= 1);
    }

    void declinedCardLeavesTheOrderToPay() {
        const TestUser buyer = m_market.user("declined");
        const QString id = m_market.escrowOrder(m_seller, buyer).value("id").toString();
        const HttpResponse payment = step(buyer, id, "payment");
        BM_EXPECT_STATUS(payment, 201);
        const QString checkout = payment.json().value("checkoutUrl").toString();
        // Asking again while the payment is open gives the same checkout.
        QCOMPARE(step(buyer, id, "payment").json().value("checkoutUrl").toString(), checkout);
        const QUrl back = m_market.sandbox().pay(checkout, PaymentSandboxProcess::kDeclines);
        HttpTestClient browser(back);
        const HttpResponse page = browser.get(back.toString(QUrl::RemoveScheme | QUrl::RemoveAuthority));
        QVERIFY(page.body.contains("did not go through"));
        const QJsonObject o = m_market.order(buyer, id);
        QCOMPARE(o.value("status").toString(), QStringLiteral("awaiting_payment"));
        QCOMPARE(o.value("payment").toObject().value("status").toString(), QStringLiteral("declined"));
        // Another try is another payment.
        const HttpResponse again = step(buyer, id, "payment");
        BM_EXPECT_STATUS(again, 201);
        QVERIFY(again.json().value("checkoutUrl").toString() != checkout);
    }

    void cancellingAPaidOrderRefundsIt() {
        const TestUser buyer = m_market.user("refunded");
        const QJsonObject order = m_market.escrowOrder(m_seller, buyer);
        const QString id = order.value("id").toString();
        const QString listingId = order.value("listing").toObject().value("id").toString();
        const QString paymentId = QUrlQuery(m_market.approve(buyer, id)).queryItemValue("paymentId");
        QCOMPARE(m_market.waitForStatus(buyer, id, "paid").value("status").toString(), QStringLiteral("paid"));
        BM_EXPECT_ERROR(step(buyer, id, "cancel", QJsonObject{}), 400, "validation_failed");
        const HttpResponse cancelled = step(buyer, id, "cancel", QJsonObject{{"reason", "found another"}});
        BM_EXPECT_STATUS(cancelled, 200);
        const QJsonObject o = cancelled.json().value("order").toObject();
        QCOMPARE(o.value("status").toString(), QStringLiteral("refunded"));
        QCOMPARE(o.value("payment").toObject().value("status").toString(), QStringLiteral("refunded"));
        QCOMPARE(listingStatus(listingId), QStringLiteral("active"));
        // The buyer's ledger is back to zero: paid in, paid back.
        qint64 sum = 0;
        for (const QJsonValue& e : m_market.ledger(buyer))
            sum += amountOf(e.toObject().value("amount"));
        QCOMPARE(sum, 0);
        // And the provider says so too.
        const HttpResponse atProvider = m_market.sandbox().api("GET", "/api/payments/" + paymentId);
        QCOMPARE(atProvider.json().value("payment").toObject().value("status").toString(),
                 QStringLiteral("refunded"));
        BM_EXPECT_ERROR(step(buyer, id, "cancel", QJsonObject{{"reason", "again"}}), 409, "invalid_state");
    }

    void unpaidOrderIsCancelledAtItsDeadline() {
        const TestUser buyer = m_market.user("slow");
        const QJsonObject order = m_market.escrowOrder(m_seller, buyer);
        const QString id = order.value("id").toString();
        const QString listingId = order.value("listing").toObject().value("id").toString();
        QCOMPARE(listingStatus(listingId), QStringLiteral("reserved"));
        const QJsonObject o = m_market.waitForStatus(buyer, id, "cancelled", 15'000);
        QCOMPARE(o.value("status").toString(), QStringLiteral("cancelled"));
        QCOMPARE(listingStatus(listingId), QStringLiteral("active"));
        BM_EXPECT_ERROR(step(buyer, id, "payment"), 409, "invalid_state");
        // Back on sale: another buyer may buy it.
        BM_EXPECT_STATUS(m_market.buy(m_market.user("next"), listingId, "in_person"), 201);
    }

    void shippedOrderConfirmsItself() {
        const TestUser buyer = m_market.user("silent");
        const QString id = m_market.escrowOrder(m_seller, buyer).value("id").toString();
        m_market.approve(buyer, id);
        QCOMPARE(m_market.waitForStatus(buyer, id, "paid").value("status").toString(), QStringLiteral("paid"));
        BM_EXPECT_STATUS(step(m_seller, id, "ship", shipment()), 200);
        const QJsonObject o = m_market.waitForStatus(buyer, id, "completed", 15'000);
        QCOMPARE(o.value("status").toString(), QStringLiteral("completed"));
    }

    void myOrdersByRole() {
        const TestUser buyer = m_market.user("lister");
        const QString id = m_market.escrowOrder(m_seller, buyer).value("id").toString();
        const QJsonArray mine = m_market.as(buyer)->get("/api/v1/me/orders").json().value("items").toArray();
        QCOMPARE(mine.size(), 1);
        QCOMPARE(mine[0].toObject().value("id").toString(), id);
        QCOMPARE(m_market.as(buyer)->get("/api/v1/me/orders?role=seller").json().value("items").toArray().size(), 0);
        BM_EXPECT_ERROR(m_market.as(buyer)->get("/api/v1/me/orders?role=owner"), 400, "validation_failed");
    }

    void koreanErrors() {
        const TestUser buyer = m_market.user("korean");
        const QString id = m_market.escrowOrder(m_seller, buyer).value("id").toString();
        const HttpResponse r = clientAs(m_market.server(), buyer, "ko")->post("/api/v1/orders/" + id + "/confirm", {});
        BM_EXPECT_ERROR(r, 409, "invalid_state");
        QCOMPARE(r.json().value("error").toObject().value("message").toString(),
                 QStringLiteral("지금 주문 상태에서는 할 수 없는 단계입니다."));
    }
};

QTEST_GUILESS_MAIN(OrderApiTest)
#include "OrderApiTest.moc"
