// What structure from motion tells us: registered views and sparse 3D points.
#pragma once

#include "reconstruct/Camera.h"

#include <Eigen/Core>
#include <vector>

namespace bitmarket::reconstruct {

struct SparseView {
    int photoIndex = -1;       // into the loaded photo list
    Camera camera;             // at the SfM image size, distortion removed below
    double radialK1 = 0;       // COLMAP SIMPLE_RADIAL distortion of the SfM image
    std::vector<int> pointIds; // sparse points this view observes
};

struct SparseModel {
    std::vector<SparseView> views;
    std::vector<Eigen::Vector3d> points;
};

} // namespace bitmarket::reconstruct
