// Live auctions in the real client under Xvfb against the real server (--demo, short auctions:
// --min-auction-seconds 1, a 10 s late-bid window). The app is minji; junho sells and sora
// bids over HTTP. The sell form's auction mode and its checks; the home page's "ending soon"
// row; on one auction the price and the countdown move live, a bid from the dialog leads,
// sora's higher bid outbids minji (the panel and a toast say so), the countdown turns red, a
// bid in the last seconds moves the end, and the close shows minji won; buy-now with its
// confirmation; the seller's panel without the bid button and its cancel; "My bids"; the
// panel in Korean and dark, at the smallest and a large window. Every step leaves a
// screenshot in $BITMARKET_TEST_OUTPUT.
#include "DemoServer.h"
#include "GuiDriver.h"
#include "QmlLogWatch.h"
#include "app/ClientApplication.h"
#include "app/ClientSettings.h"
#include "bitmarket/Timestamp.h"
#include "session/Session.h"
#include "support/HttpTestClient.h"

#include <QFile>
#include <QJsonArray>
#include <QQmlProperty>
#include <QQuickItem>
#include <QTemporaryDir>
#include <QTest>

using namespace bitmarket::test;

namespace {

constexpr int kExtensionSeconds = 10;

QJsonObject won(qint64 amount) {
    return QJsonObject{{"amount", amount}, {"currency", "KRW"}};
}

QString textOf(QQuickItem* item) {
    return item ? QQmlProperty::read(item, "text").toString() : QString();
}

} // namespace

class AuctionGuiTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void sellFormHasAnAuctionMode();
    void homeShowsWhatEndsSoon();
    void bidOutbidExtendedAndWonLive();
    void buyNowAsksFirst();
    void sellerSeesNoBidButtonAndCancels();
    void sellerChangesTheTermsUntilTheFirstBid();
    void myBidsListsWhereMinjiStands();
    void panelInKoreanAndDark();
    void panelAtTheSmallestAndALargeWindow();
    void cleanupTestCase();

private:
    std::unique_ptr<HttpTestClient> signedIn(const QString& user);
    // An auction listed by `seller` over HTTP, with a demo photo; its id.
    QString listAuction(HttpTestClient& seller, const QString& title, qint64 startPrice,
                        int seconds, QJsonObject terms = {});
    QQuickItem* openListing(const QString& listingId);
    void backToHome();
    void scrollToTop(QQuickItem* page);
    // What the window's toast says while it shows; empty while it does not.
    QString toastMessage() const;
    void scrollToEnd(QQuickItem* page);

    QmlLogWatch m_qmlLog;
    DemoServer m_server;
    QTemporaryDir m_home;
    std::unique_ptr<ClientApplication> m_app;
    std::unique_ptr<GuiDriver> m_ui;
    QString m_soonId;   // ends within a minute: the live one
    QString m_buyNowId; // with a buy-now price
    QString m_outbidId; // minji bids, sora outbids
};

std::unique_ptr<HttpTestClient> AuctionGuiTest::signedIn(const QString& user) {
    auto http = std::make_unique<HttpTestClient>(m_server.httpUrl());
    const auto login = http->post("/api/v1/auth/login",
                                  QJsonObject{{"login", user}, {"password", DemoServer::kPassword}});
    http->setAccessToken(login.json().value("accessToken").toString());
    return http;
}

QString AuctionGuiTest::listAuction(HttpTestClient& seller, const QString& title,
                                    qint64 startPrice, int seconds, QJsonObject terms) {
    terms.insert("startPrice", won(startPrice));
    terms.insert("endsAt", bitmarket::toRfc3339(bitmarket::nowMs() + seconds * 1000LL));
    const auto created = seller.post("/api/v1/listings",
                                     QJsonObject{{"title", title},
                                                 {"description", "Works well; see the photos."},
                                                 {"categoryId", "other"},
                                                 {"price", won(startPrice)},
                                                 {"condition", "good"},
                                                 {"tags", QJsonArray{"auction"}},
                                                 {"region", "Seoul, Mapo-gu"},
                                                 {"saleType", "auction"},
                                                 {"auction", terms}});
    const QString id = created.json().value("id").toString();
    QFile photo(QStringLiteral(BITMARKET_SOURCE_DIR
                               "/assets/demo/items/film-camera-rangefinder/photo-1.jpg"));
    if (!id.isEmpty() && photo.open(QIODevice::ReadOnly))
        seller.upload("/api/v1/listings/" + id + "/photos",
                      {UploadFile{"photo-1.jpg", photo.readAll(), "image/jpeg"}});
    return id;
}

