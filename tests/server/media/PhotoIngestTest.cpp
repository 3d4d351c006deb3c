// PhotoIngest with real phone photos: upright, no EXIF or GPS in what is
// served, the three sizes, and every rejected upload leaves nothing behind.
#include "media/PhotoIngest.h"

#include "media/MediaStore.h"

#include <QBuffer>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QImageReader>
#include <QImageWriter>
#include <QTemporaryDir>
#include <QTest>
#include <thread>
#include <vector>

using bitmarket::ErrorCode;
using bitmarket::server::media::IngestedPhoto;
using bitmarket::server::media::MediaStore;
using bitmarket::server::media::PhotoIngest;

namespace {

const QString kMonstree = QStringLiteral(BITMARKET_DATASETS_DIR "/monstree");

QByteArray readFile(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

int countFiles(const QString& dir, const QString& pattern = QStringLiteral("*")) {
    int n = 0;
    QDirIterator it(dir, {pattern}, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        ++n;
    }
    return n;
}

QByteArray encode(const QImage& image, const char* format) {
    QByteArray out;
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, format);
    writer.write(image);
    return out;
}

// Pixels as stored, without applying any orientation a file might carry.
QImage decodeStored(const QString& path) {
    QImageReader reader(path);
    reader.setAutoTransform(false);
    return reader.read();
}

// Segment markers before the first scan (APPn, DQT, SOF, ...).
QList<int> headerMarkers(const QByteArray& jpeg) {
    QList<int> markers;
    qsizetype at = 2;
    while (at + 4 <= jpeg.size() && uchar(jpeg[at]) == 0xFF) {
        const int marker = uchar(jpeg[at + 1]);
        markers.append(marker);
        if (marker == 0xDA)
            break;
        at += 2 + (uchar(jpeg[at + 2]) << 8 | uchar(jpeg[at + 3]));
    }
    return markers;
}

// A valid JPEG whose frame header claims another size (a decompression bomb).
QByteArray withClaimedSize(QByteArray jpeg, int width, int height) {
    const qsizetype sof = jpeg.indexOf(QByteArrayLiteral("\xFF\xC0"));
    if (sof < 0)
        return {};
    jpeg[sof + 5] = char(height >> 8);
    jpeg[sof + 6] = char(height & 0xFF);
    jpeg[sof + 7] = char(width >> 8);
    jpeg[sof + 8] = char(width & 0xFF);
    return jpeg;
}

double meanDifference(const QImage& a, const QImage& b) {
    const QImage x = a.scaled(32, 32).convertToFormat(QImage::Format_Grayscale8);
    const QImage y = b.scaled(32, 32).convertToFormat(QImage::Format_Grayscale8);
    double sum = 0;
    for (int row = 0; row < 32; ++row) {
        for (int col = 0; col < 32; ++col)
            sum += std::abs(int(x.pixelColor(col, row).value()) - y.pixelColor(col, row).value());
    }
    return sum / (32 * 32);
}

} // namespace

class PhotoIngestTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void phonePhotoIsStoredUprightWithoutExif();
    void originalsAreScaledAndGiveThreeFiles();
    void pngWithTransparencyIsFlattenedOnWhite();
    void webpIsAccepted();
    void rejectedUploadsLeaveNothing_data();
    void rejectedUploadsLeaveNothing();
    void identicalUploadsAreStoredOnce();
    void concurrentUploadsAllSucceed();
    void progressiveScansCountAgainstTheDecodeBudget();

private:
    static void checkServedFiles(const MediaStore& store, const IngestedPhoto& photo);
};

void PhotoIngestTest::checkServedFiles(const MediaStore& store, const IngestedPhoto& photo) {
    for (const QString& url : {photo.url, photo.mediumUrl, photo.thumbUrl}) {
        const auto path = store.resolve(url);
        QVERIFY2(path.has_value(), qPrintable(url));
        const QByteArray bytes = readFile(*path);
        QVERIFY(bytes.startsWith("\xFF\xD8\xFF"));
        QVERIFY2(!bytes.contains("Exif"), qPrintable(url));
        QVERIFY(!bytes.contains("GPS"));
        QVERIFY(!bytes.contains("ICC_PROFILE"));
        for (int marker : headerMarkers(bytes))
            QVERIFY2(marker < 0xE1 || marker > 0xEF, qPrintable(QString::number(marker, 16)));
    }
}

