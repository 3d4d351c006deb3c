// Turns an uploaded photo into the files the server serves: the type is judged
// by content, sizes are checked before anything is decoded, EXIF orientation
// is applied and every other bit of metadata (GPS, camera serials) is dropped
// by re-encoding. Thread-safe: one instance serves all HTTP threads.
#pragma once

#include "bitmarket/Result.h"
#include "media/DecodeSlots.h"
#include "media/JpegCheck.h"
#include "media/MediaStore.h"

#include <QByteArray>
#include <QString>
#include <memory>
#include <optional>

namespace bitmarket::server::media {

struct IngestedPhoto {
    QString hash;  // SHA-256 of the stored full-size JPEG; same upload, same hash
    int width = 0; // upright, as stored
    int height = 0;
    QString url;       // full size (long side at most Options::maxLongSide)
    QString thumbUrl;  // long side Options::thumbLongSide
    QString mediumUrl; // long side Options::mediumLongSide
    // From the upload's EXIF, for the 3D engine; also kept as <hash>_camera.json.
    std::optional<int> focalLength35mm;
};

class PhotoIngest {
public:
    struct Options {
        qint64 maxBytes = 25 * 1024 * 1024;
        qint64 maxPixels = 50'000'000;
        int maxLongSide = 2048;
        int mediumLongSide = 1024;
        int thumbLongSide = 320;
        int jpegQuality = 85;
        // A 50 MP decode holds about 200 MB; this bounds how many run at once.
        int concurrentDecodes = 2;
        JpegCheck::Limits jpeg;
    };

    explicit PhotoIngest(MediaStore& store);
    PhotoIngest(MediaStore& store, Options options);
    ~PhotoIngest();

    // Errors: payload_too_large (bytes or pixels over the limits),
    // unsupported_media_type (not JPEG/PNG/WebP by content), validation_failed
    // (damaged or truncated image, or a JPEG too costly to decode). On any error
    // nothing new is left on disk. One uploader's photos are decoded one at a
    // time (DecodeSlots); an empty uploader is the server itself.
    Result<IngestedPhoto> ingest(const QByteArray& bytes, const QString& uploader = {});

    const Options& options() const { return m_options; }

private:
    MediaStore& m_store;
    Options m_options;
    std::unique_ptr<DecodeSlots> m_decodeSlots;
};

} // namespace bitmarket::server::media
