// bitmarket-reconstruct-eval: scores the photo -> 3D engine on synthetic
// scenes with known geometry (see SyntheticScene). For each scene it renders a
// photo set (noise + JPEG), runs the real CLI on it, aligns the result to the
// truth through the registered camera centres (a similarity, since SfM has no
// scale), and measures accuracy, completeness and F-score at 1% of the
// object's bounding-box diagonal; and the outline: the true object and the
// model rendered into the true cameras (at 640 px wide), their silhouette IoU
// and the mean distance between the outlines in pixels. File names are
// shuffled unless --order walk, so order dependence shows. Writes
// <out>/summary.json.
//
//   bitmarket-reconstruct-eval --out DIR [--quality normal] [--views 30]
//       [--scenes vase,box,blob,capsule] [--width 960] [--height 720] [--cli PATH]
//       [--order shuffled|walk] [--render-only 1]   (only write the photo sets)
//       [--score-only 1]    (score the models an earlier run left in DIR)
#include "GltfCheck.h"
#include "SilhouetteScore.h"
#include "SurfaceScore.h"
#include "SyntheticScene.h"

#include <Eigen/Geometry>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace bitmarket::reconstruct;
using namespace bitmarket::reconstruct::testing;
namespace fs = std::filesystem;

namespace {

// The engine leads a process group with the COLMAP steps it starts: an evaluation stopped by a
// signal ends the group, and one killed outright takes the engine along (its parent-death
// signal), so neither leaves them computing.
volatile std::sig_atomic_t engineGroup = 0;

void stopEngineGroup(int signal) {
    if (engineGroup > 0)
        ::kill(-static_cast<pid_t>(engineGroup), SIGKILL);
    std::signal(signal, SIG_DFL);
    std::raise(signal);
}

// The CLI with its output in `log`; its exit status, or 128 + the signal that ended it.
int runEngine(const std::vector<std::string>& arguments, const fs::path& log) {
    std::vector<char*> argv;
    for (const std::string& a : arguments)
        argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    const pid_t parent = ::getpid();
    const pid_t child = ::fork();
    if (child == 0) {
        ::setpgid(0, 0);
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::getppid() != parent)
            ::_exit(127);
        const int out = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (out >= 0) {
            ::dup2(out, STDOUT_FILENO);
            ::dup2(out, STDERR_FILENO);
        }
        ::execvp(argv[0], argv.data());
        ::_exit(127);
    }
    if (child < 0)
        return 127;
    ::setpgid(child, child); // also here: the group exists before a signal could need it
    engineGroup = child;
    int status = 0;
    while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
    }
    engineGroup = 0;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

std::vector<Eigen::Vector3d> sampleMesh(const GlbContents& glb, int count) {
    std::vector<double> cumulative;
    double total = 0;
    for (std::size_t t = 0; t + 2 < glb.indices.size(); t += 3) {
        const Eigen::Vector3f& a = glb.positions[glb.indices[t]];
        total += 0.5 * (glb.positions[glb.indices[t + 1]] - a)
                           .cross(glb.positions[glb.indices[t + 2]] - a)
                           .norm();
        cumulative.push_back(total);
    }
    std::mt19937 rng(99);
    std::uniform_real_distribution<double> uniform(0, 1);
    std::vector<Eigen::Vector3d> out;
    for (int i = 0; i < count && total > 0; ++i) {
        const std::size_t t =
            3 * (std::lower_bound(cumulative.begin(), cumulative.end(), uniform(rng) * total) -
                 cumulative.begin());
        double r1 = uniform(rng), r2 = uniform(rng);
        if (r1 + r2 > 1) {
            r1 = 1 - r1;
            r2 = 1 - r2;
        }
        const Eigen::Vector3d a = glb.positions[glb.indices[t]].cast<double>();
        out.push_back(a + r1 * (glb.positions[glb.indices[t + 1]].cast<double>() - a) +
                      r2 * (glb.positions[glb.indices[t + 2]].cast<double>() - a));
    }
    return out;
}

