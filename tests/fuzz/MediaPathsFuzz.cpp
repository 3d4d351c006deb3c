// Paths of GET /media/{shard}/{file} as the media route hands them to
// MediaStore::resolve, against a store that holds one photo and one stray
// file outside the media folder. Whatever the path (dot segments, encoded
// separators, NULs, unknown names), resolve answers a file inside the media
// folder or nothing.
#include "FuzzCheck.h"

#include "media/MediaStore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

using namespace bitmarket::server::media;
using bitmarket::fuzz::check;

namespace {

const QString kHash = QString(64, u'a');

struct Store {
    QTemporaryDir dir;
    MediaStore store{dir.path()};

    Store() {
        check(bool(store.storeVariant(kHash, MediaStore::kFull, QStringLiteral("jpg"), "photo")) &&
                  bool(store.storeVariant(kHash, MediaStore::kThumb, QStringLiteral("jpg"), "thumb")),
              "the store holds the photo");
        QFile outside(dir.filePath(kHash + ".jpg"));
        check(outside.open(QIODevice::WriteOnly) && outside.write("secret") == 6,
              "the stray file is written");
    }
};

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    bitmarket::fuzz::quietQtLog();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static Store s;
    const QString path =
        QString::fromUtf8(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const auto resolved = s.store.resolve(path);
    if (!resolved)
        return 0;
    const QString canonical = QFileInfo(*resolved).canonicalFilePath();
    const QString root = QFileInfo(s.store.root()).canonicalFilePath() + u'/';
    check(canonical.startsWith(root), "a resolved file is inside the media folder");
    check(QFileInfo(*resolved).isFile(), "a resolved path is a file");
    return 0;
}
