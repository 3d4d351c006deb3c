// Listing photos over HTTP against the real server, with real phone photos
// (monstree: EXIF orientation 6 and GPS): upload, upright storage, served
// media with caching headers and no private metadata, files that lie about
// their type, size and pixel limits, ownership, the 20-photo limit, deletion
// and the listing thumbnail following the first photo.
#include "ApiTestSupport.h"

#include <QBuffer>
#include <QDir>
#include <QDirIterator>
#include <QImage>
#include <QTcpSocket>
#include <QTest>

using namespace bitmarket::test;

namespace {

QByteArray encoded(const QImage& image, const char* format) {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, format);
    return bytes;
}

QByteArray smallPng(int seed) {
    QImage image(64, 48, QImage::Format_RGB32);
    image.fill(QColor::fromHsv((seed * 37) % 360, 200, 200));
    image.setPixel(seed % 64, 0, qRgb(1, 2, 3));
    return encoded(image, "PNG");
}

quint32 crc32(const QByteArray& data) {
    quint32 crc = 0xffffffffu;
    for (const char ch : data) {
        crc ^= static_cast<quint8>(ch);
        for (int k = 0; k < 8; ++k)
            crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

// A small PNG whose header claims width x height (a "decompression bomb" shape).
QByteArray pngClaiming(quint32 width, quint32 height) {
    QByteArray png = smallPng(1);
    // Signature (8), IHDR length (4), "IHDR" (4), then width and height.
    for (int i = 0; i < 4; ++i) {
        png[16 + i] = static_cast<char>((width >> (24 - 8 * i)) & 0xff);
        png[20 + i] = static_cast<char>((height >> (24 - 8 * i)) & 0xff);
    }
    const quint32 crc = crc32(png.mid(12, 4 + 13));
    for (int i = 0; i < 4; ++i)
        png[29 + i] = static_cast<char>((crc >> (24 - 8 * i)) & 0xff);
    return png;
}

// Markers of a JPEG before its image data; APP1 carries EXIF and XMP.
QList<quint8> jpegMarkers(const QByteArray& jpeg) {
    QList<quint8> markers;
    int i = 2;
    while (i + 4 <= jpeg.size() && static_cast<quint8>(jpeg[i]) == 0xff) {
        const quint8 marker = static_cast<quint8>(jpeg[i + 1]);
        markers.append(marker);
        if (marker == 0xda) // start of scan
            break;
        const int length = (static_cast<quint8>(jpeg[i + 2]) << 8) | static_cast<quint8>(jpeg[i + 3]);
        i += 2 + length;
    }
    return markers;
}

int countFiles(const QString& dir) {
    int n = 0;
    QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        if (!it.fileName().startsWith('.'))
            ++n;
    }
    return n;
}

} // namespace

