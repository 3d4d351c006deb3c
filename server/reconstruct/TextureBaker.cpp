#include "reconstruct/TextureBaker.h"

#include "reconstruct/ParallelFor.h"
#include "reconstruct/Rasterizer.h"

#include <Eigen/Geometry>
#include <algorithm>
#include <array>
#include <cmath>

namespace bitmarket::reconstruct {
namespace {

Eigen::Vector3f sampleBilinear(const cv::Mat3b& image, double x, double y) {
    const int x0 = std::clamp(int(std::floor(x)), 0, image.cols - 2);
    const int y0 = std::clamp(int(std::floor(y)), 0, image.rows - 2);
    const float fx = float(std::clamp(x - x0, 0.0, 1.0)), fy = float(std::clamp(y - y0, 0.0, 1.0));
    const cv::Vec3b a = image(y0, x0), b = image(y0, x0 + 1), c = image(y0 + 1, x0),
                    d = image(y0 + 1, x0 + 1);
    Eigen::Vector3f out;
    for (int k = 0; k < 3; ++k) {
        out[k] = (a[k] * (1 - fx) + b[k] * fx) * (1 - fy) + (c[k] * (1 - fx) + d[k] * fx) * fy;
    }
    return out;
}

struct VisibilityView {
    Camera camera; // at visibility resolution
    cv::Mat1f depth;
};

} // namespace

std::vector<Eigen::Vector3f> TextureBaker::vertexNormals(const SurfaceMesh& mesh) {
    std::vector<Eigen::Vector3f> normals(mesh.positions.size(), Eigen::Vector3f::Zero());
    for (const auto& t : mesh.triangles) {
        const Eigen::Vector3f n = (mesh.positions[t[1]] - mesh.positions[t[0]])
                                      .cross(mesh.positions[t[2]] - mesh.positions[t[0]]);
        for (int k = 0; k < 3; ++k) {
            normals[t[k]] += n; // area weighted
        }
    }
    for (auto& n : normals) {
        const float len = n.norm();
        n = len > 0 ? Eigen::Vector3f(n / len) : Eigen::Vector3f(0, 1, 0);
    }
    return normals;
}

Expected<TexturedMesh> TextureBaker::bake(const SurfaceMesh& mesh,
                                          const std::vector<TextureSource>& sources) const {
    const int triangles = int(mesh.triangles.size());
    const int T = m_textureSize;
    const int cells = (triangles + 1) / 2;
    const int grid = int(std::ceil(std::sqrt(double(cells))));
    const int cell = T / std::max(1, grid);
    if (cell < 5) {
        return Failure{"texture atlas too small for the triangle count"};
    }

    std::vector<VisibilityView> visibility(sources.size());
    parallelFor(int(sources.size()), m_threads, [&](int i) {
        const Camera& c = sources[i].camera;
        const double s = std::min(1.0, double(m_visibilityMaxSide) / std::max(c.width, c.height));
        visibility[i].camera = c.scaled(s);
        visibility[i].depth =
            Rasterizer::render(visibility[i].camera, mesh.positions, mesh.triangles).depth;
    });
    const std::vector<Eigen::Vector3f> normals = vertexNormals(mesh);

    TexturedMesh out;
    out.texture = cv::Mat3b(T, T, cv::Vec3b(128, 128, 128));
    out.positions.resize(3 * triangles);
    out.normals.resize(3 * triangles);
    out.uvs.resize(3 * triangles);
    out.indices.resize(3 * triangles);

    // Corners of the two triangles in a cell, in texel units; the hypotenuses
    // are two texels apart so filtering never blends the pair.
    const std::array<std::array<Eigen::Vector2d, 3>, 2> corners{{
        {Eigen::Vector2d(1, 1), Eigen::Vector2d(cell - 2, 1), Eigen::Vector2d(1, cell - 2)},
        {Eigen::Vector2d(cell - 1, 2), Eigen::Vector2d(cell - 1, cell - 1),
         Eigen::Vector2d(2, cell - 1)},
    }};

    parallelFor(triangles, m_threads, [&](int t) {
        const int half = t % 2;
        const int cellIndex = t / 2;
        const Eigen::Vector2d origin((cellIndex % grid) * cell, (cellIndex / grid) * cell);
        const auto& tri = mesh.triangles[t];
        const auto& uv = corners[half];
        for (int k = 0; k < 3; ++k) {
            out.positions[3 * t + k] = mesh.positions[tri[k]];
            out.normals[3 * t + k] = normals[tri[k]];
            out.uvs[3 * t + k] = ((origin + uv[k]) / T).cast<float>();
            out.indices[3 * t + k] = std::uint32_t(3 * t + k);
        }
        const Eigen::Vector2d e1 = uv[1] - uv[0], e2 = uv[2] - uv[0];
        const double det = e1.x() * e2.y() - e1.y() * e2.x();
        for (int y = 0; y < cell; ++y) {
            for (int x = 0; x < cell; ++x) {
                const bool lower = x + y + 1 < cell;
                if (lower != (half == 0)) {
                    continue;
                }
                const Eigen::Vector2d p = Eigen::Vector2d(x + 0.5, y + 0.5) - uv[0];
                const double b1 = (p.x() * e2.y() - p.y() * e2.x()) / det;
                const double b2 = (e1.x() * p.y() - e1.y() * p.x()) / det;
                const double b0 = 1 - b1 - b2;
                const Eigen::Vector3d P = (b0 * mesh.positions[tri[0]].cast<double>() +
                                           b1 * mesh.positions[tri[1]].cast<double>() +
                                           b2 * mesh.positions[tri[2]].cast<double>());
                const Eigen::Vector3d N =
                    (b0 * normals[tri[0]] + b1 * normals[tri[1]] + b2 * normals[tri[2]])
                        .cast<double>()
                        .normalized();
                Eigen::Vector3f colour = Eigen::Vector3f::Zero();
                double weightSum = 0;
                for (std::size_t v = 0; v < sources.size(); ++v) {
                    const Camera& cam = sources[v].camera;
                    const Eigen::Vector3d c = cam.toCamera(P);
                    if (c.z() <= 0) {
                        continue;
                    }
                    const double facing = N.dot((cam.center() - P).normalized());
                    if (facing <= 0.1) {
                        continue;
                    }
                    const VisibilityView& vis = visibility[v];
                    const Eigen::Vector2d q = vis.camera.project(c);
                    const int qx = int(std::lround(q.x())), qy = int(std::lround(q.y()));
                    if (qx < 0 || qy < 0 || qx >= vis.depth.cols || qy >= vis.depth.rows) {
                        continue;
                    }
                    float nearest = vis.depth(qy, qx);
                    for (int dy = -1; dy <= 1; ++dy) {
                        for (int dx = -1; dx <= 1; ++dx) {
                            const int sx = std::clamp(qx + dx, 0, vis.depth.cols - 1);
                            const int sy = std::clamp(qy + dy, 0, vis.depth.rows - 1);
                            nearest = std::min(nearest, vis.depth(sy, sx));
                        }
                    }
                    if (c.z() > nearest * 1.01 + 1e-4) {
                        continue; // something else is in front in this photo
                    }
                    const Eigen::Vector2d pix = cam.project(c);
                    if (pix.x() < 0 || pix.y() < 0 || pix.x() > cam.width - 1 ||
                        pix.y() > cam.height - 1) {
                        continue;
                    }
                    const double closeness = cam.fx / c.z();
                    const double w = std::pow(facing, 4) * closeness * closeness;
                    colour += float(w) * sampleBilinear(sources[v].image, pix.x(), pix.y());
                    weightSum += w;
                }
                if (weightSum > 0) {
                    colour /= float(weightSum);
                    out.texture(int(origin.y()) + y, int(origin.x()) + x) = cv::Vec3b(
                        cv::saturate_cast<uchar>(colour[0]), cv::saturate_cast<uchar>(colour[1]),
                        cv::saturate_cast<uchar>(colour[2]));
                }
            }
        }
    });
    return out;
}

} // namespace bitmarket::reconstruct
