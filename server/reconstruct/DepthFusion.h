// Turns per-view depth maps into one oriented, coloured point cloud. A depth is
// kept only when enough neighbouring depth maps see the same surface there
// (geometric consistency), which removes most plane-sweep outliers.
#pragma once

#include "reconstruct/PlaneSweepStereo.h"

#include <Eigen/Core>
#include <vector>

namespace bitmarket::reconstruct {

struct OrientedPoints {
    std::vector<Eigen::Vector3d> positions;
    std::vector<Eigen::Vector3d> normals; // unit, facing the camera that saw the point
    std::vector<Eigen::Vector3d> colors;  // RGB 0..1
};

class DepthFusion {
public:
    DepthFusion(int minConsistentViews, double maxRelativeDepthError, int threads)
        : m_minConsistent(minConsistentViews), m_maxError(maxRelativeDepthError),
          m_threads(threads) {}

    OrientedPoints fuse(const std::vector<StereoView>& views, const std::vector<DepthMap>& maps,
                        const std::vector<std::vector<int>>& neighbours) const;

private:
    int m_minConsistent;
    double m_maxError;
    int m_threads;
};

} // namespace bitmarket::reconstruct
