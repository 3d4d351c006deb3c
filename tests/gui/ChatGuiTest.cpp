// Chat between two real clients in one process under Xvfb, against the real server with
// --demo: minji (the buyer) and junho (the seller), each with their own settings and cache.
// "Chat with seller" on junho's new listing opens the room (and is not offered on his own
// copy); messages go both ways (Enter sends, Shift+Enter is a new line); junho's "Chats" badge
// and list show the unread one; opening it puts "Read" under minji's message; "typing…"
// shows; a photo picked in the composer arrives and opens full size; junho reserves the item
// from the room header and both headers say so; a meet-up both name becomes a suggested card
// that minji sends and junho accepts; with the server down minji's message shows as sending
// and is delivered once it is back; both rooms read in Korean. Both windows leave screenshots
// in $BITMARKET_TEST_OUTPUT.
#include "ClientWindow.h"
#include "DemoServer.h"
#include "GuiDriver.h"
#include "QmlLogWatch.h"
#include "app/ClientApplication.h"
#include "app/ClientSettings.h"
#include "chat/ChatListModel.h"
#include "realtime/RealtimeClient.h"
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

constexpr const char* kPhoto = BITMARKET_SOURCE_DIR "/assets/demo/items/film-camera-rangefinder/photo-1.jpg";

// Two windows rendering on threads of their own crashed Mesa's software rasterizer under Xvfb
// (in QRhi::endFrame); rendered one after the other on the GUI thread they do not. Set before
// QTEST_MAIN makes the application.
const bool kRenderOnTheGuiThread = qputenv("QSG_RENDER_LOOP", "basic");

QString textOf(QQuickItem* item) {
    return item ? QQmlProperty::read(item, "text").toString() : QString();
}

// Types at the cursor of the window's focused field, after what is there.
void typeMore(QQuickWindow* window, const QString& text) {
    for (const QChar ch : text) {
        QKeyEvent press(QEvent::KeyPress, Qt::Key_unknown, Qt::NoModifier, QString(ch));
        QKeyEvent release(QEvent::KeyRelease, Qt::Key_unknown, Qt::NoModifier, QString(ch));
        QCoreApplication::sendEvent(window, &press);
        QCoreApplication::sendEvent(window, &release);
    }
}

// One person's app and the driver of its window.
using Person = ClientWindow;

} // namespace

class ChatGuiTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void chatWithSellerOpensTheRoom();
    void messagesBothWaysWithBadgeReadAndTyping();
    void aPhotoArrivesAndOpensFullSize();
    void theSellerReservesFromTheHeader();
    void aSuggestedMeetUpIsSentAndAccepted();
    void writtenOfflineIsSentWhenTheServerIsBack();
    void theRoomsInKorean();
    void cleanupTestCase();

private:
    std::unique_ptr<Person> start(const QString& user, QPoint at);
    // Brings the person's window to the front, where keys go.
    GuiDriver& use(Person& person);
    QQuickItem* openRoom(Person& person);
    // False when the person's window shows no composer.
    bool send(Person& person, const QString& text);
    // The row of the room's newest message (index 0).
    QQuickItem* newestRow(Person& person);
    QObject* roomOf(Person& person);
    void shoot(const QString& name);

    QmlLogWatch m_qmlLog;
    DemoServer m_server;
    std::unique_ptr<Person> m_buyer;
    std::unique_ptr<Person> m_seller;
    QString m_listingId;
    QString m_chatId;
};

std::unique_ptr<Person> ChatGuiTest::start(const QString& user, QPoint at) {
    return ClientWindow::open(m_server.httpUrl(), user, DemoServer::kPassword, at, {1000, 700});
}

GuiDriver& ChatGuiTest::use(Person& person) {
    return person.use();
}

QObject* ChatGuiTest::roomOf(Person& person) {
    QQuickItem* page = person.ui->find("chatRoomPage");
    return page ? page->property("room").value<QObject*>() : nullptr;
}

QQuickItem* ChatGuiTest::newestRow(Person& person) {
    return person.ui->find("chatMessage_0");
}

bool ChatGuiTest::send(Person& person, const QString& text) {
    GuiDriver& ui = use(person);
    QQuickItem* composer = ui.waitForItem("chatComposer");
    if (!composer)
        return false;
    ui.typeInto(composer, text);
    QTest::keyClick(person.app->window(), Qt::Key_Return);
    return true;
}

