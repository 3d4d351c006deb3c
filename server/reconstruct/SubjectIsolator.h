// Keeps the item and drops the room: finds the support plane (table or floor)
// among the fused points, turns the world so that plane is horizontal with +Y
// up, and keeps the cluster of points standing on it that the cameras circle,
// down to where it touches the support.
#pragma once

#include "reconstruct/Camera.h"
#include "reconstruct/DepthFusion.h"

#include <Eigen/Core>
#include <vector>

namespace open3d::geometry {
class PointCloud;
}

namespace bitmarket::reconstruct {

struct UprightFrame {
    // x_upright = rotation * (x_sfm - origin); y is height above the support.
    Eigen::Matrix3d rotation = Eigen::Matrix3d::Identity();
    Eigen::Vector3d origin = Eigen::Vector3d::Zero();
    bool supportPlaneFound = false;
    double sceneScale = 1; // median camera distance to what they look at, SfM units

    Eigen::Vector3d apply(const Eigen::Vector3d& x) const { return rotation * (x - origin); }
};

struct Subject {
    UprightFrame frame;
    OrientedPoints points; // in the upright frame
};

class SubjectIsolator {
public:
    Subject isolate(const OrientedPoints& scene, const std::vector<Camera>& cameras) const;

    // The point closest to every camera's optical axis: what the seller circled.
    static Eigen::Vector3d focusPoint(const std::vector<Camera>& cameras);

private:
    static void growDownToTheSupport(const open3d::geometry::PointCloud& fine,
                                     const std::vector<std::size_t>& low, const Eigen::Vector3d& up,
                                     double planeOffset, double cutHeight, double reach,
                                     OrientedPoints& kept);
};

} // namespace bitmarket::reconstruct
