#include "media/CameraExif.h"

#include <cstdlib>
#include <libexif/exif-data.h>
#include <memory>

namespace bitmarket::server::media {

namespace {

struct ExifDataDeleter {
    void operator()(ExifData* data) const { exif_data_unref(data); }
};
using ExifDataPtr = std::unique_ptr<ExifData, ExifDataDeleter>;

bool isJpeg(const QByteArray& bytes) {
    return bytes.startsWith(QByteArrayLiteral("\xFF\xD8\xFF"));
}

// The first SHORT of a tag's entry; nullopt when the JPEG has no such entry.
std::optional<int> shortTag(const QByteArray& jpeg, ExifTag tag) {
    if (!isJpeg(jpeg))
        return std::nullopt;
    // libexif finds the EXIF APP1 segment itself when given the whole file, past
    // other APPn segments (an XMP APP1 included).
    ExifDataPtr data(
        exif_data_new_from_data(reinterpret_cast<const unsigned char*>(jpeg.constData()),
                                static_cast<unsigned int>(jpeg.size())));
    if (!data)
        return std::nullopt;
    ExifEntry* entry = exif_data_get_entry(data.get(), tag);
    if (!entry || entry->format != EXIF_FORMAT_SHORT || entry->components < 1)
        return std::nullopt;
    return exif_get_short(entry->data, exif_data_get_byte_order(data.get()));
}

} // namespace

std::optional<int> CameraExif::focalLength35mm(const QByteArray& jpeg) {
    const std::optional<int> focal = shortTag(jpeg, EXIF_TAG_FOCAL_LENGTH_IN_35MM_FILM);
    if (!focal || *focal <= 0)
        return std::nullopt;
    return focal;
}

int CameraExif::orientation(const QByteArray& jpeg) {
    const int value = shortTag(jpeg, EXIF_TAG_ORIENTATION).value_or(1);
    return value >= 1 && value <= 8 ? value : 1;
}

QByteArray CameraExif::withFocalLength35mm(const QByteArray& jpeg, int focalLength35mm) {
    if (!isJpeg(jpeg) || focalLength35mm <= 0 || focalLength35mm > 0xFFFF)
        return jpeg;
    ExifDataPtr data(exif_data_new());
    if (!data)
        return jpeg;
    exif_data_set_byte_order(data.get(), EXIF_BYTE_ORDER_INTEL);
    ExifEntry* entry = exif_entry_new();
    exif_content_add_entry(data->ifd[EXIF_IFD_EXIF], entry);
    exif_entry_initialize(entry, EXIF_TAG_FOCAL_LENGTH_IN_35MM_FILM);
    exif_set_short(entry->data, EXIF_BYTE_ORDER_INTEL, static_cast<ExifShort>(focalLength35mm));
    exif_entry_unref(entry);

    unsigned char* payload = nullptr;
    unsigned int size = 0;
    exif_data_save_data(data.get(), &payload, &size);
    const std::unique_ptr<unsigned char, decltype(&std::free)> owned(payload, &std::free);
    if (!payload || size == 0 || size + 2 > 0xFFFF)
        return jpeg;

    // APP1 right after SOI, where readers expect EXIF.
    QByteArray out;
    out.reserve(jpeg.size() + size + 4);
    out.append(jpeg.left(2));
    out.append(char(0xFF)).append(char(0xE1));
    out.append(char((size + 2) >> 8)).append(char((size + 2) & 0xFF));
    out.append(reinterpret_cast<const char*>(payload), size);
    out.append(jpeg.mid(2));
    return out;
}

} // namespace bitmarket::server::media
