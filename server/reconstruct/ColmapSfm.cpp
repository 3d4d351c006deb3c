#include "reconstruct/ColmapSfm.h"

#include "reconstruct/ColmapDatabase.h"
#include "reconstruct/DescriptorMatcher.h"
#include "reconstruct/OverlapSearch.h"
#include "reconstruct/ParallelFor.h"

#include <Eigen/Geometry>
#include <algorithm>
#include <fcntl.h>
#include <fstream>
#include <map>
#include <opencv2/imgcodecs.hpp>
#include <set>
#include <spawn.h>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace bitmarket::reconstruct {
namespace fs = std::filesystem;

namespace {

bool nextDataLine(std::istream& in, std::string& line) {
    while (std::getline(in, line)) {
        if (!line.empty() && line[0] != '#') {
            return true;
        }
    }
    return false;
}

// The ids of the images a binary model registered. images.bin: a uint64
// count, then per image its uint32 id, pose (7 doubles), uint32 camera id,
// zero-terminated name and uint64 count of 2D points (x, y, point id: 24 bytes).
std::set<std::uint32_t> imagesIn(const fs::path& model) {
    std::ifstream in(model / "images.bin", std::ios::binary);
    std::uint64_t count = 0;
    in.read(reinterpret_cast<char*>(&count), sizeof count);
    std::set<std::uint32_t> ids;
    for (std::uint64_t i = 0; in && i < count; ++i) {
        std::uint32_t id = 0, camera = 0;
        double pose[7];
        in.read(reinterpret_cast<char*>(&id), sizeof id);
        in.read(reinterpret_cast<char*>(pose), sizeof pose);
        in.read(reinterpret_cast<char*>(&camera), sizeof camera);
        std::string name;
        std::getline(in, name, '\0');
        std::uint64_t observations = 0;
        in.read(reinterpret_cast<char*>(&observations), sizeof observations);
        in.seekg(std::streamoff(observations * 24), std::ios::cur);
        if (in) {
            ids.insert(id);
        }
    }
    return ids;
}

std::size_t shared(const std::set<std::uint32_t>& a, const std::set<std::uint32_t>& b) {
    std::size_t n = 0;
    for (std::uint32_t id : a) {
        n += b.count(id);
    }
    return n;
}

} // namespace

// COLMAP gets its arguments as a vector (no shell: a path with a quote or a
// `$(...)` in it is only a path), its output appended to colmap.log, and
// QT_QPA_PLATFORM=offscreen so it never looks for a display.
Expected<bool> ColmapSfm::runColmap(const std::vector<std::string>& arguments,
                                    const std::string& step) const {
    const fs::path log = m_workDir / "colmap.log";
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(m_options.colmapBinary.c_str()));
    for (const std::string& argument : arguments) {
        argv.push_back(const_cast<char*>(argument.c_str()));
    }
    argv.push_back(nullptr);
    std::vector<std::string> environment{"QT_QPA_PLATFORM=offscreen"};
    for (char** e = environ; *e; ++e) {
        if (std::string_view(*e).substr(0, 16) != "QT_QPA_PLATFORM=") {
            environment.emplace_back(*e);
        }
    }
    std::vector<char*> envp;
    for (std::string& e : environment) {
        envp.push_back(e.data());
    }
    envp.push_back(nullptr);

    posix_spawn_file_actions_t files;
    posix_spawn_file_actions_init(&files);
    posix_spawn_file_actions_addopen(&files, STDOUT_FILENO, log.c_str(),
                                     O_WRONLY | O_CREAT | O_APPEND, 0600);
    posix_spawn_file_actions_adddup2(&files, STDOUT_FILENO, STDERR_FILENO);
    pid_t child = 0;
    const int spawned = posix_spawnp(&child, argv[0], &files, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&files);
    int status = 0;
    if (spawned != 0 || waitpid(child, &status, 0) != child || !WIFEXITED(status) ||
        WEXITSTATUS(status) != 0) {
        return Failure{"COLMAP " + step + " failed (see " + log.string() + ")"};
    }
    return true;
}

