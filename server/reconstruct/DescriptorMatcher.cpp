#include "reconstruct/DescriptorMatcher.h"

#include <algorithm>
#include <cmath>

namespace bitmarket::reconstruct {

namespace {

// COLMAP's defaults: Lowe's ratio 0.8 and at most 0.7 rad between two descriptors.
constexpr float kMaxRatio = 0.8f;
const float kMinSimilarity = std::cos(0.7f);

// The angle between unit vectors of dot product `s`.
float angle(float s) { return std::acos(std::min(1.f, std::max(-1.f, s))); }

} // namespace

std::vector<std::pair<int, int>> matchDescriptors(const Eigen::MatrixXf& a, const Eigen::MatrixXf& b) {
    std::vector<std::pair<int, int>> matches;
    if (a.rows() == 0 || b.rows() == 0) {
        return matches;
    }
    // Column i holds the similarities of a's feature i to every feature of b, contiguously,
    // so the maxima below (down a column, across the rows) run on vectors.
    const Eigen::MatrixXf similarity = b * a.transpose();
    const Eigen::Index nb = similarity.rows(), na = similarity.cols();
    const Eigen::VectorXf nearestToB = similarity.rowwise().maxCoeff();
    for (Eigen::Index i = 0; i < na; ++i) {
        const auto column = similarity.col(i);
        // Eigen finds a maximum's index without vectors: find the maximum, then where it is.
        const float best = column.maxCoeff();
        if (!(best >= kMinSimilarity)) { // NaN too, from a descriptor of zeros
            continue;
        }
        Eigen::Index j = 0;
        while (j < nb && column[j] != best) {
            ++j;
        }
        // Both ways: a's feature is also the nearest to b's.
        if (j == nb || best < nearestToB[j]) {
            continue;
        }
        // The ratio on angles, as COLMAP takes it. With one feature in b there is no second:
        // -1 (the farthest a unit vector can be) lets the nearest pass.
        float second = -1;
        if (j > 0) {
            second = column.head(j).maxCoeff();
        }
        if (j + 1 < nb) {
            second = std::max(second, column.tail(nb - j - 1).maxCoeff());
        }
        if (angle(best) >= kMaxRatio * angle(second)) {
            continue;
        }
        matches.emplace_back(int(i), int(j));
    }
    return matches;
}

} // namespace bitmarket::reconstruct