QQuickItem* AuctionGuiTest::openListing(const QString& listingId) {
    QMetaObject::invokeMethod(m_app->window(), "openListing", Q_ARG(QVariant, listingId));
    QQuickItem* page = nullptr;
    m_ui->waitFor([&] {
        page = m_ui->find("listingPage");
        return page && page->property("listingId").toString() == listingId &&
               m_ui->find("auctionPrice");
    });
    m_ui->settle(600);
    return page;
}

void AuctionGuiTest::backToHome() {
    QMetaObject::invokeMethod(m_app->window(), "showSection", Q_ARG(QVariant, "home"));
    m_ui->waitFor([&] { return m_ui->find("listingPage") == nullptr; });
    m_ui->settle(300);
}

void AuctionGuiTest::scrollToTop(QQuickItem* page) {
    for (QQuickItem* flickable : page->findChildren<QQuickItem*>()) {
        if (flickable->inherits("QQuickFlickable"))
            flickable->setProperty("contentY", flickable->property("originY"));
    }
}

QString AuctionGuiTest::toastMessage() const {
    QQuickItem* toast = m_ui->find("toast");
    return toast ? toast->property("message").toString() : QString();
}

void AuctionGuiTest::scrollToEnd(QQuickItem* page) {
    for (QQuickItem* flickable : page->findChildren<QQuickItem*>()) {
        if (flickable->inherits("QQuickFlickable")) {
            const qreal bottom = flickable->property("contentHeight").toReal() - flickable->height();
            flickable->setProperty("contentY", std::max<qreal>(0, bottom));
        }
    }
}

void AuctionGuiTest::initTestCase() {
    m_qmlLog.start();
    QVERIFY2(m_server.start({"--min-auction-seconds", "1", "--auction-extension-seconds",
                             QString::number(kExtensionSeconds)}),
             "the server did not start");
    ClientApplication::Options options;
    options.server = m_server.httpUrl();
    options.configDir = m_home.path() + "/config";
    options.cacheDir = m_home.path() + "/cache";
    options.language = "en";
    m_app = std::make_unique<ClientApplication>(options);
    m_app->settings()->setTheme("light");
    QVERIFY(m_app->load());
    QVERIFY(QTest::qWaitForWindowExposed(m_app->window()));
    // In front, as the user's window is: notifications show as a toast then.
    m_app->window()->requestActivate();
    QVERIFY(QTest::qWaitForWindowActive(m_app->window()));
    QString out = qEnvironmentVariable("BITMARKET_TEST_OUTPUT");
    if (out.isEmpty())
        out = QDir::currentPath() + "/gui-test-output";
    m_ui = std::make_unique<GuiDriver>(m_app->window(), out);
    m_app->session()->signIn(DemoServer::kUser, DemoServer::kPassword);
    QVERIFY(m_ui->waitFor([&] { return m_app->session()->signedIn(); }, 15000));

    const auto junho = signedIn("junho");
    m_soonId = listAuction(*junho, "Rangefinder film camera", 20000, 45);
    m_buyNowId = listAuction(*junho, "Mechanical keyboard, TKL", 30000, 1800,
                             QJsonObject{{"buyNowPrice", won(80000)}});
    m_outbidId = listAuction(*junho, "Oak stool, round", 15000, 3 * 3600,
                             QJsonObject{{"reservePrice", won(40000)}});
    QVERIFY(!m_soonId.isEmpty() && !m_buyNowId.isEmpty() && !m_outbidId.isEmpty());
}

void AuctionGuiTest::cleanup() {
    // A step that failed leaves the next one at home, not wherever it stopped.
    if (QTest::currentTestFailed()) {
        if (QObject* sell = m_app->window()->property("sellPage").value<QObject*>())
            QMetaObject::invokeMethod(sell->property("draft").value<QObject*>(), "reset");
        backToHome();
    }
    const QStringList complaints = m_qmlLog.takeComplaints();
    QVERIFY2(complaints.isEmpty(), qPrintable(complaints.join(QLatin1Char('\n'))));
}

