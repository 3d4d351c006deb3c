#include "SurfaceScore.h"

#include <cmath>
#include <open3d/geometry/KDTreeFlann.h>
#include <open3d/geometry/PointCloud.h>

namespace bitmarket::reconstruct::eval {
namespace {

// Share of `from` within `tolerance` of `to`, and the mean distance.
std::pair<double, double> within(const std::vector<Eigen::Vector3d>& from,
                                 const std::vector<Eigen::Vector3d>& to, double tolerance) {
    open3d::geometry::PointCloud cloud;
    cloud.points_ = to;
    open3d::geometry::KDTreeFlann tree(cloud);
    std::vector<int> index(1);
    std::vector<double> dist2(1);
    long close = 0;
    double sum = 0;
    for (const auto& p : from) {
        tree.SearchKNN(p, 1, index, dist2);
        const double d = std::sqrt(dist2[0]);
        sum += d;
        close += d <= tolerance;
    }
    return {from.empty() ? 0.0 : double(close) / from.size(),
            from.empty() ? 0.0 : sum / from.size()};
}

} // namespace

SurfaceScore SurfaceScore::compare(const std::vector<Eigen::Vector3d>& reconstructed,
                                   const std::vector<Eigen::Vector3d>& truth, double tolerance) {
    SurfaceScore score;
    score.tolerance = tolerance;
    std::tie(score.precision, score.meanAccuracy) = within(reconstructed, truth, tolerance);
    std::tie(score.recall, score.meanCompleteness) = within(truth, reconstructed, tolerance);
    const double sum = score.precision + score.recall;
    score.fscore = sum > 0 ? 2 * score.precision * score.recall / sum : 0;
    return score;
}

} // namespace bitmarket::reconstruct::eval
