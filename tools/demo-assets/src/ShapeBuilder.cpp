#include "ShapeBuilder.h"

#include <cmath>
#include <numbers>

namespace {

constexpr float kPi = std::numbers::pi_v<float>;

// Builders know the intended outward normal per vertex but not always the handedness of their
// parametrisation, so each triangle is wound to agree with its vertex normals.
void addOrientedTriangle(Mesh& mesh, std::uint32_t a, std::uint32_t b, std::uint32_t c) {
    const Vec3 face =
        (mesh.positions[b] - mesh.positions[a]).cross(mesh.positions[c] - mesh.positions[a]);
    const Vec3 expected = mesh.normals[a] + mesh.normals[b] + mesh.normals[c];
    if (face.dot(expected) < 0) {
        mesh.addTriangle(a, c, b);
    } else {
        mesh.addTriangle(a, b, c);
    }
}

// Connects consecutive rings of `columns` vertices starting at `firstRing` into quads.
void stitchRings(Mesh& mesh, std::uint32_t firstRing, int rings, int columns) {
    for (int r = 0; r + 1 < rings; ++r) {
        for (int c = 0; c + 1 < columns; ++c) {
            const std::uint32_t a = firstRing + r * columns + c;
            const std::uint32_t b = a + 1;
            const std::uint32_t d = a + columns;
            const std::uint32_t e = d + 1;
            addOrientedTriangle(mesh, a, d, b);
            addOrientedTriangle(mesh, b, d, e);
        }
    }
}

Vec2 outward2d(const Vec2& tangent) {
    return Vec2(tangent.y(), -tangent.x()).normalized();
}

} // namespace

Mesh ShapeBuilder::lathe(const std::vector<Vec2>& profile, int segments) {
    Mesh mesh;
    const int count = static_cast<int>(profile.size());
    std::vector<float> arc(count, 0.0f);
    for (int i = 1; i < count; ++i) {
        arc[i] = arc[i - 1] + (profile[i] - profile[i - 1]).norm();
    }
    const float total = std::max(arc.back(), 1e-6f);
    for (int i = 0; i < count; ++i) {
        const Vec2 tangent = profile[std::min(i + 1, count - 1)] - profile[std::max(i - 1, 0)];
        const Vec2 n = outward2d(tangent);
        for (int s = 0; s <= segments; ++s) {
            const float angle = 2 * kPi * s / segments;
            const Vec3 radial(std::sin(angle), 0, std::cos(angle));
            const Vec3 position = radial * profile[i].x() + Vec3(0, profile[i].y(), 0);
            const Vec3 normal = radial * n.x() + Vec3(0, n.y(), 0);
            mesh.addVertex(position, normal, Vec2(float(s) / segments, arc[i] / total));
        }
    }
    stitchRings(mesh, 0, count, segments + 1);
    return mesh;
}