QQuickItem* ChatGuiTest::openRoom(Person& person) {
    GuiDriver& ui = use(person);
    ui.click(ui.waitForItem("navChats"));
    // Found again at each try: a message arriving meanwhile redraws the row.
    ui.waitFor([&] {
        for (QQuickItem* row : ui.findAll("chatRow_0")) {
            if (row->property("chatId").toString() == m_chatId)
                ui.click(row);
        }
        QObject* room = roomOf(person);
        return room && room->property("loaded").toBool();
    });
    ui.settle(500);
    return ui.find("chatRoomPage");
}

void ChatGuiTest::shoot(const QString& name) {
    m_buyer->ui->settle(300);
    m_buyer->ui->screenshot(name + "-buyer");
    m_seller->ui->screenshot(name + "-seller");
}

void ChatGuiTest::initTestCase() {
    m_qmlLog.start();
    QVERIFY2(m_server.start(), "the server did not start");
    // A listing of junho's of which minji has no chat yet, with a photo.
    HttpTestClient junho(m_server.httpUrl());
    const auto login = junho.post("/api/v1/auth/login",
                                  QJsonObject{{"login", "junho"}, {"password", DemoServer::kPassword}});
    junho.setAccessToken(login.json().value("accessToken").toString());
    const auto created = junho.post(
        "/api/v1/listings",
        QJsonObject{{"title", "Rangefinder camera, 50mm"},
                    {"description", "Shutter and meter work; a small mark on the top plate."},
                    {"categoryId", "other"},
                    {"price", QJsonObject{{"amount", 180000}, {"currency", "KRW"}}},
                    {"condition", "good"},
                    {"tags", QJsonArray{"camera"}},
                    {"region", "Seoul, Mapo-gu"}});
    QCOMPARE(created.status, 201);
    m_listingId = created.json().value("id").toString();
    QFile photo(kPhoto);
    QVERIFY(photo.open(QIODevice::ReadOnly));
    QCOMPARE(junho.upload("/api/v1/listings/" + m_listingId + "/photos",
                          {bitmarket::test::UploadFile{"photo-1.jpg", photo.readAll(), "image/jpeg"}})
                 .status,
             201);

    m_buyer = start(DemoServer::kUser, QPoint(0, 0));
    QVERIFY2(m_buyer, "minji's app did not start");
    m_seller = start("junho", QPoint(400, 200));
    QVERIFY2(m_seller, "junho's app did not start");
    QVERIFY(m_buyer->ui->waitFor([&] { return m_buyer->app->realtime()->online(); }, 15000));
    QVERIFY(m_seller->ui->waitFor([&] { return m_seller->app->realtime()->online(); }, 15000));
}

void ChatGuiTest::cleanup() {
    const QStringList complaints = m_qmlLog.takeComplaints();
    QVERIFY2(complaints.isEmpty(), qPrintable(complaints.join(QLatin1Char('\n'))));
}

void ChatGuiTest::chatWithSellerOpensTheRoom() {
    // The seller's own listing offers no chat.
    GuiDriver& seller = use(*m_seller);
    QMetaObject::invokeMethod(m_seller->app->window(), "openListing", Q_ARG(QVariant, m_listingId));
    QVERIFY(seller.waitFor([&] {
        QQuickItem* page = seller.find("listingPage");
        return page && page->property("detail").value<QObject*>()->property("loaded").toBool();
    }));
    seller.settle(400);
    QVERIFY(!seller.find("chatWithSellerButton"));
    QVERIFY(seller.find("editListingButton"));
    QMetaObject::invokeMethod(m_seller->app->window(), "showSection", Q_ARG(QVariant, "home"));

    GuiDriver& buyer = use(*m_buyer);
    QMetaObject::invokeMethod(m_buyer->app->window(), "openListing", Q_ARG(QVariant, m_listingId));
    QQuickItem* chatButton = buyer.waitForItem("chatWithSellerButton");
    QVERIFY(chatButton);
    QCOMPARE(textOf(chatButton), QStringLiteral("Chat with seller"));
    buyer.settle(600);
    buyer.screenshot("c1-listing-chat-with-seller");
    buyer.click(chatButton);
    QVERIFY(buyer.waitFor([&] {
        QObject* room = roomOf(*m_buyer);
        return room && room->property("loaded").toBool();
    }));
    QObject* room = roomOf(*m_buyer);
    m_chatId = room->property("chatId").toString();
    QVERIFY(!m_chatId.isEmpty());
    QCOMPARE(textOf(buyer.find("chatCounterpart")), QStringLiteral("Junho Park"));
    QVERIFY(textOf(buyer.find("chatListingTitle")).startsWith("Rangefinder camera, 50mm · ₩180,000"));
    QVERIFY(buyer.find("chatEmptyHint"));
    QVERIFY(!buyer.find("reserveButton"));
    buyer.settle(300);
    buyer.screenshot("c2-new-room");
}

