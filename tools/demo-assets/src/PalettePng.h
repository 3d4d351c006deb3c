// Previews are stored as 256-colour PNGs: about a third of the size of full-colour ones and
// indistinguishable at thumbnail size, which keeps the demo set small in git.
#pragma once

#include <QImage>
#include <QString>

class PalettePng {
public:
    static bool write(const QImage& image, const QString& path);
};
