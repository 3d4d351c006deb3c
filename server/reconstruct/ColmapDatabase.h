// Reads what COLMAP's feature extractor stored in its SQLite database: each
// photo's name there and its strongest SIFT features, for the engine's own
// search for overlapping photos before COLMAP matches them in full.
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
};

class ColmapDatabase {
public:
    // The `strongest` features of every image: those of the largest scale,
    // the ones that survive a change of distance or resolution.
    static Expected<std::vector<PhotoFeatures>> readFeatures(const std::filesystem::path& database,
                                                             int strongest);
};

} // namespace bitmarket::reconstruct
