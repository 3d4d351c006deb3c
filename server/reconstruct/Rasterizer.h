// A small CPU z-buffer rasterizer with perspective-correct barycentrics. Used
// for view visibility when texturing, the preview image, and by the
// evaluation harness to render synthetic photo sets.
#pragma once

#include "reconstruct/Camera.h"

#include <Eigen/Core>
#include <opencv2/core.hpp>
#include <vector>

namespace bitmarket::reconstruct {

struct RasterImage {
    cv::Mat1f depth;       // camera z, +inf where empty
    cv::Mat1i triangle;    // triangle index, -1 where empty
    cv::Mat2f barycentric; // weights of the triangle's 2nd and 3rd vertex
};

class Rasterizer {
public:
    static RasterImage render(const Camera& camera, const std::vector<Eigen::Vector3f>& positions,
                              const std::vector<Eigen::Vector3i>& triangles);
};

} // namespace bitmarket::reconstruct
