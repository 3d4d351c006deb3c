// Reads a seller's upload folder: decodes JPEG/PNG/WebP, turns each photo
// upright from its EXIF Orientation (phones store pixels sideways) and picks up
// the focal length so structure from motion starts from a good guess.
#pragma once

#include "reconstruct/Expected.h"
#include "reconstruct/Photo.h"

#include <filesystem>
#include <vector>

namespace bitmarket::reconstruct {

class PhotoLoader {
public:
    explicit PhotoLoader(int maxSide) : m_maxSide(maxSide) {}

    Expected<std::vector<Photo>> loadFolder(const std::filesystem::path& folder) const;
    Expected<Photo> load(const std::filesystem::path& file) const;

    // EXIF orientation 1..8 applied to pixels as stored; other values are left as is.
    static cv::Mat applyOrientation(const cv::Mat& stored, int orientation);

private:
    int m_maxSide;
};

} // namespace bitmarket::reconstruct