void PhotoIngestTest::phonePhotoIsStoredUprightWithoutExif() {
    const QString source = kMonstree + "/photos/IMG_1025.JPG";
    const QByteArray upload = readFile(source);
    QVERIFY2(!upload.isEmpty(), qPrintable(source));
    QVERIFY(upload.contains("Exif"));
    const QImage raw = decodeStored(source);
    QVERIFY(raw.width() > raw.height()); // the phone stored it lying on its side

    QTemporaryDir dir;
    MediaStore store(dir.path());
    PhotoIngest ingest(store);
    auto photo = ingest.ingest(upload);
    QVERIFY2(photo.ok(), qPrintable(photo.ok() ? QString() : photo.error().message));
    QCOMPARE(photo->width, raw.height());
    QCOMPARE(photo->height, raw.width());

    const QImage stored = decodeStored(*store.resolve(photo->url));
    QCOMPARE(stored.size(), QSize(photo->width, photo->height));
    const QImage medium = decodeStored(*store.resolve(photo->mediumUrl));
    QCOMPARE(std::max(medium.width(), medium.height()), 1024);
    QVERIFY(medium.height() > medium.width());
    const QImage thumb = decodeStored(*store.resolve(photo->thumbUrl));
    QCOMPARE(std::max(thumb.width(), thumb.height()), 320);
    QVERIFY(thumb.height() > thumb.width());

    // Turned the right way, not just swapped: close to the upright view of the
    // original and far from the same view upside down.
    QImageReader upright(source);
    upright.setAutoTransform(true);
    const QImage expected = upright.read();
    const double same = meanDifference(stored, expected);
    const double flipped = meanDifference(stored, expected.mirrored(true, true));
    QVERIFY2(same < 8 && flipped > 2 * same,
             qPrintable(QStringLiteral("same %1 flipped %2").arg(same).arg(flipped)));

    checkServedFiles(store, *photo);
    QCOMPARE(countFiles(store.root(), "*.jpg"), 3);

    // The focal length survives privately, for the 3D engine only.
    QCOMPARE(photo->focalLength35mm, std::optional<int>(28));
    QVERIFY(store.contains(photo->hash, MediaStore::kCamera, "json"));
    QVERIFY(!store.resolve(MediaStore::urlPath(photo->hash, MediaStore::kCamera, "json")));
    QVERIFY(!readFile(store.filePath(photo->hash, MediaStore::kCamera, "json")).contains("GPS"));
    QCOMPARE(countFiles(store.root()), 4);
}

void PhotoIngestTest::originalsAreScaledAndGiveThreeFiles() {
    const QStringList originals = QDir(kMonstree + "/full").entryList({"*.JPG"}, QDir::Files);
    QCOMPARE(originals.size(), 3);
    QTemporaryDir dir;
    MediaStore store(dir.path());
    PhotoIngest ingest(store);
    for (const QString& name : originals) {
        const QByteArray upload = readFile(kMonstree + "/full/" + name);
        QVERIFY(upload.size() > 3'000'000);
        const int before = countFiles(store.root(), "*.jpg");
        auto photo = ingest.ingest(upload);
        QVERIFY2(photo.ok(), qPrintable(name));
        QCOMPARE(photo->width, 1536);
        QCOMPARE(photo->height, 2048);
        QCOMPARE(countFiles(store.root(), "*.jpg"), before + 3);
        checkServedFiles(store, *photo);
    }
}

void PhotoIngestTest::pngWithTransparencyIsFlattenedOnWhite() {
    QImage image(200, 100, QImage::Format_ARGB32);
    image.fill(Qt::transparent);
    for (int y = 0; y < 100; ++y) {
        for (int x = 100; x < 200; ++x)
            image.setPixelColor(x, y, Qt::blue);
    }
    QTemporaryDir dir;
    MediaStore store(dir.path());
    PhotoIngest ingest(store);
    auto photo = ingest.ingest(encode(image, "png"));
    QVERIFY(photo.ok());
    QCOMPARE(QSize(photo->width, photo->height), QSize(200, 100));
    const QImage stored = decodeStored(*store.resolve(photo->url));
    QVERIFY(stored.pixelColor(20, 50).lightness() > 245);
    QVERIFY(stored.pixelColor(180, 50).blue() > 200);
    QVERIFY(stored.pixelColor(180, 50).red() < 40);
    checkServedFiles(store, *photo);
    QVERIFY(!photo->focalLength35mm);
    QCOMPARE(countFiles(store.root()), 3);
}

void PhotoIngestTest::webpIsAccepted() {
    QVERIFY(QImageWriter::supportedImageFormats().contains("webp"));
    QImage image(640, 480, QImage::Format_RGB32);
    image.fill(Qt::darkGreen);
    QTemporaryDir dir;
    MediaStore store(dir.path());
    PhotoIngest ingest(store);
    auto photo = ingest.ingest(encode(image, "webp"));
    QVERIFY(photo.ok());
    QCOMPARE(QSize(photo->width, photo->height), QSize(640, 480));
    checkServedFiles(store, *photo);
}

