// Indexed triangle mesh in metres with per-vertex normals and texture coordinates.
#pragma once

#include <Eigen/Geometry>
#include <cstdint>
#include <functional>
#include <vector>

using Vec2 = Eigen::Vector2f;
using Vec3 = Eigen::Vector3f;

// Rectangle of the texture atlas in normalised UV space (origin top-left, like the image).
struct UvRect {
    float u0 = 0, v0 = 0, u1 = 1, v1 = 1;
};

class Mesh {
public:
    std::vector<Vec3> positions;
    std::vector<Vec3> normals;
    std::vector<Vec2> uvs;
    std::vector<std::uint32_t> indices;

    std::size_t triangleCount() const { return indices.size() / 3; }
    std::uint32_t addVertex(const Vec3& position, const Vec3& normal, const Vec2& uv);
    void addTriangle(std::uint32_t a, std::uint32_t b, std::uint32_t c);
    void append(const Mesh& other);

    Mesh& transform(const Eigen::Affine3f& transform);
    Mesh& translate(const Vec3& offset);
    Mesh& rotate(float radians, const Vec3& axis);
    Mesh& scale(const Vec3& factors);
    // Moves every vertex through `displace` and recomputes smooth normals from the result.
    Mesh& deform(const std::function<Vec3(const Vec3&)>& displace);
    Mesh& recomputeNormals();
    Mesh& flipWinding();
    // Squeezes the [0,1] texture coordinates into one atlas rectangle.
    Mesh& fitUvsInto(const UvRect& rect);

    Eigen::AlignedBox3f bounds() const;
};
