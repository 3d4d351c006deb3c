#include "reconstruct/UvAtlasBuilder.h"

#include <Eigen/Eigenvalues>
#include <Eigen/Geometry>
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <opencv2/imgproc.hpp>

namespace bitmarket::reconstruct {
namespace {

// A triangle joins a chart while it is within about 53 degrees of the chart's
// mean direction: the projection then shrinks it by at most 40% one way, and
// every triangle keeps its winding, so a chart never folds over itself.
constexpr float kMinFacing = 0.6f;
// Charts stop growing at this share of the surface: many mid-sized charts
// pack far tighter than a few big sprawling ones.
constexpr double kMaxChartShare = 1.0 / 64;

struct FlatChart {
    std::vector<int> triangles;
    Eigen::Vector3f u, v;   // projection basis, surface units
    Eigen::Vector2f lo;     // smallest projected coordinates
    Eigen::Vector2f extent; // projected size, extent.x() >= extent.y()
    float area = 0;         // projected, surface units squared
};

// The triangles across each edge; -1 on a border or where more than two
// triangles meet.
std::vector<std::array<int, 3>> edgeNeighbours(const SurfaceMesh& mesh) {
    const int n = int(mesh.triangles.size());
    std::vector<std::pair<std::uint64_t, int>> edges;
    edges.reserve(3 * n);
    for (int t = 0; t < n; ++t) {
        for (int k = 0; k < 3; ++k) {
            const auto a = std::uint32_t(mesh.triangles[t][k]);
            const auto b = std::uint32_t(mesh.triangles[t][(k + 1) % 3]);
            edges.emplace_back(std::uint64_t(std::min(a, b)) << 32 | std::max(a, b), 3 * t + k);
        }
    }
    std::sort(edges.begin(), edges.end());
    std::vector<std::array<int, 3>> neighbours(n, {-1, -1, -1});
    for (std::size_t i = 0; i < edges.size();) {
        std::size_t j = i;
        while (j < edges.size() && edges[j].first == edges[i].first) {
            ++j;
        }
        if (j - i == 2) {
            const int a = edges[i].second, b = edges[i + 1].second;
            neighbours[a / 3][a % 3] = b / 3;
            neighbours[b / 3][b % 3] = a / 3;
        }
        i = j;
    }
    return neighbours;
}

// Grows charts breadth-first from the largest unassigned triangle, following
// the chart's area-weighted mean normal, up to kMaxChartShare of the surface.
// Degenerate triangles have no normal and join whichever chart reaches them
// first.
std::vector<std::vector<int>> growCharts(const SurfaceMesh& mesh) {
    const int n = int(mesh.triangles.size());
    std::vector<Eigen::Vector3f> areaNormal(n);
    for (int t = 0; t < n; ++t) {
        const auto& tri = mesh.triangles[t];
        areaNormal[t] = (mesh.positions[tri[1]] - mesh.positions[tri[0]])
                            .cross(mesh.positions[tri[2]] - mesh.positions[tri[0]]);
    }
    std::vector<int> seeds(n);
    std::iota(seeds.begin(), seeds.end(), 0);
    std::stable_sort(seeds.begin(), seeds.end(), [&](int a, int b) {
        return areaNormal[a].squaredNorm() > areaNormal[b].squaredNorm();
    });
    double totalArea = 0;
    for (const auto& n : areaNormal) {
        totalArea += n.norm();
    }
    const float maxChartArea = float(totalArea * kMaxChartShare);
    const auto neighbours = edgeNeighbours(mesh);
    std::vector<int> chartOf(n, -1);
    std::vector<std::vector<int>> charts;
    std::vector<Eigen::Vector3f> chartNormal;
    for (int seed : seeds) {
        if (chartOf[seed] >= 0) {
            continue;
        }
        const int id = int(charts.size());
        std::vector<int> members{seed};
        chartOf[seed] = id;
        Eigen::Vector3f sum = areaNormal[seed];
        float chartArea = areaNormal[seed].norm();
        for (std::size_t head = 0; head < members.size() && chartArea < maxChartArea; ++head) {
            const Eigen::Vector3f axis = sum.normalized();
            for (int next : neighbours[members[head]]) {
                if (next < 0 || chartOf[next] >= 0) {
                    continue;
                }
                const float area = areaNormal[next].norm();
                if (area > 0 && areaNormal[next].dot(axis) < kMinFacing * area) {
                    continue;
                }
                chartOf[next] = id;
                members.push_back(next);
                sum += areaNormal[next];
                chartArea += area;
            }
        }
        charts.push_back(std::move(members));
        chartNormal.push_back(sum);
    }
    // A triangle whose neighbours mostly belong to another chart it also
    // faces moves there: straighter borders, shorter seams, tighter packing.
    for (int pass = 0; pass < 2; ++pass) {
        for (int t = 0; t < n; ++t) {
            for (int next : neighbours[t]) {
                const int other = next < 0 ? chartOf[t] : chartOf[next];
                const auto votes =
                    std::count_if(neighbours[t].begin(), neighbours[t].end(),
                                  [&](int m) { return m >= 0 && chartOf[m] == other; });
                if (other == chartOf[t] || votes < 2 ||
                    areaNormal[t].dot(chartNormal[other].normalized()) <
                        kMinFacing * areaNormal[t].norm()) {
                    continue;
                }
                chartNormal[chartOf[t]] -= areaNormal[t];
                chartNormal[other] += areaNormal[t];
                chartOf[t] = other;
                break;
            }
        }
    }
    for (auto& chart : charts) {
        chart.clear();
    }
    for (int t = 0; t < n; ++t) {
        charts[chartOf[t]].push_back(t);
    }
    std::erase_if(charts, [](const std::vector<int>& chart) { return chart.empty(); });
    return charts;
}

// Projects a chart onto the plane it faces, turned so that its longer side
// runs along x (low, wide pieces settle flat on the packing skyline).
FlatChart flatten(const SurfaceMesh& mesh, std::vector<int> triangles) {
    Eigen::Vector3f sum = Eigen::Vector3f::Zero();
    for (int t : triangles) {
        const auto& tri = mesh.triangles[t];
        sum += (mesh.positions[tri[1]] - mesh.positions[tri[0]])
                   .cross(mesh.positions[tri[2]] - mesh.positions[tri[0]]);
    }
    const Eigen::Vector3f axis = sum.norm() > 0 ? sum.normalized() : Eigen::Vector3f::UnitZ();
    const Eigen::Vector3f u0 = axis.unitOrthogonal(), v0 = axis.cross(u0);
    Eigen::Vector2f mean = Eigen::Vector2f::Zero();
    Eigen::Matrix2f scatter = Eigen::Matrix2f::Zero();
    for (int t : triangles) {
        for (int k = 0; k < 3; ++k) {
            const Eigen::Vector3f& p = mesh.positions[mesh.triangles[t][k]];
            const Eigen::Vector2f q(p.dot(u0), p.dot(v0));
            mean += q;
            scatter += q * q.transpose();
        }
    }
    const float corners = 3.f * float(triangles.size());
    mean /= corners;
    scatter = scatter / corners - mean * mean.transpose();
    const Eigen::Vector2f along =
        Eigen::SelfAdjointEigenSolver<Eigen::Matrix2f>(scatter).eigenvectors().col(1);

    FlatChart chart;
    chart.u = (along.x() * u0 + along.y() * v0).normalized();
    chart.v = axis.cross(chart.u);
    Eigen::Vector2f lo, hi;
    const auto measure = [&] {
        lo = Eigen::Vector2f::Constant(1e30f);
        hi = -lo;
        for (int t : triangles) {
            for (int k = 0; k < 3; ++k) {
                const Eigen::Vector3f& p = mesh.positions[mesh.triangles[t][k]];
                const Eigen::Vector2f q(p.dot(chart.u), p.dot(chart.v));
                lo = lo.cwiseMin(q);
                hi = hi.cwiseMax(q);
            }
        }
    };
    measure();
    if (hi.y() - lo.y() > hi.x() - lo.x()) { // quarter turn
        const Eigen::Vector3f u = chart.v;
        chart.v = -chart.u;
        chart.u = u;
        measure();
    }
    chart.lo = lo;
    chart.extent = hi - lo;
    chart.area = 0.5f * sum.dot(axis);
    chart.triangles = std::move(triangles);
    return chart;
}

// The rows a chart and its gutter take up in each of their texel columns, at
// `scale` texels per surface unit: top[c] <= row < bottom[c] (top is the
// height and bottom 0 for an empty column).
struct Silhouette {
    std::vector<int> top, bottom;
    int height = 0;
};

Silhouette silhouette(const SurfaceMesh& mesh, const FlatChart& chart, double scale, int gutter) {
    const int w = int(std::ceil(chart.extent.x() * scale)) + 2 * gutter;
    const int h = int(std::ceil(chart.extent.y() * scale)) + 2 * gutter;
    cv::Mat1b mask(h, w, uchar(0));
    // OpenCV puts pixel centres on integers, texels have theirs at +0.5.
    constexpr int kSubpixelBits = 4;
    const double unit = scale * (1 << kSubpixelBits);
    const double offset = (gutter - 0.5) * (1 << kSubpixelBits);
    for (int t : chart.triangles) {
        std::array<cv::Point, 3> corners;
        for (int k = 0; k < 3; ++k) {
            const Eigen::Vector3f& p = mesh.positions[mesh.triangles[t][k]];
            corners[k] =
                cv::Point(int(std::lround((p.dot(chart.u) - chart.lo.x()) * unit + offset)),
                          int(std::lround((p.dot(chart.v) - chart.lo.y()) * unit + offset)));
        }
        cv::fillConvexPoly(mask, corners.data(), 3, cv::Scalar(255), cv::LINE_8, kSubpixelBits);
    }
    cv::dilate(mask, mask,
               cv::getStructuringElement(cv::MORPH_RECT, cv::Size(2 * gutter + 1, 2 * gutter + 1)));
    Silhouette shape;
    shape.top.assign(w, h);
    shape.bottom.assign(w, 0);
    shape.height = h;
    for (int x = 0; x < w; ++x) {
        for (int y = 0; y < h; ++y) {
            if (mask(y, x)) {
                shape.top[x] = std::min(shape.top[x], y);
                shape.bottom[x] = y + 1;
            }
        }
    }
    return shape;
}

} // namespace

Expected<UvAtlas> UvAtlasBuilder::build(const SurfaceMesh& mesh) const {
    if (mesh.triangles.empty()) {
        return Failure{"no triangles to lay out"};
    }
    std::vector<FlatChart> charts;
    for (auto& triangles : growCharts(mesh)) {
        charts.push_back(flatten(mesh, std::move(triangles)));
    }

    // Charts drop into the texture one by one, biggest first, like Tetris
    // pieces: each goes to the column where its top edge meets the packed
    // skyline lowest. The texel density is the largest at which all fit.
    std::vector<int> order(charts.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](int a, int b) { return charts[a].area > charts[b].area; });
    const int T = m_textureSize;
    std::vector<Eigen::Vector2i> origin(charts.size());
    const auto pack = [&](double scale) {
        std::vector<int> skyline(T, 0);
        for (int i : order) {
            if (std::ceil(charts[i].extent.x() * scale) + 2 * m_gutter > T) {
                return false; // checked before rasterizing a silhouette that large
            }
            const Silhouette shape = silhouette(mesh, charts[i], scale, m_gutter);
            const int w = int(shape.top.size());
            int bestX = 0, bestY = T;
            for (int x = 0; x + w <= T; ++x) {
                int y = 0;
                for (int c = 0; c < w && y < bestY; ++c) {
                    y = std::max(y, skyline[x + c] - shape.top[c]);
                }
                if (y < bestY) {
                    bestX = x;
                    bestY = y;
                }
            }
            if (bestY + shape.height > T) {
                return false;
            }
            for (int c = 0; c < w; ++c) {
                if (shape.bottom[c] > 0) {
                    skyline[bestX + c] = bestY + shape.bottom[c];
                }
            }
            origin[i] = Eigen::Vector2i(bestX, bestY);
        }
        return true;
    };
    double area = 0;
    for (const auto& chart : charts) {
        area += chart.area;
    }
    double fails = T / std::sqrt(std::max(area, 1e-30)), fits = fails / 2;
    while (!pack(fits)) {
        fails = fits;
        fits /= 2;
        if (fits * std::sqrt(area) < 1) {
            return Failure{"texture atlas too small for the surface's charts"};
        }
    }
    for (int step = 0; step < 10; ++step) {
        const double middle = std::sqrt(fits * fails);
        (pack(middle) ? fits : fails) = middle;
    }
    pack(fits);

