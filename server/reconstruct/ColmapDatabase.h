// Reads what COLMAP's feature extractor stored in its SQLite database: each
// photo's name there and its SIFT features, strongest first, for the engine's
// own search for overlapping photos and its matching of them in full.
#pragma once

#include "reconstruct/Expected.h"

#include <Eigen/Core>
#include <filesystem>
#include <opencv2/core/types.hpp>
#include <string>
#include <vector>

namespace bitmarket::reconstruct {

struct PhotoFeatures {
    std::string colmapName;             // the image's name in the database
    std::vector<cv::Point2f> positions; // pixels
    Eigen::MatrixXf descriptors;        // one unit-length SIFT descriptor per row
    std::vector<int> featureIds;        // each row's index among the image's features in COLMAP

    // The first `count` (the strongest) of these features.
    PhotoFeatures strongest(int count) const;
};

class ColmapDatabase {
public:
    // The features of every image, those of the largest scale (the ones that
    // survive a change of distance or resolution) first.
    static Expected<std::vector<PhotoFeatures>> readFeatures(const std::filesystem::path& database);
};

} // namespace bitmarket::reconstruct
