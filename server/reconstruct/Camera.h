// A calibrated pinhole view: x_cam = R * x_world + t, pixel = K * x_cam / z.
#pragma once

#include <Eigen/Core>
#include <string>

namespace bitmarket::reconstruct {

struct Camera {
    std::string image;
    int width = 0;
    int height = 0;
    double fx = 0, fy = 0, cx = 0, cy = 0;
    Eigen::Matrix3d R = Eigen::Matrix3d::Identity();
    Eigen::Vector3d t = Eigen::Vector3d::Zero();

    Eigen::Vector3d center() const { return -R.transpose() * t; }
    Eigen::Vector3d viewDirection() const { return R.row(2).transpose(); }
    Eigen::Vector3d toCamera(const Eigen::Vector3d& world) const { return R * world + t; }
    Eigen::Vector2d project(const Eigen::Vector3d& cam) const {
        return {fx * cam.x() / cam.z() + cx, fy * cam.y() / cam.z() + cy};
    }
    Eigen::Vector3d backProject(double u, double v, double depth) const;

    // A camera at `eye` looking at `target` with the world's +Y up in the image.
    static Camera lookingAt(const Eigen::Vector3d& eye, const Eigen::Vector3d& target, int width,
                            int height, double verticalFovDegrees);

    // The same view with intrinsics for an image scaled by `factor`.
    Camera scaled(double factor) const;
    // The same view after the world is mapped by x' = s * Q * x + o.
    Camera inFrame(const Eigen::Matrix3d& Q, double s, const Eigen::Vector3d& o) const;
};

} // namespace bitmarket::reconstruct
