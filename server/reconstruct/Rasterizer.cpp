#include "reconstruct/Rasterizer.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace bitmarket::reconstruct {

RasterImage Rasterizer::render(const Camera& camera, const std::vector<Eigen::Vector3f>& positions,
                               const std::vector<Eigen::Vector3i>& triangles) {
    const int W = camera.width, H = camera.height;
    RasterImage out;
    out.depth = cv::Mat1f(H, W, std::numeric_limits<float>::infinity());
    out.triangle = cv::Mat1i(H, W, -1);
    out.barycentric = cv::Mat2f(H, W, cv::Vec2f(0, 0));

    std::vector<Eigen::Vector3d> projected(positions.size()); // u, v, z
    for (std::size_t i = 0; i < positions.size(); ++i) {
        const Eigen::Vector3d c = camera.toCamera(positions[i].cast<double>());
        projected[i] = c.z() > 1e-9 ? Eigen::Vector3d(camera.fx * c.x() / c.z() + camera.cx,
                                                      camera.fy * c.y() / c.z() + camera.cy, c.z())
                                    : Eigen::Vector3d(0, 0, -1);
    }
    for (int t = 0; t < int(triangles.size()); ++t) {
        const Eigen::Vector3d& a = projected[triangles[t][0]];
        const Eigen::Vector3d& b = projected[triangles[t][1]];
        const Eigen::Vector3d& c = projected[triangles[t][2]];
        if (a.z() <= 0 || b.z() <= 0 || c.z() <= 0) {
            continue; // crosses the camera plane; scenes are built so this is rare
        }
        const double area = (b.x() - a.x()) * (c.y() - a.y()) - (b.y() - a.y()) * (c.x() - a.x());
        if (std::abs(area) < 1e-12) {
            continue;
        }
        const int x0 = std::max(0, int(std::ceil(std::min({a.x(), b.x(), c.x()}))));
        const int x1 = std::min(W - 1, int(std::floor(std::max({a.x(), b.x(), c.x()}))));
        const int y0 = std::max(0, int(std::ceil(std::min({a.y(), b.y(), c.y()}))));
        const int y1 = std::min(H - 1, int(std::floor(std::max({a.y(), b.y(), c.y()}))));
        for (int y = y0; y <= y1; ++y) {
            float* depthRow = out.depth.ptr<float>(y);
            for (int x = x0; x <= x1; ++x) {
                const double l1 =
                    ((x - a.x()) * (c.y() - a.y()) - (y - a.y()) * (c.x() - a.x())) / area;
                const double l2 =
                    ((b.x() - a.x()) * (y - a.y()) - (b.y() - a.y()) * (x - a.x())) / area;
                const double l0 = 1 - l1 - l2;
                if (l0 < 0 || l1 < 0 || l2 < 0) {
                    continue;
                }
                const double w0 = l0 / a.z(), w1 = l1 / b.z(), w2 = l2 / c.z();
                const double sum = w0 + w1 + w2;
                const float z = float(1.0 / sum);
                if (z < depthRow[x]) {
                    depthRow[x] = z;
                    out.triangle(y, x) = t;
                    out.barycentric(y, x) = cv::Vec2f(float(w1 / sum), float(w2 / sum));
                }
            }
        }
    }
    return out;
}

} // namespace bitmarket::reconstruct
