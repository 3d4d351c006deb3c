// MediaStore: content addressing, atomic files, and URL paths that cannot
// reach anything outside the media folder.
#include "media/MediaStore.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using bitmarket::server::media::MediaStore;

class MediaStoreTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void storesFileUnderItsHash();
    void storingTheSameBytesTwiceKeepsOneFile();
    void storingExistingBytesMakesTheFileYoungAgain();
    void urlPathNamesVariants();
    void hashOfNameKnowsOnlyStoredNames();
    void resolveRejectsTraversalAndUnknownNames_data();
    void resolveRejectsTraversalAndUnknownNames();
    void storeVariantReportsWhetherItCreatedTheFile();
};

namespace {

int countFiles(const QString& dir) {
    int n = 0;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        ++n;
    }
    return n;
}

} // namespace

void MediaStoreTest::storesFileUnderItsHash() {
    QTemporaryDir dir;
    MediaStore store(dir.path());
    const QByteArray model = "glTF fake model bytes";
    auto stored = store.storeFile(model, "glb");
    QVERIFY(stored.ok());
    QCOMPARE(
        stored->hash,
        QString::fromLatin1(QCryptographicHash::hash(model, QCryptographicHash::Sha256).toHex()));
    QCOMPARE(stored->urlPath,
             QStringLiteral("/media/%1/%2.glb").arg(stored->hash.left(2), stored->hash));

    const auto path = store.resolve(stored->urlPath);
    QVERIFY(path.has_value());
    QVERIFY(path->startsWith(dir.path() + "/media/"));
    QFile file(*path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), model);
}

void MediaStoreTest::storingTheSameBytesTwiceKeepsOneFile() {
    QTemporaryDir dir;
    MediaStore store(dir.path());
    auto first = store.storeFile("same preview", "png");
    auto second = store.storeFile("same preview", "png");
    QVERIFY(first.ok() && second.ok());
    QCOMPARE(first->hash, second->hash);
    QCOMPARE(countFiles(store.root()), 1);
}

void MediaStoreTest::storingExistingBytesMakesTheFileYoungAgain() {
    // The sweep of unused media spares young files; a file an upload is about
    // to use again must count as young even if it was first stored long ago.
    QTemporaryDir dir;
    MediaStore store(dir.path());
    const QByteArray bytes("a model, stored long ago");
    const auto first = store.storeFile(bytes, "glb");
    QVERIFY(first.ok());
    const QString path = store.filePath(first->hash, MediaStore::kFull, "glb");
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.setFileTime(QDateTime::currentDateTimeUtc().addDays(-3),
                                 QFileDevice::FileModificationTime));
    }
    QVERIFY(QFileInfo(path).lastModified() < QDateTime::currentDateTimeUtc().addDays(-2));
    QVERIFY(store.storeFile(bytes, "glb").ok());
    QVERIFY(QFileInfo(path).lastModified() > QDateTime::currentDateTimeUtc().addSecs(-60));
}

void MediaStoreTest::hashOfNameKnowsOnlyStoredNames() {
    const QString hash(64, u'c');
    QCOMPARE(MediaStore::hashOfName(hash + ".glb"), hash);
    QCOMPARE(MediaStore::hashOfName(hash + "_320.jpg"), hash);
    QCOMPARE(MediaStore::hashOfName(hash + "_camera.json"), hash);
    QCOMPARE(MediaStore::hashOfName(MediaStore::urlPath(hash, MediaStore::kMedium)), hash);
    for (const QString& other : {hash + ".jpg.Xy12Ab", hash + "_77.jpg", hash + "x.jpg",
                                 hash + ".exe", hash.left(63) + ".jpg", QString("notes.txt")})
        QVERIFY2(MediaStore::hashOfName(other).isEmpty(), qPrintable(other));
}

void MediaStoreTest::urlPathNamesVariants() {
    const QString hash(64, u'a');
    QCOMPARE(MediaStore::urlPath(hash, MediaStore::kThumb),
             QStringLiteral("/media/aa/%1_320.jpg").arg(hash));
    QCOMPARE(MediaStore::urlPath(hash, MediaStore::kMedium),
             QStringLiteral("/media/aa/%1_1024.jpg").arg(hash));
    QCOMPARE(MediaStore::urlPath(hash), QStringLiteral("/media/aa/%1.jpg").arg(hash));
}

void MediaStoreTest::resolveRejectsTraversalAndUnknownNames_data() {
    QTest::addColumn<QString>("urlPath");
    const QString hash = QStringLiteral("ab") + QString(62, u'0');
    QTest::newRow("parent") << "/media/../data.db";
    QTest::newRow("parent in folder") << "/media/ab/../../data.db";
    QTest::newRow("absolute") << "/etc/passwd";
    QTest::newRow("no leading slash") << QStringLiteral("media/ab/%1.jpg").arg(hash);
    QTest::newRow("encoded dots") << "/media/%2e%2e/data.db";
    QTest::newRow("folder mismatch") << QStringLiteral("/media/cd/%1.jpg").arg(hash);
    QTest::newRow("upper case") << QStringLiteral("/media/AB/%1.jpg").arg(hash.toUpper());
    QTest::newRow("unknown variant") << QStringLiteral("/media/ab/%1_999.jpg").arg(hash);
    QTest::newRow("unknown extension") << QStringLiteral("/media/ab/%1.sh").arg(hash);
    QTest::newRow("temp file suffix") << QStringLiteral("/media/ab/%1.jpg.Xy12ab").arg(hash);
    QTest::newRow("short hash") << "/media/ab/abcdef.jpg";
    QTest::newRow("trailing slash") << QStringLiteral("/media/ab/%1.jpg/").arg(hash);
    QTest::newRow("nul byte") << QStringLiteral("/media/ab/%1.jpg").arg(hash) + QChar(0);
    QTest::newRow("missing file") << QStringLiteral("/media/ab/%1_320.jpg").arg(hash);
}

void MediaStoreTest::resolveRejectsTraversalAndUnknownNames() {
    QFETCH(QString, urlPath);
    QTemporaryDir dir;
    MediaStore store(dir.path());
    const QString hash = QStringLiteral("ab") + QString(62, u'0');
    QVERIFY(store.storeVariant(hash, MediaStore::kFull, "jpg", "x").ok());
    QFile secret(dir.filePath("data.db"));
    QVERIFY(secret.open(QIODevice::WriteOnly));
    secret.write("secret");
    secret.close();

    QVERIFY(store.resolve(QStringLiteral("/media/ab/%1.jpg").arg(hash)).has_value());
    QVERIFY(!store.resolve(urlPath).has_value());
}

void MediaStoreTest::storeVariantReportsWhetherItCreatedTheFile() {
    QTemporaryDir dir;
    MediaStore store(dir.path());
    const QString hash(64, u'c');
    bool created = false;
    QVERIFY(store.storeVariant(hash, MediaStore::kThumb, "jpg", "thumb", &created).ok());
    QVERIFY(created);
    QVERIFY(store.storeVariant(hash, MediaStore::kThumb, "jpg", "thumb", &created).ok());
    QVERIFY(!created);
    QVERIFY(store.contains(hash, MediaStore::kThumb));
    store.remove(hash, MediaStore::kThumb, "jpg");
    QVERIFY(!store.contains(hash, MediaStore::kThumb));
    QVERIFY(!store.storeVariant("../../x", MediaStore::kFull, "jpg", "x").ok());
}

QTEST_GUILESS_MAIN(MediaStoreTest)
#include "MediaStoreTest.moc"
