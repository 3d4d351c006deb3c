#include "reconstruct/SurfaceMesher.h"

#include <algorithm>
#include <open3d/geometry/KDTreeSearchParam.h>
#include <open3d/geometry/PointCloud.h>
#include <open3d/geometry/TriangleMesh.h>

namespace bitmarket::reconstruct {
namespace {

// A connected piece of the surface is kept when its area is at least this
// share of the largest piece's.
constexpr double kKeptPieceShare = 0.05;

} // namespace

Expected<SurfaceMesh> SurfaceMesher::mesh(const OrientedPoints& points) const {
    if (points.positions.size() < 200) {
        return Failure{"too few dense points on the subject to build a surface"};
    }
    open3d::geometry::PointCloud fused;
    fused.points_ = points.positions;
    fused.normals_ = points.normals;
    // Stray depths that survived the consistency check make Poisson bubbles.
    auto [inliers, kept] = fused.RemoveStatisticalOutliers(16, 2.0);
    open3d::geometry::PointCloud& cloud = *inliers;
    const std::vector<Eigen::Vector3d> sensed = cloud.normals_;
    // Fused depth-map normals are noisy but correctly oriented; a local plane
    // fit is smooth but has no sign. Take the fit, keep the sign.
    cloud.EstimateNormals(open3d::geometry::KDTreeSearchParamKNN(24));
    for (std::size_t i = 0; i < cloud.points_.size(); ++i) {
        if (cloud.normals_[i].dot(sensed[i]) < 0) {
            cloud.normals_[i] = -cloud.normals_[i];
        }
    }
    Eigen::Vector3d lo = cloud.GetMinBound(), hi = cloud.GetMaxBound();

    auto [poisson, densities] = open3d::geometry::TriangleMesh::CreateFromPointCloudPoisson(
        cloud, m_settings.poissonDepth, 0.f, 1.1f, false, m_settings.threads);
    if (!poisson || poisson->triangles_.empty()) {
        return Failure{"surface reconstruction produced no triangles"};
    }

    std::vector<double> sorted = densities;
    const std::size_t cut = std::size_t(m_settings.trimQuantile * (sorted.size() - 1));
    std::nth_element(sorted.begin(), sorted.begin() + cut, sorted.end());
    const double minDensity = sorted[cut];
    const Eigen::Vector3d margin = (hi - lo) * 0.03;
    lo -= margin;
    hi += margin;
    if (m_settings.cutBelowGround) {
        lo.y() = 0;
    }
    std::vector<bool> drop(poisson->vertices_.size());
    for (std::size_t i = 0; i < drop.size(); ++i) {
        const Eigen::Vector3d& v = poisson->vertices_[i];
        drop[i] = densities[i] < minDensity || (v.array() < lo.array()).any() ||
                  (v.array() > hi.array()).any();
    }
    poisson->RemoveVerticesByMask(drop);
    if (m_settings.cutBelowGround) {
        // Poisson closes the surface under the item where no photo looked; that
        // lid is invented, so it goes (the item stands on the plane anyway).
        const double lidHeight = cloud.GetMinBound().y() + 0.03 * (hi.y() - lo.y());
        std::vector<bool> lid(poisson->triangles_.size());
        for (std::size_t t = 0; t < lid.size(); ++t) {
            const Eigen::Vector3i& f = poisson->triangles_[t];
            const Eigen::Vector3d& a = poisson->vertices_[f[0]];
            const Eigen::Vector3d n =
                (poisson->vertices_[f[1]] - a).cross(poisson->vertices_[f[2]] - a);
            const double centroidY =
                (a.y() + poisson->vertices_[f[1]].y() + poisson->vertices_[f[2]].y()) / 3;
            lid[t] = centroidY < lidHeight && n.y() < -0.6 * n.norm();
        }
        poisson->RemoveTrianglesByMask(lid);
    }
    poisson->RemoveDegenerateTriangles();
    poisson->RemoveDuplicatedTriangles();
    poisson->RemoveDuplicatedVertices();
    poisson->RemoveNonManifoldEdges();

    // Keep the large connected pieces: floaters are almost always noise and
    // small, but a part of the item that thin or unseen surface cut off from
    // the rest (the foot of a vase under its belly) is a sizeable piece.
    auto [clusterOf, clusterSizes, clusterAreas] = poisson->ClusterConnectedTriangles();
    if (!clusterSizes.empty()) {
        const double largest = *std::max_element(clusterAreas.begin(), clusterAreas.end());
        std::vector<bool> remove(clusterOf.size());
        for (std::size_t t = 0; t < clusterOf.size(); ++t) {
            remove[t] = clusterAreas[std::size_t(clusterOf[t])] < kKeptPieceShare * largest;
        }
        poisson->RemoveTrianglesByMask(remove);
        poisson->RemoveUnreferencedVertices();
    }

    std::shared_ptr<open3d::geometry::TriangleMesh> result = poisson;
    if (int(poisson->triangles_.size()) > m_settings.targetTriangles) {
        result = poisson->SimplifyQuadricDecimation(m_settings.targetTriangles,
                                                    std::numeric_limits<double>::infinity(), 1.0);
        result->RemoveDegenerateTriangles();
        result->RemoveUnreferencedVertices();
    }
    if (result->triangles_.empty()) {
        return Failure{"the subject's surface vanished during cleanup"};
    }

    SurfaceMesh out;
    for (const auto& v : result->vertices_) {
        out.positions.push_back(v.cast<float>());
    }
    for (const auto& t : result->triangles_) {
        out.triangles.push_back(t);
    }
    return out;
}

} // namespace bitmarket::reconstruct
