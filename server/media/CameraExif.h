// The camera facts read from a phone photo's EXIF: its orientation, applied
// at upload, and the one fact the 3D engine needs, the focal length in 35 mm
// terms. Served photos carry no EXIF at all, so the focal length is read at
// upload, kept privately next to the photo, and written back into the copies
// handed to the engine.
#pragma once

#include <QByteArray>
#include <optional>

namespace bitmarket::server::media {

class CameraExif {
public:
    // FocalLengthIn35mmFilm of a JPEG upload; nullopt when absent or not a JPEG.
    static std::optional<int> focalLength35mm(const QByteArray& jpeg);
    // The EXIF Orientation (1 upright .. 8) of a JPEG upload, wherever its EXIF
    // segment sits among the others (Qt's reader misses it behind an XMP one);
    // 1 when absent or out of range.
    static int orientation(const QByteArray& jpeg);

    // A copy of a JPEG that carries only FocalLengthIn35mmFilm as EXIF; the
    // input unchanged when it is not a JPEG.
    static QByteArray withFocalLength35mm(const QByteArray& jpeg, int focalLength35mm);
};

} // namespace bitmarket::server::media
