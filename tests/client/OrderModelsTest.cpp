// The order models against the real server paying through the real payment sandbox, with a
// seller and two buyers each with their own app parts (API, socket, session, OrderBook): bought
// to meet in person, each side confirms the hand-over and both pages and lists end completed;
// bought with safe payment, the checkout the buyer's page opens is paid at the sandbox (its HTML
// form posted) and the page turns paid live, the seller ships (the form checked first), the buyer
// confirms and the seller's balance and ledger show what they earned; a step the server refuses
// shows its words; a second buyer is told someone bought it first; a paid order cancelled is
// refunded.
#include "OrderTestSupport.h"
#include "api/ApiClient.h"
#include "orders/CheckoutLauncher.h"
#include "orders/OrderBook.h"
#include "orders/OrderDetail.h"
#include "orders/SellerBalance.h"
#include "realtime/RealtimeClient.h"
#include "session/Session.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace bitmarket::test;

namespace {

constexpr int kWaitMs = 15000;

// One person's app: what ClientApplication puts together, without a window. Checkouts are
// captured, not opened in a browser.
struct Member {
    Member() { checkout.setCapturing(true); }
    QTemporaryDir config;
    ApiClient api;
    RealtimeClient realtime{&api};
    Session session{&api, config.path()};
    CheckoutLauncher checkout;
    OrderBook orders{&api, &realtime, &session, &checkout};
};

QVariant roleOf(const QAbstractItemModel& model, int row, const QByteArray& name) {
    const QHash<int, QByteArray> roles = model.roleNames();
    return model.data(model.index(row, 0), roles.key(name));
}

int rowWith(const QAbstractItemModel& model, const QByteArray& role, const QVariant& value) {
    for (int row = 0; row < model.rowCount(); ++row) {
        if (roleOf(model, row, role) == value)
            return row;
    }
    return -1;
}

QString statusIn(const QAbstractItemModel& model, const QString& orderId) {
    const int row = rowWith(model, "orderId", orderId);
    return row < 0 ? QString() : roleOf(model, row, "status").toString();
}

QStringList stepTexts(const OrderDetail& order) {
    QStringList texts;
    for (const QVariant& step : order.steps())
        texts.append(step.toMap().value("text").toString());
    return texts;
}

// The browser coming back from the checkout: the server's return page.
int followRedirect(const QUrl& location) {
    QNetworkAccessManager network;
    QNetworkReply* reply = network.get(QNetworkRequest(location));
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    reply->deleteLater();
    return status;
}

} // namespace

class OrderModelsTest : public QObject {
    Q_OBJECT

private:
    OrderMarket m_market;
    TestUser m_sellerUser;
    TestUser m_buyerUser;
    TestUser m_otherUser;
    std::unique_ptr<Member> m_seller;
    std::unique_ptr<Member> m_buyer;
    std::unique_ptr<Member> m_other;

    std::unique_ptr<Member> signIn(const TestUser& user) {
        auto member = std::make_unique<Member>();
        member->api.setServerUrl(m_market.server().httpUrl());
        member->session.signIn(user.username, user.password);
        if (!QTest::qWaitFor([&] { return member->session.signedIn(); }, kWaitMs))
            qWarning("%s did not sign in", qPrintable(user.username));
        member->realtime.start();
        if (!QTest::qWaitFor([&] { return member->realtime.online(); }, kWaitMs))
            qWarning("%s's socket did not open", qPrintable(user.username));
        QTest::qWait(300); // the subscription to user:{id} arrives
        return member;
    }
    // Buys through the member's app; the order's id (empty if it was refused).
    QString buy(Member& member, const QString& listingId, const QString& method) {
        QSignalSpy bought(&member.orders, &OrderBook::bought);
        member.orders.buy(listingId, method);
        if (!bought.wait(kWaitMs))
            return {};
        return bought.at(0).at(0).toString();
    }
    std::unique_ptr<OrderDetail> open(Member& member, const QString& orderId) {
        auto order = std::make_unique<OrderDetail>();
        order->setOrders(&member.orders);
        order->setOrderId(orderId);
        if (!QTest::qWaitFor([&] { return order->loaded() && !order->loading(); }, kWaitMs))
            qWarning("the order did not load");
        return order;
    }
    // Takes a step and waits for its answer.
    static bool stepped(OrderDetail& order, const std::function<void()>& step) {
        step();
        return QTest::qWaitFor([&] { return !order.busy(); }, kWaitMs);
    }

private slots:
    void initTestCase() {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QVERIFY(m_market.start());
        m_sellerUser = m_market.user("hana");
        m_buyerUser = m_market.user("dojin");
        m_otherUser = m_market.user("sora");
        QVERIFY(m_sellerUser.ok() && m_buyerUser.ok() && m_otherUser.ok());
        m_seller = signIn(m_sellerUser);
        m_buyer = signIn(m_buyerUser);
        m_other = signIn(m_otherUser);
        QVERIFY(m_seller->realtime.online() && m_buyer->realtime.online() && m_other->realtime.online());
    }
    void cleanupTestCase() {
        m_other.reset();
        m_buyer.reset();
        m_seller.reset();
    }

