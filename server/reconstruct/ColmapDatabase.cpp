#include "reconstruct/ColmapDatabase.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>
#include <numeric>
#include <sqlite3.h>

namespace bitmarket::reconstruct {

namespace {

struct Blob {
    int rows = 0;
    int cols = 0;
    std::vector<unsigned char> bytes;
};

// Every row of `table` (keypoints or descriptors): image_id -> its matrix.
Expected<std::map<long, Blob>> readBlobs(sqlite3* db, const char* sql) {
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &statement, nullptr) != SQLITE_OK) {
        return Failure{std::string("COLMAP database: ") + sqlite3_errmsg(db)};
    }
    std::map<long, Blob> blobs;
    while (sqlite3_step(statement) == SQLITE_ROW) {
        Blob& blob = blobs[long(sqlite3_column_int64(statement, 0))];
        blob.rows = sqlite3_column_int(statement, 1);
        blob.cols = sqlite3_column_int(statement, 2);
        const auto* data = static_cast<const unsigned char*>(sqlite3_column_blob(statement, 3));
        blob.bytes.assign(data, data + sqlite3_column_bytes(statement, 3));
    }
    sqlite3_finalize(statement);
    return blobs;
}

} // namespace

Expected<std::vector<PhotoFeatures>>
ColmapDatabase::readFeatures(const std::filesystem::path& database) {
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(database.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        sqlite3_close(db);
        return Failure{"cannot open the COLMAP database " + database.string()};
    }
    std::map<long, std::string> names;
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT image_id, name FROM images", -1, &statement, nullptr) ==
        SQLITE_OK) {
        while (sqlite3_step(statement) == SQLITE_ROW) {
            names[long(sqlite3_column_int64(statement, 0))] =
                reinterpret_cast<const char*>(sqlite3_column_text(statement, 1));
        }
    }
    sqlite3_finalize(statement);
    auto keypoints = readBlobs(db, "SELECT image_id, rows, cols, data FROM keypoints");
    auto descriptors = readBlobs(db, "SELECT image_id, rows, cols, data FROM descriptors");
    sqlite3_close(db);
    if (!keypoints || !descriptors) {
        return Failure{keypoints ? descriptors.error() : keypoints.error()};
    }

    std::vector<PhotoFeatures> out;
    for (const auto& [id, name] : names) {
        PhotoFeatures features;
        features.colmapName = name;
        const auto k = keypoints->find(id);
        const auto d = descriptors->find(id);
        // Keypoints are float rows (x, y[, scale, orientation | a11 a12 a21 a22]),
        // descriptors 128 bytes per row.
        if (k != keypoints->end() && d != descriptors->end() && k->second.rows == d->second.rows &&
            k->second.cols >= 2 && d->second.cols == 128 &&
            k->second.bytes.size() == std::size_t(k->second.rows * k->second.cols) * 4 &&
            d->second.bytes.size() == std::size_t(d->second.rows) * 128) {
            const int rows = k->second.rows, cols = k->second.cols;
            std::vector<float> values(std::size_t(rows) * cols);
            std::memcpy(values.data(), k->second.bytes.data(), k->second.bytes.size());
            const auto scale = [&](int r) {
                const float* row = &values[std::size_t(r) * cols];
                if (cols == 6) {
                    return std::sqrt(std::abs(row[2] * row[5] - row[3] * row[4]));
                }
                return cols >= 3 ? row[2] : 1.f;
            };
            std::vector<int> order(rows);
            std::iota(order.begin(), order.end(), 0);
            std::stable_sort(order.begin(), order.end(),
                             [&](int a, int b) { return scale(a) > scale(b); });
            features.descriptors.resize(rows, 128);
            features.featureIds = order;
            for (int i = 0; i < rows; ++i) {
                const int r = order[i];
                features.positions.emplace_back(values[std::size_t(r) * cols],
                                                values[std::size_t(r) * cols + 1]);
                for (int c = 0; c < 128; ++c) {
                    features.descriptors(i, c) = d->second.bytes[std::size_t(r) * 128 + c];
                }
            }
            features.descriptors.rowwise().normalize();
        }
        out.push_back(std::move(features));
    }
    return out;
}

PhotoFeatures PhotoFeatures::strongest(int count) const {
    const int kept = std::min(count, int(descriptors.rows()));
    PhotoFeatures top;
    top.colmapName = colmapName;
    top.positions.assign(positions.begin(), positions.begin() + kept);
    top.descriptors = descriptors.topRows(kept);
    top.featureIds.assign(featureIds.begin(), featureIds.begin() + kept);
    return top;
}

} // namespace bitmarket::reconstruct
