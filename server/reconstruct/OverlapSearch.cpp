#include "reconstruct/OverlapSearch.h"

#include "reconstruct/DescriptorMatcher.h"
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
    std::vector<cv::Point2f> from, to;
    for (const auto& [i, j] : matchDescriptors(a.descriptors, b.descriptors)) {
        from.push_back(a.positions[std::size_t(i)]);
        to.push_back(b.positions[std::size_t(j)]);
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
