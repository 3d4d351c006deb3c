// Deterministic noise and material patterns used to paint textures and the studio set.
#pragma once

#include "Mesh.h"

class ProceduralPattern {
public:
    static float hash(int x, int y, int z = 0);
    // Smooth value noise in [0,1].
    static float noise(float x, float y, float z = 0);
    // Fractal sum of noise octaves, roughly in [0,1].
    static float fbm(float x, float y, float z = 0, int octaves = 4);
    // Wood colour at a point in a board whose grain runs along `along`; `across` is the other
    // in-surface coordinate. Both in metres, so boards look the same scale on every item.
    static Vec3 wood(float along, float across, const Vec3& light, const Vec3& dark, float seed);
    // Pebbled / grained surfaces such as leatherette, rubber and basketballs.
    static float pebble(float x, float y, float cellsPerUnit);
    static Vec3 mix(const Vec3& a, const Vec3& b, float t);
    static float smoothstep(float edge0, float edge1, float x);
    // sRGB 0-255 hex colour to linear RGB, so colours can be picked like a designer would.
    static Vec3 srgb(unsigned hexColour);
};