Mesh ShapeBuilder::roundedBox(const Vec3& size, float radius, int bevelSteps) {
    const Vec3 half = size / 2;
    radius = std::min({radius, half.x(), half.y(), half.z()});
    if (radius <= 0) {
        bevelSteps = 0;
    }
    auto coordinates = [&](float h) {
        std::vector<float> values;
        const int steps = std::max(bevelSteps, 1);
        for (int k = 0; k <= steps; ++k) {
            values.push_back(-h + radius * k / steps);
        }
        for (int k = 0; k <= steps; ++k) {
            const float value = h - radius + radius * k / steps;
            if (value > values.back() + 1e-7f) {
                values.push_back(value);
            }
        }
        return values;
    };
    struct Face {
        Vec3 normal, uAxis, vAxis;
    };
    const Face faces[6] = {
        {Vec3::UnitX(), -Vec3::UnitZ(), -Vec3::UnitY()},
        {-Vec3::UnitX(), Vec3::UnitZ(), -Vec3::UnitY()},
        {Vec3::UnitY(), Vec3::UnitX(), Vec3::UnitZ()},
        {-Vec3::UnitY(), Vec3::UnitX(), -Vec3::UnitZ()},
        {Vec3::UnitZ(), Vec3::UnitX(), -Vec3::UnitY()},
        {-Vec3::UnitZ(), -Vec3::UnitX(), -Vec3::UnitY()},
    };
    const Vec3 inner = (half.array() - radius).matrix();
    Mesh mesh;
    for (int f = 0; f < 6; ++f) {
        const Face& face = faces[f];
        const float hu = face.uAxis.cwiseAbs().dot(half);
        const float hv = face.vAxis.cwiseAbs().dot(half);
        const float ha = face.normal.cwiseAbs().dot(half);
        const auto us = coordinates(hu);
        const auto vs = coordinates(hv);
        const auto first = static_cast<std::uint32_t>(mesh.positions.size());
        const float cellU = float(f % 3) / 3, cellV = float(f / 3) / 2;
        for (float cv : vs) {
            for (float cu : us) {
                const Vec3 q = face.normal * ha + face.uAxis * cu + face.vAxis * cv;
                const Vec3 core = q.cwiseMax(-inner).cwiseMin(inner);
                Vec3 normal = face.normal;
                Vec3 position = q;
                if (radius > 0) {
                    normal = (q - core).normalized();
                    position = core + normal * radius;
                }
                const Vec2 uv(cellU + (cu / hu + 1) / 6, cellV + (cv / hv + 1) / 4);
                mesh.addVertex(position, normal, uv);
            }
        }
        stitchRings(mesh, first, int(vs.size()), int(us.size()));
    }
    return mesh;
}

Mesh ShapeBuilder::tube(const std::vector<Vec3>& path, const std::function<float(float)>& radius,
                        int sides, bool capEnds) {
    Mesh mesh;
    const int count = static_cast<int>(path.size());
    std::vector<float> arc(count, 0.0f);
    for (int i = 1; i < count; ++i) {
        arc[i] = arc[i - 1] + (path[i] - path[i - 1]).norm();
    }
    std::vector<Vec3> tangents(count);
    for (int i = 0; i < count; ++i) {
        tangents[i] = (path[std::min(i + 1, count - 1)] - path[std::max(i - 1, 0)]).normalized();
    }
    // Parallel transport keeps the ring from twisting along curved paths.
    Vec3 normal = tangents[0].unitOrthogonal();
    for (int i = 0; i < count; ++i) {
        normal = (normal - tangents[i] * normal.dot(tangents[i])).normalized();
        const Vec3 binormal = tangents[i].cross(normal);
        const float t = arc[i] / arc.back();
        const float r = radius(t);
        for (int s = 0; s <= sides; ++s) {
            const float angle = 2 * kPi * s / sides;
            const Vec3 direction = normal * std::cos(angle) + binormal * std::sin(angle);
            mesh.addVertex(path[i] + direction * r, direction, Vec2(t, float(s) / sides));
        }
    }
    stitchRings(mesh, 0, count, sides + 1);
    if (capEnds) {
        for (int end = 0; end < 2; ++end) {
            const int i = end == 0 ? 0 : count - 1;
            const Vec3 outward = end == 0 ? Vec3(-tangents[i]) : tangents[i];
            const float u = end == 0 ? 0.0f : 1.0f;
            const std::uint32_t centre = mesh.addVertex(path[i], outward, Vec2(u, 0.5f));
            const auto ring = static_cast<std::uint32_t>(mesh.positions.size());
            for (int s = 0; s <= sides; ++s) {
                const std::uint32_t source = i * (sides + 1) + s;
                mesh.addVertex(mesh.positions[source], outward, Vec2(u, float(s) / sides));
            }
            for (int s = 0; s < sides; ++s) {
                addOrientedTriangle(mesh, centre, ring + s, ring + s + 1);
            }
        }
    }
    return mesh;
}