void AuctionGuiTest::sellFormHasAnAuctionMode() {
    m_ui->click(m_ui->waitForItem("navSell"));
    QQuickItem* auctionChoice = m_ui->waitForItem("saleType_auction");
    QVERIFY(auctionChoice);
    QVERIFY(!m_ui->find("auctionTerms"));
    m_ui->click(auctionChoice);
    QVERIFY(m_ui->waitForItem("auctionTerms"));
    m_ui->typeInto(m_ui->find("titleField"), "Turntable, belt drive");
    m_ui->typeInto(m_ui->find("priceField"), "50,000");
    QObject* draft = m_app->window()->property("sellPage").value<QObject*>()->property("draft").value<QObject*>();
    QVERIFY(draft);
    // The default step at this start price, from the shared table.
    QObject* terms = draft->property("auction").value<QObject*>();
    QVERIFY(terms->property("defaultIncrementText").toString().contains(QStringLiteral("₩2,000 at this start price")));
    m_ui->settle(300);
    m_ui->screenshot("a1-sell-auction-mode");
    m_ui->typeInto(m_ui->find("reservePriceField"), "forty");
    m_ui->typeInto(m_ui->find("buyNowPriceField"), "45,000");
    // The button is at the end of the form: scroll down to it, as a user would.
    QQuickItem* sellPage = m_ui->find("sellPage");
    scrollToEnd(sellPage);
    m_ui->settle(300);
    m_ui->click(m_ui->find("publishButton"));
    QVERIFY(m_ui->waitFor([&] {
        return draft->property("fieldErrors").toMap().contains("reservePrice");
    }));
    const QVariantMap errors = draft->property("fieldErrors").toMap();
    QCOMPARE(errors.value("reservePrice").toString(),
             QStringLiteral("Enter the reserve in numbers, or leave it empty."));
    QCOMPARE(errors.value("buyNowPrice").toString(),
             QStringLiteral("Buy-now must be above the start price."));
    scrollToTop(sellPage);
    m_ui->settle(300);
    m_ui->screenshot("a2-sell-auction-checked");
    QMetaObject::invokeMethod(draft, "reset");
    backToHome();
}

void AuctionGuiTest::homeShowsWhatEndsSoon() {
    QObject* listings = m_app->window()->findChild<QObject*>("endingSoonListings");
    QVERIFY(listings);
    QMetaObject::invokeMethod(listings, "refresh");
    QVERIFY2(m_ui->waitForItem("endingSoonCard"), "no ending-soon row on the home page");
    QQuickItem* card = nullptr;
    QVERIFY2(m_ui->waitFor([&] {
                 for (QQuickItem* c : m_ui->findAll("endingSoonCard")) {
                     if (c->property("title").toString() == QStringLiteral("Rangefinder film camera"))
                         card = c;
                 }
                 return card != nullptr;
             }),
             "the auction ending in a minute is not in the row");
    // The first, as the soonest to end.
    QCOMPARE(m_ui->find("endingSoonCard"), card);
    QVERIFY(card->property("endingSoon").toBool());
    const QString left = card->property("timeLeft").toString();
    QVERIFY2(left.startsWith("0:"), qPrintable(left));
    m_ui->settle(1200);
    QVERIFY(card->property("timeLeft").toString() != left);
    m_ui->screenshot("a3-home-ending-soon");
    m_ui->click(card);
    QVERIFY(m_ui->waitFor([&] {
        QQuickItem* page = m_ui->find("listingPage");
        return page && page->property("listingId").toString() == m_soonId;
    }));
}

