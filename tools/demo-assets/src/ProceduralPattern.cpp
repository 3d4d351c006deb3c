#include "ProceduralPattern.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

float ProceduralPattern::hash(int x, int y, int z) {
    std::uint32_t h = static_cast<std::uint32_t>(x) * 73856093u ^
                      static_cast<std::uint32_t>(y) * 19349663u ^
                      static_cast<std::uint32_t>(z) * 83492791u;
    h ^= h >> 13;
    h *= 0x5bd1e995u;
    h ^= h >> 15;
    return float(h & 0xffffffu) / float(0xffffffu);
}

float ProceduralPattern::noise(float x, float y, float z) {
    const int ix = int(std::floor(x)), iy = int(std::floor(y)), iz = int(std::floor(z));
    const float fx = x - ix, fy = y - iy, fz = z - iz;
    const float sx = fx * fx * (3 - 2 * fx), sy = fy * fy * (3 - 2 * fy),
                sz = fz * fz * (3 - 2 * fz);
    auto lerp = [](float a, float b, float t) { return a + (b - a) * t; };
    float layer[2];
    for (int k = 0; k < 2; ++k) {
        const float a = lerp(hash(ix, iy, iz + k), hash(ix + 1, iy, iz + k), sx);
        const float b = lerp(hash(ix, iy + 1, iz + k), hash(ix + 1, iy + 1, iz + k), sx);
        layer[k] = lerp(a, b, sy);
    }
    return lerp(layer[0], layer[1], sz);
}

float ProceduralPattern::fbm(float x, float y, float z, int octaves) {
    float sum = 0, amplitude = 0.5f, norm = 0;
    for (int i = 0; i < octaves; ++i) {
        sum += amplitude * noise(x, y, z);
        norm += amplitude;
        x = x * 2.03f + 17.1f;
        y = y * 2.03f + 5.3f;
        z = z * 2.03f + 9.7f;
        amplitude *= 0.5f;
    }
    return sum / norm;
}

Vec3 ProceduralPattern::wood(float along, float across, const Vec3& light, const Vec3& dark,
                             float seed) {
    // Growth rings seen edge-on: stripes along the board whose spacing and position wander,
    // with fine pores and streaks on top.
    const float wobble = fbm(along * 2.5f, across * 6.0f, seed, 3) * 0.03f;
    const float spacing = 150.0f + 140.0f * noise(along * 0.8f, seed * 3.0f);
    const float rings = std::sin((across + wobble) * spacing + seed * 10.0f);
    const float ringMask = smoothstep(0.3f, 1.0f, rings * 0.5f + 0.5f);
    const float streaks = fbm(along * 5.0f, across * 240.0f, seed + 3.0f, 3);
    const float pores = noise(along * 900.0f, across * 2500.0f, seed);
    const float t =
        std::clamp(ringMask * 0.42f + streaks * 0.55f + pores * 0.12f - 0.2f, 0.0f, 1.0f);
    return mix(light, dark, t);
}

float ProceduralPattern::pebble(float x, float y, float cellsPerUnit) {
    // Distance to the nearest jittered cell centre gives round bumps with dark gaps between.
    const float px = x * cellsPerUnit, py = y * cellsPerUnit;
    const int cx = int(std::floor(px)), cy = int(std::floor(py));
    float nearest = 10.0f;
    for (int dy = -1; dy <= 1; ++dy) {
        for (int dx = -1; dx <= 1; ++dx) {
            const float ox = cx + dx + hash(cx + dx, cy + dy, 7) * 0.8f + 0.1f;
            const float oy = cy + dy + hash(cx + dx, cy + dy, 11) * 0.8f + 0.1f;
            nearest = std::min(nearest, std::hypot(px - ox, py - oy));
        }
    }
    return std::clamp(1.0f - nearest * 1.4f, 0.0f, 1.0f);
}

Vec3 ProceduralPattern::mix(const Vec3& a, const Vec3& b, float t) {
    return a + (b - a) * t;
}

float ProceduralPattern::smoothstep(float edge0, float edge1, float x) {
    const float t = std::clamp((x - edge0) / (edge1 - edge0), 0.0f, 1.0f);
    return t * t * (3 - 2 * t);
}

Vec3 ProceduralPattern::srgb(unsigned hexColour) {
    auto channel = [](unsigned value) {
        const float c = float(value) / 255.0f;
        return c <= 0.04045f ? c / 12.92f : std::pow((c + 0.055f) / 1.055f, 2.4f);
    };
    return Vec3(channel((hexColour >> 16) & 0xff), channel((hexColour >> 8) & 0xff),
                channel(hexColour & 0xff));
}
