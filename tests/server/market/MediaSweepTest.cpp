// Deleted photos and the photos of deleted listings leave the disk: the real
// server sweeps its media folder when it starts (and hourly). Files another
// live listing shows (content is shared) stay, and so does anything younger
// than the grace period; the leftovers of an interrupted write go too.
#include "ApiTestSupport.h"

#include <QBuffer>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QImage>
#include <QTest>

using namespace bitmarket::test;

namespace {

QByteArray pngOfColour(QRgb colour) {
    QImage image(96, 64, QImage::Format_RGB32);
    image.fill(colour);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

QStringList mediaFiles(const QString& dataDir) {
    QStringList files;
    QDirIterator it(dataDir + "/media", QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    return files;
}

bool makeOld(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadWrite) &&
           file.setFileTime(QDateTime::currentDateTimeUtc().addDays(-2),
                            QFileDevice::FileModificationTime);
}

} // namespace

class MediaSweepTest : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<ServerProcess> m_server;
    TestUser m_seller;

    std::unique_ptr<HttpTestClient> seller() {
        auto c = std::make_unique<HttpTestClient>(m_server->httpUrl());
        c->setAccessToken(m_seller.accessToken);
        return c;
    }
    int status(const QString& path) { return HttpTestClient(m_server->httpUrl()).get(path).status; }

    QString newListing(const QString& title) {
        const HttpResponse r = seller()->post("/api/v1/listings", listingDraft(title));
        return r.status == 201 ? r.json().value("id").toString() : QString();
    }
    QJsonObject uploadOne(const QString& listingId, const QByteArray& png) {
        const HttpResponse r = seller()->upload("/api/v1/listings/" + listingId + "/photos",
                                                {UploadFile{"photo.png", png, "image/png"}});
        return r.status == 201 ? r.json().value("items").toArray().at(0).toObject() : QJsonObject();
    }

    // Restarts the server with this grace period and waits for its first sweep.
    bool restartAndSweep(const QString& graceSeconds) {
        if (m_server->stop() != 0)
            return false;
        QFile::remove(m_server->dataDir() + "/logs/server.log");
        if (!m_server->start({"--media-grace-s", graceSeconds}))
            return false;
        const QString logPath = m_server->dataDir() + "/logs/server.log";
        return QTest::qWaitFor(
            [&] {
                QFile log(logPath);
                return log.open(QIODevice::ReadOnly) && log.readAll().contains("media sweep");
            },
            10000);
    }

private Q_SLOTS:
    void initTestCase() {
        m_server = std::make_unique<ServerProcess>();
        QVERIFY(m_server->start({"--media-grace-s", "3600"}));
        m_seller = registerUser(*std::make_unique<HttpTestClient>(m_server->httpUrl()), "sweeper");
        QVERIFY(m_seller.ok());
    }

    void cleanupTestCase() {
        if (m_server)
            QCOMPARE(m_server->stop(), 0);
    }

    void unusedMediaLeavesAfterTheGracePeriod() {
        const QByteArray shared = pngOfColour(qRgb(200, 40, 40));
        const QByteArray own = pngOfColour(qRgb(40, 200, 40));
        const QByteArray gone = pngOfColour(qRgb(40, 40, 200));

        // Listing A shows the shared picture and one of its own; listing B shows
        // the shared picture and another, and is then deleted.
        const QString a = newListing("Kept listing");
        const QString b = newListing("Deleted listing");
        QVERIFY(!a.isEmpty() && !b.isEmpty());
        const QJsonObject aShared = uploadOne(a, shared);
        const QJsonObject aOwn = uploadOne(a, own);
        const QJsonObject bShared = uploadOne(b, shared);
        const QJsonObject bGone = uploadOne(b, gone);
        QVERIFY(!aShared.isEmpty() && !aOwn.isEmpty() && !bShared.isEmpty() && !bGone.isEmpty());
        QCOMPARE(aShared.value("url"), bShared.value("url"));
        BM_EXPECT_STATUS(seller()->del("/api/v1/listings/" + a + "/photos/" + aOwn.value("id").toString()), 204);
        BM_EXPECT_STATUS(seller()->del("/api/v1/listings/" + b), 204);

        // Within the grace period nothing is removed.
        QVERIFY(restartAndSweep("3600"));
        for (const QJsonObject& p : {aShared, aOwn, bGone})
            QCOMPARE(status(p.value("url").toString()), 200);

        // A write a crash interrupted left a temporary file behind, long ago.
        const QString dir = QFileInfo(mediaFiles(m_server->dataDir()).first()).path();
        const QString leftover = dir + "/" + QString(64, 'e') + ".jpg.Xy12Ab";
        QFile partial(leftover);
        QVERIFY(partial.open(QIODevice::WriteOnly));
        partial.write("half a photo");
        partial.close();
        QVERIFY(makeOld(leftover));
        // And the shared picture's files are old, as if uploaded long ago.
        for (const QString& path : mediaFiles(m_server->dataDir()))
            QVERIFY(makeOld(path));

        QVERIFY(restartAndSweep("0"));
        // The deleted photo and the deleted listing's own photo are gone, every size of them...
        for (const QJsonObject& p : {aOwn, bGone}) {
            QCOMPARE(status(p.value("url").toString()), 404);
            QCOMPARE(status(p.value("thumbUrl").toString()), 404);
        }
        QVERIFY(!QFile::exists(leftover));
        // ...while the picture listing A still shows is served in every size.
        QCOMPARE(status(aShared.value("url").toString()), 200);
        QCOMPARE(status(aShared.value("thumbUrl").toString()), 200);
        const HttpResponse detail = seller()->get("/api/v1/listings/" + a);
        BM_EXPECT_STATUS(detail, 200);
        QCOMPARE(detail.json().value("photos").toArray().size(), 1);
        QCOMPARE(status(detail.json().value("thumbUrl").toString()), 200);

        // Once A is deleted too, the folder holds nothing.
        BM_EXPECT_STATUS(seller()->del("/api/v1/listings/" + a), 204);
        for (const QString& path : mediaFiles(m_server->dataDir()))
            QVERIFY(makeOld(path));
        QVERIFY(restartAndSweep("0"));
        QCOMPARE(status(aShared.value("url").toString()), 404);
        QCOMPARE(mediaFiles(m_server->dataDir()), QStringList());
    }

    void bytesUploadedAgainAfterADeletionStay() {
        // The files of a deleted listing, long unused, are wanted again by a new
        // listing: they must survive the next sweep.
        const QByteArray png = pngOfColour(qRgb(120, 120, 10));
        const QString first = newListing("First owner");
        const QJsonObject photo = uploadOne(first, png);
        QVERIFY(!photo.isEmpty());
        BM_EXPECT_STATUS(seller()->del("/api/v1/listings/" + first), 204);
        for (const QString& path : mediaFiles(m_server->dataDir()))
            QVERIFY(makeOld(path));
        const QString second = newListing("Second owner");
        QCOMPARE(uploadOne(second, png).value("url"), photo.value("url"));
        QVERIFY(restartAndSweep("60"));
        QCOMPARE(status(photo.value("url").toString()), 200);
        QCOMPARE(status(photo.value("thumbUrl").toString()), 200);
    }
};

QTEST_GUILESS_MAIN(MediaSweepTest)
#include "MediaSweepTest.moc"
