#include "reconstruct/PlaneSweepStereo.h"

#include <Eigen/Dense>
#include <algorithm>
#include <array>
#include <cmath>
#include <opencv2/imgproc.hpp>

namespace bitmarket::reconstruct {
namespace {

cv::Matx33d toMatx(const Eigen::Matrix3d& m) {
    cv::Matx33d out;
    for (int r = 0; r < 3; ++r) {
        for (int c = 0; c < 3; ++c) {
            out(r, c) = m(r, c);
        }
    }
    return out;
}

Eigen::Matrix3d intrinsics(const Camera& c) {
    Eigen::Matrix3d K;
    K << c.fx, 0, c.cx, 0, c.fy, c.cy, 0, 0, 1;
    return K;
}

} // namespace

DepthMap PlaneSweepStereo::compute(const StereoView& reference,
                                   const std::vector<const StereoView*>& sources, double minDepth,
                                   double maxDepth) const {
    const cv::Size size = reference.gray.size();
    const cv::Size window(m_settings.window, m_settings.window);
    const int views = int(sources.size());
    // Aggregate over the best half (at least one, at most all) of the views.
    const int best = std::max(1, (views + 1) / 2);

    cv::Mat1f refMean, refSq, refVar;
    cv::boxFilter(reference.gray, refMean, CV_32F, window);
    cv::boxFilter(reference.gray.mul(reference.gray), refSq, CV_32F, window);
    refVar = refSq - refMean.mul(refMean);

    const Eigen::Matrix3d Kr = intrinsics(reference.camera);
    const Eigen::Matrix3d KrInv = Kr.inverse();
    struct Relative {
        Eigen::Matrix3d K, R;
        Eigen::Vector3d t;
    };
    std::vector<Relative> relative;
    for (const StereoView* s : sources) {
        const Eigen::Matrix3d R = s->camera.R * reference.camera.R.transpose();
        relative.push_back({intrinsics(s->camera), R, s->camera.t - R * reference.camera.t});
    }

    const int pixels = size.area();
    std::vector<float> bestScore(pixels, -1.f), bestPrev(pixels, -1.f), bestNext(pixels, -1.f),
        prevScore(pixels, -1.f);
    std::vector<int> bestPlane(pixels, -1);
    std::vector<cv::Mat1f> ncc(views);
    cv::Mat1f warped, wMean, wSq, cross;

    // One plane per pixel of disparity in the source that moves most: coarser
    // steps let the NCC peak fall between planes, finer ones only cost time.
    double disparity = 0;
    for (const StereoView* s : sources) {
        for (const auto& [u, v] : {std::pair{0.5, 0.5}, std::pair{0.0, 0.0}, std::pair{1.0, 0.0},
                                   std::pair{0.0, 1.0}, std::pair{1.0, 1.0}}) {
            const double x = u * (size.width - 1), y = v * (size.height - 1);
            const Eigen::Vector2d a =
                s->camera.project(s->camera.toCamera(reference.camera.backProject(x, y, minDepth)));
            const Eigen::Vector2d b =
                s->camera.project(s->camera.toCamera(reference.camera.backProject(x, y, maxDepth)));
            if (std::isfinite(a.x()) && std::isfinite(b.x())) {
                disparity = std::max(disparity, (a - b).norm());
            }
        }
    }
    const int planes = std::clamp(int(std::ceil(disparity)), 32, m_settings.planes);
    const double nearInv = 1.0 / minDepth, farInv = 1.0 / maxDepth;
    auto inverseDepthOf = [&](double plane) {
        return nearInv + (farInv - nearInv) * plane / (planes - 1);
    };

    for (int k = 0; k < planes; ++k) {
        const double depth = 1.0 / inverseDepthOf(k);
        for (int v = 0; v < views; ++v) {
            const Relative& rel = relative[v];
            // Points on the plane z = depth map to the source by K_s (R + t n^T / d) K_r^-1.
            const Eigen::Matrix3d H =
                rel.K * (rel.R + rel.t * Eigen::RowVector3d(0, 0, 1) / depth) * KrInv;
            cv::warpPerspective(sources[v]->gray, warped, toMatx(H), size,
                                cv::INTER_LINEAR | cv::WARP_INVERSE_MAP, cv::BORDER_CONSTANT, 0);
            cv::boxFilter(warped, wMean, CV_32F, window);
            cv::boxFilter(warped.mul(warped), wSq, CV_32F, window);
            cv::boxFilter(warped.mul(reference.gray), cross, CV_32F, window);
            ncc[v].create(size);
            const float *pwMean = wMean.ptr<float>(), *pwSq = wSq.ptr<float>(),
                        *pCross = cross.ptr<float>(), *pMean = refMean.ptr<float>(),
                        *pVar = refVar.ptr<float>();
            float* out = ncc[v].ptr<float>();
            for (int i = 0; i < pixels; ++i) {
                const float mw = pwMean[i];
                const float varW = pwSq[i] - mw * mw;
                const float varR = pVar[i];
                out[i] = varW > m_settings.minTexture && varR > m_settings.minTexture
                             ? (pCross[i] - pMean[i] * mw) / std::sqrt(varW * varR)
                             : -1.f;
            }
        }
        for (int i = 0; i < pixels; ++i) {
            std::array<float, 16> s{};
            const int n = std::min(views, 16);
            for (int v = 0; v < n; ++v) {
                s[v] = ncc[v].ptr<float>()[i];
            }
            std::partial_sort(s.begin(), s.begin() + best, s.begin() + n, std::greater<float>());
            float score = 0;
            for (int b = 0; b < best; ++b) {
                score += s[b];
            }
            score /= best;
            if (bestPlane[i] == k - 1) {
                bestNext[i] = score;
            }
            if (score > bestScore[i]) {
                bestScore[i] = score;
                bestPlane[i] = k;
                bestPrev[i] = prevScore[i];
                bestNext[i] = -1.f;
            }
            prevScore[i] = score;
        }
    }

    DepthMap out;
    out.depth = cv::Mat1f::zeros(size);
    out.score = cv::Mat1f::zeros(size);
    for (int i = 0; i < pixels; ++i) {
        const int k = bestPlane[i];
        if (k <= 0 || k >= planes - 1 || bestScore[i] < m_settings.minScore ||
            refVar.ptr<float>()[i] < m_settings.minTexture) {
            continue; // at the ends of the range the true depth is likely outside it
        }
        const float a = bestPrev[i], b = bestScore[i], c = bestNext[i];
        const float curvature = a - 2 * b + c;
        const double offset =
            curvature < 0 ? std::clamp(0.5 * (a - c) / curvature, -0.5, 0.5) : 0.0;
        out.depth.ptr<float>()[i] = float(1.0 / inverseDepthOf(k + offset));
        out.score.ptr<float>()[i] = b;
    }
    return out;
}

} // namespace bitmarket::reconstruct
