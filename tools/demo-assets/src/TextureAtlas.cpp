#include "TextureAtlas.h"

#include <algorithm>
#include <cmath>

namespace {

int toSrgbByte(float linear) {
    const float c = std::clamp(linear, 0.0f, 1.0f);
    const float s = c <= 0.0031308f ? c * 12.92f : 1.055f * std::pow(c, 1 / 2.4f) - 0.055f;
    return int(std::lround(s * 255.0f));
}

} // namespace

TextureAtlas::TextureAtlas(int size) : m_image(size, size, QImage::Format_RGB888) {
    m_image.fill(Qt::gray);
}

std::optional<UvRect> TextureAtlas::allocate(int width, int height) {
    const int size = m_image.width();
    // Full-width requests are a convenience; they lose the padding they cannot have.
    width = std::min(width, size - 2 * kPadding);
    if (m_cursorX + width + 2 * kPadding > size) {
        m_shelfY += m_shelfHeight;
        m_cursorX = 0;
        m_shelfHeight = 0;
    }
    if (m_shelfY + height + 2 * kPadding > size) {
        return std::nullopt;
    }
    const int x = m_cursorX + kPadding;
    const int y = m_shelfY + kPadding;
    m_cursorX += width + 2 * kPadding;
    m_shelfHeight = std::max(m_shelfHeight, height + 2 * kPadding);
    const float s = float(size);
    return UvRect{x / s, y / s, (x + width) / s, (y + height) / s};
}

void TextureAtlas::paint(const UvRect& rect, const SurfacePainter& painter) {
    const int size = m_image.width();
    const int x0 = std::max(0, int(rect.u0 * size) - kPadding);
    const int x1 = std::min(size, int(rect.u1 * size) + kPadding);
    const int y0 = std::max(0, int(rect.v0 * size) - kPadding);
    const int y1 = std::min(size, int(rect.v1 * size) + kPadding);
    for (int y = y0; y < y1; ++y) {
        uchar* line = m_image.scanLine(y);
        for (int x = x0; x < x1; ++x) {
            const float u = ((x + 0.5f) / size - rect.u0) / (rect.u1 - rect.u0);
            const float v = ((y + 0.5f) / size - rect.v0) / (rect.v1 - rect.v0);
            const Vec3 colour = painter(Vec2(std::clamp(u, 0.0f, 1.0f), std::clamp(v, 0.0f, 1.0f)));
            line[3 * x + 0] = uchar(toSrgbByte(colour.x()));
            line[3 * x + 1] = uchar(toSrgbByte(colour.y()));
            line[3 * x + 2] = uchar(toSrgbByte(colour.z()));
        }
    }
}