    void inPersonBothConfirmAndItIsCompleted() {
        const QString listingId = m_market.listing(m_sellerUser, 50000);
        const QString orderId = buy(*m_buyer, listingId, "in_person");
        QVERIFY(!orderId.isEmpty());

        // On top of the buyer's list at once, and live on the seller's.
        QCOMPARE(statusIn(*m_buyer->orders.buying(), orderId), QStringLiteral("awaiting_meetup"));
        const int row = rowWith(*m_buyer->orders.buying(), "orderId", orderId);
        QCOMPARE(roleOf(*m_buyer->orders.buying(), row, "counterpartText").toString(),
                 QStringLiteral("From %1").arg(m_sellerUser.username.toUpper()));
        QCOMPARE(roleOf(*m_buyer->orders.buying(), row, "amountText").toString(), QStringLiteral("₩50,000"));
        QCOMPARE(roleOf(*m_buyer->orders.buying(), row, "statusText").toString(), QStringLiteral("Meet-up to come"));
        QVERIFY(QTest::qWaitFor([&] { return statusIn(*m_seller->orders.selling(), orderId) == "awaiting_meetup"; },
                                kWaitMs));
        QCOMPARE(statusIn(*m_seller->orders.buying(), orderId), QString());

        auto buyerPage = open(*m_buyer, orderId);
        auto sellerPage = open(*m_seller, orderId);
        QVERIFY(buyerPage->isBuyer());
        QVERIFY(!sellerPage->isBuyer());
        QCOMPARE(buyerPage->counterpartText(), QStringLiteral("Bought from %1").arg(m_sellerUser.username.toUpper()));
        QCOMPARE(sellerPage->counterpartText(), QStringLiteral("Sold to %1").arg(m_buyerUser.username.toUpper()));
        QCOMPARE(sellerPage->feeText(), QString()); // no fee in person
        QCOMPARE(stepTexts(*buyerPage), QStringList{"Ordered, to hand over in person"});
        QVERIFY(buyerPage->canConfirm() && sellerPage->canConfirm());
        QVERIFY(!buyerPage->canPay() && !sellerPage->canShip());
        QCOMPARE(buyerPage->confirmText(), QStringLiteral("Confirm the hand-over"));

        QVERIFY(stepped(*buyerPage, [&] { buyerPage->confirm(); }));
        QCOMPARE(buyerPage->actionError(), QString());
        QVERIFY(!buyerPage->canConfirm());
        QCOMPARE(buyerPage->nextStepText(),
                 QStringLiteral("You confirmed the hand-over. Waiting for the seller to confirm too."));
        QVERIFY(sellerPage->canConfirm());

        QVERIFY(stepped(*sellerPage, [&] { sellerPage->confirm(); }));
        QCOMPARE(sellerPage->status(), QStringLiteral("completed"));
        // The buyer's page and list follow without a reload.
        QVERIFY(QTest::qWaitFor([&] { return buyerPage->status() == "completed"; }, kWaitMs));
        QCOMPARE(stepTexts(*buyerPage),
                 (QStringList{"Ordered, to hand over in person", "Handed over: completed"}));
        QVERIFY(QTest::qWaitFor([&] { return statusIn(*m_buyer->orders.buying(), orderId) == "completed"; },
                                kWaitMs));
        QCOMPARE(statusIn(*m_seller->orders.selling(), orderId), QStringLiteral("completed"));
        QVERIFY(!buyerPage->canCancel() && !buyerPage->canConfirm());
    }

