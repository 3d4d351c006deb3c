#include "reconstruct/ReconstructionPipeline.h"

#include "reconstruct/ApproximateModelBuilder.h"
#include "reconstruct/ColmapSfm.h"
#include "reconstruct/DepthFusion.h"
#include "reconstruct/ParallelFor.h"
#include "reconstruct/PhotoLoader.h"
#include "reconstruct/PlaneSweepStereo.h"
#include "reconstruct/PreviewRenderer.h"
#include "reconstruct/SubjectIsolator.h"
#include "reconstruct/SurfaceMesher.h"
#include "reconstruct/TextureBaker.h"
#include "reconstruct/TexturedMeshExporter.h"

#include <Eigen/Geometry>
#include <algorithm>
#include <atomic>
#include <cmath>
#include <numeric>
#include <opencv2/calib3d.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <unistd.h>

namespace bitmarket::reconstruct {
namespace fs = std::filesystem;

namespace {

// Views that share many sparse points with the reference at a useful
// triangulation angle make the best stereo partners.
std::vector<int> chooseNeighbours(const SparseModel& model, int ref, int count) {
    const SparseView& r = model.views[ref];
    std::vector<char> seen(model.points.size(), 0);
    for (int id : r.pointIds) {
        seen[id] = 1;
    }
    std::vector<std::pair<double, int>> scores;
    for (int j = 0; j < int(model.views.size()); ++j) {
        if (j == ref) {
            continue;
        }
        const SparseView& s = model.views[j];
        double score = 0;
        for (int id : s.pointIds) {
            if (!seen[id]) {
                continue;
            }
            const Eigen::Vector3d& p = model.points[id];
            const double cosAngle =
                (r.camera.center() - p).normalized().dot((s.camera.center() - p).normalized());
            const double degrees = std::acos(std::clamp(cosAngle, -1.0, 1.0)) * 180.0 / M_PI;
            score += degrees < 3 ? 0.2 : degrees > 40 ? 0.3 : 1.0;
        }
        scores.emplace_back(score, j);
    }
    std::sort(scores.rbegin(), scores.rend());
    std::vector<int> out;
    for (int k = 0; k < std::min(count, int(scores.size())); ++k) {
        if (scores[k].first > 0) {
            out.push_back(scores[k].second);
        }
    }
    return out;
}

// Depths the plane sweep searches: where this view's sparse points are, but
// only around what the cameras circle. The foreground and background beyond
// that are dropped later anyway, and every plane spent on them costs time.
std::pair<double, double> depthRange(const SparseModel& model, int view,
                                     const Eigen::Vector3d& focus) {
    std::vector<double> depths;
    const Camera& c = model.views[view].camera;
    for (int id : model.views[view].pointIds) {
        const double z = c.toCamera(model.points[id]).z();
        if (z > 0) {
            depths.push_back(z);
        }
    }
    if (depths.size() < 10) {
        return {0, 0};
    }
    std::sort(depths.begin(), depths.end());
    const double focusDepth = c.toCamera(focus).z();
    const double nearest = depths[depths.size() / 50] * 0.85;
    const double farthest = depths[depths.size() * 49 / 50] * 1.15;
    if (focusDepth <= 0) {
        return {nearest, farthest};
    }
    return {std::max(nearest, 0.45 * focusDepth), std::min(farthest, 1.7 * focusDepth)};
}

} // namespace

Expected<TexturedMesh> ReconstructionPipeline::reconstructFull(const std::vector<Photo>& photos,
                                                               const fs::path& workDir,
                                                               ReconstructionReport& report) {
    m_progress.beginStage(protocol::Stage::Sfm);
    auto sparse = ColmapSfm(m_options, workDir).run(photos, m_progress);
    m_progress.endStage();
    if (!sparse) {
        return Failure{sparse.error()};
    }
    const SparseModel& model = sparse.value();
    const int registered = int(model.views.size());
    report.imagesRegistered = registered;
    report.sparsePoints = long(model.points.size());
    if (registered < 3) {
        return Failure{"only " + std::to_string(registered) + " photos could be placed in 3D"};
    }
    if (registered < int(photos.size())) {
        report.warnings.push_back(std::to_string(photos.size() - registered) +
                                  " photos could not be placed and were not used");
    }

    m_progress.beginStage(protocol::Stage::Depth);
    std::vector<StereoView> stereo(registered);
    std::vector<cv::Mat3b> undistorted(registered);
    std::vector<std::vector<int>> neighbours(registered);
    std::vector<std::pair<double, double>> ranges(registered);
    std::vector<Camera> cameras;
    for (const auto& v : model.views) {
        cameras.push_back(v.camera);
    }
    const Eigen::Vector3d focus = SubjectIsolator::focusPoint(cameras);
    parallelFor(registered, m_options.threads, [&](int i) {
        const SparseView& v = model.views[i];
        const Camera& c = v.camera;
        const cv::Matx33d K(c.fx, 0, c.cx, 0, c.fy, c.cy, 0, 0, 1);
        cv::undistort(photos[v.photoIndex].image, undistorted[i], K,
                      cv::Vec4d(v.radialK1, 0, 0, 0));
        const double s =
            std::min(1.0, double(m_options.stereoMaxSide) / std::max(c.width, c.height));
        stereo[i].camera = c.scaled(s);
        cv::resize(undistorted[i], stereo[i].color,
                   cv::Size(stereo[i].camera.width, stereo[i].camera.height), 0, 0, cv::INTER_AREA);
        cv::Mat gray;
        cv::cvtColor(stereo[i].color, gray, cv::COLOR_BGR2GRAY);
        gray.convertTo(stereo[i].gray, CV_32F, 1.0 / 255);
        neighbours[i] = chooseNeighbours(model, i, m_options.stereoNeighbours);
        ranges[i] = depthRange(model, i, focus);
    });
    StereoSettings settings;
    settings.planes = m_options.depthPlanes;
    const PlaneSweepStereo sweep(settings);
    std::vector<DepthMap> depth(registered);
    std::atomic<int> done{0};
    parallelFor(registered, m_options.threads, [&](int i) {
        if (ranges[i].first > 0 && !neighbours[i].empty()) {
            std::vector<const StereoView*> sources;
            for (int j : neighbours[i]) {
                sources.push_back(&stereo[j]);
            }
            depth[i] = sweep.compute(stereo[i], sources, ranges[i].first, ranges[i].second);
        } else {
            depth[i].depth = cv::Mat1f::zeros(stereo[i].gray.size());
        }
        m_progress.advance(double(++done) / registered);
    });
    m_progress.endStage();

    m_progress.beginStage(protocol::Stage::Fusion);
    const int minConsistent = std::min(2, int(m_options.stereoNeighbours) - 1);
    const OrientedPoints scene = DepthFusion(std::max(1, minConsistent), 0.015, m_options.threads)
                                     .fuse(stereo, depth, neighbours);
    depth.clear();
    const Subject subject = SubjectIsolator().isolate(scene, cameras);
    report.points = long(subject.points.positions.size());
    if (!subject.frame.supportPlaneFound) {
        report.warnings.push_back(
            "no table or floor found; 'up' is taken from how the photos were held");
    }
    m_progress.endStage();

    m_progress.beginStage(protocol::Stage::Mesh);
    MeshingSettings meshing;
    meshing.poissonDepth = m_options.poissonDepth;
    meshing.targetTriangles = m_options.targetTriangles;
    meshing.cutBelowGround = subject.frame.supportPlaneFound;
    meshing.threads = m_options.threads;
    auto surface = SurfaceMesher(meshing).mesh(subject.points);
    if (!surface) {
        m_progress.endStage();
        return Failure{surface.error()};
    }
    // Centre the model at the origin and make its largest side 1: SfM has no
    // metric scale.
    Eigen::Vector3f lo = Eigen::Vector3f::Constant(1e30f), hi = -lo;
    for (const auto& p : surface->positions) {
        lo = lo.cwiseMin(p);
        hi = hi.cwiseMax(p);
    }
    const Eigen::Vector3f centre = (lo + hi) / 2;
    const float scale = 1.f / (hi - lo).maxCoeff();
    for (auto& p : surface->positions) {
        p = (p - centre) * scale;
    }
    const Eigen::Matrix3d& Q = subject.frame.rotation;
    const Eigen::Vector3d offset =
        -double(scale) * (Q * subject.frame.origin + centre.cast<double>());
    m_progress.endStage();

    m_progress.beginStage(protocol::Stage::Texture);
    std::vector<TextureSource> sources(registered);
    for (int i = 0; i < registered; ++i) {
        sources[i].camera = model.views[i].camera.inFrame(Q, scale, offset);
        sources[i].image = undistorted[i];
        Camera inPhoto =
            sources[i].camera.scaled(photos[model.views[i].photoIndex].scaleToOriginal());
        inPhoto.width = photos[model.views[i].photoIndex].originalWidth;
        inPhoto.height = photos[model.views[i].photoIndex].originalHeight;
        report.cameras.push_back(inPhoto);
    }
    auto textured = TextureBaker(m_options.textureSize, m_options.stereoMaxSide, m_options.threads)
                        .bake(surface.value(), sources);
    m_progress.endStage();
    return textured;
}

Expected<TexturedMesh>
ReconstructionPipeline::reconstructApproximate(const std::vector<Photo>& photos,
                                               ReconstructionReport& report) {
    m_progress.beginStage(protocol::Stage::Approximate);
    auto approximate = ApproximateModelBuilder().build(photos);
    m_progress.endStage();
    if (!approximate) {
        return Failure{approximate.error()};
    }
    report.quality = protocol::quality::kApproximate;
    report.cameras = {approximate->camera};
    report.cameras.front().width = photos[approximate->photoIndex].originalWidth;
    report.cameras.front().height = photos[approximate->photoIndex].originalHeight;
    return std::move(approximate->mesh);
}

Expected<bool> ReconstructionPipeline::run(const ReconstructionRequest& request,
                                           ReconstructionReport& report) {
    report.requestedQuality = qualityName(m_options.quality);
    m_progress.beginStage(protocol::Stage::Load);
    auto photos = PhotoLoader(m_options.photoMaxSide).loadFolder(request.images);
    m_progress.endStage();
    if (!photos) {
        return Failure{photos.error()};
    }
    report.imagesUsed = int(photos->size());

    fs::path workDir = request.workDir;
    const bool temporary = workDir.empty();
    if (temporary) {
        workDir =
            fs::temp_directory_path() / ("bitmarket-reconstruct-" + std::to_string(::getpid()));
    }
    fs::create_directories(workDir);

    Expected<TexturedMesh> mesh = Failure{"not attempted"};
    if (int(photos->size()) >= m_options.minPhotos) {
        mesh = reconstructFull(photos.value(), workDir, report);
        if (!mesh) {
            report.warnings.push_back("full reconstruction failed: " + mesh.error());
        }
    } else {
        report.warnings.push_back("too few photos for a full reconstruction (" +
                                  std::to_string(photos->size()) + ")");
    }
    if (!mesh) {
        report.cameras.clear();
        mesh = reconstructApproximate(photos.value(), report);
        if (mesh) {
            report.warnings.push_back("approximate model from a single photo");
        }
    }
    if (temporary) {
        std::error_code ignored;
        fs::remove_all(workDir, ignored);
    }
    if (!mesh) {
        return Failure{mesh.error()};
    }
    report.triangles = long(mesh->triangleCount());

    m_progress.beginStage(protocol::Stage::Export);
    auto written = TexturedMeshExporter().write(mesh.value(), request.model);
    if (written && !request.preview.empty()) {
        const cv::Mat3b preview = PreviewRenderer(m_options.previewSize).render(mesh.value());
        if (!cv::imwrite(request.preview.string(), preview)) {
            report.warnings.push_back("could not write the preview image");
        }
    }
    m_progress.endStage();
    report.stageSeconds = m_progress.stageSeconds();
    report.totalSeconds = m_progress.totalSeconds();
    report.peakMemoryMb = ReconstructionReport::peakMemoryMegabytes();
    if (!written) {
        return Failure{written.error()};
    }
    return true;
}

} // namespace bitmarket::reconstruct
