// report.json (its keys are in EngineProtocol.h): what the model worker
// stores next to the model and shows to the seller. Camera poses are in the
// GLB's frame, x_cam = R * x_glb + t, with intrinsics in the pixels of the
// uploaded photo after EXIF orientation (pixel centres at integer coordinates).
#pragma once

#include "reconstruct/Camera.h"
#include "reconstruct/EngineProtocol.h"

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

namespace bitmarket::reconstruct {

struct ReconstructionReport {
    std::string quality{protocol::quality::kFull}; // or kApproximate, kFailed
    std::string requestedQuality = "normal";
    std::vector<std::pair<std::string, double>> stageSeconds;
    double totalSeconds = 0;
    double peakMemoryMb = 0;
    int imagesUsed = 0;
    int imagesRegistered = 0;
    long sparsePoints = 0;
    long points = 0;
    long triangles = 0;
    std::string units = "normalised"; // largest side of the model is 1
    std::vector<std::string> warnings;
    std::vector<Camera> cameras;

    nlohmann::json toJson() const;
    bool write(const std::filesystem::path& file) const;

    // Peak resident memory of this process and of its finished children (COLMAP).
    static double peakMemoryMegabytes();
};

} // namespace bitmarket::reconstruct
