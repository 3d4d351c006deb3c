#include "reconstruct/ReconstructionReport.h"

#include <algorithm>
#include <fstream>
#include <sys/resource.h>

namespace bitmarket::reconstruct {

nlohmann::json ReconstructionReport::toJson() const {
    nlohmann::json stages = nlohmann::json::object();
    for (const auto& [stage, seconds] : stageSeconds) {
        stages[stage] = seconds;
    }
    nlohmann::json cams = nlohmann::json::array();
    for (const Camera& c : cameras) {
        nlohmann::json R = nlohmann::json::array();
        for (int r = 0; r < 3; ++r) {
            for (int k = 0; k < 3; ++k) {
                R.push_back(c.R(r, k));
            }
        }
        cams.push_back({{"image", c.image},
                        {"width", c.width},
                        {"height", c.height},
                        {"fx", c.fx},
                        {"fy", c.fy},
                        {"cx", c.cx},
                        {"cy", c.cy},
                        {"R", R},
                        {"t", {c.t.x(), c.t.y(), c.t.z()}}});
    }
    namespace key = protocol::report;
    return {{key::kQuality, quality},
            {key::kRequestedQuality, requestedQuality},
            {key::kStageSeconds, stages},
            {key::kTotalSeconds, totalSeconds},
            {key::kPeakMemoryMb, peakMemoryMb},
            {key::kImagesUsed, imagesUsed},
            {key::kImagesRegistered, imagesRegistered},
            {key::kSparsePoints, sparsePoints},
            {key::kPoints, points},
            {key::kTriangles, triangles},
            {key::kUnits, units},
            {key::kUpAxis, "+Y"},
            {key::kWarnings, warnings},
            {key::kCameras, cams}};
}

bool ReconstructionReport::write(const std::filesystem::path& file) const {
    std::ofstream out(file);
    out << toJson().dump(2) << '\n';
    return bool(out);
}

double ReconstructionReport::peakMemoryMegabytes() {
    rusage self{}, children{};
    getrusage(RUSAGE_SELF, &self);
    getrusage(RUSAGE_CHILDREN, &children);
    return std::max(self.ru_maxrss, children.ru_maxrss) / 1024.0; // ru_maxrss is in KiB
}

} // namespace bitmarket::reconstruct
