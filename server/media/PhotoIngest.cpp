#include "media/PhotoIngest.h"

#include "media/CameraExif.h"

#include <QBuffer>
#include <QColorSpace>
#include <QCryptographicHash>
#include <QImage>
#include <QImageReader>
#include <QImageWriter>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QTransform>
#include <algorithm>
#include <vector>

namespace bitmarket::server::media {

namespace {

constexpr char kJpeg[] = "jpeg";
constexpr char kPng[] = "png";
constexpr char kWebp[] = "webp";

// The decoder is chosen from the first bytes, never from the file name or the
// client's Content-Type, so a renamed text file or GIF cannot reach one.
const char* sniffFormat(const QByteArray& bytes) {
    if (bytes.startsWith(QByteArrayLiteral("\xFF\xD8\xFF")))
        return kJpeg;
    if (bytes.startsWith(QByteArrayLiteral("\x89PNG\r\n\x1A\n")))
        return kPng;
    if (bytes.size() >= 12 && bytes.startsWith("RIFF") && bytes.mid(8, 4) == "WEBP")
        return kWebp;
    return nullptr;
}

// The picture as EXIF orientation `orientation` (2..8) says it is meant to be seen.
QImage upright(QImage image, int orientation) {
    switch (orientation) {
    case 2:
        return image.mirrored(true, false);
    case 3:
        return image.mirrored(true, true);
    case 4:
        return image.mirrored(false, true);
    case 5:
        return image.mirrored(false, true).transformed(QTransform().rotate(90));
    case 6:
        return image.transformed(QTransform().rotate(90));
    case 7:
        return image.mirrored(true, false).transformed(QTransform().rotate(90));
    case 8:
        return image.transformed(QTransform().rotate(270));
    default:
        return image;
    }
}

QSize fitLongSide(QSize size, int longSide) {
    if (std::max(size.width(), size.height()) <= longSide)
        return size;
    return size.scaled(longSide, longSide, Qt::KeepAspectRatio).expandedTo(QSize(1, 1));
}

// A fresh image carries none of the decoder's metadata (text chunks, comments,
// colour profile), and painting onto white flattens PNG/WebP transparency.
QImage cleanCopy(const QImage& decoded, QSize size) {
    QImage source = decoded;
    if (source.colorSpace().isValid() && source.colorSpace() != QColorSpace::SRgb)
        source.convertToColorSpace(QColorSpace::SRgb);
    QImage clean(size, QImage::Format_RGB32);
    clean.fill(Qt::white);
    QPainter painter(&clean);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    if (source.size() == size)
        painter.drawImage(0, 0, source);
    else
        painter.drawImage(QPoint(0, 0),
                          source.scaled(size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation));
    painter.end();
    return clean;
}

std::optional<QByteArray> encodeJpeg(const QImage& image, int quality) {
    QByteArray out;
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, kJpeg);
    writer.setQuality(quality);
    writer.setOptimizedWrite(true);
    if (!writer.write(image))
        return std::nullopt;
    return out;
}

} // namespace

PhotoIngest::PhotoIngest(MediaStore& store) : PhotoIngest(store, Options{}) {
}

PhotoIngest::PhotoIngest(MediaStore& store, Options options)
    : m_store(store), m_options(options),
      m_decodeSlots(std::make_unique<DecodeSlots>(options.concurrentDecodes)) {
}

PhotoIngest::~PhotoIngest() = default;

