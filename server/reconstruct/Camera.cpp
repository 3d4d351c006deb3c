#include "reconstruct/Camera.h"

#include <Eigen/Dense>
#include <cmath>

namespace bitmarket::reconstruct {

Eigen::Vector3d Camera::backProject(double u, double v, double depth) const {
    const Eigen::Vector3d cam((u - cx) / fx * depth, (v - cy) / fy * depth, depth);
    return R.transpose() * (cam - t);
}

Camera Camera::lookingAt(const Eigen::Vector3d& eye, const Eigen::Vector3d& target, int width,
                         int height, double verticalFovDegrees) {
    const Eigen::Vector3d forward = (target - eye).normalized();
    const Eigen::Vector3d right = forward.cross(Eigen::Vector3d::UnitY()).normalized();
    const Eigen::Vector3d down = forward.cross(right);
    Camera c;
    c.width = width;
    c.height = height;
    c.R.row(0) = right.transpose();
    c.R.row(1) = down.transpose();
    c.R.row(2) = forward.transpose();
    c.t = -c.R * eye;
    c.fx = c.fy = 0.5 * height / std::tan(verticalFovDegrees * M_PI / 360.0);
    c.cx = (width - 1) / 2.0;
    c.cy = (height - 1) / 2.0;
    return c;
}

Camera Camera::scaled(double factor) const {
    Camera out = *this;
    out.width = int(std::lround(width * factor));
    out.height = int(std::lround(height * factor));
    // Pixel centres sit at +0.5, so principal points scale about the corner.
    out.fx = fx * factor;
    out.fy = fy * factor;
    out.cx = (cx + 0.5) * factor - 0.5;
    out.cy = (cy + 0.5) * factor - 0.5;
    return out;
}

Camera Camera::inFrame(const Eigen::Matrix3d& Q, double s, const Eigen::Vector3d& o) const {
    // x_cam = R x + t with x = Q^T (x' - o) / s; scaling camera space by s keeps
    // every projection unchanged, so depths come out in the new frame's units.
    Camera out = *this;
    out.R = R * Q.transpose();
    out.t = s * t - out.R * o;
    return out;
}

} // namespace bitmarket::reconstruct
