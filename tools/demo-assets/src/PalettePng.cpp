#include "PalettePng.h"

#include <algorithm>
#include <array>
#include <limits>
#include <opencv2/core.hpp>
#include <vector>

namespace {

constexpr int kColours = 256;

} // namespace

bool PalettePng::write(const QImage& image, const QString& path) {
    const QImage rgb = image.convertToFormat(QImage::Format_RGB888);
    const int width = rgb.width(), height = rgb.height();
    // The palette comes from k-means over a quarter of the pixels.
    cv::Mat samples(0, 3, CV_32F);
    for (int y = 0; y < height; y += 2) {
        const uchar* line = rgb.constScanLine(y);
        for (int x = 0; x < width; x += 2) {
            const float pixel[3] = {float(line[3 * x]), float(line[3 * x + 1]),
                                    float(line[3 * x + 2])};
            samples.push_back(cv::Mat(1, 3, CV_32F, const_cast<float*>(pixel)));
        }
    }
    cv::Mat labels, centres;
    cv::setRNGSeed(7);
    cv::kmeans(samples, kColours, labels,
               cv::TermCriteria(cv::TermCriteria::EPS + cv::TermCriteria::COUNT, 12, 0.25), 1,
               cv::KMEANS_PP_CENTERS, centres);
    std::vector<std::array<float, 3>> palette(kColours);
    QVector<QRgb> table(kColours);
    for (int i = 0; i < kColours; ++i) {
        for (int k = 0; k < 3; ++k) {
            palette[i][k] = std::clamp(std::round(centres.at<float>(i, k)), 0.0f, 255.0f);
        }
        table[i] = qRgb(int(palette[i][0]), int(palette[i][1]), int(palette[i][2]));
    }
    // Floyd-Steinberg error diffusion hides the banding a fixed palette would leave in the
    // soft shadows and the backdrop gradient.
    std::vector<std::array<float, 3>> current(width + 2), next(width + 2);
    QImage indexed(width, height, QImage::Format_Indexed8);
    indexed.setColorTable(table);
    for (int y = 0; y < height; ++y) {
        const uchar* line = rgb.constScanLine(y);
        uchar* out = indexed.scanLine(y);
        std::fill(next.begin(), next.end(), std::array<float, 3>{0, 0, 0});
        for (int x = 0; x < width; ++x) {
            float want[3];
            for (int k = 0; k < 3; ++k) {
                want[k] = std::clamp(line[3 * x + k] + current[x + 1][k], 0.0f, 255.0f);
            }
            int best = 0;
            float bestDistance = std::numeric_limits<float>::max();
            for (int i = 0; i < kColours; ++i) {
                const float dr = want[0] - palette[i][0], dg = want[1] - palette[i][1],
                            db = want[2] - palette[i][2];
                const float distance = dr * dr + dg * dg + db * db;
                if (distance < bestDistance) {
                    bestDistance = distance;
                    best = i;
                }
            }
            out[x] = uchar(best);
            for (int k = 0; k < 3; ++k) {
                const float error = want[k] - palette[best][k];
                current[x + 2][k] += error * 7 / 16;
                next[x][k] += error * 3 / 16;
                next[x + 1][k] += error * 5 / 16;
                next[x + 2][k] += error * 1 / 16;
            }
        }
        std::swap(current, next);
    }
    return indexed.save(path, "PNG", 9);
}
