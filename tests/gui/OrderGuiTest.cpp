// Orders between two real clients in one process under Xvfb, against the real server with
// --demo paying through the real payment sandbox: minji buys two of junho's items. Bought to
// meet in person (Buy is not offered on junho's own copy, and the listing is reserved once
// bought), each confirms the hand-over on their order page and both end completed. Bought with
// safe payment, minji's Pay opens the checkout (captured, and paid over HTTP as her browser
// would), her page says the payment is in progress and turns paid live; junho's shipment form
// refuses a wrong tracking number, then ships; minji sees the carrier and the date it confirms
// by itself, confirms, and junho's balance shows what he earned. An order's notification opens
// its order page. Both Orders tabs and the balance page read in Korean. Both windows leave
// screenshots in $BITMARKET_TEST_OUTPUT.
#include "ClientWindow.h"
#include "DemoServer.h"
#include "GuiDriver.h"
#include "OrderTestSupport.h"
#include "QmlLogWatch.h"
#include "app/ClientApplication.h"
#include "app/ClientSettings.h"
#include "orders/CheckoutLauncher.h"
#include "orders/OrderBook.h"
#include "realtime/RealtimeClient.h"
#include "session/Session.h"
#include "support/HttpTestClient.h"

#include <QFile>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QQmlProperty>
#include <QQuickItem>
#include <QSignalSpy>
#include <QTest>

using namespace bitmarket::test;

namespace {

constexpr const char* kPhoto = BITMARKET_SOURCE_DIR "/assets/demo/items/film-camera-rangefinder/photo-1.jpg";

// Two windows rendering on threads of their own crashed Mesa's software rasterizer under Xvfb;
// rendered one after the other on the GUI thread they do not (as in ChatGuiTest).
const bool kRenderOnTheGuiThread = qputenv("QSG_RENDER_LOOP", "basic");

QString textOf(QQuickItem* item) {
    return item ? QQmlProperty::read(item, "text").toString() : QString();
}

using Person = ClientWindow;

} // namespace

class OrderGuiTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void boughtInPersonBothConfirm();
    void boughtWithSafePaymentPaidShippedConfirmed();
    void ordersAndBalanceInKorean();
    void cleanupTestCase();

private:
    std::unique_ptr<Person> start(const QString& user, QPoint at);
    GuiDriver& use(Person& person);
    QString createListing(const QString& title, qint64 price);
    // Opens the listing, presses Buy, picks the method and buys; the order page's order id.
    QString buyThroughTheDialog(const QString& listingId, const char* methodButton, const QString& shot);
    // The person's open order page's OrderDetail, once it shows `orderId`.
    QObject* orderOn(Person& person, const QString& orderId);
    // Junho finds the order in his Selling tab and opens it.
    QObject* sellerOpens(const QString& orderId, const QString& shot);
    bool statusIs(Person& person, const QString& orderId, const QString& status);
    void shoot(const QString& name);

    QmlLogWatch m_qmlLog;
    PaymentSandboxProcess m_sandbox;
    DemoServer m_server;
    std::unique_ptr<HttpTestClient> m_junho;
    std::unique_ptr<Person> m_buyer;
    std::unique_ptr<Person> m_seller;
    QString m_escrowOrderId;
};

std::unique_ptr<Person> OrderGuiTest::start(const QString& user, QPoint at) {
    return ClientWindow::open(m_server.httpUrl(), user, DemoServer::kPassword, at, {1100, 720},
                              [](ClientApplication& app) {
                                  // Checkouts are not opened in a browser: the test pays them over HTTP.
                                  app.checkout()->setCapturing(true);
                              });
}

GuiDriver& OrderGuiTest::use(Person& person) {
    return person.use();
}

void OrderGuiTest::shoot(const QString& name) {
    m_buyer->ui->settle(300);
    m_buyer->ui->screenshot(name + "-buyer");
    m_seller->ui->screenshot(name + "-seller");
}

