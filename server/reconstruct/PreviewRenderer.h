// The listing thumbnail: the textured model from a 3/4 view above, lit softly,
// on a light backdrop, rendered on the CPU.
#pragma once

#include "reconstruct/Camera.h"
#include "reconstruct/TexturedMesh.h"

#include <opencv2/core.hpp>

namespace bitmarket::reconstruct {

class PreviewRenderer {
public:
    explicit PreviewRenderer(int size) : m_size(size) {}

    cv::Mat3b render(const TexturedMesh& mesh) const;
    // Any camera; used by the evaluation harness as well.
    static cv::Mat3b renderFrom(const TexturedMesh& mesh, const Camera& camera,
                                const cv::Vec3b& background, bool shaded);

private:
    int m_size;
};

} // namespace bitmarket::reconstruct