void AuctionGuiTest::bidOutbidExtendedAndWonLive() {
    QVERIFY(m_ui->waitForItem("auctionPrice"));
    m_ui->settle(600);
    QCOMPARE(textOf(m_ui->find("auctionPrice")), QStringLiteral("₩20,000"));
    QQuickItem* countdown = m_ui->find("auctionCountdown");
    QVERIFY(countdown->property("red").toBool()); // under a minute left
    const QString before = textOf(m_ui->find("auctionTimeLeft"));
    m_ui->settle(1100);
    QVERIFY2(textOf(m_ui->find("auctionTimeLeft")) != before, qPrintable(before));
    m_ui->screenshot("a4-panel-no-bids");

    // A bid from the dialog, which explains the maximum.
    m_ui->click(m_ui->find("placeBidButton"));
    QQuickItem* amount = m_ui->waitForItem("bidAmountField");
    QVERIFY(amount);
    QCOMPARE(textOf(amount), QStringLiteral("20,000"));
    QVERIFY(textOf(m_ui->find("maxExplanation")).contains("up to that amount"));
    m_ui->typeInto(amount, "30,000");
    m_ui->settle(200);
    m_ui->screenshot("a5-bid-dialog");
    m_ui->click(m_ui->find("bidDialogConfirm"));
    QVERIFY(m_ui->waitFor([&] { return m_ui->find("bidAmountField") == nullptr; }));
    QQuickItem* standing = m_ui->waitForItem("auctionStandingText");
    QVERIFY(standing);
    QVERIFY(textOf(standing).contains("highest bidder"));
    QVERIFY(textOf(standing).contains(QStringLiteral("₩30,000")));
    QVERIFY(m_ui->waitFor([&] { return toastMessage() == QStringLiteral("You are the highest bidder"); }, 3000));
    m_ui->settle(400);
    m_ui->screenshot("a6-leading");

    // Sora bids more over HTTP: the price moves, minji is outbid and told so.
    const auto sora = signedIn("sora");
    QCOMPARE(sora->post("/api/v1/listings/" + m_soonId + "/bids",
                       QJsonObject{{"maxAmount", won(40000)}})
                 .status,
             201);
    QVERIFY(m_ui->waitFor([&] { return textOf(m_ui->find("auctionPrice")) == QStringLiteral("₩31,000"); }));
    QVERIFY(m_ui->waitFor([&] { return textOf(m_ui->find("auctionStandingText")).contains("outbid"); }));
    QVERIFY(m_ui->waitFor([&] { return toastMessage().contains("outbid", Qt::CaseInsensitive); }, 5000));
    QVERIFY(textOf(m_ui->find("auctionBidCount")).startsWith(QStringLiteral("2 bids · 2 bidders")));
    QVERIFY(m_ui->waitForItem("bidRow_1", 5000));
    m_ui->settle(400);
    m_ui->screenshot("a7-outbid-toast");

    // In the last seconds a bid moves the end, for everyone watching.
    QObject* detail = m_ui->find("listingPage")->property("detail").value<QObject*>();
    QObject* auction = detail->property("auction").value<QObject*>();
    QVERIFY(m_ui->waitFor([&] {
        const QString t = auction->property("timeLeftText").toString();
        return t.startsWith("0:0") && t.mid(3, 1).toInt() < kExtensionSeconds - 2;
    }, 60000));
    m_ui->click(m_ui->find("placeBidButton"));
    amount = m_ui->waitForItem("bidAmountField");
    m_ui->typeInto(amount, "50,000");
    m_ui->click(m_ui->find("bidDialogConfirm"));
    QVERIFY(m_ui->waitFor([&] { return m_ui->find("auctionExtended") != nullptr; }));
    QVERIFY(textOf(m_ui->find("auctionStandingText")).contains("highest bidder"));
    QCOMPARE(textOf(m_ui->find("auctionPrice")), QStringLiteral("₩41,000"));
    m_ui->settle(300);
    m_ui->screenshot("a8-extended-leading");

    // The close: minji won at the visible price.
    QVERIFY(m_ui->waitFor([&] { return m_ui->find("auctionOutcome") != nullptr; },
                          (kExtensionSeconds + 6) * 1000));
    QVERIFY(m_ui->waitFor([&] { return textOf(m_ui->find("auctionOutcome")).contains("You won"); }));
    QCOMPARE(textOf(m_ui->find("auctionPrice")), QStringLiteral("₩41,000"));
    QVERIFY(!m_ui->find("placeBidButton"));
    QCOMPARE(textOf(m_ui->find("auctionTimeLeft")), QStringLiteral("Ended"));
    m_ui->settle(800);
    m_ui->screenshot("a9-ended-won");
}

void AuctionGuiTest::buyNowAsksFirst() {
    openListing(m_buyNowId);
    QQuickItem* buyNow = m_ui->waitForItem("buyNowButton");
    QVERIFY(buyNow);
    QCOMPARE(textOf(buyNow), QStringLiteral("Buy now for ₩80,000"));
    m_ui->click(buyNow);
    QQuickItem* confirm = m_ui->waitForItem("confirmDialogConfirm");
    QVERIFY(confirm);
    m_ui->settle(300);
    m_ui->screenshot("a10-buy-now-confirm");
    m_ui->click(confirm);
    QVERIFY(m_ui->waitFor([&] { return textOf(m_ui->find("auctionOutcome")).contains("You bought it"); }));
    QCOMPARE(textOf(m_ui->find("auctionPrice")), QStringLiteral("₩80,000"));
    QVERIFY(!m_ui->find("buyNowButton"));
    m_ui->settle(600);
    m_ui->screenshot("a11-bought-now");
}