QString OrderGuiTest::createListing(const QString& title, qint64 price) {
    const auto created = m_junho->post(
        "/api/v1/listings",
        QJsonObject{{"title", title},
                    {"description", "Works well; a small mark on the top."},
                    {"categoryId", "other"},
                    {"price", QJsonObject{{"amount", price}, {"currency", "KRW"}}},
                    {"condition", "good"},
                    {"tags", QJsonArray{"camera"}},
                    {"region", "Seoul, Mapo-gu"}});
    if (created.status != 201)
        return {};
    const QString id = created.json().value("id").toString();
    QFile photo(kPhoto);
    if (!photo.open(QIODevice::ReadOnly))
        return {};
    m_junho->upload("/api/v1/listings/" + id + "/photos",
                    {bitmarket::test::UploadFile{"photo-1.jpg", photo.readAll(), "image/jpeg"}});
    return id;
}

QObject* OrderGuiTest::orderOn(Person& person, const QString& orderId) {
    QObject* found = nullptr;
    person.ui->waitFor([&] {
        QQuickItem* page = person.ui->find("orderPage");
        QObject* order = page ? page->property("order").value<QObject*>() : nullptr;
        if (order && order->property("loaded").toBool() &&
            (orderId.isEmpty() || order->property("orderId").toString() == orderId))
            found = order;
        return found != nullptr;
    });
    person.ui->settle(400);
    return found;
}

bool OrderGuiTest::statusIs(Person& person, const QString& orderId, const QString& status) {
    return person.ui->waitFor([&] {
        QObject* order = orderOn(person, orderId);
        return order && order->property("status").toString() == status;
    });
}

QString OrderGuiTest::buyThroughTheDialog(const QString& listingId, const char* methodButton,
                                          const QString& shot) {
    GuiDriver& buyer = use(*m_buyer);
    QMetaObject::invokeMethod(m_buyer->app->window(), "openListing", Q_ARG(QVariant, listingId));
    QQuickItem* buy = buyer.waitForItem("buyButton");
    if (!buy)
        return {};
    buyer.settle(600);
    buyer.screenshot(shot + "-listing");
    buyer.click(buy);
    QQuickItem* method = buyer.waitForItem(methodButton);
    if (!method)
        return {};
    buyer.click(method);
    buyer.settle(400);
    buyer.screenshot(shot + "-buy-dialog");
    buyer.click(buyer.find("buyConfirm"));
    QObject* order = orderOn(*m_buyer, {});
    return order ? order->property("orderId").toString() : QString();
}

QObject* OrderGuiTest::sellerOpens(const QString& orderId, const QString& shot) {
    GuiDriver& seller = use(*m_seller);
    seller.click(seller.waitForItem("navOrders"));
    seller.click(seller.waitForItem("tabSelling"));
    // The order arrived live on the list. Showing the section reloads the list, which makes
    // its rows again: the row is looked for once that is done, and pressed at once.
    OrderListModel* selling = m_seller->app->orders()->selling();
    QQuickItem* row = nullptr;
    seller.waitFor([&] {
        row = nullptr;
        if (selling->loading())
            return false;
        for (QQuickItem* r : seller.findAll("orderRow_0")) {
            if (r->property("orderId").toString() == orderId)
                row = r;
        }
        return row != nullptr;
    });
    if (!row)
        return nullptr;
    seller.settle(400);
    seller.screenshot(shot);
    row = seller.find("orderRow_0");
    if (!row || row->property("orderId").toString() != orderId)
        return nullptr;
    seller.click(row);
    return orderOn(*m_seller, orderId);
}

