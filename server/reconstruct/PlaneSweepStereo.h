// Our CPU multi-view stereo: a fronto-parallel plane sweep in inverse depth.
// Each source view is warped onto the reference through the plane homography,
// compared by windowed NCC computed with box filters (cheap on 2 cores), and
// the per-view scores are aggregated over the best half of the views so that a
// point occluded in some neighbours still wins. The best plane is refined to
// sub-plane accuracy by a parabola through its neighbours' scores.
#pragma once

#include "reconstruct/Camera.h"

#include <opencv2/core.hpp>
#include <vector>

namespace bitmarket::reconstruct {

struct StereoView {
    Camera camera;  // undistorted, at stereo resolution
    cv::Mat1f gray; // 0..1
    cv::Mat3b color;
};

struct DepthMap {
    cv::Mat1f depth; // 0 where unknown
    cv::Mat1f score; // aggregated NCC of the chosen depth
};

struct StereoSettings {
    int planes = 256; // at most; fewer when the disparity range is small
    int window = 7;
    float minScore = 0.35f;
    float minTexture = 1e-4f; // reference patch variance below this is unmatched
};

class PlaneSweepStereo {
public:
    explicit PlaneSweepStereo(StereoSettings settings) : m_settings(settings) {}

    DepthMap compute(const StereoView& reference, const std::vector<const StereoView*>& sources,
                     double minDepth, double maxDepth) const;

private:
    StereoSettings m_settings;
};

} // namespace bitmarket::reconstruct