    void safePaymentPaidLiveShippedConfirmedAndTheSellerEarns() {
        const QString listingId = m_market.listing(m_sellerUser, 150000);
        const QString orderId = buy(*m_buyer, listingId, "escrow");
        QVERIFY(!orderId.isEmpty());
        auto buyerPage = open(*m_buyer, orderId);
        auto sellerPage = open(*m_seller, orderId);
        QCOMPARE(buyerPage->status(), QStringLiteral("awaiting_payment"));
        QVERIFY(buyerPage->canPay());
        QVERIFY(!sellerPage->canPay() && !sellerPage->canShip() && !sellerPage->canConfirm());
        QCOMPARE(buyerPage->feeText(), QString());
        QCOMPARE(sellerPage->feeText(), QStringLiteral("Fee ₩7,500 · you receive ₩142,500"));
        QCOMPARE(buyerPage->nextStepText(),
                 QStringLiteral("Pay safely: the money is held until you confirm the item arrived."));

        // Pay: the checkout "opens"; the page says the payment is under way.
        QSignalSpy opened(&m_buyer->checkout, &CheckoutLauncher::opened);
        buyerPage->pay();
        QVERIFY(opened.wait(kWaitMs));
        const QUrl checkoutUrl = opened.at(0).at(0).toUrl();
        QCOMPARE(checkoutUrl.host(), m_market.sandbox().url().host());
        QCOMPARE(checkoutUrl.port(), m_market.sandbox().url().port());
        QVERIFY(buyerPage->paymentInProgress());
        QVERIFY(buyerPage->nextStepText().startsWith("Payment in progress."));

        // The buyer's browser: the card at the sandbox's form, then back to the server.
        const QUrl back = m_market.sandbox().pay(checkoutUrl.toString(), PaymentSandboxProcess::kApproves);
        QVERIFY(back.isValid() && !back.isEmpty());
        QCOMPARE(followRedirect(back), 200);
        // Paid, live, on both pages and in both lists.
        QVERIFY(QTest::qWaitFor([&] { return buyerPage->status() == "paid"; }, kWaitMs));
        QVERIFY(!buyerPage->paymentInProgress() && !buyerPage->canPay());
        QVERIFY(QTest::qWaitFor([&] { return sellerPage->status() == "paid"; }, kWaitMs));
        QVERIFY(QTest::qWaitFor([&] { return statusIn(*m_buyer->orders.buying(), orderId) == "paid"; }, kWaitMs));
        QVERIFY(QTest::qWaitFor([&] { return statusIn(*m_seller->orders.selling(), orderId) == "paid"; }, kWaitMs));
        QCOMPARE(stepTexts(*buyerPage),
                 (QStringList{"Ordered, to be paid safely", "Paid: the money is held until the buyer confirms"}));
        QVERIFY(sellerPage->canShip());
        QVERIFY(sellerPage->cancelRefunds());

        SellerBalance balance;
        balance.setOrders(&m_seller->orders);
        QVERIFY(QTest::qWaitFor([&] { return balance.loaded() && !balance.loading(); }, kWaitMs));
        QCOMPARE(balance.pendingText(), QStringLiteral("₩150,000"));
        QCOMPARE(balance.availableText(), QStringLiteral("₩0"));

        // The shipment form is checked before anything is sent.
        QVERIFY(!sellerPage->ship("  ", "12"));
        QVERIFY(!sellerPage->carrierError().isEmpty());
        QVERIFY(!sellerPage->trackingError().isEmpty());
        QCOMPARE(sellerPage->status(), QStringLiteral("paid"));
        QVERIFY(stepped(*sellerPage, [&] { QVERIFY(sellerPage->ship("CJ Logistics", "6123-4567-8901")); }));
        QCOMPARE(sellerPage->carrierError(), QString());
        QCOMPARE(sellerPage->status(), QStringLiteral("shipped"));
        QVERIFY(QTest::qWaitFor([&] { return buyerPage->status() == "shipped"; }, kWaitMs));
        QCOMPARE(buyerPage->shipmentText(), QStringLiteral("CJ Logistics, tracking number 6123-4567-8901"));
        QVERIFY(buyerPage->autoConfirmText().startsWith("Confirmed by itself on "));
        QVERIFY(buyerPage->canConfirm());
        QCOMPARE(buyerPage->confirmText(), QStringLiteral("Confirm receipt"));
        QVERIFY(!sellerPage->canConfirm() && !buyerPage->canCancel());

        QVERIFY(stepped(*buyerPage, [&] { buyerPage->confirm(); }));
        QCOMPARE(buyerPage->status(), QStringLiteral("completed"));
        QVERIFY(QTest::qWaitFor([&] { return sellerPage->status() == "completed"; }, kWaitMs));
        QCOMPARE(sellerPage->nextStepText(),
                 QStringLiteral("Completed. ₩142,500 is yours and goes out with the next payout."));

        // The seller's money moved from held to available, less the fee; the ledger says how.
        QVERIFY(QTest::qWaitFor([&] { return balance.availableText() == "₩142,500"; }, kWaitMs));
        QVERIFY(QTest::qWaitFor([&] { return balance.pendingText() == "₩0" && balance.rowCount() == 3; }, kWaitMs));
        const int earned = rowWith(balance, "text", QStringLiteral("Earned from a completed sale, less the fee"));
        QVERIFY(earned >= 0);
        QCOMPARE(roleOf(balance, earned, "amountText").toString(), QStringLiteral("+₩142,500"));
        QCOMPARE(roleOf(balance, earned, "orderId").toString(), orderId);
        const int released = rowWith(balance, "text", QStringLiteral("Released: the buyer confirmed receipt"));
        QVERIFY(released >= 0);
        QCOMPARE(roleOf(balance, released, "amountText").toString(), QStringLiteral("−₩150,000"));
        QVERIFY(rowWith(balance, "text", QStringLiteral("A buyer paid: held until they confirm receipt")) >= 0);
    }

