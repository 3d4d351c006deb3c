// Notifications in the real client under Xvfb against the real server with --demo: the bell's
// badge counts the demo user's unread notifications, goes up when another user lists what
// they saved a keyword for, the panel shows it first, clicking it opens the listing and takes
// the badge down; the panel in Korean; the settings section with mutes and keywords. Every
// step leaves a screenshot in $BITMARKET_TEST_OUTPUT.
#include "DemoServer.h"
#include "GuiDriver.h"
#include "QmlLogWatch.h"
#include "app/ClientApplication.h"
#include "app/ClientSettings.h"
#include "session/Session.h"
#include "support/HttpTestClient.h"

#include <QJsonArray>
#include <QQuickItem>
#include <QTemporaryDir>
#include <QTest>

using namespace bitmarket::test;

class NotificationGuiTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void badgeCountsTheDemoInbox();
    void anotherUsersListingRaisesTheBadge();
    void clickingANotificationOpensItsListing();
    void panelInKorean();
    void settingsMuteAndKeywords();
    void cleanupTestCase();

private:
    int badgeCount() const;
    QQuickItem* openPanel();

    QmlLogWatch m_qmlLog;
    DemoServer m_server;
    QTemporaryDir m_home;
    std::unique_ptr<ClientApplication> m_app;
    std::unique_ptr<GuiDriver> m_ui;
    QString m_guitarId;
};

int NotificationGuiTest::badgeCount() const {
    QQuickItem* badge = m_ui->find("notificationBadge");
    if (!badge || !badge->isVisible())
        return 0;
    return m_ui->find("notificationBadgeText")->property("text").toString().toInt();
}

QQuickItem* NotificationGuiTest::openPanel() {
    QQuickItem* panel = m_ui->find("notificationList");
    if (!panel || !panel->isVisible())
        m_ui->click(m_ui->find("navNotifications"));
    panel = m_ui->waitForItem("notificationList");
    m_ui->waitFor([&] { return panel && panel->isVisible(); });
    m_ui->settle(400);
    return panel;
}

void NotificationGuiTest::initTestCase() {
    m_qmlLog.start();
    QVERIFY2(m_server.start(), "the server did not start");
    ClientApplication::Options options;
    options.server = m_server.httpUrl();
    options.configDir = m_home.path() + "/config";
    options.cacheDir = m_home.path() + "/cache";
    options.language = "en";
    m_app = std::make_unique<ClientApplication>(options);
    QVERIFY(m_app->load());
    QVERIFY(QTest::qWaitForWindowExposed(m_app->window()));
    // In front, as the user's window is: new notifications show as a toast then.
    m_app->window()->requestActivate();
    QVERIFY(QTest::qWaitForWindowActive(m_app->window()));
    QString out = qEnvironmentVariable("BITMARKET_TEST_OUTPUT");
    if (out.isEmpty())
        out = QDir::currentPath() + "/gui-test-output";
    m_ui = std::make_unique<GuiDriver>(m_app->window(), out);
    m_app->session()->signIn(DemoServer::kUser, DemoServer::kPassword);
    QVERIFY(m_ui->waitFor([&] { return m_app->session()->signedIn(); }, 15000));
}

void NotificationGuiTest::cleanup() {
    const QStringList complaints = m_qmlLog.takeComplaints();
    QVERIFY2(complaints.isEmpty(), qPrintable(complaints.join(QLatin1Char('\n'))));
}

void NotificationGuiTest::badgeCountsTheDemoInbox() {
    // The demo leaves minji two keyword matches, a ready 3D model, an auction where junho
    // outbid her, junho's confirmation of the basketball she bought from him and his order
    // for her mug.
    QVERIFY2(m_ui->waitFor([&] { return badgeCount() == 6; }, 15000),
             qPrintable(QStringLiteral("badge shows %1").arg(badgeCount())));
    m_ui->settle(500);
    m_ui->screenshot("n1-bell-badge");
}

