// Mesh types handed between meshing, texturing, export and preview.
#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <opencv2/core.hpp>
#include <vector>

namespace bitmarket::reconstruct {

struct SurfaceMesh {
    std::vector<Eigen::Vector3f> positions;
    std::vector<Eigen::Vector3i> triangles; // counter-clockwise seen from outside
};

struct TexturedMesh {
    std::vector<Eigen::Vector3f> positions;
    std::vector<Eigen::Vector3f> normals;
    std::vector<Eigen::Vector2f> uvs; // glTF convention: (0,0) is the texture's top-left
    std::vector<std::uint32_t> indices;
    cv::Mat3b texture; // BGR

    std::size_t triangleCount() const { return indices.size() / 3; }
};

} // namespace bitmarket::reconstruct