Mesh ShapeBuilder::sphere(float radius, int segments, int rings) {
    std::vector<Vec2> profile;
    for (int i = 0; i <= rings; ++i) {
        // Bottom to top so the lathe's "outward is to the right" rule holds; v = 0 at the bottom.
        const float phi = kPi * i / rings;
        profile.emplace_back(radius * std::sin(phi), -radius * std::cos(phi));
    }
    profile.front().x() = 0;
    profile.back().x() = 0;
    return lathe(profile, segments);
}

Mesh ShapeBuilder::slab(const std::vector<Vec2>& outlineIn, float depth, float edgeRadius) {
    std::vector<Vec2> outline = outlineIn;
    float area = 0;
    for (std::size_t i = 0; i < outline.size(); ++i) {
        const Vec2& a = outline[i];
        const Vec2& b = outline[(i + 1) % outline.size()];
        area += a.x() * b.y() - b.x() * a.y();
    }
    if (area < 0) {
        std::reverse(outline.begin(), outline.end());
    }
    const int n = static_cast<int>(outline.size());
    Vec2 lo = outline[0], hi = outline[0];
    std::vector<Vec2> normals2d(n);
    for (int i = 0; i < n; ++i) {
        lo = lo.cwiseMin(outline[i]);
        hi = hi.cwiseMax(outline[i]);
        normals2d[i] = outward2d(outline[(i + 1) % n] - outline[(i + n - 1) % n]);
    }
    std::vector<float> perimeter(n + 1, 0.0f);
    for (int i = 1; i <= n; ++i) {
        perimeter[i] = perimeter[i - 1] + (outline[i % n] - outline[i - 1]).norm();
    }
    const Vec2 extent = hi - lo;
    const float halfDepth = depth / 2;
    edgeRadius = std::min(edgeRadius, halfDepth * 0.9f);

    enum class Mapping { Front, Side, Back };
    Mesh mesh;
    int ringCount = 0;
    auto addRing = [&](float inset, float z, float normalAngle, Mapping mapping, float sideV) {
        // normalAngle: 0 faces +Z, pi/2 faces outward, pi faces -Z.
        for (int c = 0; c <= n; ++c) {
            const int i = c % n;
            const Vec2 p = outline[i] - normals2d[i] * inset;
            const Vec3 normal(normals2d[i].x() * std::sin(normalAngle),
                              normals2d[i].y() * std::sin(normalAngle), std::cos(normalAngle));
            Vec2 uv;
            if (mapping == Mapping::Front) {
                uv = Vec2((p.x() - lo.x()) / extent.x() * 0.5f,
                          (hi.y() - p.y()) / extent.y() * 0.8f);
            } else if (mapping == Mapping::Back) {
                uv = Vec2(0.5f + (hi.x() - p.x()) / extent.x() * 0.5f,
                          (hi.y() - p.y()) / extent.y() * 0.8f);
            } else {
                uv = Vec2(perimeter[c] / perimeter[n], sideV);
            }
            mesh.addVertex(Vec3(p.x(), p.y(), z), normal, uv);
        }
        ++ringCount;
    };
    const int arcSteps = edgeRadius > 0 ? 3 : 0;
    auto addCap = [&](Mapping mapping, float sign) {
        const Vec2 centre(0, 0);
        const Vec2 uv = mapping == Mapping::Front
                            ? Vec2((centre.x() - lo.x()) / extent.x() * 0.5f,
                                   (hi.y() - centre.y()) / extent.y() * 0.8f)
                            : Vec2(0.5f + (hi.x() - centre.x()) / extent.x() * 0.5f,
                                   (hi.y() - centre.y()) / extent.y() * 0.8f);
        const std::uint32_t middle =
            mesh.addVertex(Vec3(0, 0, sign * halfDepth), Vec3(0, 0, sign), uv);
        return middle;
    };
    // Front cap and rounded front edge.
    const std::uint32_t frontCentre = addCap(Mapping::Front, 1);
    const auto frontStart = static_cast<std::uint32_t>(mesh.positions.size());
    ringCount = 0;
    for (int k = 0; k <= arcSteps; ++k) {
        const float a = arcSteps == 0 ? 0.0f : (kPi / 2) * k / arcSteps;
        addRing(edgeRadius * (1 - std::sin(a)), halfDepth - edgeRadius * (1 - std::cos(a)), a,
                Mapping::Front, 0);
    }
    for (int c = 0; c < n; ++c) {
        addOrientedTriangle(mesh, frontCentre, frontStart + c, frontStart + c + 1);
    }
    stitchRings(mesh, frontStart, ringCount, n + 1);
    // Side wall.
    const auto sideStart = static_cast<std::uint32_t>(mesh.positions.size());
    ringCount = 0;
    addRing(0, halfDepth - edgeRadius, kPi / 2, Mapping::Side, 0.8f);
    addRing(0, -halfDepth + edgeRadius, kPi / 2, Mapping::Side, 1.0f);
    stitchRings(mesh, sideStart, ringCount, n + 1);
    // Rounded back edge and back cap.
    const auto backStart = static_cast<std::uint32_t>(mesh.positions.size());
    ringCount = 0;
    for (int k = 0; k <= arcSteps; ++k) {
        const float a = arcSteps == 0 ? kPi : kPi / 2 + (kPi / 2) * k / arcSteps;
        addRing(edgeRadius * (1 - std::sin(a)), -halfDepth + edgeRadius * (1 + std::cos(a)), a,
                Mapping::Back, 0);
    }
    stitchRings(mesh, backStart, ringCount, n + 1);
    const std::uint32_t backCentre = addCap(Mapping::Back, -1);
    const std::uint32_t lastRing = backStart + (ringCount - 1) * (n + 1);
    for (int c = 0; c < n; ++c) {
        addOrientedTriangle(mesh, backCentre, lastRing + c, lastRing + c + 1);
    }
    return mesh;
}

