// A card must show its own listing's photo, on the first start and on every
// later one: the client under Xvfb starts 20 times, each time with an empty
// cache, against the real demo server; each time every card's photo source
// is its listing's, and everything the disk cache kept is byte for byte what
// the server has under that URL (a wrong body kept there stays wrong: media
// URLs are immutable).
#include "DemoServer.h"
#include "GuiDriver.h"
#include "app/ClientApplication.h"
#include "listings/ListingListModel.h"
#include "media/MediaCache.h"
#include "support/HttpTestClient.h"

#include <QJsonArray>
#include <QNetworkDiskCache>
#include <QQmlProperty>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTest>

using namespace bitmarket::test;

class ThumbnailCacheTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void everyFreshStartShowsEachCardsOwnPhoto();

private:
    DemoServer m_server;
    QHash<QString, QByteArray> m_serverBytes; // media path -> the server's bytes
};

void ThumbnailCacheTest::initTestCase() {
    QVERIFY2(m_server.start(), "the server did not start");
    HttpTestClient http(m_server.httpUrl());
    const auto page = http.get("/api/v1/listings?limit=100");
    QCOMPARE(page.status, 200);
    for (const auto& v : page.json().value("items").toArray()) {
        const QString thumb = v.toObject().value("thumbUrl").toString();
        if (thumb.isEmpty())
            continue;
        const auto image = http.get(thumb);
        QCOMPARE(image.status, 200);
        m_serverBytes.insert(thumb, image.body);
    }
    QVERIFY(m_serverBytes.size() >= 11);
}

void ThumbnailCacheTest::everyFreshStartShowsEachCardsOwnPhoto() {
    constexpr int kStarts = 20;
    int cachedChecked = 0;
    for (int start = 0; start < kStarts; ++start) {
        QTemporaryDir home;
        ClientApplication::Options options;
        options.server = m_server.httpUrl();
        options.configDir = home.path() + "/config";
        options.cacheDir = home.path() + "/cache";
        options.language = "en";
        {
            ClientApplication app(options);
            QVERIFY(app.load());
            QVERIFY(QTest::qWaitForWindowExposed(app.window()));
            GuiDriver ui(app.window(), home.path());
            auto* listings = app.window()->findChild<ListingListModel*>("homeListings");
            QVERIFY(listings);
            QVERIFY(ui.waitFor([&] { return listings->loaded() && listings->rowCount() >= 11; },
                               15000));
            const QHash<int, QByteArray> roles = listings->roleNames();
            const int thumbRole = roles.key("thumbUrl");
            const int titleRole = roles.key("title");
            QHash<QString, QString> thumbOfTitle;
            for (int row = 0; row < listings->rowCount(); ++row) {
                const QModelIndex i = listings->index(row);
                thumbOfTitle.insert(i.data(titleRole).toString(), i.data(thumbRole).toUrl().path());
            }
            // The grid's cards and those of the "ending soon" row above it, which loads on its own.
            const auto shownCards = [&] {
                return ui.findAll("listingCard") + ui.findAll("endingSoonCard");
            };
            // Every visible card's photo has arrived (or failed, which fails below).
            QVERIFY(ui.waitFor(
                [&] {
                    const auto photos = ui.findAll("cardPhoto");
                    return shownCards().size() >= 6 &&
                           std::all_of(photos.begin(), photos.end(), [](QQuickItem* p) {
                               return QQmlProperty::read(p, "status").toInt() != 2; // Loading
                           });
                },
                15000));
            const auto cards = shownCards();
            QVERIFY(cards.size() >= 6);
            for (QQuickItem* card : cards) {
                const QString title = QQmlProperty::read(card, "title").toString();
                QVERIFY2(thumbOfTitle.contains(title), qPrintable(title));
                QQuickItem* photo = nullptr;
                for (QQuickItem* p : ui.findAll("cardPhoto")) {
                    if (card->isAncestorOf(p))
                        photo = p;
                }
                QVERIFY(photo);
                const QUrl source = QQmlProperty::read(photo, "source").toUrl();
                QCOMPARE(source.path(), thumbOfTitle.value(title));
                QCOMPARE(QQmlProperty::read(photo, "status").toInt(), 1); // Ready
            }
        }
        const QDir images(MediaCache(options.cacheDir).imageDir());
        for (const QString& folder : images.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            QNetworkDiskCache disk;
            disk.setCacheDirectory(images.filePath(folder));
            for (auto it = m_serverBytes.cbegin(); it != m_serverBytes.cend(); ++it) {
                QUrl url = m_server.httpUrl();
                url.setPath(it.key());
                std::unique_ptr<QIODevice> cached(disk.data(url));
                if (!cached)
                    continue;
                ++cachedChecked;
                const QByteArray bytes = cached->readAll();
                QVERIFY2(bytes == it.value(),
                         qPrintable(QStringLiteral("start %1: %2 holds under %3 the bytes of %4")
                                        .arg(start)
                                        .arg(folder, it.key(),
                                             m_serverBytes.key(bytes, QStringLiteral("nothing")))));
            }
        }
    }
    // The disk cache was in use: each start kept the photos it showed.
    QVERIFY(cachedChecked >= kStarts * 6);
}

QTEST_MAIN(ThumbnailCacheTest)
#include "ThumbnailCacheTest.moc"
