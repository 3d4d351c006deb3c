// Photo uploads an attacker would craft, sent to the real server: a small
// progressive JPEG whose hundreds of scans take a minute to decode, many
// costly uploads from one account at once, a cut-off JPEG with an end marker
// appended, and a phone photo whose EXIF orientation sits behind an XMP
// segment. Each is answered as it should be, and other people's uploads keep
// going through in the meantime.
#include "ApiTestSupport.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QImage>
#include <QImageWriter>
#include <QTest>

#include <cstdio>
#include <thread>
#include <vector>

#include <jpeglib.h>

using namespace bitmarket::test;

namespace {

QByteArray jpeg(const QImage& image, bool progressive) {
    QByteArray out;
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "jpeg");
    writer.setProgressiveScanWrite(progressive);
    writer.setQuality(50);
    writer.write(image);
    return out;
}

QImage flatGrey(int width, int height) {
    QImage image(width, height, QImage::Format_Grayscale8);
    image.fill(128);
    return image;
}

// A progressive JPEG with its last scan repeated `copies` times: every scan walks
// every block of the picture again. 7000x7000 with 500 copies is 229 KB.
QByteArray manyScans(int width, int height, int copies) {
    const QByteArray base = jpeg(flatGrey(width, height), true);
    const qsizetype lastScan = base.lastIndexOf("\xFF\xDA");
    const qsizetype end = base.lastIndexOf("\xFF\xD9");
    QByteArray out = base.left(end);
    for (int i = 0; i < copies; ++i)
        out += base.mid(lastScan, end - lastScan);
    return out + "\xFF\xD9";
}

// A correct progressive greyscale JPEG of `scans` scans (the DC scan, then one
// scan per AC coefficient), written by libjpeg itself.
QByteArray validScans(int width, int height, int scans) {
    jpeg_compress_struct info;
    jpeg_error_mgr errors;
    info.err = jpeg_std_error(&errors);
    jpeg_create_compress(&info);
    unsigned char* out = nullptr;
    unsigned long size = 0;
    jpeg_mem_dest(&info, &out, &size);
    info.image_width = JDIMENSION(width);
    info.image_height = JDIMENSION(height);
    info.input_components = 1;
    info.in_color_space = JCS_GRAYSCALE;
    jpeg_set_defaults(&info);
    std::vector<jpeg_scan_info> script{std::size_t(scans)};
    for (int i = 0; i < scans; ++i)
        script[std::size_t(i)] = jpeg_scan_info{1, {0, 0, 0, 0}, i, i, 0, 0};
    info.scan_info = script.data();
    info.num_scans = scans;
    jpeg_start_compress(&info, TRUE);
    std::vector<JSAMPLE> row(std::size_t(width), 128);
    JSAMPROW rows[] = {row.data()};
    while (info.next_scanline < info.image_height)
        jpeg_write_scanlines(&info, rows, 1);
    jpeg_finish_compress(&info);
    jpeg_destroy_compress(&info);
    QByteArray bytes(reinterpret_cast<const char*>(out), qsizetype(size));
    std::free(out);
    return bytes;
}

// An XMP APP1 segment put first, before the EXIF APP1 (as some editors write them).
QByteArray withXmpFirst(const QByteArray& jpegBytes) {
    const QByteArray xmp = QByteArray("http://ns.adobe.com/xap/1.0/") + '\0' +
                           "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF/></x:xmpmeta>";
    QByteArray segment("\xFF\xE1", 2);
    segment.append(char((xmp.size() + 2) >> 8)).append(char((xmp.size() + 2) & 0xFF)).append(xmp);
    return jpegBytes.left(2) + segment + jpegBytes.mid(2);
}

} // namespace

class HostilePhotoTest : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<ServerProcess> m_server;
    TestUser m_attacker, m_otherAttacker, m_seller;
    QString m_attackerListing, m_otherAttackerListing, m_sellerListing;

    QString listingOf(const TestUser& user) {
        HttpTestClient http(m_server->httpUrl());
        http.setAccessToken(user.accessToken);
        return http.post("/api/v1/listings", listingDraft("Photos of " + user.username)).json().value("id").toString();
    }
    HttpResponse upload(const TestUser& user, const QString& listingId, const QByteArray& bytes,
                        const QString& name = QStringLiteral("photo.jpg")) {
        HttpTestClient http(m_server->httpUrl());
        http.setAccessToken(user.accessToken);
        return http.upload("/api/v1/listings/" + listingId + "/photos", {UploadFile{name, bytes, "image/jpeg"}});
    }
    // The seller's ordinary photo, timed.
    qint64 ordinaryUploadMs() {
        QImage photo(800, 600, QImage::Format_RGB32);
        photo.fill(qRgb(200, 120, 40));
        QElapsedTimer t;
        t.start();
        const HttpResponse r = upload(m_seller, m_sellerListing, jpeg(photo, false));
        return r.status == 201 ? t.elapsed() : 99'999;
    }