    void aRefusedStepShowsTheServersWords() {
        const QJsonObject placed = m_market.escrowOrder(m_sellerUser, m_buyerUser, 20000);
        const QString orderId = placed.value("id").toString();
        auto buyerPage = open(*m_buyer, orderId);
        // Confirming receipt before it was paid, let alone shipped.
        const HttpResponse refused = m_market.as(m_buyerUser)->post("/api/v1/orders/" + orderId + "/confirm", {});
        QCOMPARE(refused.status, 409);
        QVERIFY(stepped(*buyerPage, [&] { buyerPage->confirm(); }));
        QCOMPARE(buyerPage->actionError(),
                 refused.json().value("error").toObject().value("message").toString());
        QVERIFY(!buyerPage->actionError().isEmpty());
        QCOMPARE(buyerPage->status(), QStringLiteral("awaiting_payment"));
        // The seller cancels the unpaid order: both pages end cancelled.
        auto sellerPage = open(*m_seller, orderId);
        QVERIFY(stepped(*sellerPage, [&] { sellerPage->cancel("Sold it elsewhere"); }));
        QCOMPARE(sellerPage->status(), QStringLiteral("cancelled"));
        QVERIFY(QTest::qWaitFor([&] { return buyerPage->status() == "cancelled"; }, kWaitMs));
        QVERIFY(!buyerPage->canPay() && !buyerPage->canCancel());
    }

    void aSecondBuyerIsToldItWasTaken() {
        const QString listingId = m_market.listing(m_sellerUser, 30000);
        QVERIFY(!buy(*m_buyer, listingId, "in_person").isEmpty());
        QSignalSpy failed(&m_other->orders, &OrderBook::buyFailed);
        m_other->orders.buy(listingId, "escrow");
        QVERIFY(failed.wait(kWaitMs));
        QVERIFY(failed.at(0).at(1).toBool()); // taken
        QVERIFY(!failed.at(0).at(0).toString().isEmpty());
        QVERIFY(!m_other->orders.buyingNow());
        QCOMPARE(m_other->orders.buying()->rowCount(), 0);
    }

    void aPaidOrderCancelledIsRefunded() {
        const QJsonObject placed = m_market.escrowOrder(m_sellerUser, m_buyerUser, 80000);
        const QString orderId = placed.value("id").toString();
        auto buyerPage = open(*m_buyer, orderId);
        QVERIFY(m_market.approve(m_buyerUser, orderId).isValid());
        QVERIFY(QTest::qWaitFor([&] { return buyerPage->status() == "paid"; }, kWaitMs));
        QVERIFY(buyerPage->canCancel() && buyerPage->cancelRefunds());
        QSignalSpy done(buyerPage.get(), &OrderDetail::stepDone);
        QVERIFY(stepped(*buyerPage, [&] { buyerPage->cancel("  Changed my mind  "); }));
        QCOMPARE(buyerPage->status(), QStringLiteral("refunded"));
        QCOMPARE(done.size(), 1);
        QCOMPARE(done.at(0).at(0).toString(), QStringLiteral("Cancelled. The buyer is refunded in full."));
        QCOMPARE(stepTexts(*buyerPage).last(), QStringLiteral("Cancelled and refunded in full"));
        QCOMPARE(buyerPage->nextStepText(),
                 QStringLiteral("This order was cancelled and the buyer refunded in full."));
        QVERIFY(QTest::qWaitFor([&] { return statusIn(*m_seller->orders.selling(), orderId) == "refunded"; },
                                kWaitMs));
        QCOMPARE(m_market.order(m_buyerUser, orderId).value("payment").toObject().value("status").toString(),
                 QStringLiteral("refunded"));
    }

    void onlyAWebPageIsOpenedAsTheCheckout() {
        // The address comes from the server: anything but http(s) is never handed to the system.
        CheckoutLauncher launcher;
        launcher.setCapturing(true);
        QSignalSpy opened(&launcher, &CheckoutLauncher::opened);
        QVERIFY(!launcher.open(QUrl("file:///etc/passwd")));
        QVERIFY(!launcher.open(QUrl("javascript:alert(1)")));
        QVERIFY(!launcher.open(QUrl("smb://host/share")));
        QCOMPARE(opened.count(), 0);
        QVERIFY(launcher.open(QUrl("https://checkout.example/pay/1")));
        QCOMPARE(opened.count(), 1);
        QCOMPARE(launcher.lastUrl(), QUrl("https://checkout.example/pay/1"));
    }
};

QTEST_MAIN(OrderModelsTest)
#include "OrderModelsTest.moc"
