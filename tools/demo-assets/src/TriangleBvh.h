// Bounding volume hierarchy over a triangle soup: closest-hit and shadow queries for the
// studio renderer.
#pragma once

#include "Mesh.h"

#include <array>
#include <vector>

struct RayHit {
    float distance = 0;
    int triangle = -1;
    float b1 = 0, b2 = 0; // barycentric weights of the second and third corner
};

class TriangleBvh {
public:
    explicit TriangleBvh(const std::vector<std::array<Vec3, 3>>& triangles);

    bool closestHit(const Vec3& origin, const Vec3& direction, float maxDistance,
                    RayHit& hit) const;
    bool occluded(const Vec3& origin, const Vec3& direction, float maxDistance) const;

private:
    struct Node {
        float lo[3], hi[3];
        int first; // first triangle for leaves, left child otherwise (right is left + 1)
        int count; // zero for inner nodes
    };
    struct Triangle {
        Vec3 a, edge1, edge2;
        int id;
    };

    void buildNode(int node, int first, int count, std::vector<int>& order,
                   const std::vector<Vec3>& centres);
    template <bool AnyHit>
    bool traverse(const Vec3& origin, const Vec3& direction, float maxDistance, RayHit& hit) const;

    std::vector<Triangle> m_triangles;
    std::vector<Node> m_nodes;
};
