// CameraExif: the focal length read from a real phone photo, and written into
// an EXIF-free JPEG so the 3D engine's EXIF reader finds it.
#include "media/CameraExif.h"

#include <QBuffer>
#include <QFile>
#include <QImage>
#include <QTest>

using bitmarket::server::media::CameraExif;

namespace {

QByteArray plainJpeg() {
    QImage image(40, 30, QImage::Format_RGB32);
    image.fill(Qt::darkCyan);
    QByteArray jpeg;
    QBuffer buffer(&jpeg);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "jpeg");
    return jpeg;
}

} // namespace

class CameraExifTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void readsThePhonesFocalLength();
    void writtenFocalLengthReadsBackAndTheImageStillDecodes();
    void leavesOtherFilesAlone();
};

void CameraExifTest::readsThePhonesFocalLength() {
    QFile file(QStringLiteral(BITMARKET_DATASETS_DIR "/monstree/photos/IMG_1025.JPG"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(CameraExif::focalLength35mm(file.readAll()), std::optional<int>(28));
    QVERIFY(!CameraExif::focalLength35mm(plainJpeg()));
}

void CameraExifTest::writtenFocalLengthReadsBackAndTheImageStillDecodes() {
    const QByteArray tagged = CameraExif::withFocalLength35mm(plainJpeg(), 28);
    QVERIFY(tagged.startsWith("\xFF\xD8\xFF\xE1"));
    QVERIFY(tagged.contains("Exif"));
    QCOMPARE(CameraExif::focalLength35mm(tagged), std::optional<int>(28));
    QImage decoded;
    QVERIFY(decoded.loadFromData(tagged, "jpeg"));
    QCOMPARE(decoded.size(), QSize(40, 30));
    QVERIFY(tagged.size() < plainJpeg().size() + 200); // that one tag, nothing else
}

void CameraExifTest::leavesOtherFilesAlone() {
    const QByteArray png("\x89PNG\r\n\x1A\nrest", 12);
    QCOMPARE(CameraExif::withFocalLength35mm(png, 28), png);
    QVERIFY(!CameraExif::focalLength35mm(png));
    QCOMPARE(CameraExif::withFocalLength35mm(plainJpeg(), 0), plainJpeg());
}

QTEST_GUILESS_MAIN(CameraExifTest)
#include "CameraExifTest.moc"
