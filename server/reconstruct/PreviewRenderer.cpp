#include "reconstruct/PreviewRenderer.h"

#include "reconstruct/Rasterizer.h"

#include <Eigen/Geometry>
#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

namespace bitmarket::reconstruct {

cv::Mat3b PreviewRenderer::renderFrom(const TexturedMesh& mesh, const Camera& camera,
                                      const cv::Vec3b& background, bool shaded) {
    std::vector<Eigen::Vector3i> triangles(mesh.triangleCount());
    for (std::size_t t = 0; t < triangles.size(); ++t) {
        triangles[t] = Eigen::Vector3i(int(mesh.indices[3 * t]), int(mesh.indices[3 * t + 1]),
                                       int(mesh.indices[3 * t + 2]));
    }
    const RasterImage raster = Rasterizer::render(camera, mesh.positions, triangles);
    const Eigen::Vector3f light = Eigen::Vector3f(0.4f, 0.8f, 0.45f).normalized();
    const Eigen::Vector3f toCamera = camera.R.row(2).transpose().cast<float>() * -1.f;
    cv::Mat3b image(camera.height, camera.width, background);
    const cv::Mat3b& tex = mesh.texture;
    for (int y = 0; y < camera.height; ++y) {
        for (int x = 0; x < camera.width; ++x) {
            const int t = raster.triangle(y, x);
            if (t < 0) {
                continue;
            }
            const cv::Vec2f b = raster.barycentric(y, x);
            const float w[3] = {1 - b[0] - b[1], b[0], b[1]};
            Eigen::Vector2f uv = Eigen::Vector2f::Zero();
            Eigen::Vector3f n = Eigen::Vector3f::Zero();
            for (int k = 0; k < 3; ++k) {
                uv += w[k] * mesh.uvs[mesh.indices[3 * t + k]];
                n += w[k] * mesh.normals[mesh.indices[3 * t + k]];
            }
            const float u = std::clamp(uv.x() * tex.cols - 0.5f, 0.f, tex.cols - 1.001f);
            const float v = std::clamp(uv.y() * tex.rows - 0.5f, 0.f, tex.rows - 1.001f);
            const int u0 = int(u), v0 = int(v);
            const float fu = u - u0, fv = v - v0;
            const int u1 = std::min(u0 + 1, tex.cols - 1), v1 = std::min(v0 + 1, tex.rows - 1);
            float shade = 1.f;
            if (shaded) {
                n.normalize();
                if (n.dot(toCamera) < 0) {
                    n = -n;
                }
                shade = 0.62f + 0.45f * std::max(0.f, n.dot(light));
            }
            cv::Vec3b& out = image(y, x);
            for (int k = 0; k < 3; ++k) {
                const float c = (tex(v0, u0)[k] * (1 - fu) + tex(v0, u1)[k] * fu) * (1 - fv) +
                                (tex(v1, u0)[k] * (1 - fu) + tex(v1, u1)[k] * fu) * fv;
                out[k] = cv::saturate_cast<uchar>(c * shade);
            }
        }
    }
    return image;
}

cv::Mat3b PreviewRenderer::render(const TexturedMesh& mesh) const {
    Eigen::Vector3f lo = Eigen::Vector3f::Constant(1e30f), hi = -lo;
    for (const auto& p : mesh.positions) {
        lo = lo.cwiseMin(p);
        hi = hi.cwiseMax(p);
    }
    const Eigen::Vector3d centre = ((lo + hi) / 2).cast<double>();
    const double radius = std::max(1e-6, double((hi - lo).norm() / 2));
    const double fov = 35.0;
    const double distance = radius / std::sin(fov * M_PI / 360.0) * 1.05;
    // 3/4 view: 35 degrees round from the front, 25 degrees above.
    const double azimuth = 35.0 * M_PI / 180.0, elevation = 25.0 * M_PI / 180.0;
    const Eigen::Vector3d eye =
        centre + distance * Eigen::Vector3d(std::sin(azimuth) * std::cos(elevation),
                                            std::sin(elevation),
                                            std::cos(azimuth) * std::cos(elevation));
    const int supersample = 2;
    const Camera camera =
        Camera::lookingAt(eye, centre, m_size * supersample, m_size * supersample, fov);
    cv::Mat3b big = renderFrom(mesh, camera, cv::Vec3b(242, 240, 238), true);
    cv::Mat3b out;
    cv::resize(big, out, cv::Size(m_size, m_size), 0, 0, cv::INTER_AREA);
    return out;
}

} // namespace bitmarket::reconstruct
