// Photos come off phones sideways with an EXIF Orientation tag; a seller must
// never see their item lying on its side, and SfM needs the focal length.
#include "SyntheticScene.h"
#include "reconstruct/PhotoLoader.h"

#include <QTemporaryDir>
#include <QTest>
#include <fstream>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

using namespace bitmarket::reconstruct;

namespace {

// 60x40 landscape image: red top-left quadrant, the rest dark.
cv::Mat3b markedImage() {
    cv::Mat3b image(40, 60, cv::Vec3b(20, 20, 20));
    image(cv::Rect(0, 0, 30, 20)).setTo(cv::Vec3b(0, 0, 255));
    return image;
}

void writeJpeg(const std::filesystem::path& file, const cv::Mat3b& image, int orientation,
               int focal35) {
    std::vector<unsigned char> jpeg;
    cv::imencode(".jpg", image, jpeg, {cv::IMWRITE_JPEG_QUALITY, 95});
    const auto bytes = testing::jpegWithExif(jpeg, orientation, focal35);
    std::ofstream(file, std::ios::binary)
        .write(reinterpret_cast<const char*>(bytes.data()), std::streamsize(bytes.size()));
}

bool isRed(const cv::Vec3b& c) {
    return c[2] > 180 && c[1] < 80 && c[0] < 80;
}

} // namespace

class TestPhotoLoader : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void orientationTurnsPhotoUpright_data() {
        QTest::addColumn<int>("orientation");
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::addColumn<int>("redX"); // where the red quadrant must end up (probe point)
        QTest::addColumn<int>("redY");
        // Stored pixels have red at the top-left; tag says how to display them.
        QTest::newRow("1 normal") << 1 << 60 << 40 << 5 << 5;
        QTest::newRow("3 rotate 180") << 3 << 60 << 40 << 55 << 35;
        QTest::newRow("6 right-top (iPhone portrait)") << 6 << 40 << 60 << 35 << 5;
        QTest::newRow("8 rotate 270") << 8 << 40 << 60 << 5 << 55;
        QTest::newRow("2 mirror") << 2 << 60 << 40 << 55 << 5;
        QTest::newRow("5 transpose") << 5 << 40 << 60 << 5 << 5;
    }
    void orientationTurnsPhotoUpright() {
        QFETCH(int, orientation);
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(int, redX);
        QFETCH(int, redY);
        QTemporaryDir dir;
        const std::filesystem::path file = dir.filePath("photo.jpg").toStdString();
        writeJpeg(file, markedImage(), orientation, 28);
        auto photo = PhotoLoader(4000).load(file);
        QVERIFY2(photo.ok(), photo.ok() ? "" : photo.error().c_str());
        QCOMPARE(photo->image.cols, width);
        QCOMPARE(photo->image.rows, height);
        QCOMPARE(photo->originalWidth, width);
        QVERIFY(isRed(photo->image.at<cv::Vec3b>(redY, redX)));
    }

    void focalLengthComesFromExif() {
        QTemporaryDir dir;
        const std::filesystem::path file = dir.filePath("photo.jpg").toStdString();
        writeJpeg(file, markedImage(), 6, 36);
        auto photo = PhotoLoader(30).load(file);
        QVERIFY(photo.ok());
        // 36 mm equivalent = the long side; it is reported in original pixels.
        QCOMPARE(photo->focalPixels, 60.0);
        QCOMPARE(std::max(photo->image.cols, photo->image.rows), 30);
        QCOMPARE(photo->scaleToOriginal(), 2.0);
    }

    void folderSkipsWhatIsNotAPhoto() {
        QTemporaryDir dir;
        const std::filesystem::path root = dir.path().toStdString();
        writeJpeg(root / "a.jpg", markedImage(), 1, 0);
        cv::imwrite((root / "b.png").string(), markedImage());
        std::ofstream(root / "notes.txt") << "hello";
        std::ofstream(root / "broken.jpg") << "not a jpeg";
        auto photos = PhotoLoader(1000).loadFolder(root);
        QVERIFY(photos.ok());
        QCOMPARE(int(photos->size()), 2);
        QCOMPARE(photos->at(0).focalPixels, 0.0);
    }

    void emptyFolderIsAnError() {
        QTemporaryDir dir;
        auto photos = PhotoLoader(1000).loadFolder(dir.path().toStdString());
        QVERIFY(!photos.ok());
    }
};

QTEST_GUILESS_MAIN(TestPhotoLoader)
#include "PhotoLoaderTest.moc"