private Q_SLOTS:
    void initTestCase() {
        m_server = std::make_unique<ServerProcess>();
        QVERIFY(m_server->start());
        HttpTestClient http(m_server->httpUrl());
        m_attacker = registerUser(http, "scan_bomber");
        m_otherAttacker = registerUser(http, "scan_bomber2");
        m_seller = registerUser(http, "honest_seller");
        QVERIFY(m_attacker.ok() && m_otherAttacker.ok() && m_seller.ok());
        m_attackerListing = listingOf(m_attacker);
        m_otherAttackerListing = listingOf(m_otherAttacker);
        m_sellerListing = listingOf(m_seller);
        QVERIFY(!m_attackerListing.isEmpty() && !m_otherAttackerListing.isEmpty() && !m_sellerListing.isEmpty());
    }

    void cleanupTestCase() {
        if (m_server)
            QCOMPARE(m_server->stop(), 0);
    }

    void progressiveJpegWithHundredsOfScansIsRefusedAtOnce() {
        const QByteArray bomb = manyScans(7000, 7000, 500);
        QVERIFY2(bomb.size() < 300 * 1024, qPrintable(QString::number(bomb.size())));
        // Two accounts, two bombs each: enough to hold every decode slot for minutes before.
        QElapsedTimer t;
        t.start();
        std::vector<HttpResponse> answers(4);
        std::vector<std::thread> attacks;
        for (int i = 0; i < 4; ++i) {
            attacks.emplace_back([&, i] {
                answers[i] = i % 2 ? upload(m_attacker, m_attackerListing, bomb)
                                   : upload(m_otherAttacker, m_otherAttackerListing, bomb);
            });
        }
        QTest::qWait(100);
        QElapsedTimer browse;
        browse.start();
        BM_EXPECT_STATUS(HttpTestClient(m_server->httpUrl()).get("/api/v1/listings/" + m_sellerListing), 200);
        const qint64 browseMs = browse.elapsed();
        const qint64 ordinaryMs = ordinaryUploadMs();
        for (auto& attack : attacks)
            attack.join();
        const qint64 attackMs = t.elapsed();
        qInfo("4 uploads of a 500-scan JPEG answered in %lld ms; meanwhile a listing read took %lld ms, "
              "an ordinary upload %lld ms",
              attackMs, browseMs, ordinaryMs);
        for (const HttpResponse& r : answers)
            BM_EXPECT_ERROR(r, 400, "validation_failed");
        QVERIFY2(attackMs < 5000, qPrintable(QString::number(attackMs)));
        QVERIFY2(browseMs < 1000, qPrintable(QString::number(browseMs)));
        QVERIFY2(ordinaryMs < 3000, qPrintable(QString::number(ordinaryMs)));
    }

    void correctJpegWithTooManyScansIsRefused() {
        // A correct progression, just far longer than any encoder writes.
        const QByteArray longScript = validScans(256, 256, 60);
        const HttpResponse r = upload(m_attacker, m_attackerListing, longScript, "sixty-scans.jpg");
        BM_EXPECT_ERROR(r, 400, "validation_failed");
        QVERIFY2(r.json().value("error").toObject().value("message").toString().contains("scans"), r.body.constData());
        BM_EXPECT_STATUS(upload(m_attacker, m_attackerListing, validScans(256, 256, 10), "ten-scans.jpg"), 201);
    }

    void oneAccountsUploadsWaitForEachOtherNotForEveryone() {
        // Large but honest photos (49 megapixels), six at once from one account: they are
        // decoded one after another, so a slot stays free for other sellers.
        const QByteArray large = jpeg(flatGrey(7000, 7000), false);
        std::vector<HttpResponse> answers(6);
        std::vector<std::thread> uploads;
        QElapsedTimer t;
        t.start();
        for (int i = 0; i < 6; ++i)
            uploads.emplace_back([&, i] { answers[i] = upload(m_attacker, m_attackerListing, large); });
        QTest::qWait(300);
        qint64 slowestMs = 0;
        for (int i = 0; i < 3; ++i)
            slowestMs = std::max(slowestMs, ordinaryUploadMs());
        for (auto& u : uploads)
            u.join();
        qInfo("6 parallel 49 MP uploads from one account took %lld ms; ordinary uploads meanwhile at most %lld ms",
              t.elapsed(), slowestMs);
        for (const HttpResponse& r : answers)
            BM_EXPECT_STATUS(r, 201);
        QVERIFY2(slowestMs < 1000, qPrintable(QString::number(slowestMs)));
    }

    void truncatedJpegWithAnEndMarkerIsRefused() {
        QImage photo(1200, 900, QImage::Format_RGB32);
        for (int y = 0; y < photo.height(); ++y)
            for (int x = 0; x < photo.width(); ++x)
                photo.setPixel(x, y, qRgb(x % 256, y % 256, (x * y) % 256));
        const QByteArray whole = jpeg(photo, false);
        const QByteArray cut = whole.left(whole.size() * 6 / 10) + "\xFF\xD9";
        const HttpResponse r = upload(m_seller, m_sellerListing, cut, "cut.jpg");
        BM_EXPECT_ERROR(r, 400, "validation_failed");
        QVERIFY2(r.json().value("error").toObject().value("message").toString().contains("incomplete"), r.body.constData());
        BM_EXPECT_STATUS(upload(m_seller, m_sellerListing, whole, "whole.jpg"), 201);
    }

    void orientationBehindAnXmpSegmentIsApplied() {
        // The phone stored this photo lying on its side (EXIF orientation 6).
        const QByteArray phone = readFileBytes(datasetsDir() + "/monstree/photos/IMG_1025.JPG");
        QVERIFY(!phone.isEmpty());
        const HttpResponse r = upload(m_seller, m_sellerListing, withXmpFirst(phone), "xmp-first.jpg");
        BM_EXPECT_STATUS(r, 201);
        const QJsonObject photo = r.json().value("items").toArray().first().toObject();
        QVERIFY2(photo.value("height").toInt() > photo.value("width").toInt(), r.body.constData());
    }
};

QTEST_GUILESS_MAIN(HostilePhotoTest)
#include "HostilePhotoTest.moc"
