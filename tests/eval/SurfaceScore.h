// How close a reconstructed surface is to the truth, the way multi-view stereo
// benchmarks measure it: accuracy (reconstruction -> truth) and completeness
// (truth -> reconstruction) as point-to-point distances between dense samples,
// precision/recall within a tolerance, and their harmonic mean, the F-score.
#pragma once

#include <Eigen/Core>
#include <vector>

namespace bitmarket::reconstruct::eval {

struct SurfaceScore {
    double tolerance = 0;
    double precision = 0;
    double recall = 0;
    double fscore = 0;
    double meanAccuracy = 0;     // mean distance reconstruction -> truth
    double meanCompleteness = 0; // mean distance truth -> reconstruction

    static SurfaceScore compare(const std::vector<Eigen::Vector3d>& reconstructed,
                                const std::vector<Eigen::Vector3d>& truth, double tolerance);
};

} // namespace bitmarket::reconstruct::eval
