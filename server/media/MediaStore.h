// Content-addressed media files under <dataDir>/media/: a file is named by the
// SHA-256 of what is served (plus a size variant for photo thumbnails), so
// identical content is stored once and a name never changes meaning. Files
// appear atomically (temp file, fsync, rename): after a crash a name either
// holds the whole file or does not exist.
#pragma once

#include "bitmarket/Result.h"

#include <QByteArray>
#include <QString>
#include <optional>
#include <shared_mutex>

namespace bitmarket::server::media {

struct StoredFile {
    QString hash;    // SHA-256 hex of the bytes
    QString urlPath; // "/media/ab/<hash>.<extension>"
};

class MediaStore {
public:
    // Size variants of a photo, stored next to the full image as <hash>_<variant>.jpg.
    static inline const QString kFull = {};
    static inline const QString kMedium = QStringLiteral("1024");
    static inline const QString kThumb = QStringLiteral("320");
    // Facts about a photo kept for the server's own use (<hash>_camera.json),
    // never served: resolve() does not know this name.
    static inline const QString kCamera = QStringLiteral("camera");

    explicit MediaStore(QString dataDir);

    // Stores bytes under their own hash ("glb", "png", "jpg"); storing the same
    // bytes again only refreshes the file's age (see MediaSweeper).
    Result<StoredFile> storeFile(const QByteArray& bytes, const QString& extension);

    // Stores one variant of the media named `hash`. `created` tells whether this
    // call made the file (false when it existed already), so a caller undoing a
    // failed ingest removes only what it added.
    Result<void> storeVariant(const QString& hash, const QString& variant, const QString& extension,
                              const QByteArray& bytes, bool* created = nullptr);

    // Removes one variant; missing files are fine.
    void remove(const QString& hash, const QString& variant, const QString& extension);

    bool contains(const QString& hash, const QString& variant = kFull,
                  const QString& extension = QStringLiteral("jpg")) const;

    // "/media/ab/<hash>_320.jpg" for (hash, kThumb).
    static QString urlPath(const QString& hash, const QString& variant = kFull,
                           const QString& extension = QStringLiteral("jpg"));

    // Absolute path of the file for a URL path, only for well-formed names of
    // files that exist; anything else (traversal, unknown names) gives nullopt.
    std::optional<QString> resolve(const QString& urlPath) const;

    // Absolute path a (hash, variant, extension) is stored at, existing or not.
    // Empty when the arguments are not a valid name.
    QString filePath(const QString& hash, const QString& variant = kFull,
                     const QString& extension = QStringLiteral("jpg")) const;

    QString root() const { return m_root; }

    static bool isValidHash(const QString& hash);
    // The hash a stored file's name (or a URL path's last part) names; empty for
    // any other name, such as the temporary file of an unfinished write.
    static QString hashOfName(const QString& name);

    // Whoever stores files and then commits a row that uses them holds this
    // shared in between; whoever removes files it found unused holds it
    // exclusively, so a file is never removed under a row about to use it.
    std::shared_mutex& referencing() { return m_referencing; }

private:
    QString m_root; // <dataDir>/media, absolute
    std::shared_mutex m_referencing;
};

} // namespace bitmarket::server::media