    UvAtlas atlas;
    atlas.triangles.resize(mesh.triangles.size());
    std::vector<int> atlasVertex(mesh.positions.size(), -1);
    for (std::size_t c = 0; c < charts.size(); ++c) {
        const FlatChart& chart = charts[c];
        const Eigen::Vector2f corner =
            (origin[c] + Eigen::Vector2i::Constant(m_gutter)).cast<float>();
        for (int t : chart.triangles) {
            for (int k = 0; k < 3; ++k) {
                const int v = mesh.triangles[t][k];
                if (atlasVertex[v] < 0) {
                    const Eigen::Vector3f& p = mesh.positions[v];
                    atlasVertex[v] = int(atlas.surfaceVertex.size());
                    atlas.surfaceVertex.push_back(v);
                    atlas.texel.push_back(
                        corner +
                        float(fits) * (Eigen::Vector2f(p.dot(chart.u), p.dot(chart.v)) - chart.lo));
                }
                atlas.triangles[t][k] = atlasVertex[v];
            }
        }
        for (int t : chart.triangles) { // the next chart makes its own copies
            for (int k = 0; k < 3; ++k) {
                atlasVertex[mesh.triangles[t][k]] = -1;
            }
        }
        atlas.charts.push_back(chart.triangles);
    }
    return atlas;
}

} // namespace bitmarket::reconstruct