void AuctionGuiTest::sellerSeesNoBidButtonAndCancels() {
    const auto minji = signedIn(DemoServer::kUser);
    const QString mine = listAuction(*minji, "Film camera, my own", 25000, 7200);
    openListing(mine);
    QVERIFY(m_ui->waitForItem("cancelAuctionButton"));
    QVERIFY(!m_ui->find("placeBidButton"));
    QVERIFY(!m_ui->find("buyNowButton"));
    m_ui->screenshot("a12-seller-panel");
    m_ui->click(m_ui->find("cancelAuctionButton"));
    m_ui->click(m_ui->waitForItem("confirmDialogConfirm"));
    QVERIFY(m_ui->waitFor([&] { return textOf(m_ui->find("auctionOutcome")).contains("You cancelled"); }));
    QVERIFY(!m_ui->find("cancelAuctionButton"));
    m_ui->settle(500);
    m_ui->screenshot("a13-seller-cancelled");
}

void AuctionGuiTest::sellerChangesTheTermsUntilTheFirstBid() {
    const auto minji = signedIn(DemoServer::kUser);
    const QString mine = listAuction(*minji, "Film camera, terms to change", 30000, 7200,
                                     {{"buyNowPrice", won(60000)}});
    QMetaObject::invokeMethod(m_app->window(), "editListing", Q_ARG(QVariant, mine));
    QObject* draft = m_app->window()->property("sellPage").value<QObject*>()->property("draft").value<QObject*>();
    QVERIFY(m_ui->waitFor([&] {
        return draft->property("listingId").toString() == mine &&
               draft->property("stage").toInt() == 0 && m_ui->find("auctionTerms");
    }));
    QVERIFY(!m_ui->find("termsFrozenNote"));
    QVERIFY(m_ui->find("durationField")->property("displayText").toString().startsWith("Keep the current end"));
    m_ui->typeInto(m_ui->find("reservePriceField"), "45,000");
    m_ui->settle(300);
    m_ui->screenshot("a12b-seller-edits-terms");
    scrollToEnd(m_ui->find("sellPage"));
    m_ui->settle(300);
    m_ui->click(m_ui->find("publishButton"));
    QVERIFY(m_ui->waitFor([&] {
        return minji->get("/api/v1/listings/" + mine).json().value("auction").toObject()
                   .value("reservePrice").toObject().value("amount").toInteger() == 45000;
    }));

    // After a bid the form keeps the terms as they are, and says why.
    const auto junho = signedIn("junho");
    QCOMPARE(junho->post("/api/v1/listings/" + mine + "/bids",
                         QJsonObject{{"maxAmount", won(30000)}}).status, 201);
    QMetaObject::invokeMethod(m_app->window(), "editListing", Q_ARG(QVariant, mine));
    QVERIFY(m_ui->waitFor([&] {
        return draft->property("stage").toInt() == 0 && m_ui->find("termsFrozenNote");
    }));
    QVERIFY(!m_ui->find("auctionTerms"));
    QVERIFY(!m_ui->find("priceField")->isEnabled());
    m_ui->settle(300);
    m_ui->screenshot("a12c-seller-terms-frozen");
    QMetaObject::invokeMethod(draft, "reset");
    backToHome();
}