Expected<SparseModel> ColmapSfm::run(const std::vector<Photo>& photos,
                                     ProgressReporter& progress) const {
    const fs::path images = m_workDir / "images";
    const fs::path database = m_workDir / "database.db";
    const fs::path sparse = m_workDir / "sparse";
    fs::create_directories(images);
    fs::create_directories(sparse);
    fs::remove(database);

    // COLMAP ignores EXIF orientation, so it gets the upright pixels we made.
    // Portrait and landscape shots of one phone go to separate folders so each
    // group shares one set of intrinsics.
    double focalFactor = 0;
    for (const Photo& photo : photos) {
        const fs::path group =
            images / (std::to_string(photo.image.cols) + "x" + std::to_string(photo.image.rows));
        fs::create_directories(group);
        cv::imwrite((group / photo.name).replace_extension(".jpg").string(), photo.image,
                    {cv::IMWRITE_JPEG_QUALITY, 95});
        if (photo.focalPixels > 0 && focalFactor == 0) {
            focalFactor = photo.focalPixels / std::max(photo.originalWidth, photo.originalHeight);
        }
    }
    progress.advance(0.05);

    const std::string threads = std::to_string(m_options.threads);
    std::vector<std::string> extract{"feature_extractor",
                                     "--database_path",
                                     database.string(),
                                     "--image_path",
                                     images.string(),
                                     "--ImageReader.camera_model",
                                     "SIMPLE_RADIAL",
                                     "--ImageReader.single_camera_per_folder",
                                     "1",
                                     "--SiftExtraction.use_gpu",
                                     "0",
                                     "--SiftExtraction.num_threads",
                                     threads,
                                     "--SiftExtraction.max_image_size",
                                     std::to_string(m_options.sfmMaxSide),
                                     "--SiftExtraction.max_num_features",
                                     std::to_string(m_options.maxFeatures),
                                     // One descriptor per keypoint: a second orientation made
                                     // up to 1.6 times as many, and matching costs their square.
                                     "--SiftExtraction.max_num_orientations",
                                     "1"};
    if (focalFactor > 0) {
        std::ostringstream factor;
        factor << focalFactor;
        extract.insert(extract.end(), {"--ImageReader.default_focal_length_factor", factor.str()});
    }
    if (auto ok = runColmap(extract, "feature extraction"); !ok) {
        return Failure{ok.error()};
    }
    progress.advance(0.3);

    if (auto ok = matchOverlappingPhotos(database); !ok) {
        return Failure{ok.error()};
    }
    progress.advance(0.6);

    // Fewer global bundle adjustments (after the model grew by 40%, not 10%) and fewer
    // refinement rounds: a 60-photo ring maps in 26 s instead of 35 s on 2 cores with the
    // same photos registered and the same reprojection error (0.499 px).
    const std::vector<std::string> mapper{"mapper",
                                          "--database_path",
                                          database.string(),
                                          "--image_path",
                                          images.string(),
                                          "--output_path",
                                          sparse.string(),
                                          "--Mapper.num_threads",
                                          threads,
                                          "--Mapper.ba_global_max_num_iterations",
                                          "30",
                                          "--Mapper.ba_local_max_num_iterations",
                                          "20",
                                          "--Mapper.ba_global_images_ratio",
                                          "1.4",
                                          "--Mapper.ba_global_points_ratio",
                                          "1.4",
                                          "--Mapper.ba_global_max_refinements",
                                          "2",
                                          "--Mapper.ba_local_max_refinements",
                                          "1"};
    if (auto ok = runColmap(mapper, "mapping"); !ok) {
        return Failure{ok.error()};
    }
    progress.advance(0.9);

    auto best = mergeSubModels(sparse);
    if (!best) {
        return Failure{best.error()};
    }
    const fs::path text = m_workDir / "model-text";
    fs::create_directories(text);
    if (auto ok = runColmap({"model_converter", "--input_path", best.value().string(),
                             "--output_path", text.string(), "--output_type", "TXT"},
                            "model export");
        !ok) {
        return Failure{ok.error()};
    }
    return readTextModel(text, photos);
}

