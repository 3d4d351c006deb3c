// Which photos show the same part of the item, whatever order the files came
// in: every pair of photos is tried cheaply (a few hundred of each photo's
// strongest features, matched both ways and checked against epipolar
// geometry), and each photo keeps its best few partners for full matching.
// Pairs far apart in the file list count as much as neighbours, so a second
// pass round the item or a close-up added at the end closes the loop.
#pragma once

#include "reconstruct/ColmapDatabase.h"

#include <utility>
#include <vector>

namespace bitmarket::reconstruct {

class OverlapSearch {
public:
    OverlapSearch(int partnersPerPhoto, int threads)
        : m_partnersPerPhoto(partnersPerPhoto), m_threads(threads) {}

    // Pairs (i < j) to match in full, in no particular order, each once.
    std::vector<std::pair<int, int>> candidatePairs(const std::vector<PhotoFeatures>& photos) const;

    // Cheap matches of two photos consistent with one epipolar geometry.
    static int consistentMatches(const PhotoFeatures& a, const PhotoFeatures& b);

private:
    int m_partnersPerPhoto;
    int m_threads;
};

} // namespace bitmarket::reconstruct