void OrderGuiTest::initTestCase() {
    m_qmlLog.start();
    QVERIFY2(m_sandbox.start(), "the payment sandbox did not start");
    QVERIFY2(m_server.start(m_sandbox.serverArgs()), "the server did not start");
    QVERIFY(m_sandbox.sendWebhooksTo(m_server.httpUrl()));
    m_junho = std::make_unique<HttpTestClient>(m_server.httpUrl());
    const auto login = m_junho->post("/api/v1/auth/login",
                                     QJsonObject{{"login", "junho"}, {"password", DemoServer::kPassword}});
    m_junho->setAccessToken(login.json().value("accessToken").toString());

    m_buyer = start(DemoServer::kUser, QPoint(0, 0));
    QVERIFY2(m_buyer, "minji's app did not start");
    m_seller = start("junho", QPoint(300, 150));
    QVERIFY2(m_seller, "junho's app did not start");
    QVERIFY(m_buyer->ui->waitFor([&] { return m_buyer->app->realtime()->online(); }, 15000));
    QVERIFY(m_seller->ui->waitFor([&] { return m_seller->app->realtime()->online(); }, 15000));
}

void OrderGuiTest::cleanup() {
    const QStringList complaints = m_qmlLog.takeComplaints();
    QVERIFY2(complaints.isEmpty(), qPrintable(complaints.join(QLatin1Char('\n'))));
}

void OrderGuiTest::boughtInPersonBothConfirm() {
    const QString listingId = createListing("Rangefinder camera, 50mm", 180000);
    QVERIFY(!listingId.isEmpty());

    // Junho's own copy offers no Buy.
    GuiDriver& seller = use(*m_seller);
    QMetaObject::invokeMethod(m_seller->app->window(), "openListing", Q_ARG(QVariant, listingId));
    QVERIFY(seller.waitForItem("editListingButton"));
    seller.settle(300);
    QVERIFY(!seller.find("buyButton"));
    QMetaObject::invokeMethod(m_seller->app->window(), "showSection", Q_ARG(QVariant, "home"));

    const QString orderId = buyThroughTheDialog(listingId, "buyInPerson", "o1");
    QVERIFY(!orderId.isEmpty());
    QObject* bought = orderOn(*m_buyer, orderId);
    QCOMPARE(bought->property("status").toString(), QStringLiteral("awaiting_meetup"));
    QCOMPARE(textOf(m_buyer->ui->find("orderTitle")), QStringLiteral("Rangefinder camera, 50mm"));
    QCOMPARE(textOf(m_buyer->ui->find("orderAmount")), QStringLiteral("₩180,000"));
    QCOMPARE(textOf(m_buyer->ui->find("orderStatus")), QStringLiteral("Meet-up to come"));
    QCOMPARE(textOf(m_buyer->ui->find("confirmButton")), QStringLiteral("Confirm the hand-over"));
    QVERIFY(!m_buyer->ui->find("payButton"));
    QVERIFY(textOf(m_buyer->ui->find("orderStep_0")).startsWith("Ordered, to hand over in person"));

    QObject* sold = sellerOpens(orderId, "o2-seller-selling-tab");
    QVERIFY(sold);
    QVERIFY(textOf(m_seller->ui->find("orderCounterpart")).startsWith("Sold to Minji Kim"));
    shoot("o3-in-person-ordered");

    // Minji confirms first: she waits for junho, whose page still asks him.
    GuiDriver& buyer = use(*m_buyer);
    buyer.click(buyer.find("confirmButton"));
    QVERIFY(buyer.waitFor([&] {
        return textOf(buyer.find("orderNextStep")).startsWith("You confirmed the hand-over.");
    }));
    QVERIFY(!buyer.find("confirmButton"));
    QVERIFY(m_seller->ui->find("confirmButton"));
    shoot("o4-in-person-one-side-confirmed");
    GuiDriver& again = use(*m_seller);
    again.click(again.find("confirmButton"));
    QVERIFY(statusIs(*m_seller, orderId, "completed"));
    QVERIFY(statusIs(*m_buyer, orderId, "completed"));
    QCOMPARE(textOf(m_buyer->ui->find("orderStatus")), QStringLiteral("Completed"));
    QVERIFY(textOf(m_buyer->ui->find("orderStep_1")).startsWith("Handed over: completed"));
    QVERIFY(!m_buyer->ui->find("cancelOrderButton"));
    shoot("o5-in-person-completed");

    // Junho's confirmation told minji: the notification opens the order, not the listing.
    QMetaObject::invokeMethod(m_buyer->app->window(), "showSection", Q_ARG(QVariant, "home"));
    GuiDriver& told = use(*m_buyer);
    told.click(told.waitForItem("navNotifications"));
    QQuickItem* notification = nullptr;
    QVERIFY(told.waitFor([&] {
        notification = told.find("notification_0");
        return notification && notification->property("type").toString() == "order.updated";
    }));
    told.settle(400);
    told.screenshot("o5b-order-notification-buyer");
    told.click(notification);
    QVERIFY(orderOn(*m_buyer, orderId));
    QCOMPARE(textOf(told.find("orderStatus")), QStringLiteral("Completed"));

    // The listing behind the order page is sold now: no Buy.
    QMetaObject::invokeMethod(m_buyer->app->window(), "openListing", Q_ARG(QVariant, listingId));
    QVERIFY(m_buyer->ui->waitFor([&] {
        QQuickItem* page = m_buyer->ui->find("listingPage");
        return page && page->property("detail").value<QObject*>()->property("status").toString() == "sold";
    }));
    m_buyer->ui->settle(300);
    QVERIFY(!m_buyer->ui->find("buyButton"));
    QMetaObject::invokeMethod(m_buyer->app->window(), "showSection", Q_ARG(QVariant, "home"));
    QMetaObject::invokeMethod(m_seller->app->window(), "showSection", Q_ARG(QVariant, "home"));
}