void ChatGuiTest::messagesBothWaysWithBadgeReadAndTyping() {
    QObject* sellerChats = m_seller->app->chats();
    const int unreadBefore = sellerChats->property("totalUnread").toInt();

    QVERIFY(send(*m_buyer, QStringLiteral("안녕하세요! 아직 판매 중인가요?")));
    QVERIFY(m_buyer->ui->waitFor([&] {
        QQuickItem* row = newestRow(*m_buyer);
        return row && row->property("text").toString() == QStringLiteral("안녕하세요! 아직 판매 중인가요?") &&
               !row->property("pending").toBool();
    }));
    QCOMPARE(textOf(m_buyer->ui->find("chatComposer")), QString());
    // Shift+Enter is a new line inside one message.
    GuiDriver& buyer = use(*m_buyer);
    buyer.typeInto(buyer.find("chatComposer"), "Is the lens clean?");
    QTest::keyClick(m_buyer->app->window(), Qt::Key_Return, Qt::ShiftModifier);
    typeMore(m_buyer->app->window(), "No haze?");
    QCOMPARE(textOf(buyer.find("chatComposer")), QStringLiteral("Is the lens clean?\nNo haze?"));
    QTest::keyClick(m_buyer->app->window(), Qt::Key_Return);
    QVERIFY(buyer.waitFor([&] {
        QQuickItem* row = newestRow(*m_buyer);
        return row && row->property("text").toString() == QStringLiteral("Is the lens clean?\nNo haze?");
    }));

    // Junho's badge and list show them.
    QVERIFY(m_seller->ui->waitFor([&] { return sellerChats->property("totalUnread").toInt() == unreadBefore + 2; }));
    GuiDriver& seller = use(*m_seller);
    QQuickItem* badge = seller.find("chatsBadgeText");
    QVERIFY(badge);
    QCOMPARE(textOf(badge).toInt(), unreadBefore + 2);
    seller.click(seller.find("navChats"));
    QVERIFY(seller.waitFor([&] {
        QQuickItem* row = seller.find("chatRow_0");
        return row && row->property("chatId").toString() == m_chatId;
    }));
    QQuickItem* row = seller.find("chatRow_0");
    QCOMPARE(row->property("counterpartName").toString(), QStringLiteral("Minji Kim"));
    QCOMPARE(row->property("unreadCount").toInt(), 2);
    QVERIFY(row->property("lastMessage").toString().startsWith("Is the lens clean?"));
    seller.settle(400);
    shoot("c3-seller-chat-list");

    // Opening it reads it: "Read" under minji's newest message.
    QVERIFY(openRoom(*m_seller));
    QVERIFY(m_seller->ui->waitFor([&] { return sellerChats->property("totalUnread").toInt() == unreadBefore; }));
    QVERIFY(m_buyer->ui->waitFor([&] {
        QQuickItem* newest = newestRow(*m_buyer);
        return newest && newest->property("readReceipt").toBool();
    }));
    QVERIFY(m_buyer->ui->find("chatReadReceipt"));
    QCOMPARE(textOf(m_buyer->ui->find("chatReadReceipt")), QStringLiteral("Read"));

    // Junho types: minji sees it; then his answer arrives.
    GuiDriver& again = use(*m_seller);
    again.typeInto(again.find("chatComposer"), QStringLiteral("네, 판매 중이에요."));
    QVERIFY(m_buyer->ui->waitFor([&] { return m_buyer->ui->find("chatTyping") != nullptr; }));
    QCOMPARE(textOf(m_buyer->ui->find("chatTyping")), QStringLiteral("Junho Park is typing…"));
    shoot("c4-typing");
    QTest::keyClick(m_seller->app->window(), Qt::Key_Return);
    QVERIFY(m_buyer->ui->waitFor([&] {
        QQuickItem* newest = newestRow(*m_buyer);
        return newest && newest->property("text").toString() == QStringLiteral("네, 판매 중이에요.") &&
               !newest->property("mine").toBool();
    }));
    QVERIFY(m_buyer->ui->waitFor([&] { return m_buyer->ui->find("chatTyping") == nullptr; }));
    shoot("c5-messages-both-ways");
}

