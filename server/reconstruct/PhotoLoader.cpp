#include "reconstruct/PhotoLoader.h"

#include <algorithm>
#include <cctype>
#include <libexif/exif-data.h>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace bitmarket::reconstruct {
namespace {

struct ExifFacts {
    int orientation = 1;
    double focal35mm = 0;
};

ExifFacts readExif(const std::filesystem::path& file) {
    ExifFacts facts;
    ExifData* data = exif_data_new_from_file(file.c_str());
    if (!data) {
        return facts;
    }
    const ExifByteOrder order = exif_data_get_byte_order(data);
    if (ExifEntry* e = exif_data_get_entry(data, EXIF_TAG_ORIENTATION);
        e && e->format == EXIF_FORMAT_SHORT) {
        facts.orientation = exif_get_short(e->data, order);
    }
    if (ExifEntry* e = exif_data_get_entry(data, EXIF_TAG_FOCAL_LENGTH_IN_35MM_FILM);
        e && e->format == EXIF_FORMAT_SHORT) {
        facts.focal35mm = exif_get_short(e->data, order);
    }
    exif_data_unref(data);
    return facts;
}

bool isPhotoFile(const std::filesystem::path& path) {
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    return ext == ".jpg" || ext == ".jpeg" || ext == ".png" || ext == ".webp";
}

} // namespace

cv::Mat PhotoLoader::applyOrientation(const cv::Mat& stored, int orientation) {
    cv::Mat out;
    switch (orientation) {
    case 2:
        cv::flip(stored, out, 1);
        break;
    case 3:
        cv::rotate(stored, out, cv::ROTATE_180);
        break;
    case 4:
        cv::flip(stored, out, 0);
        break;
    case 5:
        cv::transpose(stored, out);
        break;
    case 6:
        cv::rotate(stored, out, cv::ROTATE_90_CLOCKWISE);
        break;
    case 7:
        cv::transpose(stored, out);
        cv::rotate(out, out, cv::ROTATE_180);
        break;
    case 8:
        cv::rotate(stored, out, cv::ROTATE_90_COUNTERCLOCKWISE);
        break;
    default:
        out = stored;
    }
    return out;
}

Expected<Photo> PhotoLoader::load(const std::filesystem::path& file) const {
    // Orientation is applied here rather than by OpenCV so that every format
    // and every tag value goes through one tested path.
    const cv::Mat stored =
        cv::imread(file.string(), cv::IMREAD_COLOR | cv::IMREAD_IGNORE_ORIENTATION);
    if (stored.empty()) {
        return Failure{"cannot decode " + file.filename().string()};
    }
    const ExifFacts exif = readExif(file);
    cv::Mat upright = applyOrientation(stored, exif.orientation);

    Photo photo;
    photo.name = file.filename().string();
    photo.originalWidth = upright.cols;
    photo.originalHeight = upright.rows;
    const int longSide = std::max(upright.cols, upright.rows);
    // 35 mm equivalent focal lengths are defined against the 36 mm film width,
    // i.e. the long side of the frame.
    photo.focalPixels = exif.focal35mm > 0 ? exif.focal35mm / 36.0 * longSide : 0.0;
    if (longSide > m_maxSide) {
        const double s = double(m_maxSide) / longSide;
        cv::resize(upright, photo.image, cv::Size(), s, s, cv::INTER_AREA);
    } else {
        photo.image = upright;
    }
    return photo;
}

Expected<std::vector<Photo>> PhotoLoader::loadFolder(const std::filesystem::path& folder) const {
    std::error_code ec;
    if (!std::filesystem::is_directory(folder, ec)) {
        return Failure{"not a folder: " + folder.string()};
    }
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
        if (entry.is_regular_file() && isPhotoFile(entry.path())) {
            files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    std::vector<Photo> photos;
    for (const auto& file : files) {
        auto photo = load(file);
        if (photo) {
            photos.push_back(std::move(photo).value());
        }
    }
    if (photos.empty()) {
        return Failure{"no readable photos in " + folder.string()};
    }
    return photos;
}

} // namespace bitmarket::reconstruct
