#include "app/IconProvider.h"

#include <QBuffer>
#include <QColor>
#include <QFile>
#include <QImageReader>

IconProvider::IconProvider() : QQuickImageProvider(QQuickImageProvider::Image) {
}

QImage IconProvider::requestImage(const QString& id, QSize* size, const QSize& requestedSize) {
    const QString name = id.section(QLatin1Char('/'), 0, 0);
    const QString colorText = id.section(QLatin1Char('/'), 1, 1);
    QFile file(QStringLiteral(":/icons/") + name + QStringLiteral(".svg"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QByteArray svg = file.readAll();
    const QColor color(QLatin1Char('#') + colorText);
    svg.replace("currentColor",
                (color.isValid() ? color : QColor(Qt::black)).name(QColor::HexRgb).toLatin1());
    QBuffer buffer(&svg);
    QImageReader reader(&buffer, "svg");
    const QSize target =
        requestedSize.isValid() && !requestedSize.isEmpty() ? requestedSize : QSize(24, 24);
    reader.setScaledSize(target);
    QImage image = reader.read();
    if (color.isValid() && color.alphaF() < 1.0 && !image.isNull()) {
        image = image.convertToFormat(QImage::Format_ARGB32_Premultiplied);
        QImage faded(image.size(), QImage::Format_ARGB32_Premultiplied);
        faded.fill(Qt::transparent);
        for (int y = 0; y < image.height(); ++y) {
            const auto* src = reinterpret_cast<const QRgb*>(image.constScanLine(y));
            auto* dst = reinterpret_cast<QRgb*>(faded.scanLine(y));
            for (int x = 0; x < image.width(); ++x)
                dst[x] = qRgba(qRed(src[x]) * color.alphaF(), qGreen(src[x]) * color.alphaF(),
                               qBlue(src[x]) * color.alphaF(), qAlpha(src[x]) * color.alphaF());
        }
        image = faded;
    }
    if (size)
        *size = image.size();
    return image;
}