Result<IngestedPhoto> PhotoIngest::ingest(const QByteArray& bytes, const QString& uploader) {
    if (bytes.size() > m_options.maxBytes)
        return ApiError::payloadTooLarge(QStringLiteral("The photo is larger than %1 MB."))
            .arg(m_options.maxBytes / 1048576);
    const char* format = sniffFormat(bytes);
    if (!format)
        return ApiError::unsupportedMediaType(
            QStringLiteral("Photos must be JPEG, PNG or WebP images."));

    QBuffer input;
    input.setData(bytes);
    input.open(QIODevice::ReadOnly);
    QImageReader reader(&input, format);
    // Qt reads a JPEG's orientation only from the first APP1 segment (which may be
    // XMP); CameraExif finds the EXIF one wherever it is.
    const bool isJpeg = format == kJpeg;
    reader.setAutoTransform(!isJpeg);
    reader.setAllocationLimit(0); // maxPixels below is the limit that applies

    const QSize header = reader.size();
    if (!header.isValid() || header.isEmpty())
        return ApiError::validation(QStringLiteral("The photo is damaged and cannot be read."),
                                    QStringLiteral("file"));
    if (qint64(header.width()) * header.height() > m_options.maxPixels)
        return ApiError::payloadTooLarge(
                   QStringLiteral(
                       "The photo has %1x%2 pixels; at most %3 megapixels are accepted."))
            .arg(header.width())
            .arg(header.height())
            .arg(m_options.maxPixels / 1'000'000);

    QByteArray full, medium, thumb;
    QSize fullSize;
    {
        DecodeSlots::Slot slot(*m_decodeSlots, uploader);
        if (isJpeg) {
            if (auto sound = JpegCheck::check(bytes, m_options.jpeg); !sound)
                return sound.error();
        }
        QImage decoded;
        if (!reader.read(&decoded) || decoded.isNull())
            return ApiError::validation(QStringLiteral("The photo is damaged and cannot be read."),
                                        QStringLiteral("file"));
        if (isJpeg)
            decoded = upright(std::move(decoded), CameraExif::orientation(bytes));

        fullSize = fitLongSide(decoded.size(), m_options.maxLongSide);
        const QImage fullImage = cleanCopy(decoded, fullSize);
        decoded = QImage();
        const QImage mediumImage =
            cleanCopy(fullImage, fitLongSide(fullSize, m_options.mediumLongSide));
        const QImage thumbImage =
            cleanCopy(mediumImage, fitLongSide(fullSize, m_options.thumbLongSide));

        auto fullJpeg = encodeJpeg(fullImage, m_options.jpegQuality);
        auto mediumJpeg = encodeJpeg(mediumImage, m_options.jpegQuality);
        auto thumbJpeg = encodeJpeg(thumbImage, m_options.jpegQuality);
        if (!fullJpeg || !mediumJpeg || !thumbJpeg)
            return ApiError::internal(QStringLiteral("Cannot encode the photo."));
        full = std::move(*fullJpeg);
        medium = std::move(*mediumJpeg);
        thumb = std::move(*thumbJpeg);
    }

    const QString hash =
        QString::fromLatin1(QCryptographicHash::hash(full, QCryptographicHash::Sha256).toHex());
    const std::optional<int> focal =
        isJpeg ? CameraExif::focalLength35mm(bytes) : std::nullopt;
    const QByteArray camera =
        focal ? QJsonDocument(QJsonObject{{"focalLength35mm", *focal}}).toJson() : QByteArray();

    // Variants first and the full image last: the full image existing is what
    // marks a photo as stored, so a crash in between leaves no half photo that
    // a later identical upload would skip over.
    struct File {
        QString variant;
        QString extension;
        const QByteArray* data;
    };
    std::vector<File> files = {{MediaStore::kThumb, QStringLiteral("jpg"), &thumb},
                               {MediaStore::kMedium, QStringLiteral("jpg"), &medium}};
    if (focal)
        files.push_back({MediaStore::kCamera, QStringLiteral("json"), &camera});
    files.push_back({MediaStore::kFull, QStringLiteral("jpg"), &full});
    std::vector<const File*> created;
    for (const File& file : files) {
        bool isNew = false;
        if (auto stored =
                m_store.storeVariant(hash, file.variant, file.extension, *file.data, &isNew);
            !stored) {
            for (const File* done : created)
                m_store.remove(hash, done->variant, done->extension);
            return stored.error();
        }
        if (isNew)
            created.push_back(&file);
    }

    return IngestedPhoto{hash,
                         fullSize.width(),
                         fullSize.height(),
                         MediaStore::urlPath(hash, MediaStore::kFull),
                         MediaStore::urlPath(hash, MediaStore::kThumb),
                         MediaStore::urlPath(hash, MediaStore::kMedium),
                         focal};
}

} // namespace bitmarket::server::media