Camera cameraFromJson(const nlohmann::json& c) {
    Camera camera;
    camera.image = c["image"];
    for (int k = 0; k < 9; ++k) {
        camera.R(k / 3, k % 3) = c["R"][k];
    }
    for (int k = 0; k < 3; ++k) {
        camera.t[k] = c["t"][k];
    }
    return camera;
}

std::vector<std::string> split(const std::string& list) {
    std::vector<std::string> out;
    std::stringstream in(list);
    for (std::string item; std::getline(in, item, ',');) {
        out.push_back(item);
    }
    return out;
}

} // namespace

int main(int argc, char** argv) {
    for (const int signal : {SIGTERM, SIGINT, SIGHUP})
        std::signal(signal, stopEngineGroup);
    std::map<std::string, std::string> args{{"quality", "normal"},
                                            {"views", "30"},
                                            {"scenes", "vase,box,blob,capsule"},
                                            {"width", "960"},
                                            {"height", "720"},
                                            {"order", "shuffled"},
                                            {"cli", BITMARKET_BIN_DIR "/bitmarket-reconstruct"}};
    for (int i = 1; i + 1 < argc; i += 2) {
        args[std::string(argv[i]).substr(2)] = argv[i + 1];
    }
    if (!args.count("out")) {
        std::fprintf(stderr, "usage: bitmarket-reconstruct-eval --out DIR [--quality normal] "
                             "[--views 30] [--scenes vase,box,blob,capsule]\n");
        return 1;
    }
    const fs::path out = args["out"];
    fs::create_directories(out);

    nlohmann::json summary = nlohmann::json::array();
    std::printf("%-8s %5s %5s %9s %9s %9s %6s %8s %7s %8s %8s %7s\n", "scene", "views", "reg",
                "precision", "recall", "F-score", "IoU", "outline", "tris", "seconds", "peakMB",
                "quality");
    for (const std::string& sceneName : split(args["scenes"])) {
        SyntheticSceneSpec spec;
        bool known = false;
        for (SyntheticObject object : SyntheticScene::all()) {
            if (SyntheticScene::name(object) == sceneName) {
                spec.object = object;
                known = true;
            }
        }
        if (!known) {
            std::fprintf(stderr, "unknown scene %s\n", sceneName.c_str());
            return 1;
        }
        spec.views = std::stoi(args["views"]);
        spec.width = std::stoi(args["width"]);
        spec.height = std::stoi(args["height"]);
        if (args["order"] == "shuffled") {
            spec.fileOrder = shuffledOrder(spec.views, 11);
        }
        const SyntheticScene scene(spec);
        const fs::path folder = out / sceneName;
        const bool scoreOnly = args.count("score-only") > 0;
        if (!scoreOnly) {
            fs::remove_all(folder);
        }
        const std::vector<SyntheticShot> shots = scene.photograph(folder / "images");
        if (args.count("render-only")) {
            continue;
        }

        const int status =
            scoreOnly ? 0
                      : runEngine({args["cli"], "--images", (folder / "images").string(), "--out",
                                   (folder / "model.glb").string(), "--report",
                                   (folder / "report.json").string(), "--preview",
                                   (folder / "preview.png").string(), "--quality",
                                   args["quality"], "--threads", "2"},
                                  folder / "progress.log");
        nlohmann::json result = {{"scene", sceneName}, {"views", spec.views}, {"exit", status}};
        std::ifstream reportIn(folder / "report.json");
        nlohmann::json report = nlohmann::json::parse(reportIn, nullptr, false);
        const GlbContents glb = GltfCheck::load((folder / "model.glb").string());
        if (status != 0 || report.is_discarded() || !glb.loaded) {
            result["error"] = "engine failed";
            summary.push_back(result);
            std::printf("%-8s failed (exit %d)\n", sceneName.c_str(), status);
            continue;
        }

        // Similarity GLB -> truth from the camera centres the engine registered.
        std::vector<Eigen::Vector3d> glbCentres, trueCentres;
        for (const auto& c : report["cameras"]) {
            const Camera camera = cameraFromJson(c);
            for (const auto& shot : shots) {
                if (shot.file == camera.image) {
                    glbCentres.push_back(camera.center());
                    trueCentres.push_back(shot.camera.center());
                }
            }
        }
        const double diagonal = (scene.objectMax() - scene.objectMin()).norm();
        const std::vector<Eigen::Vector3d> truth = scene.surfaceSamples(200000);
        eval::SurfaceScore score;
        eval::SilhouetteScore outline;
        double cameraError = -1;
        if (glbCentres.size() >= 3) {
            Eigen::Matrix3Xd src(3, glbCentres.size()), dst(3, glbCentres.size());
            for (std::size_t i = 0; i < glbCentres.size(); ++i) {
                src.col(i) = glbCentres[i];
                dst.col(i) = trueCentres[i];
            }
            const Eigen::Matrix4d T = Eigen::umeyama(src, dst, true);
            cameraError = 0;
            for (std::size_t i = 0; i < glbCentres.size(); ++i) {
                cameraError +=
                    ((T.block<3, 3>(0, 0) * src.col(i) + T.block<3, 1>(0, 3)) - dst.col(i)).norm();
            }
            cameraError /= glbCentres.size() * diagonal;
            std::vector<Eigen::Vector3d> reconstructed = sampleMesh(glb, 200000);
            for (auto& p : reconstructed) {
                p = T.block<3, 3>(0, 0) * p + T.block<3, 1>(0, 3);
            }
            score = eval::SurfaceScore::compare(reconstructed, truth, 0.01 * diagonal);

            SurfaceMesh model;
            for (const Eigen::Vector3f& p : glb.positions) {
                model.positions.push_back(
                    (T.block<3, 3>(0, 0) * p.cast<double>() + T.block<3, 1>(0, 3)).cast<float>());
            }
            for (std::size_t t = 0; t + 2 < glb.indices.size(); t += 3) {
                model.triangles.emplace_back(glb.indices[t], glb.indices[t + 1],
                                             glb.indices[t + 2]);
            }
            std::vector<Camera> views;
            for (const SyntheticShot& shot : shots) {
                views.push_back(shot.camera.scaled(640.0 / shot.camera.width));
            }
            outline = eval::SilhouetteScore::compare(views, scene.objectSurface(), model,
                                                     scene.tableSurface());
        }
        result.update(
            {{"registered", report["images_registered"]},
             {"quality", report["quality"]},
             {"triangles", report["triangles"]},
             {"total_seconds", report["total_seconds"]},
             {"stage_seconds", report["stage_seconds"]},
             {"peak_memory_mb", report["peak_memory_mb"]},
             {"tolerance_fraction_of_diagonal", 0.01},
             {"precision", score.precision},
             {"recall", score.recall},
             {"fscore", score.fscore},
             {"mean_accuracy_fraction_of_diagonal", score.meanAccuracy / diagonal},
             {"mean_completeness_fraction_of_diagonal", score.meanCompleteness / diagonal},
             {"mean_camera_error_fraction_of_diagonal", cameraError},
             {"silhouette_iou", outline.iou},
             {"outline_error_pixels_at_640", outline.outlinePixels},
             {"silhouette_missing_share", outline.missingShare},
             {"silhouette_excess_share", outline.excessShare}});
        summary.push_back(result);
        std::printf("%-8s %5d %5d %9.3f %9.3f %9.3f %6.3f %8.2f %7d %8.1f %8.0f %7s\n",
                    sceneName.c_str(), spec.views, int(report["images_registered"]),
                    score.precision, score.recall, score.fscore, outline.iou, outline.outlinePixels,
                    int(report["triangles"]), double(report["total_seconds"]),
                    double(report["peak_memory_mb"]), std::string(report["quality"]).c_str());
        std::fflush(stdout);
    }
    std::ofstream(out / "summary.json") << summary.dump(2) << '\n';
    return 0;
}