void NotificationGuiTest::anotherUsersListingRaisesTheBadge() {
    HttpTestClient junho(m_server.httpUrl());
    const auto login = junho.post("/api/v1/auth/login",
                                  QJsonObject{{"login", "junho"}, {"password", DemoServer::kPassword}});
    QCOMPARE(login.status, 200);
    junho.setAccessToken(login.json().value("accessToken").toString());
    const auto created = junho.post(
        "/api/v1/listings",
        QJsonObject{{"title", "Classical guitar, cedar top"},
                    {"description", "Nylon strings, soft case included."},
                    {"categoryId", "other"},
                    {"price", QJsonObject{{"amount", 120000}, {"currency", "KRW"}}},
                    {"condition", "good"},
                    {"tags", QJsonArray{"guitar"}},
                    {"region", "Seoul"},
                    {"saleType", "fixed"}});
    QCOMPARE(created.status, 201);
    m_guitarId = created.json().value("id").toString();
    QVERIFY2(m_ui->waitFor([&] { return badgeCount() == 7; }, 5000),
             qPrintable(QStringLiteral("badge shows %1").arg(badgeCount())));
    // And the toast says what came.
    QQuickItem* toast = m_ui->waitForItem("toast", 3000);
    QVERIFY2(toast, "no toast");
    QCOMPARE(toast->property("message").toString(), QStringLiteral("New listing for ‘guitar’"));
    m_ui->settle(600);
    m_ui->screenshot("n2-badge-up");
}

void NotificationGuiTest::clickingANotificationOpensItsListing() {
    openPanel();
    QQuickItem* first = m_ui->waitForItem("notification_0");
    QVERIFY(first);
    QVERIFY(first->property("unread").toBool());
    QVERIFY2(first->property("title").toString().contains("guitar"),
             qPrintable(first->property("title").toString()));
    m_ui->screenshot("n3-panel");
    m_ui->click(first);
    QVERIFY(m_ui->waitFor([&] {
        QQuickItem* page = m_ui->find("listingPage");
        return page && page->property("listingId").toString() == m_guitarId;
    }));
    QVERIFY(m_ui->waitFor([&] { return badgeCount() == 6; }));
    m_ui->settle(800);
    m_ui->screenshot("n4-opened-listing");
}

void NotificationGuiTest::panelInKorean() {
    m_app->settings()->setLanguage("ko");
    QQuickItem* list = openPanel();
    QVERIFY(m_ui->waitFor([&] {
        QQuickItem* first = m_ui->find("notification_0");
        return first && first->property("title").toString().contains(QStringLiteral("새 매물"));
    }));
    Q_UNUSED(list)
    m_ui->settle(400);
    m_ui->screenshot("n5-panel-korean");
    m_ui->click(m_ui->find("markAllReadButton"));
    QVERIFY(m_ui->waitFor([&] { return badgeCount() == 0; }));
    m_ui->settle(300);
    m_ui->screenshot("n6-all-read-korean");
    QTest::keyClick(m_app->window(), Qt::Key_Escape);
    m_app->settings()->setLanguage("en");
}

void NotificationGuiTest::settingsMuteAndKeywords() {
    m_ui->click(m_ui->find("navSettings"));
    QQuickItem* field = m_ui->waitForItem("keywordField");
    QVERIFY(field);
    // The section is the last of the page: scroll down to it as a user would.
    QQuickItem* page = m_ui->find("settingsPage");
    QVERIFY(page);
    for (QQuickItem* flickable : page->findChildren<QQuickItem*>()) {
        if (flickable->inherits("QQuickFlickable")) {
            const qreal bottom = flickable->property("contentHeight").toReal() - flickable->height();
            flickable->setProperty("contentY", std::max<qreal>(0, bottom));
        }
    }
    m_ui->settle(300);
    m_ui->typeInto(field, "desk lamp");
    QTest::keyClick(m_app->window(), Qt::Key_Return);
    QQuickItem* mute = m_ui->waitForItem("mute_price.drop");
    QVERIFY(mute && mute->property("checked").toBool());
    m_ui->click(mute);
    HttpTestClient minji(m_server.httpUrl());
    const auto login = minji.post("/api/v1/auth/login",
                                  QJsonObject{{"login", DemoServer::kUser}, {"password", DemoServer::kPassword}});
    minji.setAccessToken(login.json().value("accessToken").toString());
    QVERIFY(m_ui->waitFor([&] {
        return minji.get("/api/v1/me/notification-settings").json().value("muted").toArray() ==
               QJsonArray{"price.drop"};
    }));
    QVERIFY(m_ui->waitFor([&] {
        for (const auto& k : minji.get("/api/v1/me/keywords").json().value("items").toArray()) {
            if (k.toObject().value("keyword").toString() == "desk lamp")
                return true;
        }
        return false;
    }));
    // The demo's two keywords and the new one.
    QObject* alerts = m_app->window()->findChild<QObject*>("alertSettingsModel");
    QVERIFY(alerts);
    QVERIFY(m_ui->waitFor([&] { return alerts->property("count").toInt() == 3; }));
    m_ui->settle(400);
    m_ui->screenshot("n7-settings-notifications");
}

void NotificationGuiTest::cleanupTestCase() {
    m_ui.reset();
    m_app.reset();
    m_server.stop();
}

QTEST_MAIN(NotificationGuiTest)
#include "NotificationGuiTest.moc"
