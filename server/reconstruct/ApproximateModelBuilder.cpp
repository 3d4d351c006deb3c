#include "reconstruct/ApproximateModelBuilder.h"

#include "reconstruct/TextureBaker.h"

#include <cmath>
#include <opencv2/imgproc.hpp>

namespace bitmarket::reconstruct {

int ApproximateModelBuilder::sharpestPhoto(const std::vector<Photo>& photos) {
    int best = 0;
    double bestSharpness = -1;
    for (std::size_t i = 0; i < photos.size(); ++i) {
        cv::Mat gray, small, laplacian;
        cv::cvtColor(photos[i].image, gray, cv::COLOR_BGR2GRAY);
        const double s = 512.0 / std::max(gray.cols, gray.rows);
        cv::resize(gray, small, cv::Size(), s, s, cv::INTER_AREA);
        cv::Laplacian(small, laplacian, CV_32F);
        cv::Scalar mean, stddev;
        cv::meanStdDev(laplacian, mean, stddev);
        if (stddev[0] > bestSharpness) {
            bestSharpness = stddev[0];
            best = int(i);
        }
    }
    return best;
}

cv::Mat1b ApproximateModelBuilder::segmentItem(const cv::Mat3b& image) {
    const double s = std::min(1.0, 400.0 / std::max(image.cols, image.rows));
    cv::Mat3b small;
    cv::resize(image, small, cv::Size(), s, s, cv::INTER_AREA);
    // Sellers centre the item; the outer tenth of the frame is background.
    const cv::Rect seed(small.cols / 10, small.rows / 10, small.cols * 8 / 10, small.rows * 8 / 10);
    cv::Mat mask(small.size(), CV_8U, cv::Scalar(cv::GC_BGD));
    cv::Mat background, foreground;
    cv::grabCut(small, mask, seed, background, foreground, 4, cv::GC_INIT_WITH_RECT);
    cv::Mat1b item = (mask == cv::GC_FGD) | (mask == cv::GC_PR_FGD);

    // Keep the largest blob, filled: the item, not specks of lookalike background.
    std::vector<std::vector<cv::Point>> contours;
    cv::findContours(item.clone(), contours, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_SIMPLE);
    cv::Mat1b out = cv::Mat1b::zeros(small.size());
    if (contours.empty()) {
        cv::ellipse(out,
                    cv::RotatedRect(cv::Point2f(small.cols / 2.f, small.rows / 2.f),
                                    cv::Size2f(seed.width, seed.height), 0),
                    cv::Scalar(255), cv::FILLED);
    } else {
        std::size_t largest = 0;
        for (std::size_t i = 1; i < contours.size(); ++i) {
            if (cv::contourArea(contours[i]) > cv::contourArea(contours[largest])) {
                largest = i;
            }
        }
        cv::drawContours(out, contours, int(largest), cv::Scalar(255), cv::FILLED);
    }
    cv::Mat1b full;
    cv::resize(out, full, image.size(), 0, 0, cv::INTER_LINEAR);
    return full > 127;
}

Expected<ApproximateModel> ApproximateModelBuilder::build(const std::vector<Photo>& photos) const {
    if (photos.empty()) {
        return Failure{"no photos"};
    }
    ApproximateModel model;
    model.photoIndex = sharpestPhoto(photos);
    const Photo& photo = photos[model.photoIndex];
    const cv::Mat3b image = photo.image;
    const cv::Mat1b item = segmentItem(image);
    const cv::Rect box = cv::boundingRect(item);
    if (box.area() < 16) {
        return Failure{"could not find the item in the photo"};
    }

    cv::Mat1f distance;
    cv::distanceTransform(item, distance, cv::DIST_L2, 5);
    double maxDistance = 0;
    cv::minMaxLoc(distance, nullptr, &maxDistance);

    // Built in the photo's pixel units: X right, Y up, Z towards the camera.
    const int cellsLong = 120;
    const double step = std::max(1.0, std::max(box.width, box.height) / double(cellsLong));
    const int gx = int(std::ceil(box.width / step)) + 1, gy = int(std::ceil(box.height / step)) + 1;
    const double cx = (image.cols - 1) / 2.0, cy = (image.rows - 1) / 2.0;
    const double thickness = 0.6; // depth of the bulge relative to the half-width
    SurfaceMesh surface;
    std::vector<Eigen::Vector2f> uvs;
    std::vector<int> front(gx * gy, -1), back(gx * gy, -1);
    for (int j = 0; j < gy; ++j) {
        for (int i = 0; i < gx; ++i) {
            const int px = std::min(image.cols - 1, int(box.x + i * step));
            const int py = std::min(image.rows - 1, int(box.y + j * step));
            if (!item(py, px)) {
                continue;
            }
            const double d = distance(py, px);
            // A circular profile: rounded at the rim, flat-ish in the middle.
            const double h = thickness * std::sqrt(std::max(0.0, d * (2 * maxDistance - d)));
            const Eigen::Vector2f uv(float((px + 0.5) / image.cols),
                                     float((py + 0.5) / image.rows));
            for (int side = 0; side < 2; ++side) {
                (side == 0 ? front : back)[j * gx + i] = int(surface.positions.size());
                surface.positions.emplace_back(float(px - cx), float(cy - py),
                                               float(side == 0 ? h : -h));
                uvs.push_back(uv);
            }
        }
    }
    for (int j = 0; j + 1 < gy; ++j) {
        for (int i = 0; i + 1 < gx; ++i) {
            const int a = j * gx + i, b = a + 1, c = a + gx, d = c + 1;
            if (front[a] < 0 || front[b] < 0 || front[c] < 0 || front[d] < 0) {
                continue;
            }
            surface.triangles.emplace_back(front[a], front[c], front[b]);
            surface.triangles.emplace_back(front[b], front[c], front[d]);
            surface.triangles.emplace_back(back[a], back[b], back[c]);
            surface.triangles.emplace_back(back[b], back[d], back[c]);
        }
    }
    if (surface.triangles.empty()) {
        return Failure{"the item's outline is too thin to inflate"};
    }

    // Only vertices of kept cells end up in the model; isolated mask pixels don't.
    Eigen::Vector3f lo = Eigen::Vector3f::Constant(1e30f), hi = -lo;
    for (const auto& t : surface.triangles) {
        for (int k = 0; k < 3; ++k) {
            lo = lo.cwiseMin(surface.positions[t[k]]);
            hi = hi.cwiseMax(surface.positions[t[k]]);
        }
    }
    const Eigen::Vector3f centre = (lo + hi) / 2;
    const float scale = 1.f / (hi - lo).maxCoeff();
    for (auto& p : surface.positions) {
        p = (p - centre) * scale;
    }
    const std::vector<Eigen::Vector3f> normals = TextureBaker::vertexNormals(surface);
    for (const auto& t : surface.triangles) {
        for (int k = 0; k < 3; ++k) {
            model.mesh.positions.push_back(surface.positions[t[k]]);
            model.mesh.normals.push_back(normals[t[k]]);
            model.mesh.uvs.push_back(uvs[t[k]]);
            model.mesh.indices.push_back(std::uint32_t(model.mesh.indices.size()));
        }
    }
    model.mesh.texture = image.clone();

    const double focal = photo.focalPixels > 0 ? photo.focalPixels / photo.scaleToOriginal()
                                               : 1.2 * std::max(image.cols, image.rows);
    Camera camera;
    camera.image = photo.name;
    camera.width = image.cols;
    camera.height = image.rows;
    camera.fx = camera.fy = focal;
    camera.cx = cx;
    camera.cy = cy;
    // Looking down -Z from distance f, so the Z = 0 slice lands on its own pixels.
    camera.R = Eigen::Vector3d(1, -1, -1).asDiagonal();
    camera.t = Eigen::Vector3d(0, 0, focal);
    model.camera =
        camera.inFrame(Eigen::Matrix3d::Identity(), scale, -scale * centre.cast<double>())
            .scaled(photo.scaleToOriginal());
    return model;
}

} // namespace bitmarket::reconstruct
