// Serves the app's line icons to QML as image://icon/<name>/<rrggbb>: the SVG
// is tinted to the theme colour and rasterised at the size asked for, so
// icons stay crisp and follow light and dark themes without an effect layer.
#pragma once

#include <QQuickImageProvider>

class IconProvider : public QQuickImageProvider {
public:
    IconProvider();

    QImage requestImage(const QString& id, QSize* size, const QSize& requestedSize) override;
};
