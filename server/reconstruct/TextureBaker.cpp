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

// Where photo `source` sees surface point P with normal N, and how much it
// counts there (head-on and close counts most), or nothing when it does not.
struct Sight {
    Eigen::Vector2d pixel;
    double weight;
};

std::optional<Sight> sight(const Eigen::Vector3d& P, const Eigen::Vector3d& N,
                           const TextureSource& source, const VisibilityView& vis) {
    const Camera& cam = source.camera;
    const Eigen::Vector3d c = cam.toCamera(P);
    if (c.z() <= 0) {
        return std::nullopt;
    }
    const double facing = N.dot((cam.center() - P).normalized());
    if (facing <= 0.1) {
        return std::nullopt;
    }
    const Eigen::Vector2d q = vis.camera.project(c);
    const int qx = int(std::lround(q.x())), qy = int(std::lround(q.y()));
    if (qx < 0 || qy < 0 || qx >= vis.depth.cols || qy >= vis.depth.rows) {
        return std::nullopt;
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
        return std::nullopt; // something else is in front in this photo
    }
    const Eigen::Vector2d pix = cam.project(c);
    if (pix.x() < 0 || pix.y() < 0 || pix.x() > cam.width - 1 || pix.y() > cam.height - 1) {
        return std::nullopt;
    }
    const double closeness = cam.fx / c.z();
    return Sight{pix, std::pow(facing, 4) * closeness * closeness};
}

// The blend of every photo that sees surface point P with normal N, or
// nothing when none does.
std::optional<Eigen::Vector3f> blendedColour(const Eigen::Vector3d& P, const Eigen::Vector3d& N,
                                             const std::vector<TextureSource>& sources,
                                             const std::vector<VisibilityView>& visibility) {
    Eigen::Vector3f colour = Eigen::Vector3f::Zero();
    double weightSum = 0;
    for (std::size_t v = 0; v < sources.size(); ++v) {
        if (const auto seen = sight(P, N, sources[v], visibility[v])) {
            colour += float(seen->weight) *
                      sampleBilinear(sources[v].image, seen->pixel.x(), seen->pixel.y());
            weightSum += seen->weight;
        }
    }
    if (weightSum <= 0) {
        return std::nullopt;
    }
    return colour / float(weightSum);
}

// How sharp each photo is (variance of its Laplacian), relative to the
// sharpest: a shaken or out-of-focus photo should not texture a chart.
std::vector<double> relativeSharpness(const std::vector<TextureSource>& sources, int threads) {
    std::vector<double> sharpness(sources.size(), 0);
    parallelFor(int(sources.size()), threads, [&](int v) {
        cv::Mat gray, laplacian;
        cv::cvtColor(sources[v].image, gray, cv::COLOR_BGR2GRAY);
        cv::Laplacian(gray, laplacian, CV_32F);
        cv::Scalar mean, deviation;
        cv::meanStdDev(laplacian, mean, deviation);
        sharpness[v] = deviation[0] * deviation[0];
    });
    const double sharpest = *std::max_element(sharpness.begin(), sharpness.end());
    for (double& s : sharpness) {
        s = sharpest > 0 ? s / sharpest : 1;
    }
    return sharpness;
}