void ChatGuiTest::aPhotoArrivesAndOpensFullSize() {
    QTemporaryDir folder;
    QVERIFY(QFile::copy(kPhoto, folder.path() + "/lens.jpg"));
    GuiDriver& buyer = use(*m_buyer);
    buyer.click(buyer.find("attachPhotoButton"));
    QVERIFY(buyer.waitForItem("photoPickerGrid"));
    QObject* picker = m_buyer->app->window()->findChild<QObject*>("chatPhotoPicker");
    QVERIFY(picker);
    picker->setProperty("currentFolder", QUrl::fromLocalFile(folder.path()));
    QQuickItem* tile = buyer.waitForItem("photoPickerTile");
    QVERIFY(tile);
    buyer.click(tile);
    buyer.settle(300);
    buyer.screenshot("c6-photo-picker");
    buyer.click(buyer.find("photoPickerAdd"));
    QVERIFY(buyer.waitFor([&] {
        QQuickItem* newest = newestRow(*m_buyer);
        return newest && newest->property("kind").toString() == "image";
    }, 20000));

    GuiDriver& seller = use(*m_seller);
    QVERIFY(seller.waitFor([&] {
        QQuickItem* newest = newestRow(*m_seller);
        return newest && newest->property("kind").toString() == "image" &&
               seller.find("chatPhoto") != nullptr;
    }));
    QQuickItem* photo = seller.find("chatPhoto");
    QVERIFY(seller.waitFor([&] { return photo->property("status").toInt() == 1; })); // Image.Ready
    seller.settle(400);
    shoot("c7-photo-in-chat");
    seller.click(photo);
    QObject* viewer = m_seller->app->window()->findChild<QObject*>("fullImageViewer");
    QVERIFY(viewer);
    QVERIFY(seller.waitFor([&] { return viewer->property("opened").toBool(); }));
    seller.settle(800);
    seller.screenshot("c8-photo-full-size-seller");
    QTest::keyClick(m_seller->app->window(), Qt::Key_Escape);
    QVERIFY(seller.waitFor([&] { return !viewer->property("visible").toBool(); }));
}

void ChatGuiTest::theSellerReservesFromTheHeader() {
    GuiDriver& seller = use(*m_seller);
    QQuickItem* reserve = seller.waitForItem("reserveButton");
    QVERIFY(reserve);
    QCOMPARE(textOf(reserve), QStringLiteral("Reserve for Minji Kim"));
    QVERIFY(!m_buyer->ui->find("reserveButton"));
    seller.click(reserve);
    QVERIFY(seller.waitFor([&] { return textOf(seller.find("chatListingStatus")) == QStringLiteral("Reserved"); }));
    QVERIFY(!seller.find("reserveButton"));
    QVERIFY(seller.find("backOnSaleButton"));
    QVERIFY(m_buyer->ui->waitFor([&] {
        return textOf(m_buyer->ui->find("chatListingStatus")) == QStringLiteral("Reserved");
    }));
    QVERIFY(m_buyer->ui->waitFor([&] {
        QQuickItem* newest = newestRow(*m_buyer);
        return newest && newest->property("systemText").toString() == QStringLiteral("The seller reserved this item for you.");
    }));
    QCOMPARE(newestRow(*m_seller)->property("systemText").toString(),
             QStringLiteral("You reserved this item for this buyer."));
    shoot("c9-reserved");
}

