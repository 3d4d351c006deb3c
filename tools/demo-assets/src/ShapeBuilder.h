// Procedural primitives the catalogue items are assembled from. Every shape comes out with
// texture coordinates filling [0,1]^2 so a part can be fitted into its own atlas rectangle.
#pragma once

#include "Mesh.h"

#include <functional>
#include <vector>

class ShapeBuilder {
public:
    // Revolves a (radius, height) profile around +Y. u runs around, v along the profile by
    // arc length. The profile is one smooth strip: split it into calls for hard creases.
    static Mesh lathe(const std::vector<Vec2>& profile, int segments);

    // Box of the given full size centred at the origin with rounded edges. Faces are laid out
    // in a 3x2 grid of UV cells: +X, -X, +Y in the top row, -Y, +Z, -Z in the bottom row.
    static Mesh roundedBox(const Vec3& size, float radius, int bevelSteps = 3);

    // Circle swept along a polyline; radius may vary along the path (t in [0,1]).
    // u runs along the path, v around it. Ends are left open unless capped.
    static Mesh tube(const std::vector<Vec3>& path, const std::function<float(float)>& radius,
                     int sides, bool capEnds);

    static Mesh sphere(float radius, int segments, int rings);

    // Closed-profile slab: a star-shaped outline in the XY plane extruded along Z and centred
    // on it. UVs: front face in the left half, back face in the right half (both planar,
    // covering v in [0,0.8]), side wall in the strip v in [0.8,1].
    static Mesh slab(const std::vector<Vec2>& outline, float depth, float edgeRadius);

    // Thin strip along a path with a width profile, folded to a shallow V so it catches light.
    // Used for leaves; render it double sided.
    static Mesh ribbon(const std::vector<Vec3>& path, const std::vector<Vec3>& sideDirections,
                       const std::function<float(float)>& halfWidth, float fold);

    // Convenience: closed cylinder of given radius and height standing on y = 0.
    static Mesh cylinder(float radius, float height, int segments, float edgeRadius = 0.0f);
};