void OrderGuiTest::boughtWithSafePaymentPaidShippedConfirmed() {
    const QString listingId = createListing("Brass desk lamp", 60000);
    QVERIFY(!listingId.isEmpty());
    const QString orderId = buyThroughTheDialog(listingId, "buyEscrow", "o6");
    QVERIFY(!orderId.isEmpty());
    m_escrowOrderId = orderId;
    QCOMPARE(textOf(m_buyer->ui->find("orderStatus")), QStringLiteral("Waiting for payment"));
    QCOMPARE(textOf(m_buyer->ui->find("payButton")), QStringLiteral("Pay ₩60,000"));
    QVERIFY(!m_buyer->ui->find("orderFee"));

    QVERIFY(sellerOpens(orderId, "o7-seller-selling-tab"));
    QCOMPARE(textOf(m_seller->ui->find("orderFee")), QStringLiteral("Fee ₩3,000 · you receive ₩57,000"));
    QVERIFY(!m_seller->ui->find("payButton"));
    QVERIFY(!m_seller->ui->find("shipButton"));
    shoot("o8-awaiting-payment");

    // Pay: the checkout goes to the browser (captured here); the page waits for the provider.
    QSignalSpy opened(m_buyer->app->checkout(), &CheckoutLauncher::opened);
    GuiDriver& buyer = use(*m_buyer);
    buyer.click(buyer.find("payButton"));
    QVERIFY(opened.wait(15000));
    const QUrl checkoutUrl = opened.at(0).at(0).toUrl();
    QCOMPARE(checkoutUrl.port(), m_sandbox.url().port());
    QVERIFY(buyer.waitFor([&] { return textOf(buyer.find("orderNextStep")).startsWith("Payment in progress."); }));
    QCOMPARE(textOf(buyer.find("payButton")), QStringLiteral("Open the checkout again"));
    shoot("o9-payment-in-progress");

    // Minji's browser: the card on the sandbox's page, then back to the server's return page.
    const QUrl back = m_sandbox.pay(checkoutUrl.toString(), PaymentSandboxProcess::kApproves);
    QVERIFY(!back.isEmpty());
    QNetworkAccessManager browser;
    QNetworkReply* returned = browser.get(QNetworkRequest(back));
    QVERIFY(QTest::qWaitFor([&] { return returned->isFinished(); }, 15000));
    QCOMPARE(returned->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    returned->deleteLater();
    QVERIFY(statusIs(*m_buyer, orderId, "paid"));
    QVERIFY(statusIs(*m_seller, orderId, "paid"));
    QCOMPARE(textOf(m_buyer->ui->find("orderStatus")), QStringLiteral("Paid"));
    QVERIFY(!m_buyer->ui->find("payButton"));
    QVERIFY(m_seller->ui->find("shipButton"));

    // A tracking number that cannot be one is refused on the spot.
    GuiDriver& seller = use(*m_seller);
    seller.typeInto(seller.find("shipCarrier"), "CJ Logistics");
    seller.typeInto(seller.find("shipTracking"), "12");
    seller.click(seller.find("shipButton"));
    QVERIFY(seller.waitFor([&] {
        QObject* order = orderOn(*m_seller, orderId);
        return order && !order->property("trackingError").toString().isEmpty();
    }));
    shoot("o10-paid-ship-form-refused");
    // Cancelling now would refund minji, and the dialog says so; junho keeps the order.
    seller.click(seller.find("cancelOrderButton"));
    QQuickItem* warning = seller.waitForItem("cancelOrderMessage");
    QVERIFY(warning);
    QVERIFY(textOf(warning).contains("refunded to them in full"));
    QVERIFY(!seller.find("cancelOrderConfirm")->isEnabled()); // no reason yet
    seller.settle(300);
    seller.screenshot("o10b-cancel-dialog-refund-seller");
    seller.click(seller.find("cancelOrderKeep"));
    QVERIFY(seller.waitFor([&] { return seller.find("cancelOrderMessage") == nullptr; }));
    seller.typeInto(seller.find("shipTracking"), "6123-4567-8901");
    seller.click(seller.find("shipButton"));
    QVERIFY(statusIs(*m_seller, orderId, "shipped"));
    QVERIFY(statusIs(*m_buyer, orderId, "shipped"));
    QCOMPARE(textOf(m_buyer->ui->find("orderShipment")), QStringLiteral("CJ Logistics, tracking number 6123-4567-8901"));
    QVERIFY(textOf(m_buyer->ui->find("orderAutoConfirm")).startsWith("Confirmed by itself on "));
    QCOMPARE(textOf(m_buyer->ui->find("confirmButton")), QStringLiteral("Confirm receipt"));
    QVERIFY(!m_seller->ui->find("confirmButton"));
    shoot("o11-shipped");

    GuiDriver& receiver = use(*m_buyer);
    receiver.click(receiver.find("confirmButton"));
    QVERIFY(statusIs(*m_buyer, orderId, "completed"));
    QVERIFY(statusIs(*m_seller, orderId, "completed"));
    QCOMPARE(textOf(m_seller->ui->find("orderNextStep")),
             QStringLiteral("Completed. ₩57,000 is yours and goes out with the next payout."));
    shoot("o12-safe-payment-completed");

    // Both Orders tabs list it as completed.
    receiver.click(receiver.find("navOrders"));
    receiver.click(receiver.waitForItem("tabBuying"));
    QVERIFY(receiver.waitFor([&] {
        QQuickItem* row = receiver.find("orderRow_0");
        return row && row->property("orderId").toString() == orderId &&
               row->property("status").toString() == "completed";
    }));
    GuiDriver& sellerUi = use(*m_seller);
    sellerUi.click(sellerUi.find("navOrders"));
    sellerUi.click(sellerUi.waitForItem("tabSelling"));
    QVERIFY(sellerUi.waitFor([&] {
        QQuickItem* row = sellerUi.find("orderRow_0");
        return row && row->property("orderId").toString() == orderId &&
               row->property("status").toString() == "completed";
    }));
    shoot("o13-orders-tabs");
    // What junho bought himself: the demo's mug, still waiting for the meet-up he agreed.
    sellerUi.click(sellerUi.find("tabBuying"));
    QVERIFY(sellerUi.waitFor([&] {
        QQuickItem* row = sellerUi.find("orderRow_0");
        return row && row->property("title").toString().contains("mug") &&
               row->property("status").toString() == "awaiting_meetup";
    }));
    QCOMPARE(sellerUi.find("orderRow_0")->property("statusText").toString(), QStringLiteral("Meet-up to come"));
    sellerUi.settle(400);
    sellerUi.screenshot("o13b-demo-order-in-progress-seller");
    sellerUi.click(sellerUi.find("tabSelling"));

    // Junho's balance: what he earned is available, and the ledger says where it came from.
    sellerUi.click(sellerUi.find("balanceButton"));
    QVERIFY(sellerUi.waitFor([&] { return textOf(sellerUi.find("balanceAvailable")) == QStringLiteral("₩57,000"); }));
    QCOMPARE(textOf(sellerUi.find("balancePending")), QStringLiteral("₩0"));
    QVERIFY(sellerUi.waitFor([&] { return sellerUi.findAll("ledgerRowText").size() == 3; }));
    QStringList lines;
    for (QQuickItem* text : sellerUi.findAll("ledgerRowText"))
        lines.append(textOf(text));
    QVERIFY2(lines.contains("Earned from a completed sale, less the fee"), qPrintable(lines.join(" | ")));
    // The history has the room the figures leave it.
    QVERIFY(sellerUi.find("ledgerList")->height() > 200);
    sellerUi.settle(400);
    sellerUi.screenshot("o14-balance-seller");
}

void OrderGuiTest::ordersAndBalanceInKorean() {
    // Translations are the process's: both windows turn Korean together.
    m_buyer->app->settings()->setLanguage("ko");
    m_seller->app->settings()->setLanguage("ko");
    GuiDriver& seller = use(*m_seller);
    QVERIFY(seller.waitFor([&] { return textOf(seller.find("ledgerRowText")).contains(QStringLiteral("판매")); }));
    QCOMPARE(textOf(seller.find("balanceAvailable")), QStringLiteral("57,000원"));
    seller.settle(400);
    seller.screenshot("o15-balance-korean-seller");

    GuiDriver& buyer = use(*m_buyer);
    QVERIFY(buyer.waitFor([&] {
        QQuickItem* row = buyer.find("orderRowStatus");
        return row && textOf(row) == QStringLiteral("거래 완료");
    }));
    buyer.settle(400);
    buyer.screenshot("o16-orders-korean-buyer");
    QMetaObject::invokeMethod(m_buyer->app->window(), "openOrder", Q_ARG(QVariant, m_escrowOrderId));
    QVERIFY(orderOn(*m_buyer, m_escrowOrderId));
    QCOMPARE(textOf(buyer.find("orderStatus")), QStringLiteral("거래 완료"));
    buyer.screenshot("o17-order-korean-buyer");

    // The Buy dialog in Korean.
    const QString listingId = createListing("Film camera strap", 15000);
    QMetaObject::invokeMethod(m_buyer->app->window(), "openListing", Q_ARG(QVariant, listingId));
    buyer.click(buyer.waitForItem("buyButton"));
    QVERIFY(buyer.waitForItem("buyEscrow"));
    buyer.settle(400);
    buyer.screenshot("o18-buy-dialog-korean");
    QTest::keyClick(m_buyer->app->window(), Qt::Key_Escape);
    m_buyer->app->settings()->setLanguage("en");
    m_seller->app->settings()->setLanguage("en");
}

void OrderGuiTest::cleanupTestCase() {
    m_seller.reset();
    m_buyer.reset();
    m_server.stop();
}

QTEST_MAIN(OrderGuiTest)
#include "OrderGuiTest.moc"