class PhotoApiTest : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<ServerProcess> m_server;
    TestUser m_seller, m_other;
    QStringList m_photoFiles;

    std::unique_ptr<HttpTestClient> as(const TestUser& u) {
        auto c = std::make_unique<HttpTestClient>(m_server->httpUrl());
        if (!u.accessToken.isEmpty())
            c->setAccessToken(u.accessToken);
        return c;
    }
    std::unique_ptr<HttpTestClient> anonymous() { return as(TestUser{}); }

    QString newListing(const QString& title) {
        const HttpResponse r = as(m_seller)->post("/api/v1/listings", listingDraft(title, 30'000, "garden"));
        return r.status == 201 ? r.json().value("id").toString() : QString();
    }
    QJsonObject detail(const QString& id) { return anonymous()->get("/api/v1/listings/" + id).json(); }
    int photoCount(const QString& id) { return detail(id).value("photos").toArray().size(); }
    int mediaFiles() { return countFiles(m_server->dataDir() + "/media"); }
    UploadFile photo(int index) {
        return UploadFile{QFileInfo(m_photoFiles[index]).fileName(), readFileBytes(m_photoFiles[index]),
                          "image/jpeg"};
    }

private Q_SLOTS:
    void initTestCase() {
        const QDir photos(datasetsDir() + "/monstree/photos");
        for (const QString& name : photos.entryList({"*.JPG"}, QDir::Files, QDir::Name))
            m_photoFiles.append(photos.filePath(name));
        if (m_photoFiles.size() < 3)
            QSKIP("the monstree photos are not in ../shared/datasets");
        m_server = std::make_unique<ServerProcess>();
        QVERIFY(m_server->start());
        m_seller = registerUser(*anonymous(), "photographer");
        m_other = registerUser(*anonymous(), "intruder");
        QVERIFY(m_seller.ok() && m_other.ok());
    }

    void cleanupTestCase() {
        if (m_server)
            QCOMPARE(m_server->stop(), 0);
    }

    void uploadStoresUprightPhotosAndSetsThumbnail() {
        const QString id = newListing("Monstree carving");
        QVERIFY(!id.isEmpty());
        QVERIFY(detail(id).value("thumbUrl").isNull());
        const QByteArray original = readFileBytes(m_photoFiles[0]);
        QVERIFY(original.contains("Exif"));
        QCOMPARE(QImage::fromData(original).size(), QSize(1600, 1200)); // stored sideways

        const HttpResponse r = as(m_seller)->upload("/api/v1/listings/" + id + "/photos", {photo(0), photo(1)});
        BM_EXPECT_STATUS(r, 201);
        const QJsonArray items = r.json().value("items").toArray();
        QCOMPARE(items.size(), 2);
        for (const QJsonValue& v : items) {
            const QJsonObject p = v.toObject();
            QVERIFY(!p.value("id").toString().isEmpty());
            QVERIFY(p.value("url").toString().startsWith("/media/"));
            QVERIFY(p.value("thumbUrl").toString().startsWith("/media/"));
            QVERIFY(p.value("url").toString() != p.value("thumbUrl").toString());
            // EXIF orientation 6 applied: upright, so taller than wide.
            QCOMPARE(p.value("width").toInt(), 1200);
            QCOMPARE(p.value("height").toInt(), 1600);
        }
        const QJsonObject d = detail(id);
        QCOMPARE(idsOf(d.value("photos").toArray()), idsOf(items));
        QCOMPARE(d.value("thumbUrl").toString(), items[0].toObject().value("thumbUrl").toString());
        // Search results carry the thumbnail too.
        const HttpResponse s = anonymous()->get("/api/v1/listings?sellerId=" + m_seller.id + "&limit=100");
        bool found = false;
        for (const QJsonValue& v : s.json().value("items").toArray()) {
            if (v.toObject().value("id").toString() == id) {
                found = true;
                QCOMPARE(v.toObject().value("thumbUrl").toString(), d.value("thumbUrl").toString());
            }
        }
        QVERIFY(found);
    }

    void servedMediaIsCachedAndCarriesNoPrivateMetadata() {
        const QString id = newListing("Media headers");
        const HttpResponse up = as(m_seller)->upload("/api/v1/listings/" + id + "/photos", {photo(2)});
        BM_EXPECT_STATUS(up, 201);
        const QJsonObject p = up.json().value("items").toArray().at(0).toObject();
        // The 1024 px variant is served too (by name), so it is checked the same way.
        QString medium = p.value("url").toString();
        medium.replace(".jpg", "_1024.jpg");
        for (const QString& url : {p.value("url").toString(), p.value("thumbUrl").toString(), medium}) {
            const HttpResponse r = anonymous()->get(url);
            BM_EXPECT_STATUS(r, 200);
            QCOMPARE(r.header("Content-Type"), QByteArray("image/jpeg"));
            QVERIFY2(r.header("Cache-Control").contains("max-age="), r.header("Cache-Control").constData());
            const QByteArray etag = r.header("ETag");
            QVERIFY(!etag.isEmpty());
            const QImage image = QImage::fromData(r.body, "JPEG");
            QVERIFY(!image.isNull());
            QVERIFY2(image.width() < image.height(), "served photo is not upright");
            if (url == p.value("url").toString())
                QCOMPARE(image.size(), QSize(1200, 1600));
            else if (url == medium)
                QCOMPARE(image.size(), QSize(768, 1024));
            else
                QCOMPARE(qMax(image.width(), image.height()), 320);
            // No EXIF (GPS, camera make/model) in what is served.
            QVERIFY(!r.body.contains("Exif"));
            QVERIFY(!r.body.contains("GPS"));
            QVERIFY(!r.body.contains("Apple"));
            QVERIFY(!r.body.contains("iPhone"));
            QVERIFY2(!jpegMarkers(r.body).contains(0xe1), "served JPEG has an APP1 (EXIF/XMP) segment");
            // A client holding the same version gets 304 and no body.
            auto cached = anonymous();
            cached->setHeader("If-None-Match", etag);
            const HttpResponse again = cached->get(url);
            BM_EXPECT_STATUS(again, 304);
            QVERIFY(again.body.isEmpty());
            auto stale = anonymous();
            stale->setHeader("If-None-Match", "\"something-else\"");
            BM_EXPECT_STATUS(stale->get(url), 200);
        }
    }

    void unknownAndTraversingMediaPathsAreNotFound() {
        const QByteArray secret = readFileBytes(m_server->dataDir() + "/secret.key").trimmed();
        QVERIFY(!secret.isEmpty());
        for (const QString& path :
             {QStringLiteral("/media/ab/abababababababababababababababababababababababababababababababab.jpg"),
              QStringLiteral("/media/xx/nothing.jpg"), QStringLiteral("/media/..%2F..%2Fsecret.key"),
              QStringLiteral("/media/%2e%2e/secret.key"), QStringLiteral("/media/..%2f/secret.key"),
              QStringLiteral("/media/ab/..%2F..%2Fsecret.key"), QStringLiteral("/media/ab/..%2F..%2Fbitmarket.db")}) {
            const HttpResponse r = anonymous()->get(path);
            QVERIFY2(r.status == 404 || r.status == 400, qPrintable(path + " -> " + QString::number(r.status)));
            QVERIFY(!r.body.contains(secret));
            QVERIFY(!r.body.startsWith("SQLite"));
        }
    }

    void acceptsPngAndFullSizePhotos() {
        const QString id = newListing("PNG and full size");
        HttpResponse r = as(m_seller)->upload("/api/v1/listings/" + id + "/photos",
                                              {UploadFile{"drawing.png", smallPng(7), "image/png"}});
        BM_EXPECT_STATUS(r, 201);
        QCOMPARE(r.json().value("items").toArray().at(0).toObject().value("width").toInt(), 64);
        const QDir full(datasetsDir() + "/monstree/full");
        const QStringList originals = full.entryList({"*.JPG"}, QDir::Files, QDir::Name);
        if (originals.isEmpty())
            QSKIP("no monstree/full originals");
        const QByteArray big = readFileBytes(full.filePath(originals.first()));
        QVERIFY(big.size() > 3'000'000);
        r = as(m_seller)->upload("/api/v1/listings/" + id + "/photos",
                                 {UploadFile{originals.first(), big, "image/jpeg"}});
        BM_EXPECT_STATUS(r, 201);
        const QJsonObject p = r.json().value("items").toArray().at(0).toObject();
        QVERIFY(qMax(p.value("width").toInt(), p.value("height").toInt()) <= 4032);
        QVERIFY(p.value("width").toInt() > 0);
        const HttpResponse served = anonymous()->get(p.value("url").toString());
        BM_EXPECT_STATUS(served, 200);
        QCOMPARE(QImage::fromData(served.body).size(), QSize(p.value("width").toInt(), p.value("height").toInt()));
        QVERIFY(!served.body.contains("Exif"));
    }

    void acceptsWebpAndFlattensTransparencyOnWhite() {
        const QString id = newListing("WebP and transparent PNG");
        QImage webp(90, 60, QImage::Format_RGB32);
        webp.fill(qRgb(200, 30, 30));
        const QByteArray webpBytes = encoded(webp, "WEBP");
        if (webpBytes.isEmpty())
            QSKIP("this Qt cannot write WebP");
        QImage cutout(40, 40, QImage::Format_ARGB32);
        cutout.fill(Qt::transparent);
        const HttpResponse r = as(m_seller)->upload(
            "/api/v1/listings/" + id + "/photos",
            {UploadFile{"photo.webp", webpBytes, "image/webp"}, UploadFile{"cutout.png", encoded(cutout, "PNG"), "image/png"}});
        BM_EXPECT_STATUS(r, 201);
        const QJsonArray items = r.json().value("items").toArray();
        QCOMPARE(items.size(), 2);
        QCOMPARE(items[0].toObject().value("width").toInt(), 90);
        QCOMPARE(items[0].toObject().value("height").toInt(), 60);
        const QImage servedWebp = QImage::fromData(anonymous()->get(items[0].toObject().value("url").toString()).body);
        QCOMPARE(servedWebp.size(), QSize(90, 60));
        QVERIFY(qAbs(qRed(servedWebp.pixel(45, 30)) - 200) < 20);
        // A transparent product cut-out is shown on white, not black.
        const QImage servedCutout = QImage::fromData(anonymous()->get(items[1].toObject().value("url").toString()).body);
        QCOMPARE(servedCutout.size(), QSize(40, 40));
        QVERIFY2(qGray(servedCutout.pixel(20, 20)) > 240, qPrintable(QString::number(qGray(servedCutout.pixel(20, 20)))));
    }

    void filesThatLieAboutTheirTypeAreRefused_data() {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<QByteArray>("contentType");
        QTest::newRow("text named .jpg") << QByteArray("this is not a photo at all\n").repeated(50) << "photo.jpg"
                                         << QByteArray("image/jpeg");
        QTest::newRow("html named .png") << QByteArray("<html><script>alert(1)</script></html>") << "x.png"
                                         << QByteArray("image/png");
        QTest::newRow("bmp") << encoded(QImage(32, 32, QImage::Format_RGB32), "BMP") << "image.jpg"
                             << QByteArray("image/jpeg");
        QTest::newRow("pdf header") << QByteArray("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n") << "scan.jpg"
                                    << QByteArray("image/jpeg");
        QTest::newRow("empty file") << QByteArray() << "empty.jpg" << QByteArray("image/jpeg");
        QTest::newRow("gif") << QByteArray::fromBase64("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7") << "anim.jpg"
                             << QByteArray("image/jpeg");
        QTest::newRow("tiff") << encoded(QImage(16, 16, QImage::Format_RGB32), "TIFF") << "scan.png" << QByteArray("image/png");
        QTest::newRow("svg") << QByteArray("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>") << "logo.png"
                             << QByteArray("image/png");
    }

    void filesThatLieAboutTheirTypeAreRefused() {
        QFETCH(QByteArray, content);
        QFETCH(QString, fileName);
        QFETCH(QByteArray, contentType);
        const QString id = newListing("Liar " + fileName);
        QVERIFY(!id.isEmpty());
        const int filesBefore = mediaFiles();
        const HttpResponse r = as(m_seller)->upload("/api/v1/listings/" + id + "/photos",
                                                    {UploadFile{fileName, content, contentType}});
        if (content.isEmpty())
            QVERIFY2(r.status == 415 || r.status == 400, qPrintable(QString::number(r.status)));
        else
            BM_EXPECT_ERROR(r, 415, "unsupported_media_type");
        QCOMPARE(photoCount(id), 0);
        QVERIFY(detail(id).value("thumbUrl").isNull());
        QCOMPARE(mediaFiles(), filesBefore);
    }

    void oneBadFileRejectsTheWholeUpload() {
        const QString id = newListing("All or nothing");
        const int filesBefore = mediaFiles();
        QImage fresh(80, 60, QImage::Format_RGB32);
        fresh.fill(qRgb(12, 200, 99)); // content no other test uploads
        const HttpResponse r = as(m_seller)->upload(
            "/api/v1/listings/" + id + "/photos",
            {UploadFile{"good.png", encoded(fresh, "PNG"), "image/png"},
             UploadFile{"bad.jpg", QByteArray("definitely text"), "image/jpeg"}});
        BM_EXPECT_ERROR(r, 415, "unsupported_media_type");
        QCOMPARE(photoCount(id), 0);
        QCOMPARE(mediaFiles(), filesBefore); // the good one's files were removed again
    }

    void damagedImagesAreRefused() {
        const QString id = newListing("Damaged images");
        const int filesBefore = mediaFiles();
        QByteArray png = smallPng(9);
        png.truncate(png.size() / 2);
        for (const UploadFile& f : {UploadFile{"half.png", png, "image/png"},
                                    UploadFile{"fake.webp", QByteArray("RIFF\x10\0\0\0WEBPVP8 garbage-garbage"), "image/webp"},
                                    UploadFile{"header-only.jpg", QByteArray("\xFF\xD8\xFF\xE0\0\x10JFIF\0"), "image/jpeg"}}) {
            const HttpResponse r = as(m_seller)->upload("/api/v1/listings/" + id + "/photos", {f});
            QVERIFY2(r.status == 400 || r.status == 415, qPrintable(f.fileName + ": " + QString::number(r.status)));
            QVERIFY(!r.errorCode().isEmpty());
        }
        QCOMPARE(photoCount(id), 0);
        QCOMPARE(mediaFiles(), filesBefore);
        BM_EXPECT_STATUS(anonymous()->get("/healthz"), 200);
    }

    void truncatedJpegIsRefused() {
        const QString id = newListing("Cut off upload");
        const QByteArray whole = readFileBytes(m_photoFiles[3]);
        const int filesBefore = mediaFiles();
        const HttpResponse r = as(m_seller)->upload("/api/v1/listings/" + id + "/photos",
                                                    {UploadFile{"cut.jpg", whole.left(whole.size() / 2), "image/jpeg"}});
        BM_EXPECT_ERROR(r, 400, "validation_failed");
        QCOMPARE(photoCount(id), 0);
        QCOMPARE(mediaFiles(), filesBefore);
    }

    void photoOverTheByteLimitIsTooLarge() {
        const QString id = newListing("Huge photo");
        QByteArray huge = readFileBytes(m_photoFiles[4]);
        huge.append(QByteArray(26 * 1024 * 1024, '\0'));
        const int filesBefore = mediaFiles();
        const HttpResponse r = as(m_seller)->upload("/api/v1/listings/" + id + "/photos",
                                                    {UploadFile{"huge.jpg", huge, "image/jpeg"}});
        BM_EXPECT_ERROR(r, 413, "payload_too_large");
        QCOMPARE(photoCount(id), 0);
        QCOMPARE(mediaFiles(), filesBefore);
    }

    void photoOverThePixelLimitIsTooLarge() {
        const QString id = newListing("Pixel bomb");
        const QByteArray bomb = pngClaiming(20000, 20000);
        QCOMPARE(QImage::fromData(smallPng(1)).size(), QSize(64, 48));
        const HttpResponse r = as(m_seller)->upload("/api/v1/listings/" + id + "/photos",
                                                    {UploadFile{"bomb.png", bomb, "image/png"}});
        BM_EXPECT_ERROR(r, 413, "payload_too_large");
        QCOMPARE(photoCount(id), 0);
    }

    void bodyOverTheServerLimitIsTooLarge() {
        const QString id = newListing("Endless body");
        // A body just over the server's 200 MB limit, streamed in 1 MB pieces
        // (the server may answer before it all arrived, or after discarding it).
        const qint64 bodySize = 200LL * 1024 * 1024 + 1;
        QTcpSocket socket;
        socket.connectToHost(m_server->httpUrl().host(), static_cast<quint16>(m_server->httpUrl().port()));
        QVERIFY(socket.waitForConnected(5000));
        const QByteArray boundary = "bmboundary";
        QByteArray head = "POST /api/v1/listings/" + id.toLatin1() + "/photos HTTP/1.1\r\n"
                          "Host: 127.0.0.1\r\n"
                          "Authorization: Bearer " + m_seller.accessToken.toLatin1() + "\r\n"
                          "Content-Type: multipart/form-data; boundary=" + boundary + "\r\n"
                          "Content-Length: " + QByteArray::number(bodySize) + "\r\n\r\n";
        const QByteArray partHead = "--" + boundary +
                                    "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.jpg\"\r\n"
                                    "Content-Type: image/jpeg\r\n\r\n";
        socket.write(head + partHead);
        qint64 sent = partHead.size();
        const QByteArray chunk(1024 * 1024, 'x');
        QByteArray response;
        QElapsedTimer timer;
        timer.start();
        while (sent < bodySize && socket.state() == QAbstractSocket::ConnectedState && timer.elapsed() < 60000) {
            const qint64 n = qMin<qint64>(chunk.size(), bodySize - sent);
            if (socket.write(chunk.constData(), n) != n)
                break;
            sent += n;
            while (socket.bytesToWrite() > 4 * chunk.size() && socket.waitForBytesWritten(1000)) {
            }
            response += socket.readAll();
            if (response.contains("\r\n\r\n"))
                break; // answered early
        }
        while (socket.bytesToWrite() > 0 && socket.waitForBytesWritten(1000)) {
        }
        while (timer.elapsed() < 60000 && !response.contains("payload_too_large")) {
            if (!socket.waitForReadyRead(500) && socket.state() != QAbstractSocket::ConnectedState)
                break;
            response += socket.readAll();
        }
        response += socket.readAll();
        qInfo("sent %lld of %lld bytes before the answer", sent, bodySize);
        QVERIFY2(response.startsWith("HTTP/1.1 413"), response.left(200).constData());
        QVERIFY(response.contains("payload_too_large"));
        socket.abort();
        QCOMPARE(photoCount(id), 0);
        // The server is still fine.
        BM_EXPECT_STATUS(anonymous()->get("/healthz"), 200);
    }

    void onlyTheOwnerMayUpload() {
        const QString id = newListing("Owner only uploads");
        const QString path = "/api/v1/listings/" + id + "/photos";
        BM_EXPECT_ERROR(as(m_other)->upload(path, {photo(5)}), 403, "forbidden");
        BM_EXPECT_ERROR(anonymous()->upload(path, {photo(5)}), 401, "unauthorized");
        BM_EXPECT_ERROR(as(m_seller)->upload("/api/v1/listings/l_doesnotexist00000000/photos", {photo(5)}), 404,
                        "not_found");
        QCOMPARE(photoCount(id), 0);
    }

    void noUploadsToDeletedListings() {
        const QString id = newListing("Deleted before upload");
        BM_EXPECT_STATUS(as(m_seller)->del("/api/v1/listings/" + id), 204);
        const int filesBefore = mediaFiles();
        BM_EXPECT_ERROR(as(m_seller)->upload("/api/v1/listings/" + id + "/photos", {photo(8)}), 404, "not_found");
        QCOMPARE(mediaFiles(), filesBefore);
    }

    void uploadNeedsMultipartWithFileParts() {
        const QString id = newListing("Shapes of upload");
        const QString path = "/api/v1/listings/" + id + "/photos";
        BM_EXPECT_ERROR(as(m_seller)->send("POST", path, readFileBytes(m_photoFiles[6]), "image/jpeg"), 415,
                        "unsupported_media_type");
        BM_EXPECT_ERROR(as(m_seller)->send("POST", path, "{}", "application/json"), 415, "unsupported_media_type");
        const HttpResponse r = as(m_seller)->upload(path, {photo(6)}, "photo");
        BM_EXPECT_ERROR(r, 400, "validation_failed");
        QCOMPARE(errorField(r), QStringLiteral("file"));
        QCOMPARE(photoCount(id), 0);
    }

    void atMostTwentyPhotos() {
        const QString id = newListing("Twenty photos");
        const QString path = "/api/v1/listings/" + id + "/photos";
        QList<UploadFile> many;
        for (int i = 0; i < 21; ++i)
            many.append(UploadFile{QStringLiteral("p%1.png").arg(i), smallPng(100 + i), "image/png"});
        HttpResponse r = as(m_seller)->upload(path, many);
        BM_EXPECT_ERROR(r, 400, "validation_failed");
        QCOMPARE(photoCount(id), 0);

        r = as(m_seller)->upload(path, many.mid(0, 18));
        BM_EXPECT_STATUS(r, 201);
        QCOMPARE(photoCount(id), 18);
        // 18 + 3 is over the limit even across requests; nothing of the 3 is added.
        r = as(m_seller)->upload(path, many.mid(18, 3));
        BM_EXPECT_ERROR(r, 400, "validation_failed");
        QCOMPARE(photoCount(id), 18);
        r = as(m_seller)->upload(path, many.mid(18, 2));
        BM_EXPECT_STATUS(r, 201);
        QCOMPARE(photoCount(id), 20);
        r = as(m_seller)->upload(path, {many[20]});
        BM_EXPECT_ERROR(r, 400, "validation_failed");
        QCOMPARE(photoCount(id), 20);
    }

    void photoLimitHoldsUnderConcurrentUploads() {
        const QString id = newListing("Racing uploads");
        const QString path = "/api/v1/listings/" + id + "/photos";
        const QUrl base = m_server->httpUrl();
        const QString token = m_seller.accessToken;
        const QList<HttpResponse> answers = concurrently(2, [&](int r) {
            QList<UploadFile> files;
            for (int i = 0; i < 12; ++i)
                files.append(UploadFile{QStringLiteral("r%1_%2.png").arg(r).arg(i), smallPng(300 + 20 * r + i), "image/png"});
            HttpTestClient c(base);
            c.setAccessToken(token);
            return c.upload(path, files);
        });
        int accepted = 0;
        for (const HttpResponse& a : answers) {
            if (a.status == 201)
                ++accepted;
            else
                BM_EXPECT_ERROR(a, 400, "validation_failed");
        }
        QCOMPARE(accepted, 1);
        QCOMPARE(photoCount(id), 12);
    }

    void failedUploadNeverTakesFilesFromAnotherListing() {
        // The same picture goes to a full listing (refused, its files undone) and
        // to another listing (accepted) at the same moment, many times over: the
        // accepted photo's files must always stay.
        const QString full = newListing("Already full");
        QList<UploadFile> twenty;
        for (int i = 0; i < 20; ++i)
            twenty.append(UploadFile{QStringLiteral("f%1.png").arg(i), smallPng(500 + i), "image/png"});
        BM_EXPECT_STATUS(as(m_seller)->upload("/api/v1/listings/" + full + "/photos", twenty), 201);
        const QUrl base = m_server->httpUrl();
        const QString token = m_seller.accessToken;
        QStringList broken;
        for (int round = 0; round < 40; ++round) {
            const QString open = newListing(QStringLiteral("Open %1").arg(round));
            QImage picture(48, 48, QImage::Format_RGB32);
            picture.fill(qRgb(round * 5 % 256, 77, 200 - round));
            const QByteArray bytes = encoded(picture, "PNG");
            const QList<HttpResponse> answers = concurrently(2, [&](int i) {
                HttpTestClient c(base);
                c.setAccessToken(token);
                return c.upload("/api/v1/listings/" + (i == 0 ? full : open) + "/photos",
                                {UploadFile{"same.png", bytes, "image/png"}});
            });
            BM_EXPECT_ERROR(answers[0], 400, "validation_failed");
            BM_EXPECT_STATUS(answers[1], 201);
            const QJsonObject p = answers[1].json().value("items").toArray().at(0).toObject();
            for (const char* key : {"url", "thumbUrl"}) {
                if (anonymous()->get(p.value(key).toString()).status != 200)
                    broken.append(QStringLiteral("round %1 %2").arg(round).arg(key));
            }
        }
        QVERIFY2(broken.isEmpty(), qPrintable("accepted photos whose files were removed: " + broken.join(", ")));
    }

    void deletePhotoUpdatesThumbnail() {
        const QString id = newListing("Delete photos");
        const QString path = "/api/v1/listings/" + id + "/photos";
        const HttpResponse up = as(m_seller)->upload(
            path, {UploadFile{"a.png", smallPng(201), "image/png"}, UploadFile{"b.png", smallPng(202), "image/png"}});
        BM_EXPECT_STATUS(up, 201);
        const QJsonArray items = up.json().value("items").toArray();
        const QString first = items[0].toObject().value("id").toString();
        const QString second = items[1].toObject().value("id").toString();
        QCOMPARE(detail(id).value("thumbUrl").toString(), items[0].toObject().value("thumbUrl").toString());

        BM_EXPECT_ERROR(as(m_other)->del(path + "/" + first), 403, "forbidden");
        BM_EXPECT_ERROR(anonymous()->del(path + "/" + first), 401, "unauthorized");
        BM_EXPECT_ERROR(as(m_seller)->del(path + "/p_doesnotexist00000000"), 404, "not_found");
        // A photo id under a listing it does not belong to.
        const QString otherListing = newListing("Other listing");
        BM_EXPECT_ERROR(as(m_seller)->del("/api/v1/listings/" + otherListing + "/photos/" + first), 404, "not_found");
        QCOMPARE(photoCount(id), 2);

        BM_EXPECT_STATUS(as(m_seller)->del(path + "/" + first), 204);
        QJsonObject d = detail(id);
        QCOMPARE(idsOf(d.value("photos").toArray()), QStringList{second});
        QCOMPARE(d.value("thumbUrl").toString(), items[1].toObject().value("thumbUrl").toString());
        BM_EXPECT_ERROR(as(m_seller)->del(path + "/" + first), 404, "not_found");

        BM_EXPECT_STATUS(as(m_seller)->del(path + "/" + second), 204);
        d = detail(id);
        QCOMPARE(d.value("photos").toArray().size(), 0);
        QVERIFY2(d.value("thumbUrl").isNull(), qPrintable(d.value("thumbUrl").toString()));
    }

    void photosSurviveRestart() {
        const QString id = newListing("Photos after restart");
        const HttpResponse up = as(m_seller)->upload("/api/v1/listings/" + id + "/photos", {photo(7)});
        BM_EXPECT_STATUS(up, 201);
        const QString url = up.json().value("items").toArray().at(0).toObject().value("url").toString();
        m_server->kill();
        QVERIFY(m_server->start());
        QCOMPARE(photoCount(id), 1);
        const HttpResponse r = anonymous()->get(url);
        BM_EXPECT_STATUS(r, 200);
        QCOMPARE(QImage::fromData(r.body).size(), QSize(1200, 1600));
    }
};

QTEST_GUILESS_MAIN(PhotoApiTest)
#include "PhotoApiTest.moc"
