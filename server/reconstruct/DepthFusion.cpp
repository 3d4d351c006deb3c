#include "reconstruct/DepthFusion.h"

#include "reconstruct/ParallelFor.h"

#include <Eigen/Geometry>
#include <cmath>

namespace bitmarket::reconstruct {

OrientedPoints DepthFusion::fuse(const std::vector<StereoView>& views,
                                 const std::vector<DepthMap>& maps,
                                 const std::vector<std::vector<int>>& neighbours) const {
    std::vector<OrientedPoints> perView(views.size());
    parallelFor(int(views.size()), m_threads, [&](int r) {
        const Camera& cam = views[r].camera;
        const cv::Mat1f& depth = maps[r].depth;
        OrientedPoints& out = perView[r];
        const int step = 2; // normals from a 2-pixel baseline are far less noisy
        for (int y = step; y < depth.rows - step; ++y) {
            for (int x = step; x < depth.cols - step; ++x) {
                const float d = depth(y, x);
                const float dx = depth(y, x + step), dy = depth(y + step, x);
                const float dxm = depth(y, x - step), dym = depth(y - step, x);
                if (d <= 0 || dx <= 0 || dy <= 0 || dxm <= 0 || dym <= 0) {
                    continue;
                }
                const Eigen::Vector3d X = cam.backProject(x, y, d);
                int consistent = 0;
                for (int j : neighbours[r]) {
                    const Camera& other = views[j].camera;
                    const Eigen::Vector3d c = other.toCamera(X);
                    if (c.z() <= 0) {
                        continue;
                    }
                    const Eigen::Vector2d p = other.project(c);
                    const int u = int(std::lround(p.x())), v = int(std::lround(p.y()));
                    if (u < 0 || v < 0 || u >= maps[j].depth.cols || v >= maps[j].depth.rows) {
                        continue;
                    }
                    const float dj = maps[j].depth(v, u);
                    if (dj > 0 && std::abs(dj - c.z()) < m_maxError * c.z()) {
                        ++consistent;
                    }
                }
                if (consistent < m_minConsistent) {
                    continue;
                }
                const Eigen::Vector3d tx =
                    cam.backProject(x + step, y, dx) - cam.backProject(x - step, y, dxm);
                const Eigen::Vector3d ty =
                    cam.backProject(x, y + step, dy) - cam.backProject(x, y - step, dym);
                Eigen::Vector3d n = tx.cross(ty);
                if (n.norm() <= 0) {
                    continue;
                }
                n.normalize();
                if (n.dot(cam.center() - X) < 0) {
                    n = -n;
                }
                const cv::Vec3b bgr = views[r].color(y, x);
                out.positions.push_back(X);
                out.normals.push_back(n);
                out.colors.emplace_back(bgr[2] / 255.0, bgr[1] / 255.0, bgr[0] / 255.0);
            }
        }
    });
    OrientedPoints all;
    for (auto& part : perView) {
        all.positions.insert(all.positions.end(), part.positions.begin(), part.positions.end());
        all.normals.insert(all.normals.end(), part.normals.begin(), part.normals.end());
        all.colors.insert(all.colors.end(), part.colors.begin(), part.colors.end());
    }
    return all;
}

} // namespace bitmarket::reconstruct
