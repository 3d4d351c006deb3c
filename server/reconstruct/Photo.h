// One seller photo after EXIF orientation has been applied.
#pragma once

#include <opencv2/core.hpp>
#include <string>

namespace bitmarket::reconstruct {

struct Photo {
    std::string name;  // file name inside the upload folder
    cv::Mat image;     // BGR, upright, downscaled to the working size
    int originalWidth; // upright size of the file as uploaded
    int originalHeight;
    double focalPixels; // focal length in original upright pixels; 0 when EXIF has none

    double scaleToOriginal() const { return double(originalWidth) / image.cols; }
};

} // namespace bitmarket::reconstruct
