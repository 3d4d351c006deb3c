// Colours the surface from the photos. The surface is laid out in a chart
// atlas (UvAtlasBuilder), and each chart is textured from one photo: the one
// that sees it largest, most head-on and sharpest, so detail is as sharp as
// in that photo. Its colours are levelled to a visibility-tested blend of all
// photos that see the surface (weighted by how head-on and close each is;
// the weights follow the smooth vertex normals, so the blend runs on without
// seams), which evens out exposure and shading between charts. Where the
// chart's photo does not see, the blend; where no photo sees, the colours
// around. The gutters between charts are filled with the charts' own colours.
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