// The photo each chart is textured from: the one that sees most of it, most
// head-on, from closest (its triangles' area in that photo's pixels), and
// sharply. -1 when no photo sees any of it.
std::vector<int> bestViewOfCharts(const SurfaceMesh& mesh, const UvAtlas& atlas,
                                  const std::vector<TextureSource>& sources,
                                  const std::vector<VisibilityView>& visibility, int threads) {
    const std::vector<double> sharpness = relativeSharpness(sources, threads);
    std::vector<int> best(atlas.charts.size(), -1);
    parallelFor(int(atlas.charts.size()), threads, [&](int c) {
        std::vector<double> score(sources.size(), 0);
        for (int t : atlas.charts[c]) {
            const Eigen::Vector3i& tri = mesh.triangles[t];
            const Eigen::Vector3d a = mesh.positions[tri[0]].cast<double>();
            const Eigen::Vector3d b = mesh.positions[tri[1]].cast<double>();
            const Eigen::Vector3d d = mesh.positions[tri[2]].cast<double>();
            const Eigen::Vector3d normal = (b - a).cross(d - a);
            if (normal.norm() <= 0) {
                continue;
            }
            for (std::size_t v = 0; v < sources.size(); ++v) {
                if (!sight((a + b + d) / 3, normal.normalized(), sources[v], visibility[v])) {
                    continue;
                }
                const Camera& cam = sources[v].camera;
                const Eigen::Vector2d pa = cam.project(cam.toCamera(a));
                const Eigen::Vector2d pb = cam.project(cam.toCamera(b)) - pa;
                const Eigen::Vector2d pd = cam.project(cam.toCamera(d)) - pa;
                score[v] += 0.5 * std::abs(pb.x() * pd.y() - pb.y() * pd.x()) * sharpness[v];
            }
        }
        const auto top = std::max_element(score.begin(), score.end());
        if (top != score.end() && *top > 0) {
            best[c] = int(top - score.begin());
        }
    });
    return best;
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

// One chart's final texels. Where the chart's own photo sees the surface its
// colours are kept (sharp: one photo, no blending of slightly misaligned
// ones) with their low frequencies moved to the blend's, which runs on from
// chart to chart: the offset blend - photo, smoothed over the chart, is
// added, so charts from different photos meet in the same colour. Where only
// other photos see it, the blend; where none does, the chart's colours from
// around that place.
void levelChart(int chart, const cv::Rect& bounds, const cv::Mat1i& chartOf, const cv::Mat3b& blend,
                const cv::Mat1b& blendSeen, const cv::Mat3b& single, const cv::Mat1b& singleSeen,
                double sigma, cv::Mat3b& texture, cv::Mat1b& known) {
    const int pad = int(std::ceil(3 * sigma));
    const cv::Rect roi =
        cv::Rect(bounds.x - pad, bounds.y - pad, bounds.width + 2 * pad, bounds.height + 2 * pad) &
        cv::Rect(0, 0, texture.cols, texture.rows);
    cv::Mat3f offset(roi.size(), cv::Vec3f(0, 0, 0));
    cv::Mat1f weight(roi.size(), 0.f);
    cv::Vec3f offsetSum(0, 0, 0);
    double offsetCount = 0;
    for (int y = 0; y < roi.height; ++y) {
        for (int x = 0; x < roi.width; ++x) {
            const int ty = y + roi.y, tx = x + roi.x;
            if (chartOf(ty, tx) == chart && blendSeen(ty, tx) && singleSeen(ty, tx)) {
                offset(y, x) = cv::Vec3f(blend(ty, tx)) - cv::Vec3f(single(ty, tx));
                weight(y, x) = 1;
                offsetSum += offset(y, x);
                ++offsetCount;
            }
        }
    }
    const cv::Vec3f meanOffset =
        offsetCount > 0 ? cv::Vec3f(offsetSum / offsetCount) : cv::Vec3f(0, 0, 0);
    // Smoothed at a scale where sigma is two texels: the same field, a
    // fraction of the work.
    const double reduce = std::max(1.0, sigma / 2);
    const cv::Size small(std::max(1, int(std::lround(roi.width / reduce))),
                         std::max(1, int(std::lround(roi.height / reduce))));
    cv::Mat3f smallOffset;
    cv::Mat1f smallWeight;
    cv::resize(offset, smallOffset, small, 0, 0, cv::INTER_AREA);
    cv::resize(weight, smallWeight, small, 0, 0, cv::INTER_AREA);
    cv::GaussianBlur(smallOffset, smallOffset, cv::Size(0, 0), sigma / reduce);
    cv::GaussianBlur(smallWeight, smallWeight, cv::Size(0, 0), sigma / reduce);
    cv::resize(smallOffset, offset, roi.size(), 0, 0, cv::INTER_LINEAR);
    cv::resize(smallWeight, weight, roi.size(), 0, 0, cv::INTER_LINEAR);

    cv::Mat3f colour(roi.size(), cv::Vec3f(0, 0, 0));
    cv::Mat1f have(roi.size(), 0.f);
    bool holes = false, anything = false;
    for (int y = 0; y < roi.height; ++y) {
        for (int x = 0; x < roi.width; ++x) {
            const int ty = y + roi.y, tx = x + roi.x;
            if (chartOf(ty, tx) != chart) {
                continue;
            }
            if (singleSeen(ty, tx)) {
                const cv::Vec3f shift =
                    weight(y, x) > 1e-3f ? cv::Vec3f(offset(y, x) / weight(y, x)) : meanOffset;
                colour(y, x) = cv::Vec3f(single(ty, tx)) + shift;
            } else if (blendSeen(ty, tx)) {
                colour(y, x) = cv::Vec3f(blend(ty, tx));
            } else {
                holes = true;
                continue;
            }
            have(y, x) = 1;
            anything = true;
        }
    }
    if (!anything) {
        return; // no photo sees this chart: the gutter fill gives it its neighbours' colours
    }
    if (holes) {
        fillFromCoarser(colour, have);
    }
    for (int y = 0; y < roi.height; ++y) {
        for (int x = 0; x < roi.width; ++x) {
            const int ty = y + roi.y, tx = x + roi.x;
            if (chartOf(ty, tx) == chart) {
                const cv::Vec3f c = colour(y, x);
                texture(ty, tx) =
                    cv::Vec3b(cv::saturate_cast<uchar>(c[0]), cv::saturate_cast<uchar>(c[1]),
                              cv::saturate_cast<uchar>(c[2]));
                known(ty, tx) = 1;
            }
        }
    }
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

    const std::vector<int> chartView =
        bestViewOfCharts(mesh, atlas.value(), sources, visibility, m_threads);

    // Every texel whose centre lies on a triangle gets the blend of all photos
    // that see it and, where the chart's own photo sees it, that photo's
    // colour. Charts do not share texels, so they are baked in parallel.
    cv::Mat3b blend(T, T, cv::Vec3b(0, 0, 0)), single(T, T, cv::Vec3b(0, 0, 0));
    cv::Mat1b blendSeen(T, T, uchar(0)), singleSeen(T, T, uchar(0));
    cv::Mat1i chartOf(T, T, -1);
    std::vector<cv::Rect> chartBounds(atlas->charts.size());
    const auto toBytes = [](const Eigen::Vector3f& c) {
        return cv::Vec3b(cv::saturate_cast<uchar>(c[0]), cv::saturate_cast<uchar>(c[1]),
                         cv::saturate_cast<uchar>(c[2]));
    };
    parallelFor(int(atlas->charts.size()), m_threads, [&](int c) {
        int x0 = T, y0 = T, x1 = -1, y1 = -1;
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
                    N.normalize();
                    chartOf(y, x) = c;
                    x0 = std::min(x0, x), y0 = std::min(y0, y);
                    x1 = std::max(x1, x), y1 = std::max(y1, y);
                    if (const auto colour = blendedColour(P, N, sources, visibility)) {
                        blend(y, x) = toBytes(*colour);
                        blendSeen(y, x) = 1;
                    }
                    const int v = chartView[c];
                    if (v < 0) {
                        continue;
                    }
                    if (const auto seen = sight(P, N, sources[v], visibility[v])) {
                        single(y, x) = toBytes(
                            sampleBilinear(sources[v].image, seen->pixel.x(), seen->pixel.y()));
                        singleSeen(y, x) = 1;
                    }
                }
            }
        }
        chartBounds[c] = x1 < 0 ? cv::Rect() : cv::Rect(x0, y0, x1 - x0 + 1, y1 - y0 + 1);
    });

    cv::Mat3b texture(T, T, cv::Vec3b(0, 0, 0));
    cv::Mat1b known(T, T, uchar(0));
    const double levelling = std::max(2.0, T / 256.0);
    parallelFor(int(atlas->charts.size()), m_threads, [&](int c) {
        if (chartBounds[c].empty()) {
            return;
        }
        levelChart(c, chartBounds[c], chartOf, blend, blendSeen, single, singleSeen, levelling,
                   texture, known);
    });
    TexturedMesh out;
    out.texture = fillGutters(texture, known, kBorderRings);
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