// Every pair when that is affordable; beyond, the pairs OverlapSearch finds.
// Either way the file order plays no part. The engine matches the pairs'
// descriptors itself (DescriptorMatcher) and COLMAP checks each pair's matches
// against its two-view geometry.
Expected<bool> ColmapSfm::matchOverlappingPhotos(const fs::path& database) const {
    const std::vector<std::string> common{"--database_path", database.string(),
                                          "--SiftMatching.use_gpu", "0",
                                          "--SiftMatching.num_threads",
                                          std::to_string(m_options.threads)};
    auto read = ColmapDatabase::readFeatures(database);
    if (!read) {
        return Failure{read.error()};
    }
    const std::vector<PhotoFeatures>& photos = read.value();
    // COLMAP reads the list as two names split at a space; a name with one
    // (never the worker's photo_001.jpg) leaves COLMAP's own exhaustive matching.
    const bool listable =
        std::none_of(photos.begin(), photos.end(), [](const PhotoFeatures& photo) {
            return photo.colmapName.find(' ') != std::string::npos;
        });
    if (!listable) {
        std::vector<std::string> match{"exhaustive_matcher"};
        match.insert(match.end(), common.begin(), common.end());
        return runColmap(match, "matching");
    }
    std::vector<std::pair<int, int>> pairs;
    if (int(photos.size()) > m_options.exhaustiveMatchingMaxPhotos) {
        std::vector<PhotoFeatures> strongest;
        for (const PhotoFeatures& photo : photos) {
            strongest.push_back(photo.strongest(m_options.overlapSearchFeatures));
        }
        pairs = OverlapSearch(m_options.matchPartnersPerPhoto, m_options.threads)
                    .candidatePairs(strongest);
    } else {
        for (int i = 0; i < int(photos.size()); ++i) {
            for (int j = i + 1; j < int(photos.size()); ++j) {
                pairs.emplace_back(i, j);
            }
        }
    }
    if (pairs.empty()) {
        return Failure{"no two photos show the same part of the item"};
    }
    std::vector<std::vector<std::pair<int, int>>> matches(pairs.size());
    parallelFor(int(pairs.size()), m_options.threads, [&](int k) {
        matches[std::size_t(k)] = matchDescriptors(photos[std::size_t(pairs[k].first)].descriptors,
                                                   photos[std::size_t(pairs[k].second)].descriptors);
    });
    // COLMAP's raw match list: a line with the two names, a line per match with
    // the features' indices in each image, an empty line after each pair.
    const fs::path list = m_workDir / "matches.txt";
    std::ofstream out(list);
    for (std::size_t k = 0; k < pairs.size(); ++k) {
        if (matches[k].empty()) {
            continue;
        }
        const PhotoFeatures& a = photos[std::size_t(pairs[k].first)];
        const PhotoFeatures& b = photos[std::size_t(pairs[k].second)];
        out << a.colmapName << ' ' << b.colmapName << '\n';
        for (const auto& [i, j] : matches[k]) {
            out << a.featureIds[std::size_t(i)] << ' ' << b.featureIds[std::size_t(j)] << '\n';
        }
        out << '\n';
    }
    if (!out.flush()) {
        return Failure{"cannot write " + list.string()};
    }
    std::vector<std::string> verify{"matches_importer", "--match_list_path", list.string(),
                                    "--match_type", "raw"};
    verify.insert(verify.end(), common.begin(), common.end());
    return runColmap(verify, "matching");
}

// The mapper starts a new model when it cannot extend the current one; models
// that registered some of the same photos are one scene, so they are merged
// (and bundle-adjusted once more) instead of keeping only the largest.
Expected<fs::path> ColmapSfm::mergeSubModels(const fs::path& sparse) const {
    std::vector<std::pair<fs::path, std::set<std::uint32_t>>> models;
    for (const auto& entry : fs::directory_iterator(sparse)) {
        if (entry.is_directory()) {
            if (auto ids = imagesIn(entry.path()); !ids.empty()) {
                models.emplace_back(entry.path(), std::move(ids));
            }
        }
    }
    std::sort(models.begin(), models.end(),
              [](const auto& a, const auto& b) { return a.second.size() > b.second.size(); });
    if (models.empty() || models.front().second.size() < 2) {
        return Failure{"structure from motion registered fewer than two photos"};
    }
    auto [merged, ids] = models.front();
    models.erase(models.begin());
    int attempts = 0;
    bool anyMerged = false;
    for (bool grew = true; grew;) {
        grew = false;
        for (auto it = models.begin(); it != models.end();) {
            // A similarity between two models needs three shared camera centres.
            if (shared(ids, it->second) < 3) {
                ++it;
                continue;
            }
            const fs::path out = m_workDir / ("merged-" + std::to_string(++attempts));
            fs::create_directories(out);
            auto ok = runColmap({"model_merger", "--input_path1", merged.string(), "--input_path2",
                                 it->first.string(), "--output_path", out.string()},
                                "model merging");
            std::set<std::uint32_t> after = imagesIn(out);
            if (ok && after.size() > ids.size()) {
                merged = out;
                ids = std::move(after);
                grew = anyMerged = true;
            }
            it = models.erase(it);
        }
    }
    if (anyMerged) {
        if (auto ok =
                runColmap({"bundle_adjuster", "--input_path", merged.string(), "--output_path",
                           merged.string(), "--BundleAdjustment.max_num_iterations", "30"},
                          "bundle adjustment");
            !ok) {
            return Failure{ok.error()};
        }
    }
    return merged;
}

