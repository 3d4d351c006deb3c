// Colours the surface from the photos. The surface is laid out in a chart
// atlas (UvAtlasBuilder), and every texel is a visibility-tested blend of all
// photos that see it, weighted by how head-on and how close each photo is.
// Because the weights follow the smooth vertex normals, they change gradually
// across triangles, which is what hides the seams between photos. The gutters
// between charts are filled with the charts' own colours.
#pragma once

#include "reconstruct/Camera.h"
#include "reconstruct/Expected.h"
#include "reconstruct/TexturedMesh.h"

#include <opencv2/core.hpp>
#include <vector>

namespace bitmarket::reconstruct {

struct TextureSource {
    Camera camera;   // in the mesh's frame, at the image's resolution
    cv::Mat3b image; // BGR, undistorted
};

class TextureBaker {
public:
    TextureBaker(int textureSize, int visibilityMaxSide, int threads)
        : m_textureSize(textureSize), m_visibilityMaxSide(visibilityMaxSide), m_threads(threads) {}

    Expected<TexturedMesh> bake(const SurfaceMesh& mesh,
                                const std::vector<TextureSource>& sources) const;

    static std::vector<Eigen::Vector3f> vertexNormals(const SurfaceMesh& mesh);

private:
    int m_textureSize;
    int m_visibilityMaxSide;
    int m_threads;
};

} // namespace bitmarket::reconstruct