void AuctionGuiTest::myBidsListsWhereMinjiStands() {
    const auto minji = signedIn(DemoServer::kUser);
    QCOMPARE(minji->post("/api/v1/listings/" + m_outbidId + "/bids",
                        QJsonObject{{"maxAmount", won(20000)}})
                 .status,
             201);
    m_ui->click(m_ui->find("navBids"));
    QVERIFY(m_ui->waitForItem("myBidsList"));
    QObject* model = m_app->window()->findChild<QObject*>("myBidsModel");
    QVERIFY(m_ui->waitFor([&] { return model->property("count").toInt() >= 2; }));
    m_ui->settle(300);
    const auto rowTitled = [&](const QString& title) -> QQuickItem* {
        for (int i = 0; i < model->property("count").toInt(); ++i) {
            QQuickItem* row = m_ui->find(QStringLiteral("myBid_%1").arg(i));
            if (row && row->property("title").toString() == title)
                return row;
        }
        return nullptr;
    };
    QQuickItem* stool = nullptr;
    QVERIFY(m_ui->waitFor([&] { return (stool = rowTitled("Oak stool, round")) != nullptr; }));
    QCOMPARE(stool->property("status").toString(), QStringLiteral("leading"));
    QQuickItem* camera = rowTitled("Rangefinder film camera");
    QVERIFY(camera);
    QCOMPARE(camera->property("status").toString(), QStringLiteral("won"));
    // Sora outbids while the page is open: the row turns.
    const auto sora = signedIn("sora");
    QCOMPARE(sora->post("/api/v1/listings/" + m_outbidId + "/bids",
                        QJsonObject{{"maxAmount", won(26000)}})
                 .status,
             201);
    QVERIFY(m_ui->waitFor([&] { return stool->property("status").toString() == "outbid"; }));
    m_ui->settle(500);
    m_ui->screenshot("a14-my-bids");
    // The bell's panel names the auction notifications.
    m_ui->click(m_ui->find("navNotifications"));
    QVERIFY(m_ui->waitForItem("notificationList"));
    QVERIFY(m_ui->waitFor([&] {
        QQuickItem* first = m_ui->find("notification_0");
        return first && first->property("title").toString().contains("outbid");
    }));
    m_ui->settle(400);
    m_ui->screenshot("a14b-notifications");
    QTest::keyClick(m_app->window(), Qt::Key_Escape);
    QVERIFY(m_ui->waitFor([&] { return m_ui->find("notificationList") == nullptr; }));
}

void AuctionGuiTest::panelInKoreanAndDark() {
    m_app->settings()->setTheme("dark");
    m_app->settings()->setLanguage("ko");
    openListing(m_outbidId);
    QVERIFY(m_ui->waitFor([&] { return textOf(m_ui->find("auctionStandingText")).contains(QStringLiteral("앞섰어요")); }));
    QVERIFY(textOf(m_ui->find("auctionTimeLeft")).endsWith(QStringLiteral("남음")));
    m_ui->settle(600);
    m_ui->screenshot("a15-panel-korean-dark");
    m_ui->click(m_ui->find("placeBidButton"));
    QVERIFY(m_ui->waitForItem("bidAmountField"));
    m_ui->settle(300);
    m_ui->screenshot("a16-bid-dialog-korean-dark");
    m_ui->click(m_ui->find("bidDialogCancel"));
    QVERIFY(m_ui->waitFor([&] { return m_ui->find("bidAmountField") == nullptr; }));
    m_ui->click(m_ui->find("navBids"));
    m_ui->settle(800);
    m_ui->screenshot("a17-my-bids-korean-dark");
    m_ui->click(m_ui->find("navHome"));
    QQuickItem* home = m_ui->find("homePage");
    scrollToTop(home);
    m_ui->settle(800);
    m_ui->screenshot("a18-home-korean-dark");
    m_app->settings()->setLanguage("en");
    m_app->settings()->setTheme("light");
}

void AuctionGuiTest::panelAtTheSmallestAndALargeWindow() {
    QQuickWindow* w = m_app->window();
    w->resize(w->minimumWidth(), w->minimumHeight());
    openListing(m_outbidId);
    m_ui->settle(600);
    QQuickItem* panel = m_ui->find("auctionPanel");
    QVERIFY(panel);
    // The panel fits its column: nothing sticks out on the right.
    const QRect panelRect = m_ui->sceneRect(panel);
    QVERIFY2(panelRect.right() <= w->width(), qPrintable(QStringLiteral("%1 > %2").arg(panelRect.right()).arg(w->width())));
    m_ui->screenshot("a19-panel-smallest-window");
    m_app->settings()->setTheme("dark");
    w->resize(1440, 900);
    backToHome();
    m_ui->settle(800);
    m_ui->screenshot("a20-home-large-dark");
    m_app->settings()->setTheme("light");
}

void AuctionGuiTest::cleanupTestCase() {
    m_ui.reset();
    m_app.reset();
    m_server.stop();
}

QTEST_MAIN(AuctionGuiTest)
#include "AuctionGuiTest.moc"