Expected<SparseModel> ColmapSfm::readTextModel(const fs::path& folder,
                                               const std::vector<Photo>& photos) {
    struct Intrinsics {
        int width, height;
        double f, cx, cy, k1;
    };
    std::map<int, Intrinsics> cameras;
    std::ifstream camerasIn(folder / "cameras.txt");
    std::string line;
    while (nextDataLine(camerasIn, line)) {
        std::istringstream in(line);
        int id;
        std::string model;
        Intrinsics c{};
        in >> id >> model >> c.width >> c.height >> c.f >> c.cx >> c.cy;
        if (model == "SIMPLE_RADIAL") {
            in >> c.k1;
        } else if (model != "SIMPLE_PINHOLE") {
            return Failure{"unexpected COLMAP camera model " + model};
        }
        cameras[id] = c;
    }

    std::map<std::string, int> photoByStem;
    for (std::size_t i = 0; i < photos.size(); ++i) {
        photoByStem[fs::path(photos[i].name).stem().string()] = int(i);
    }

    SparseModel model;
    std::map<long, int> pointIndex;
    std::ifstream pointsIn(folder / "points3D.txt");
    while (nextDataLine(pointsIn, line)) {
        std::istringstream in(line);
        long id;
        Eigen::Vector3d p;
        in >> id >> p.x() >> p.y() >> p.z();
        pointIndex[id] = int(model.points.size());
        model.points.push_back(p);
    }

    std::ifstream imagesIn(folder / "images.txt");
    while (nextDataLine(imagesIn, line)) {
        std::istringstream in(line);
        int imageId, cameraId;
        double qw, qx, qy, qz;
        SparseView view;
        std::string name;
        in >> imageId >> qw >> qx >> qy >> qz >> view.camera.t.x() >> view.camera.t.y() >>
            view.camera.t.z() >> cameraId >> name;
        std::string observations;
        std::getline(imagesIn, observations);
        const auto photo = photoByStem.find(fs::path(name).stem().string());
        const auto intrinsics = cameras.find(cameraId);
        if (photo == photoByStem.end() || intrinsics == cameras.end()) {
            continue;
        }
        view.photoIndex = photo->second;
        view.camera.image = photos[photo->second].name;
        view.camera.R = Eigen::Quaterniond(qw, qx, qy, qz).normalized().toRotationMatrix();
        const Intrinsics& c = intrinsics->second;
        view.camera.width = c.width;
        view.camera.height = c.height;
        view.camera.fx = view.camera.fy = c.f;
        // COLMAP puts pixel centres at +0.5; the engine uses OpenCV's integer centres.
        view.camera.cx = c.cx - 0.5;
        view.camera.cy = c.cy - 0.5;
        view.radialK1 = c.k1;
        std::istringstream obs(observations);
        double x, y;
        long pointId;
        while (obs >> x >> y >> pointId) {
            if (const auto it = pointIndex.find(pointId); pointId >= 0 && it != pointIndex.end()) {
                view.pointIds.push_back(it->second);
            }
        }
        model.views.push_back(std::move(view));
    }
    if (model.views.size() < 2) {
        return Failure{"COLMAP model has fewer than two usable views"};
    }
    return model;
}

} // namespace bitmarket::reconstruct