void ChatGuiTest::aSuggestedMeetUpIsSentAndAccepted() {
    QVERIFY(send(*m_seller, QStringLiteral("내일 오후 3시에 홍대입구역 2번 출구 어떠세요?")));
    QVERIFY(m_buyer->ui->waitFor([&] {
        QQuickItem* newest = newestRow(*m_buyer);
        return newest && newest->property("text").toString().startsWith(QStringLiteral("내일 오후 3시"));
    }));
    QVERIFY(send(*m_buyer, QStringLiteral("좋아요! 내일 오후 3시에 홍대입구역 2번 출구에서 봬요")));
    QQuickItem* suggestion = m_buyer->ui->waitForItem("meetupSuggestion");
    QVERIFY2(suggestion, "no meet-up suggestion");
    QVERIFY(textOf(m_buyer->ui->find("meetupSuggestionText")).contains(QStringLiteral("홍대입구역 2번 출구")));
    QVERIFY(textOf(m_buyer->ui->find("meetupSuggestionText")).contains(QStringLiteral("Tomorrow · 3:00")));
    shoot("c10-meetup-suggested");
    GuiDriver& buyer = use(*m_buyer);
    buyer.click(buyer.find("sendSuggestionButton"));
    QVERIFY(buyer.waitFor([&] { return buyer.find("meetupSuggestion") == nullptr; }));

    GuiDriver& seller = use(*m_seller);
    QQuickItem* accept = seller.waitForItem("acceptAppointmentButton");
    QVERIFY2(accept, "junho has no card to accept");
    QVERIFY(!m_buyer->ui->find("acceptAppointmentButton"));
    QCOMPARE(textOf(seller.find("appointmentPlace")), QStringLiteral("홍대입구역 2번 출구"));
    seller.settle(300);
    shoot("c11-meetup-card");
    seller.click(accept);
    QVERIFY(m_buyer->ui->waitFor([&] { return textOf(m_buyer->ui->find("appointmentStatus")) == QStringLiteral("Accepted"); }));
    QVERIFY(seller.waitFor([&] { return textOf(seller.find("appointmentStatus")) == QStringLiteral("Accepted"); }));
    QVERIFY(!seller.find("acceptAppointmentButton"));
    QVERIFY(m_buyer->ui->waitFor([&] {
        QQuickItem* newest = newestRow(*m_buyer);
        return newest && newest->property("systemText").toString() == QStringLiteral("The appointment was accepted.");
    }));
    shoot("c12-meetup-accepted");
}

void ChatGuiTest::writtenOfflineIsSentWhenTheServerIsBack() {
    m_server.stop();
    QVERIFY(m_buyer->ui->waitFor([&] { return !m_buyer->app->realtime()->online(); }));
    QVERIFY(send(*m_buyer, QStringLiteral("그럼 내일 뵐게요!")));
    QVERIFY(m_buyer->ui->waitFor([&] {
        QQuickItem* newest = newestRow(*m_buyer);
        return newest && newest->property("pending").toBool() &&
               newest->property("text").toString() == QStringLiteral("그럼 내일 뵐게요!");
    }));
    m_buyer->ui->settle(1500);
    QVERIFY(m_buyer->ui->find("chatPending"));
    QCOMPARE(textOf(m_buyer->ui->find("chatPending")), QStringLiteral("Sending…"));
    shoot("c13-offline-pending");

    QVERIFY2(m_server.restart(), "the server did not start again");
    QVERIFY(m_buyer->ui->waitFor([&] {
        QQuickItem* newest = newestRow(*m_buyer);
        return newest && !newest->property("pending").toBool() &&
               newest->property("text").toString() == QStringLiteral("그럼 내일 뵐게요!");
    }, 45000));
    QVERIFY(m_seller->ui->waitFor([&] {
        QQuickItem* newest = newestRow(*m_seller);
        return newest && newest->property("text").toString() == QStringLiteral("그럼 내일 뵐게요!");
    }, 45000));
    // Once, however the client tried while the server was away.
    int copies = 0;
    QObject* room = roomOf(*m_seller);
    for (int row = 0; row < room->property("count").toInt(); ++row) {
        const QAbstractItemModel* model = qobject_cast<QAbstractItemModel*>(room);
        copies += model->data(model->index(row, 0), model->roleNames().key("text")).toString() ==
                  QStringLiteral("그럼 내일 뵐게요!");
    }
    QCOMPARE(copies, 1);
    shoot("c14-sent-after-reconnect");
}

void ChatGuiTest::theRoomsInKorean() {
    // Translations are the process's: both windows turn Korean together.
    m_buyer->app->settings()->setLanguage("ko");
    m_seller->app->settings()->setLanguage("ko");
    QVERIFY(m_buyer->ui->waitFor([&] { return textOf(m_buyer->ui->find("sendButton")) == QStringLiteral("보내기"); }));
    QCOMPARE(textOf(m_buyer->ui->find("chatListingStatus")), QStringLiteral("예약 중"));
    QCOMPARE(textOf(m_buyer->ui->find("appointmentStatus")), QStringLiteral("수락됨"));
    QVERIFY(textOf(m_buyer->ui->find("appointmentTime")).startsWith(QStringLiteral("내일 오후 3:00")));
    QCOMPARE(textOf(m_seller->ui->find("markSoldButton")), QStringLiteral("판매 완료"));
    shoot("c15-korean");
    m_buyer->app->settings()->setLanguage("en");
    m_seller->app->settings()->setLanguage("en");
}

void ChatGuiTest::cleanupTestCase() {
    m_seller.reset();
    m_buyer.reset();
    m_server.stop();
}

QTEST_MAIN(ChatGuiTest)
#include "ChatGuiTest.moc"
