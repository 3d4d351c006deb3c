#include "reconstruct/TextureBaker.h"

#include "reconstruct/ParallelFor.h"
#include "reconstruct/Rasterizer.h"
#include "reconstruct/UvAtlasBuilder.h"

#include <Eigen/Geometry>
#include <algorithm>
#include <array>
#include <cmath>
#include <opencv2/imgproc.hpp>
#include <optional>

namespace bitmarket::reconstruct {
namespace {

// Free texels each chart keeps around itself, so two charts are at least two
// texels apart: bilinear filtering at full resolution then reads only a
// chart's own texels and its own first ring of extended border.
constexpr int kGutter = 1;
constexpr int kBorderRings = 2;

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

// The blend of every photo that sees surface point P with normal N, or
// nothing when none does.
std::optional<cv::Vec3b> photoColour(const Eigen::Vector3d& P, const Eigen::Vector3d& N,
                                     const std::vector<TextureSource>& sources,
                                     const std::vector<VisibilityView>& visibility) {
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
        if (pix.x() < 0 || pix.y() < 0 || pix.x() > cam.width - 1 || pix.y() > cam.height - 1) {
            continue;
        }
        const double closeness = cam.fx / c.z();
        const double w = std::pow(facing, 4) * closeness * closeness;
        colour += float(w) * sampleBilinear(sources[v].image, pix.x(), pix.y());
        weightSum += w;
    }
    if (weightSum <= 0) {
        return std::nullopt;
    }
    colour /= float(weightSum);
    return cv::Vec3b(cv::saturate_cast<uchar>(colour[0]), cv::saturate_cast<uchar>(colour[1]),
                     cv::saturate_cast<uchar>(colour[2]));
}

// Fills what is not known from ever coarser averages of what is (pull-push),
// so the space between charts holds their colours, not a background that
// mipmaps and JPEG blocks would smear into them.
void fillFromCoarser(cv::Mat3f& colour, const cv::Mat1f& known) {
    if (colour.rows <= 1 && colour.cols <= 1) {
        return;
    }
    const cv::Size half((colour.cols + 1) / 2, (colour.rows + 1) / 2);
    cv::Mat3f sum;
    cv::Mat1f weight;
    cv::resize(colour, sum, half, 0, 0, cv::INTER_AREA);
    cv::resize(known, weight, half, 0, 0, cv::INTER_AREA);
    cv::Mat3f coarse(half, cv::Vec3f(0, 0, 0));
    cv::Mat1f coarseKnown(half, 0.f);
    for (int y = 0; y < half.height; ++y) {
        for (int x = 0; x < half.width; ++x) {
            if (weight(y, x) > 0) {
                coarse(y, x) = sum(y, x) / weight(y, x);
                coarseKnown(y, x) = 1;
            }
        }
    }
    fillFromCoarser(coarse, coarseKnown);
    cv::Mat3f up;
    cv::resize(coarse, up, colour.size(), 0, 0, cv::INTER_LINEAR);
    up.copyTo(colour, known == 0);
}

// Extends every chart by `rings` texels with the mean of its known
// neighbours, so bilinear samples on a chart's border read the chart's own
// colours, then fills the rest of the gutters.
cv::Mat3b fillGutters(const cv::Mat3b& texture, const cv::Mat1b& covered, int rings) {
    cv::Mat3f colour;
    texture.convertTo(colour, CV_32F);
    cv::Mat1f known;
    covered.convertTo(known, CV_32F);
    colour.setTo(cv::Scalar::all(0), covered == 0);
    for (int ring = 0; ring < rings; ++ring) {
        cv::Mat3f sum;
        cv::Mat1f count;
        cv::boxFilter(colour, sum, -1, cv::Size(3, 3), cv::Point(-1, -1), false,
                      cv::BORDER_CONSTANT);
        cv::boxFilter(known, count, -1, cv::Size(3, 3), cv::Point(-1, -1), false,
                      cv::BORDER_CONSTANT);
        for (int y = 0; y < colour.rows; ++y) {
            for (int x = 0; x < colour.cols; ++x) {
                if (known(y, x) == 0 && count(y, x) > 0) {
                    colour(y, x) = sum(y, x) / count(y, x);
                    known(y, x) = 1;
                }
            }
        }
    }
    fillFromCoarser(colour, known);
    cv::Mat3b out;
    colour.convertTo(out, CV_8U);
    return out;
}

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
    const int T = m_textureSize;
    auto atlas = UvAtlasBuilder(T, kGutter).build(mesh);
    if (!atlas) {
        return Failure{atlas.error()};
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

    // Every texel whose centre lies on a triangle; charts do not share texels,
    // so they can be baked in parallel. Texels no photo sees stay grey.
    cv::Mat3b texture(T, T, cv::Vec3b(128, 128, 128));
    cv::Mat1b covered(T, T, uchar(0));
    parallelFor(int(atlas->charts.size()), m_threads, [&](int c) {
        for (int t : atlas->charts[c]) {
            const Eigen::Vector3i& tri = atlas->triangles[t];
            const Eigen::Vector2d a = atlas->texel[tri[0]].cast<double>();
            const Eigen::Vector2d e1 = atlas->texel[tri[1]].cast<double>() - a;
            const Eigen::Vector2d e2 = atlas->texel[tri[2]].cast<double>() - a;
            const double det = e1.x() * e2.y() - e1.y() * e2.x();
            if (std::abs(det) < 1e-12) {
                continue;
            }
            const Eigen::Vector2d lo = a.cwiseMin(a + e1).cwiseMin(a + e2);
            const Eigen::Vector2d hi = a.cwiseMax(a + e1).cwiseMax(a + e2);
            for (int y = std::max(0, int(lo.y())); y <= std::min(T - 1, int(hi.y())); ++y) {
                for (int x = std::max(0, int(lo.x())); x <= std::min(T - 1, int(hi.x())); ++x) {
                    const Eigen::Vector2d p = Eigen::Vector2d(x + 0.5, y + 0.5) - a;
                    const double b1 = (p.x() * e2.y() - p.y() * e2.x()) / det;
                    const double b2 = (e1.x() * p.y() - e1.y() * p.x()) / det;
                    const double b0 = 1 - b1 - b2;
                    if (b0 < -1e-6 || b1 < -1e-6 || b2 < -1e-6) {
                        continue;
                    }
                    const std::array<double, 3> b{b0, b1, b2};
                    Eigen::Vector3d P = Eigen::Vector3d::Zero(), N = Eigen::Vector3d::Zero();
                    for (int k = 0; k < 3; ++k) {
                        const int v = atlas->surfaceVertex[tri[k]];
                        P += b[k] * mesh.positions[v].cast<double>();
                        N += b[k] * normals[v].cast<double>();
                    }
                    if (const auto colour = photoColour(P, N.normalized(), sources, visibility)) {
                        texture(y, x) = *colour;
                    }
                    covered(y, x) = 1;
                }
            }
        }
    });

    TexturedMesh out;
    out.texture = fillGutters(texture, covered, kBorderRings);
    const std::size_t vertices = atlas->surfaceVertex.size();
    out.positions.resize(vertices);
    out.normals.resize(vertices);
    out.uvs.resize(vertices);
    for (std::size_t i = 0; i < vertices; ++i) {
        out.positions[i] = mesh.positions[atlas->surfaceVertex[i]];
        out.normals[i] = normals[atlas->surfaceVertex[i]];
        out.uvs[i] = atlas->texel[i] / float(T);
    }
    out.indices.reserve(3 * atlas->triangles.size());
    for (const Eigen::Vector3i& tri : atlas->triangles) {
        for (int k = 0; k < 3; ++k) {
            out.indices.push_back(std::uint32_t(tri[k]));
        }
    }
    return out;
}

} // namespace bitmarket::reconstruct
