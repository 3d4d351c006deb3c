// Lays a surface out flat in a square texture. Connected triangles that face
// roughly the same way form a chart; each chart is projected onto the plane
// its triangles face (no folds, little stretch) and the charts are packed into
// the texture on shelves, all at one texel density, with a gutter around each
// so bilinear filtering never reads another chart. Inside a chart neighbouring
// triangles share their vertices, so the texture is continuous across their
// edges and the exported mesh needs about one vertex per surface vertex.
#pragma once

#include "reconstruct/Expected.h"
#include "reconstruct/TexturedMesh.h"

#include <Eigen/Core>
#include <vector>

namespace bitmarket::reconstruct {

struct UvAtlas {
    std::vector<int> surfaceVertex;         // atlas vertex -> the surface vertex it copies
    std::vector<Eigen::Vector2f> texel;     // atlas vertex in texels, x right, y down
    std::vector<Eigen::Vector3i> triangles; // atlas vertices, same order as the surface's
    std::vector<std::vector<int>> charts;   // the surface triangles of each chart
};

class UvAtlasBuilder {
public:
    UvAtlasBuilder(int textureSize, int gutter) : m_textureSize(textureSize), m_gutter(gutter) {}

    Expected<UvAtlas> build(const SurfaceMesh& mesh) const;

private:
    int m_textureSize;
    int m_gutter; // texels of free space on every side of a chart
};

} // namespace bitmarket::reconstruct
