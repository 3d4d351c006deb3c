// Uploaded photos through PhotoIngest: the type by content, the header and
// truncation checks, the decode (Qt's JPEG, PNG and WebP plugins), EXIF
// orientation, the re-encoded variants and their storage; and the camera EXIF
// the 3D engine reads. Whatever the bytes: a photo within the size limits, or
// an error and nothing left on disk.
//
// The pixel limit is lowered to 1 MP so that one run decodes quickly; that a
// slow decode cannot stall the server is the server's own test's to show.
// The decoders are Debian's compiled libraries (libjpeg, libpng, libwebp), so
// libFuzzer's coverage stops at Qt's API.
#include "FuzzCheck.h"

#include "media/CameraExif.h"
#include "media/MediaStore.h"
#include "media/PhotoIngest.h"

#include <QDir>
#include <QDirIterator>
#include <QCoreApplication>
#include <QTemporaryDir>

using namespace bitmarket::server::media;
using bitmarket::fuzz::check;
using bitmarket::fuzz::checkError;

namespace {

struct Ingest {
    QTemporaryDir dir;
    MediaStore store{dir.path()};
    PhotoIngest ingest{store, [] {
                           PhotoIngest::Options o;
                           o.maxPixels = 1'000'000;
                           return o;
                       }()};

    bool storeIsEmpty() const {
        QDirIterator it(store.root(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        return !it.hasNext();
    }

    // The store's folders stay behind once their files are removed; without
    // this, every run walks all the folders of the runs before it.
    void emptyStore() {
        QDir(store.root()).removeRecursively();
        QDir().mkpath(store.root());
    }
};

} // namespace

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
    bitmarket::fuzz::quietQtLog();
    static QCoreApplication app(*argc, *argv); // as the server runs, for the image plugins
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static Ingest ingest;
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));

    const auto photo = ingest.ingest.ingest(bytes);
    if (!photo) {
        checkError(photo.error());
        check(ingest.storeIsEmpty(), "a refused photo leaves nothing on disk");
    } else {
        const PhotoIngest::Options& o = ingest.ingest.options();
        check(photo->width >= 1 && photo->height >= 1, "a stored photo has pixels");
        check(std::max(photo->width, photo->height) <= o.maxLongSide, "within the long side");
        for (const QString& variant : {MediaStore::kThumb, MediaStore::kMedium, MediaStore::kFull})
            check(ingest.store.contains(photo->hash, variant), "every variant is stored");
        for (const QString& variant : {MediaStore::kThumb, MediaStore::kMedium, MediaStore::kFull})
            ingest.store.remove(photo->hash, variant, QStringLiteral("jpg"));
        ingest.store.remove(photo->hash, MediaStore::kCamera, QStringLiteral("json"));
        check(ingest.storeIsEmpty(), "the photo's files are all it stored");
    }
    ingest.emptyStore();

    CameraExif::focalLength35mm(bytes);
    if (bytes.startsWith("\xFF\xD8\xFF"))
        check(CameraExif::focalLength35mm(CameraExif::withFocalLength35mm(bytes, 35)) == 35,
              "the focal length written is the one read");
    return 0;
}
