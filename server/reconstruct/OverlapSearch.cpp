#include "reconstruct/OverlapSearch.h"

#include "reconstruct/ParallelFor.h"

#include <algorithm>
#include <opencv2/calib3d.hpp>
#include <set>

namespace bitmarket::reconstruct {

namespace {

// Below this many consistent matches a pair is chance, not overlap.
constexpr int kMinConsistent = 12;

} // namespace

int OverlapSearch::consistentMatches(const PhotoFeatures& a, const PhotoFeatures& b) {
    if (a.descriptors.rows() < 8 || b.descriptors.rows() < 8) {
        return 0;
    }
    // Unit descriptors: the largest dot product is the nearest neighbour.
    const Eigen::MatrixXf similarity = a.descriptors * b.descriptors.transpose();
    Eigen::VectorXi bestOfB(similarity.cols());
    for (Eigen::Index j = 0; j < similarity.cols(); ++j) {
        similarity.col(j).maxCoeff(&bestOfB[j]);
    }
    std::vector<cv::Point2f> from, to;
    for (Eigen::Index i = 0; i < similarity.rows(); ++i) {
        float best = -2, second = -2;
        Eigen::Index bestJ = 0;
        for (Eigen::Index j = 0; j < similarity.cols(); ++j) {
            const float s = similarity(i, j);
            if (s > best) {
                second = best;
                best = s;
                bestJ = j;
            } else if (s > second) {
                second = s;
            }
        }
        // Lowe's ratio 0.8 on distances; |x - y|^2 = 2 - 2 x.y for unit vectors.
        const float bestDistance2 = 2 - 2 * best, secondDistance2 = 2 - 2 * second;
        if (bestOfB[bestJ] == i && bestDistance2 < 0.64f * secondDistance2) {
            from.push_back(a.positions[std::size_t(i)]);
            to.push_back(b.positions[std::size_t(bestJ)]);
        }
    }
    if (int(from.size()) < kMinConsistent) {
        return 0;
    }
    std::vector<unsigned char> inliers;
    const cv::Mat F = cv::findFundamentalMat(from, to, cv::FM_RANSAC, 4.0, 0.99, 1000, inliers);
    if (F.empty()) {
        return 0;
    }
    return int(std::count(inliers.begin(), inliers.end(), 1));
}

std::vector<std::pair<int, int>>
OverlapSearch::candidatePairs(const std::vector<PhotoFeatures>& photos) const {
    const int n = int(photos.size());
    std::vector<std::pair<int, int>> all;
    for (int i = 0; i < n; ++i) {
        for (int j = i + 1; j < n; ++j) {
            all.emplace_back(i, j);
        }
    }
    std::vector<int> score(all.size());
    parallelFor(int(all.size()), m_threads, [&](int k) {
        score[k] = consistentMatches(photos[all[k].first], photos[all[k].second]);
    });

    std::vector<std::vector<std::pair<int, int>>> partners(n);
    for (std::size_t k = 0; k < all.size(); ++k) {
        if (score[k] >= kMinConsistent) {
            partners[all[k].first].emplace_back(score[k], all[k].second);
            partners[all[k].second].emplace_back(score[k], all[k].first);
        }
    }
    std::set<std::pair<int, int>> chosen;
    for (int i = 0; i < n; ++i) {
        auto& mine = partners[i];
        const int keep = std::min(m_partnersPerPhoto, int(mine.size()));
        std::partial_sort(mine.begin(), mine.begin() + keep, mine.end(),
                          [](const auto& x, const auto& y) { return x.first > y.first; });
        for (int k = 0; k < keep; ++k) {
            chosen.emplace(std::min(i, mine[k].second), std::max(i, mine[k].second));
        }
    }
    return {chosen.begin(), chosen.end()};
}

} // namespace bitmarket::reconstruct