Mesh ShapeBuilder::ribbon(const std::vector<Vec3>& path, const std::vector<Vec3>& sideDirections,
                          const std::function<float(float)>& halfWidth, float fold) {
    Mesh mesh;
    const int count = static_cast<int>(path.size());
    std::vector<float> arc(count, 0.0f);
    for (int i = 1; i < count; ++i) {
        arc[i] = arc[i - 1] + (path[i] - path[i - 1]).norm();
    }
    for (int i = 0; i < count; ++i) {
        const Vec3 tangent =
            (path[std::min(i + 1, count - 1)] - path[std::max(i - 1, 0)]).normalized();
        const Vec3 side = sideDirections[i].normalized();
        const Vec3 up = tangent.cross(side).normalized();
        const float t = arc[i] / arc.back();
        const float w = halfWidth(t);
        mesh.addVertex(path[i] - side * w + up * (fold * w), up, Vec2(0, t));
        mesh.addVertex(path[i], up, Vec2(0.5f, t));
        mesh.addVertex(path[i] + side * w + up * (fold * w), up, Vec2(1, t));
    }
    stitchRings(mesh, 0, count, 3);
    return mesh.recomputeNormals();
}

Mesh ShapeBuilder::cylinder(float radius, float height, int segments, float edgeRadius) {
    if (edgeRadius <= 0) {
        Mesh mesh = lathe({{0, 0}, {radius, 0}}, segments);
        mesh.append(lathe({{radius, 0}, {radius, height}}, segments));
        mesh.append(lathe({{radius, height}, {0, height}}, segments));
        return mesh;
    }
    std::vector<Vec2> profile{{0, 0}};
    const int steps = 4;
    for (int k = 0; k <= steps; ++k) {
        const float a = (kPi / 2) * k / steps;
        profile.emplace_back(radius - edgeRadius + edgeRadius * std::sin(a),
                             edgeRadius - edgeRadius * std::cos(a));
    }
    for (int k = 0; k <= steps; ++k) {
        const float a = (kPi / 2) * k / steps;
        profile.emplace_back(radius - edgeRadius + edgeRadius * std::cos(a),
                             height - edgeRadius + edgeRadius * std::sin(a));
    }
    profile.emplace_back(0, height);
    return lathe(profile, segments);
}
