// bitmarket://listing/ID links: what counts as one, a link given to a second
// launch reaching the app already running, and the desktop entry that makes
// the desktop hand such links to the app.
#include "app/ListingLinks.h"

#include <QClipboard>
#include <QFile>
#include <QGuiApplication>
#include <QLocalSocket>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>

class ListingLinksTest : public QObject {
    Q_OBJECT

private slots:
    void aLinkNamesItsListing() {
        QCOMPARE(ListingLinks::linkTo("lst_Ab3-9"), QString("bitmarket://listing/lst_Ab3-9"));
        QCOMPARE(ListingLinks::listingIdIn("bitmarket://listing/lst_Ab3-9"), QString("lst_Ab3-9"));
        QCOMPARE(ListingLinks::listingIdIn("  bitmarket://listing/lst_1\n"), QString("lst_1"));
    }

    void otherLinksNameNothing() {
        for (const char* link : {"", "bitmarket://listing/", "bitmarket://listing", "https://example.com/listing/lst_1",
                                 "bitmarket://user/lst_1", "bitmarket://listing/../../etc/passwd",
                                 "bitmarket://listing/lst_1/photos", "bitmarket://listing/lst 1",
                                 "bitmarket://listing/%2e%2e"}) {
            QVERIFY2(ListingLinks::listingIdIn(link).isEmpty(), link);
        }
        QVERIFY(ListingLinks::listingIdIn("bitmarket://listing/" + QString(65, 'a')).isEmpty());
    }

    void aSecondLaunchHandsItsLinkToTheRunningApp() {
        const QString channel = "bitmarket-links-test-" + QUuid::createUuid().toString(QUuid::Id128);
        // Nobody listens yet: the second launch opens its own window.
        QVERIFY(!ListingLinks::passToRunningApp(channel, "bitmarket://listing/lst_1"));
        ListingLinks running;
        QSignalSpy requested(&running, &ListingLinks::listingRequested);
        QVERIFY(running.listen(channel));
        // Only one app takes the links.
        ListingLinks another;
        QVERIFY(!another.listen(channel));
        QVERIFY(ListingLinks::passToRunningApp(channel, "bitmarket://listing/lst_42"));
        QVERIFY(requested.wait(3000));
        QCOMPARE(requested.first().first().toString(), QString("lst_42"));
        // Something else on the socket opens nothing.
        QLocalSocket stray;
        stray.connectToServer(channel);
        QVERIFY(stray.waitForConnected(1000));
        stray.write("https://example.com/\nbitmarket://user/x\n");
        stray.waitForBytesWritten(1000);
        QTest::qWait(300);
        QCOMPARE(requested.size(), 1);
    }

    void aCopiedLinkIsOnTheClipboard() {
        ListingLinks links;
        links.copy("lst_7");
        QCOMPARE(QGuiApplication::clipboard()->text(), QString("bitmarket://listing/lst_7"));
    }

    void theDesktopEntryRegistersTheScheme() {
        QFile entry(QStringLiteral(BITMARKET_DESKTOP_ENTRY));
        QVERIFY(entry.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(entry.readAll());
        QVERIFY(text.contains("\nMimeType=x-scheme-handler/bitmarket;"));
        QVERIFY(text.contains("\nExec=bitmarket %u\n"));
    }
};

QTEST_MAIN(ListingLinksTest)
#include "ListingLinksTest.moc"
