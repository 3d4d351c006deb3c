#include "reconstruct/SubjectIsolator.h"

#include <Eigen/Dense>
#include <algorithm>
#include <map>
#include <open3d/geometry/KDTreeFlann.h>
#include <open3d/geometry/PointCloud.h>

namespace bitmarket::reconstruct {
namespace {

std::shared_ptr<open3d::geometry::PointCloud> toCloud(const OrientedPoints& points) {
    auto cloud = std::make_shared<open3d::geometry::PointCloud>();
    cloud->points_ = points.positions;
    cloud->normals_ = points.normals;
    cloud->colors_ = points.colors;
    return cloud;
}

// How thick the support plane is in the fused points: 95% of the points
// near it lie within this height of it.
double supportThickness(const open3d::geometry::PointCloud& cloud, const Eigen::Vector3d& up,
                        double offset, double tolerance) {
    std::vector<double> heights;
    for (const auto& p : cloud.points_) {
        const double h = std::abs(up.dot(p) + offset);
        if (h < tolerance) {
            heights.push_back(h);
        }
    }
    if (heights.size() < 20) {
        return tolerance;
    }
    const std::size_t k = heights.size() * 95 / 100;
    std::nth_element(heights.begin(), heights.begin() + k, heights.end());
    return heights[k];
}

} // namespace

Eigen::Vector3d SubjectIsolator::focusPoint(const std::vector<Camera>& cameras) {
    Eigen::Matrix3d A = Eigen::Matrix3d::Zero();
    Eigen::Vector3d b = Eigen::Vector3d::Zero();
    for (const Camera& c : cameras) {
        const Eigen::Vector3d d = c.viewDirection().normalized();
        const Eigen::Matrix3d P = Eigen::Matrix3d::Identity() - d * d.transpose();
        A += P;
        b += P * c.center();
    }
    return A.ldlt().solve(b);
}

// The cluster was cut well above the support so the table could not join it;
// what of the item stands lower (the bottom of its walls, the lowest step of a
// plinth) is grown back from it, point by point, down to where it touches the
// support. The support's own points must not join, or the growth runs out
// across the table through its noise: a candidate lies within a few reaches
// (horizontally) of the item's lowest kept points, and one facing up (as the
// support does) must stand clearly above the support's thickness.
void SubjectIsolator::growDownToTheSupport(const open3d::geometry::PointCloud& fine,
                                           const std::vector<std::size_t>& low,
                                           const Eigen::Vector3d& up, double planeOffset,
                                           double cutHeight, double reach, OrientedPoints& kept) {
    const double thickness = supportThickness(fine, up, planeOffset, reach);
    const auto height = [&](const Eigen::Vector3d& p) { return up.dot(p) + planeOffset; };
    const auto onThePlane = [&](const Eigen::Vector3d& p) -> Eigen::Vector3d {
        return p - up * height(p);
    };
    open3d::geometry::PointCloud footprint;
    for (const Eigen::Vector3d& p : kept.positions) {
        if (height(p) < cutHeight + 4 * reach) {
            footprint.points_.push_back(onThePlane(p));
        }
    }
    if (footprint.points_.empty()) {
        return;
    }
    open3d::geometry::KDTreeFlann footprintTree(footprint);
    const double flare = 4 * reach;
    std::vector<int> nearest(1);
    std::vector<double> nearestDistance2(1);
    open3d::geometry::PointCloud candidates;
    for (std::size_t i : low) {
        const Eigen::Vector3d& p = fine.points_[i];
        const Eigen::Vector3d n = fine.normals_[i].normalized();
        const double h = height(p);
        if (h <= -thickness || (n.dot(up) > 0.6 && h <= 3 * thickness) ||
            footprintTree.SearchKNN(onThePlane(p), 1, nearest, nearestDistance2) < 1 ||
            nearestDistance2[0] > flare * flare) {
            continue;
        }
        candidates.points_.push_back(p);
        candidates.normals_.push_back(n);
        candidates.colors_.push_back(fine.colors_[i]);
    }
    if (candidates.points_.empty()) {
        return;
    }
    open3d::geometry::KDTreeFlann tree(candidates);
    std::vector<char> taken(candidates.points_.size(), 0);
    std::vector<Eigen::Vector3d> frontier;
    for (const Eigen::Vector3d& p : kept.positions) {
        if (height(p) < cutHeight + 2 * reach) {
            frontier.push_back(p);
        }
    }
    std::vector<int> found;
    std::vector<double> dist2;
    while (!frontier.empty()) {
        const Eigen::Vector3d p = frontier.back();
        frontier.pop_back();
        if (tree.SearchRadius(p, reach, found, dist2) <= 0) {
            continue;
        }
        for (int j : found) {
            const Eigen::Vector3d& q = candidates.points_[std::size_t(j)];
            // Down or level from the point it grows from, never up.
            if (taken[std::size_t(j)] || up.dot(q - p) > 0.5 * reach) {
                continue;
            }
            taken[std::size_t(j)] = 1;
            kept.positions.push_back(q);
            kept.normals.push_back(candidates.normals_[std::size_t(j)]);
            kept.colors.push_back(candidates.colors_[std::size_t(j)]);
            frontier.push_back(q);
        }
    }
}

Subject SubjectIsolator::isolate(const OrientedPoints& scene,
                                 const std::vector<Camera>& cameras) const {
    Subject subject;
    const Eigen::Vector3d focus = focusPoint(cameras);
    std::vector<double> distances;
    Eigen::Vector3d cameraUp = Eigen::Vector3d::Zero();
    for (const Camera& c : cameras) {
        distances.push_back((c.center() - focus).norm());
        cameraUp -= c.R.row(1).transpose(); // image y points down
    }
    std::nth_element(distances.begin(), distances.begin() + distances.size() / 2, distances.end());
    const double scale = distances[distances.size() / 2];
    cameraUp.normalize();
    subject.frame.sceneScale = scale;

    auto full = toCloud(scene);
    auto fine = full->VoxelDownSample(scale / 700);
    auto coarse = fine->VoxelDownSample(scale / 250);

    // The support is a large plane roughly facing the cameras' up and lying
    // under the focus point; a box's side face fails one of those tests.
    Eigen::Vector3d up = cameraUp;
    double planeOffset = 0;
    const double planeTolerance = scale * 0.006;
    auto remaining = coarse;
    for (int attempt = 0; attempt < 3 && remaining->points_.size() > 100; ++attempt) {
        auto [plane, inliers] = remaining->SegmentPlane(planeTolerance, 3, 800);
        Eigen::Vector3d n = plane.head<3>();
        double d = plane[3];
        const double norm = n.norm();
        n /= norm;
        d /= norm;
        if (n.dot(cameraUp) < 0) {
            n = -n;
            d = -d;
        }
        const bool large = inliers.size() > coarse->points_.size() / 10;
        if (large && n.dot(cameraUp) > 0.8 && n.dot(focus) + d > 0) {
            up = n;
            planeOffset = d;
            subject.frame.supportPlaneFound = true;
            break;
        }
        remaining = remaining->SelectByIndex(inliers, true);
    }

    const double minHeight = subject.frame.supportPlaneFound ? 1.5 * planeTolerance : -1e300;
    std::vector<std::size_t> above;
    for (std::size_t i = 0; i < coarse->points_.size(); ++i) {
        if (up.dot(coarse->points_[i]) + planeOffset > minHeight) {
            above.push_back(i);
        }
    }
    auto candidates = coarse->SelectByIndex(above);
    const auto labels = candidates->ClusterDBSCAN(scale / 250 * 3, 8);
    std::map<int, int> sizes;
    std::map<int, double> nearest;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        if (labels[i] < 0) {
            continue;
        }
        const Eigen::Vector3d offset = candidates->points_[i] - focus;
        const double horizontal = (offset - up * up.dot(offset)).norm();
        sizes[labels[i]]++;
        auto [it, inserted] = nearest.emplace(labels[i], horizontal);
        if (!inserted) {
            it->second = std::min(it->second, horizontal);
        }
    }
    int chosen = -1;
    double bestScore = 0;
    for (const auto& [label, size] : sizes) {
        const double away = nearest[label] / (0.1 * scale);
        const double score = size / (1 + away * away);
        if (score > bestScore) {
            bestScore = score;
            chosen = label;
        }
    }
    std::vector<std::size_t> clusterIdx;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        if (labels[i] == chosen) {
            clusterIdx.push_back(i);
        }
    }
    auto cluster = candidates->SelectByIndex(clusterIdx);

    // Back to the fine cloud: keep fine points near a chosen coarse point.
    open3d::geometry::KDTreeFlann tree(*cluster);
    const double reach = scale / 250 * 1.5;
    std::vector<int> index(1);
    std::vector<double> dist2(1);
    OrientedPoints kept;
    std::vector<std::size_t> low;
    for (std::size_t i = 0; i < fine->points_.size(); ++i) {
        const Eigen::Vector3d& p = fine->points_[i];
        if (up.dot(p) + planeOffset <= minHeight) {
            low.push_back(i);
            continue;
        }
        if (tree.SearchKNN(p, 1, index, dist2) > 0 && dist2[0] < reach * reach) {
            kept.positions.push_back(p);
            kept.normals.push_back(fine->normals_[i].normalized());
            kept.colors.push_back(fine->colors_[i]);
        }
    }
    if (subject.frame.supportPlaneFound) {
        growDownToTheSupport(*fine, low, up, planeOffset, minHeight, reach, kept);
    }
    // Upright frame: +Y = up, +Z = horizontal direction towards the first camera.
    Eigen::Vector3d toFirst = cameras.front().center() - focus;
    Eigen::Vector3d z = (toFirst - up * up.dot(toFirst)).normalized();
    Eigen::Vector3d x = up.cross(z);
    subject.frame.rotation.row(0) = x.transpose();
    subject.frame.rotation.row(1) = up.transpose();
    subject.frame.rotation.row(2) = z.transpose();
    double base = 0;
    if (subject.frame.supportPlaneFound) {
        base = -planeOffset; // up . origin = base puts the plane at height 0
    } else if (!kept.positions.empty()) {
        std::vector<double> heights;
        for (const auto& p : kept.positions) {
            heights.push_back(up.dot(p));
        }
        std::nth_element(heights.begin(), heights.begin() + heights.size() / 50, heights.end());
        base = heights[heights.size() / 50];
    }
    subject.frame.origin = focus - up * (up.dot(focus) - base);
    for (std::size_t i = 0; i < kept.positions.size(); ++i) {
        subject.points.positions.push_back(subject.frame.apply(kept.positions[i]));
        subject.points.normals.push_back(subject.frame.rotation * kept.normals[i]);
        subject.points.colors.push_back(kept.colors[i]);
    }
    return subject;
}

} // namespace bitmarket::reconstruct
