#include "SilhouetteScore.h"

#include "reconstruct/Rasterizer.h"

#include <opencv2/imgproc.hpp>

namespace bitmarket::reconstruct::eval {
namespace {

// Pixels where `mesh` is the nearest surface, `occluder` drawn with it.
cv::Mat1b silhouette(const Camera& camera, const SurfaceMesh& mesh, const SurfaceMesh& occluder) {
    std::vector<Eigen::Vector3f> positions = mesh.positions;
    std::vector<Eigen::Vector3i> triangles = mesh.triangles;
    const int offset = int(positions.size());
    positions.insert(positions.end(), occluder.positions.begin(), occluder.positions.end());
    for (const Eigen::Vector3i& t : occluder.triangles) {
        triangles.push_back(t + Eigen::Vector3i::Constant(offset));
    }
    const RasterImage image = Rasterizer::render(camera, positions, triangles);
    const int meshTriangles = int(mesh.triangles.size());
    cv::Mat1b mask(image.triangle.size(), uchar(0));
    for (int y = 0; y < mask.rows; ++y) {
        for (int x = 0; x < mask.cols; ++x) {
            const int t = image.triangle(y, x);
            mask(y, x) = t >= 0 && t < meshTriangles ? 255 : 0;
        }
    }
    return mask;
}

cv::Mat1b outline(const cv::Mat1b& mask) {
    cv::Mat1b eroded;
    cv::erode(mask, eroded, cv::Mat(), cv::Point(-1, -1), 1, cv::BORDER_CONSTANT, 0);
    return mask - eroded;
}

// Mean distance from the outline pixels of `from` to the outline of `to`.
double meanDistance(const cv::Mat1b& from, const cv::Mat1b& to) {
    cv::Mat1f distance;
    cv::distanceTransform(255 - to, distance, cv::DIST_L2, cv::DIST_MASK_PRECISE);
    return cv::mean(distance, from)[0];
}

} // namespace

SilhouetteScore SilhouetteScore::compare(const std::vector<Camera>& cameras,
                                         const SurfaceMesh& truth, const SurfaceMesh& model,
                                         const SurfaceMesh& occluder) {
    SilhouetteScore score;
    int counted = 0;
    for (const Camera& camera : cameras) {
        const cv::Mat1b a = silhouette(camera, truth, occluder);
        const cv::Mat1b b = silhouette(camera, model, occluder);
        const double truthArea = cv::countNonZero(a);
        if (truthArea == 0) {
            continue;
        }
        const double both = cv::countNonZero(a & b);
        const double either = cv::countNonZero(a | b);
        score.iou += both / either;
        score.missingShare += (truthArea - both) / truthArea;
        score.excessShare += (cv::countNonZero(b) - both) / truthArea;
        const cv::Mat1b outlineA = outline(a), outlineB = outline(b);
        score.outlinePixels +=
            cv::countNonZero(outlineB) == 0
                ? double(std::max(a.cols, a.rows))
                : 0.5 * (meanDistance(outlineA, outlineB) + meanDistance(outlineB, outlineA));
        ++counted;
    }
    if (counted > 0) {
        score.iou /= counted;
        score.outlinePixels /= counted;
        score.missingShare /= counted;
        score.excessShare /= counted;
    }
    return score;
}

} // namespace bitmarket::reconstruct::eval
