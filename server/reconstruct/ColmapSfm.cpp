#include "reconstruct/ColmapSfm.h"

#include <Eigen/Geometry>
#include <cstdlib>
#include <fstream>
#include <map>
#include <opencv2/imgcodecs.hpp>
#include <sstream>

namespace bitmarket::reconstruct {
namespace fs = std::filesystem;

namespace {

std::string quoted(const fs::path& path) {
    return "'" + path.string() + "'";
}

bool nextDataLine(std::istream& in, std::string& line) {
    while (std::getline(in, line)) {
        if (!line.empty() && line[0] != '#') {
            return true;
        }
    }
    return false;
}

int imagesIn(const fs::path& model) {
    // images.bin starts with the count of registered images as uint64.
    std::ifstream in(model / "images.bin", std::ios::binary);
    std::uint64_t count = 0;
    in.read(reinterpret_cast<char*>(&count), sizeof count);
    return in ? int(count) : 0;
}

} // namespace

Expected<bool> ColmapSfm::runColmap(const std::string& arguments, const std::string& step) const {
    const fs::path log = m_workDir / "colmap.log";
    const std::string command = "QT_QPA_PLATFORM=offscreen " + m_options.colmapBinary + " " +
                                arguments + " >> " + quoted(log) + " 2>&1";
    const int status = std::system(command.c_str());
    if (status != 0) {
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
    std::ostringstream extract;
    extract << "feature_extractor --database_path " << quoted(database) << " --image_path "
            << quoted(images) << " --ImageReader.camera_model SIMPLE_RADIAL"
            << " --ImageReader.single_camera_per_folder 1"
            << " --SiftExtraction.use_gpu 0 --SiftExtraction.num_threads " << threads
            << " --SiftExtraction.max_image_size " << m_options.sfmMaxSide
            << " --SiftExtraction.max_num_features " << m_options.maxFeatures;
    if (focalFactor > 0) {
        extract << " --ImageReader.default_focal_length_factor " << focalFactor;
    }
    if (auto ok = runColmap(extract.str(), "feature extraction"); !ok) {
        return Failure{ok.error()};
    }
    progress.advance(0.3);

    std::ostringstream match;
    // Exhaustive matching is quadratic; past ~40 photos a walk-around order
    // makes sequential matching with a generous overlap just as complete.
    if (photos.size() <= 40) {
        match << "exhaustive_matcher";
    } else {
        match << "sequential_matcher --SequentialMatching.overlap 12";
    }
    match << " --database_path " << quoted(database)
          << " --SiftMatching.use_gpu 0 --SiftMatching.num_threads " << threads;
    if (auto ok = runColmap(match.str(), "matching"); !ok) {
        return Failure{ok.error()};
    }
    progress.advance(0.6);

    std::ostringstream mapper;
    mapper << "mapper --database_path " << quoted(database) << " --image_path " << quoted(images)
           << " --output_path " << quoted(sparse) << " --Mapper.num_threads " << threads
           << " --Mapper.ba_global_max_num_iterations 30 --Mapper.ba_local_max_num_iterations 20";
    if (auto ok = runColmap(mapper.str(), "mapping"); !ok) {
        return Failure{ok.error()};
    }
    progress.advance(0.9);

    fs::path best;
    int bestImages = 0;
    for (const auto& entry : fs::directory_iterator(sparse)) {
        const int n = imagesIn(entry.path());
        if (entry.is_directory() && n > bestImages) {
            best = entry.path();
            bestImages = n;
        }
    }
    if (bestImages < 2) {
        return Failure{"structure from motion registered fewer than two photos"};
    }
    const fs::path text = m_workDir / "model-text";
    fs::create_directories(text);
    if (auto ok = runColmap("model_converter --input_path " + quoted(best) + " --output_path " +
                                quoted(text) + " --output_type TXT",
                            "model export");
        !ok) {
        return Failure{ok.error()};
    }
    return readTextModel(text, photos);
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