void PhotoIngestTest::rejectedUploadsLeaveNothing_data() {
    QTest::addColumn<QByteArray>("upload");
    QTest::addColumn<int>("code");

    const QByteArray phone = readFile(kMonstree + "/photos/IMG_1027.JPG");
    QImage small(64, 64, QImage::Format_RGB32);
    small.fill(Qt::red);
    const QByteArray smallJpeg = encode(small, "jpeg");
    // A 1x1 GIF: a real image, just not one of the accepted types.
    const QByteArray gif = QByteArray::fromHex(
        "47494638396101000100800000000000ffffff21f90401000000002c00000000010001000002024401003b");

    QTest::newRow("text named .jpg")
        << QByteArray("just some text, not a photo\n") << int(ErrorCode::UnsupportedMediaType);
    QTest::newRow("gif") << gif << int(ErrorCode::UnsupportedMediaType);
    QTest::newRow("empty") << QByteArray() << int(ErrorCode::UnsupportedMediaType);
    QTest::newRow("truncated jpeg")
        << phone.left(phone.size() * 6 / 10) << int(ErrorCode::ValidationFailed);
    QTest::newRow("jpeg header only") << phone.left(600) << int(ErrorCode::ValidationFailed);
    QTest::newRow("png signature only")
        << QByteArray("\x89PNG\r\n\x1A\n", 8) << int(ErrorCode::ValidationFailed);
    QTest::newRow("claims 20000x20000")
        << withClaimedSize(smallJpeg, 20000, 20000) << int(ErrorCode::PayloadTooLarge);
    QTest::newRow("over the byte limit")
        << phone + QByteArray(26 * 1024 * 1024, '\0') << int(ErrorCode::PayloadTooLarge);
}

void PhotoIngestTest::rejectedUploadsLeaveNothing() {
    QFETCH(QByteArray, upload);
    QFETCH(int, code);
    QTemporaryDir dir;
    MediaStore store(dir.path());
    PhotoIngest ingest(store);
    auto photo = ingest.ingest(upload);
    QVERIFY(!photo.ok());
    QCOMPARE(int(photo.error().code), code);
    QVERIFY(!photo.error().message.isEmpty());
    QCOMPARE(countFiles(dir.path()), 0);
}

void PhotoIngestTest::identicalUploadsAreStoredOnce() {
    const QByteArray upload = readFile(kMonstree + "/photos/IMG_1028.JPG");
    QTemporaryDir dir;
    MediaStore store(dir.path());
    PhotoIngest ingest(store);
    auto first = ingest.ingest(upload);
    auto second = ingest.ingest(upload);
    QVERIFY(first.ok() && second.ok());
    QCOMPARE(first->hash, second->hash);
    QCOMPARE(first->url, second->url);
    QCOMPARE(countFiles(store.root()), 4);
}

void PhotoIngestTest::concurrentUploadsAllSucceed() {
    const QStringList names = {"IMG_1036.JPG", "IMG_1037.JPG", "IMG_1038.JPG", "IMG_1040.JPG"};
    QTemporaryDir dir;
    MediaStore store(dir.path());
    PhotoIngest ingest(store);
    std::vector<std::optional<bool>> ok(names.size());
    std::vector<std::thread> threads;
    for (int i = 0; i < names.size(); ++i) {
        threads.emplace_back(
            [&, i] { ok[i] = ingest.ingest(readFile(kMonstree + "/photos/" + names[i])).ok(); });
    }
    for (auto& thread : threads)
        thread.join();
    for (const auto& result : ok)
        QVERIFY(result.value_or(false));
    QCOMPARE(countFiles(store.root(), "*.jpg"), 12);
}

void PhotoIngestTest::progressiveScansCountAgainstTheDecodeBudget() {
    QImage image(2000, 1500, QImage::Format_RGB32);
    image.fill(qRgb(90, 140, 200));
    QByteArray progressive;
    QBuffer buffer(&progressive);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "jpeg");
    writer.setProgressiveScanWrite(true);
    QVERIFY(writer.write(image));

    QTemporaryDir dir;
    MediaStore store(dir.path());
    PhotoIngest::Options generous;
    PhotoIngest accepting(store, generous);
    QVERIFY(accepting.ingest(progressive).ok());

    // Three megapixels: a budget of three scans' worth stops it at the fourth.
    PhotoIngest::Options tight;
    tight.jpeg.maxScanPixels = 3 * 2000 * 1500;
    PhotoIngest refusing(store, tight);
    auto refused = refusing.ingest(progressive);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, ErrorCode::ValidationFailed);
    QVERIFY2(refused.error().message.contains("scans"), qPrintable(refused.error().message));
    tight.jpeg.maxScanPixels = generous.jpeg.maxScanPixels;
    tight.jpeg.maxScans = 3;
    QVERIFY(!PhotoIngest(store, tight).ingest(progressive).ok());
}

QTEST_GUILESS_MAIN(PhotoIngestTest)
#include "PhotoIngestTest.moc"
