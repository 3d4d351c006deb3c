#include "TriangleBvh.h"

#include <algorithm>
#include <numeric>

TriangleBvh::TriangleBvh(const std::vector<std::array<Vec3, 3>>& triangles) {
    std::vector<Vec3> centres;
    for (std::size_t i = 0; i < triangles.size(); ++i) {
        const auto& t = triangles[i];
        m_triangles.push_back({t[0], t[1] - t[0], t[2] - t[0], int(i)});
        centres.push_back((t[0] + t[1] + t[2]) / 3);
    }
    std::vector<int> order(m_triangles.size());
    std::iota(order.begin(), order.end(), 0);
    m_nodes.reserve(2 * m_triangles.size() + 1);
    m_nodes.emplace_back();
    buildNode(0, 0, int(m_triangles.size()), order, centres);
    std::vector<Triangle> sorted;
    sorted.reserve(order.size());
    for (int i : order) {
        sorted.push_back(m_triangles[i]);
    }
    m_triangles = std::move(sorted);
}

void TriangleBvh::buildNode(int node, int first, int count, std::vector<int>& order,
                            const std::vector<Vec3>& centres) {
    Eigen::AlignedBox3f bounds, centreBounds;
    for (int i = first; i < first + count; ++i) {
        const Triangle& t = m_triangles[order[i]];
        bounds.extend(t.a);
        bounds.extend(Vec3(t.a + t.edge1));
        bounds.extend(Vec3(t.a + t.edge2));
        centreBounds.extend(centres[order[i]]);
    }
    for (int k = 0; k < 3; ++k) {
        m_nodes[node].lo[k] = bounds.min()[k];
        m_nodes[node].hi[k] = bounds.max()[k];
    }
    m_nodes[node].first = first;
    m_nodes[node].count = count;
    const Vec3 extent = centreBounds.sizes();
    int axis = 0;
    extent.maxCoeff(&axis);
    if (count <= 4 || extent[axis] <= 0) {
        return;
    }
    const int middle = first + count / 2;
    std::nth_element(order.begin() + first, order.begin() + middle, order.begin() + first + count,
                     [&](int a, int b) { return centres[a][axis] < centres[b][axis]; });
    const int left = int(m_nodes.size());
    m_nodes.emplace_back();
    m_nodes.emplace_back();
    m_nodes[node].first = left;
    m_nodes[node].count = 0;
    buildNode(left, first, middle - first, order, centres);
    buildNode(left + 1, middle, first + count - middle, order, centres);
}

bool TriangleBvh::closestHit(const Vec3& origin, const Vec3& direction, float maxDistance,
                             RayHit& hit) const {
    return traverse<false>(origin, direction, maxDistance, hit);
}

bool TriangleBvh::occluded(const Vec3& origin, const Vec3& direction, float maxDistance) const {
    RayHit ignored;
    return traverse<true>(origin, direction, maxDistance, ignored);
}

template <bool AnyHit>
bool TriangleBvh::traverse(const Vec3& origin, const Vec3& direction, float maxDistance,
                           RayHit& hit) const {
    const float o[3] = {origin.x(), origin.y(), origin.z()};
    const float inv[3] = {1.0f / direction.x(), 1.0f / direction.y(), 1.0f / direction.z()};
    auto enter = [&](const Node& node, float limit) {
        float t0 = 0, t1 = limit;
        for (int k = 0; k < 3; ++k) {
            float near = (node.lo[k] - o[k]) * inv[k];
            float far = (node.hi[k] - o[k]) * inv[k];
            if (near > far) {
                std::swap(near, far);
            }
            t0 = std::max(t0, near);
            t1 = std::min(t1, far);
        }
        return t0 <= t1 ? t0 : -1.0f;
    };
    float closest = maxDistance;
    bool found = false;
    int stack[64];
    int top = 0;
    if (enter(m_nodes[0], closest) < 0) {
        return false;
    }
    stack[top++] = 0;
    while (top > 0) {
        const Node& node = m_nodes[stack[--top]];
        if (node.count > 0) {
            for (int i = node.first; i < node.first + node.count; ++i) {
                const Triangle& tri = m_triangles[i];
                // Moeller-Trumbore.
                const Vec3 p = direction.cross(tri.edge2);
                const float det = tri.edge1.dot(p);
                if (std::abs(det) < 1e-12f) {
                    continue;
                }
                const float invDet = 1.0f / det;
                const Vec3 s = origin - tri.a;
                const float b1 = s.dot(p) * invDet;
                if (b1 < 0 || b1 > 1) {
                    continue;
                }
                const Vec3 q = s.cross(tri.edge1);
                const float b2 = direction.dot(q) * invDet;
                if (b2 < 0 || b1 + b2 > 1) {
                    continue;
                }
                const float t = tri.edge2.dot(q) * invDet;
                if (t > 0 && t < closest) {
                    if constexpr (AnyHit) {
                        return true;
                    }
                    closest = t;
                    hit = {t, tri.id, b1, b2};
                    found = true;
                }
            }
            continue;
        }
        const float dl = enter(m_nodes[node.first], closest);
        const float dr = enter(m_nodes[node.first + 1], closest);
        // Visit the nearer child first so the far one is usually culled.
        if (dl >= 0 && dr >= 0) {
            const bool leftFirst = dl <= dr;
            stack[top++] = leftFirst ? node.first + 1 : node.first;
            stack[top++] = leftFirst ? node.first : node.first + 1;
        } else if (dl >= 0) {
            stack[top++] = node.first;
        } else if (dr >= 0) {
            stack[top++] = node.first + 1;
        }
    }
    return found;
}
