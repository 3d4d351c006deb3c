#include "media/MediaStore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSaveFile>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace bitmarket::server::media {

Q_LOGGING_CATEGORY(lcMedia, "bitmarket.media")

namespace {

const QStringList kExtensions = {QStringLiteral("jpg"), QStringLiteral("png"),
                                 QStringLiteral("glb"), QStringLiteral("json")};

bool isKnownVariant(const QString& variant) {
    return variant == MediaStore::kFull || variant == MediaStore::kMedium ||
           variant == MediaStore::kThumb || variant == MediaStore::kCamera;
}

QString fileName(const QString& hash, const QString& variant, const QString& extension) {
    return variant.isEmpty() ? hash + u'.' + extension : hash + u'_' + variant + u'.' + extension;
}

// A rename is only durable once the directory holding the new name is synced.
void syncDirectory(const QString& path) {
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_DIRECTORY);
    if (fd < 0)
        return;
    ::fsync(fd);
    ::close(fd);
}

} // namespace

MediaStore::MediaStore(QString dataDir)
    : m_root(QDir(dataDir).absoluteFilePath(QStringLiteral("media"))) {
}

bool MediaStore::isValidHash(const QString& hash) {
    static const QRegularExpression pattern(QStringLiteral("^[0-9a-f]{64}$"));
    return pattern.match(hash).hasMatch();
}

QString MediaStore::hashOfName(const QString& name) {
    const QString file = name.section(u'/', -1);
    const qsizetype dot = file.lastIndexOf(u'.');
    if (dot < 0 || !kExtensions.contains(file.mid(dot + 1)))
        return {};
    const QString stem = file.left(dot);
    const QString hash = stem.left(64);
    const QString variant = stem.size() > 64 && stem[64] == u'_' ? stem.mid(65) : QString();
    if (!isValidHash(hash) || (stem.size() > 64 && variant.isEmpty()) || !isKnownVariant(variant))
        return {};
    return hash;
}

QString MediaStore::urlPath(const QString& hash, const QString& variant, const QString& extension) {
    return QStringLiteral("/media/") + hash.left(2) + u'/' + fileName(hash, variant, extension);
}

QString MediaStore::filePath(const QString& hash, const QString& variant,
                             const QString& extension) const {
    if (!isValidHash(hash) || !isKnownVariant(variant) || !kExtensions.contains(extension))
        return {};
    return m_root + u'/' + hash.left(2) + u'/' + fileName(hash, variant, extension);
}

bool MediaStore::contains(const QString& hash, const QString& variant,
                          const QString& extension) const {
    const QString path = filePath(hash, variant, extension);
    return !path.isEmpty() && QFileInfo::exists(path);
}

std::optional<QString> MediaStore::resolve(const QString& urlPath) const {
    // The whole name is matched, so "..", "/" or "\0" anywhere cannot pass.
    static const QRegularExpression pattern(
        QStringLiteral("^/media/([0-9a-f]{2})/([0-9a-f]{64})(?:_(320|1024))?\\.(jpg|png|glb)$"));
    const auto match = pattern.match(urlPath);
    if (!match.hasMatch() || !match.captured(2).startsWith(match.captured(1)))
        return std::nullopt;
    const QString path = filePath(match.captured(2), match.captured(3), match.captured(4));
    const QFileInfo info(path);
    if (!info.isFile())
        return std::nullopt;
    return path;
}

Result<void> MediaStore::storeVariant(const QString& hash, const QString& variant,
                                      const QString& extension, const QByteArray& bytes,
                                      bool* created) {
    if (created)
        *created = false;
    const QString path = filePath(hash, variant, extension);
    if (path.isEmpty())
        return ApiError::internal(QStringLiteral("Invalid media name."));
    if (QFileInfo::exists(path)) {
        // Fresh again, so a sweep does not take it before its new user's row is committed.
        ::utimensat(AT_FDCWD, QFile::encodeName(path).constData(), nullptr, 0);
        return {};
    }

    const QString directory = QFileInfo(path).path();
    if (!QFileInfo::exists(directory)) {
        if (!QDir().mkpath(directory)) {
            qCWarning(lcMedia) << "cannot create" << directory;
            return ApiError::internal(QStringLiteral("Cannot store the file."));
        }
        syncDirectory(m_root);
    }

    // QSaveFile writes a temporary file next to the target, syncs it and
    // renames it over the target on commit; concurrent writers of the same
    // name each rename a complete copy of identical bytes.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        qCWarning(lcMedia) << "cannot write" << path << file.errorString();
        return ApiError::internal(QStringLiteral("Cannot store the file."));
    }
    syncDirectory(directory);
    if (created)
        *created = true;
    return {};
}

Result<StoredFile> MediaStore::storeFile(const QByteArray& bytes, const QString& extension) {
    const QString hash =
        QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    if (auto stored = storeVariant(hash, kFull, extension, bytes); !stored)
        return stored.error();
    return StoredFile{hash, urlPath(hash, kFull, extension)};
}

void MediaStore::remove(const QString& hash, const QString& variant, const QString& extension) {
    const QString path = filePath(hash, variant, extension);
    if (!path.isEmpty())
        QFile::remove(path);
}

} // namespace bitmarket::server::media
