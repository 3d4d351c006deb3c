// Square texture that several parts of one item share. Parts reserve a rectangle and paint it
// with a procedural function of their own [0,1]^2 coordinates.
#pragma once

#include "Mesh.h"

#include <QImage>
#include <functional>
#include <optional>

using SurfacePainter = std::function<Vec3(const Vec2& uv)>;

class TextureAtlas {
public:
    explicit TextureAtlas(int size);

    // Reserves width x height pixels (shelf packing); returns the usable UV rectangle, or
    // nothing when the atlas is full.
    std::optional<UvRect> allocate(int width, int height);
    // Fills the rectangle with linear-RGB colours from `painter`, bleeding a few pixels past
    // the edges so bilinear and mipmapped lookups never pick up a neighbour.
    void paint(const UvRect& rect, const SurfacePainter& painter);
    const QImage& image() const { return m_image; }

private:
    static constexpr int kPadding = 4;
    QImage m_image;
    int m_cursorX = 0;
    int m_shelfY = 0;
    int m_shelfHeight = 0;
};
