#include "Mesh.h"

#include <algorithm>
#include <cmath>
#include <tuple>

std::uint32_t Mesh::addVertex(const Vec3& position, const Vec3& normal, const Vec2& uv) {
    positions.push_back(position);
    normals.push_back(normal.normalized());
    uvs.push_back(uv);
    return static_cast<std::uint32_t>(positions.size() - 1);
}

void Mesh::addTriangle(std::uint32_t a, std::uint32_t b, std::uint32_t c) {
    // Zero-area triangles at poles and tips trip the glTF validator and waste BVH nodes.
    const Vec3 cross = (positions[b] - positions[a]).cross(positions[c] - positions[a]);
    if (cross.squaredNorm() < 1e-16f) {
        return;
    }
    indices.insert(indices.end(), {a, b, c});
}

void Mesh::append(const Mesh& other) {
    const auto base = static_cast<std::uint32_t>(positions.size());
    positions.insert(positions.end(), other.positions.begin(), other.positions.end());
    normals.insert(normals.end(), other.normals.begin(), other.normals.end());
    uvs.insert(uvs.end(), other.uvs.begin(), other.uvs.end());
    for (std::uint32_t index : other.indices) {
        indices.push_back(base + index);
    }
}

Mesh& Mesh::transform(const Eigen::Affine3f& transform) {
    const Eigen::Matrix3f normalMatrix = transform.linear().inverse().transpose();
    for (Vec3& p : positions) {
        p = transform * p;
    }
    for (Vec3& n : normals) {
        n = (normalMatrix * n).normalized();
    }
    if (transform.linear().determinant() < 0) {
        flipWinding();
    }
    return *this;
}

Mesh& Mesh::translate(const Vec3& offset) {
    return transform(Eigen::Affine3f(Eigen::Translation3f(offset)));
}

Mesh& Mesh::rotate(float radians, const Vec3& axis) {
    return transform(Eigen::Affine3f(Eigen::AngleAxisf(radians, axis.normalized())));
}

Mesh& Mesh::scale(const Vec3& factors) {
    return transform(Eigen::Affine3f(Eigen::Scaling(factors)));
}

Mesh& Mesh::deform(const std::function<Vec3(const Vec3&)>& displace) {
    for (Vec3& p : positions) {
        p = displace(p);
    }
    return recomputeNormals();
}

Mesh& Mesh::recomputeNormals() {
    // Vertices on UV seams are duplicated; weld them by position so seams stay smooth.
    std::vector<Vec3> accumulated(positions.size(), Vec3::Zero());
    for (std::size_t i = 0; i + 2 < indices.size(); i += 3) {
        const Vec3& a = positions[indices[i]];
        const Vec3 faceNormal =
            (positions[indices[i + 1]] - a).cross(positions[indices[i + 2]] - a);
        for (int k = 0; k < 3; ++k) {
            accumulated[indices[i + k]] += faceNormal;
        }
    }
    std::vector<std::size_t> order(positions.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        order[i] = i;
    }
    auto key = [&](std::size_t i) {
        const Vec3& p = positions[i];
        return std::tuple(std::lround(p.x() * 1e5f), std::lround(p.y() * 1e5f),
                          std::lround(p.z() * 1e5f));
    };
    std::sort(order.begin(), order.end(), [&](auto a, auto b) { return key(a) < key(b); });
    for (std::size_t start = 0; start < order.size();) {
        std::size_t end = start;
        Vec3 sum = Vec3::Zero();
        while (end < order.size() && key(order[end]) == key(order[start])) {
            sum += accumulated[order[end]];
            ++end;
        }
        for (std::size_t i = start; i < end; ++i) {
            const Vec3 n = sum.squaredNorm() > 0 ? sum.normalized() : normals[order[i]];
            normals[order[i]] = n;
        }
        start = end;
    }
    return *this;
}

Mesh& Mesh::flipWinding() {
    for (std::size_t i = 0; i + 2 < indices.size(); i += 3) {
        std::swap(indices[i + 1], indices[i + 2]);
    }
    return *this;
}

Mesh& Mesh::fitUvsInto(const UvRect& rect) {
    for (Vec2& uv : uvs) {
        uv = Vec2(rect.u0 + uv.x() * (rect.u1 - rect.u0), rect.v0 + uv.y() * (rect.v1 - rect.v0));
    }
    return *this;
}

Eigen::AlignedBox3f Mesh::bounds() const {
    Eigen::AlignedBox3f box;
    for (const Vec3& p : positions) {
        box.extend(p);
    }
    return box;
}
