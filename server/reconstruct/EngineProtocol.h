// The contract between the model worker and the engine it runs as a child
// process, bitmarket-reconstruct: the flags, the progress lines on the
// engine's stdout, the keys of report.json and the exit codes. Both sides
// include this one file, so neither keeps its own copy of the other's names.
// Standard library only: the server includes it without linking the engine.
//
// Progress: one line per update, "progress <stage> <fraction>", the fraction
// a decimal in [0, 1] within that stage. Every stage starts with 0 and ends
// with 1. Diagnostics go to stderr only.
#pragma once

#include <array>
#include <charconv>
#include <optional>
#include <string_view>

namespace bitmarket::reconstruct::protocol {

inline constexpr std::string_view kProgram = "bitmarket-reconstruct";

// Each flag takes one value.
namespace flag {
inline constexpr std::string_view kImages = "--images";   // folder of photos; required
inline constexpr std::string_view kOut = "--out";         // the .glb to write; required
inline constexpr std::string_view kReport = "--report";   // report.json to write
inline constexpr std::string_view kPreview = "--preview"; // preview .png to write
inline constexpr std::string_view kThreads = "--threads";
inline constexpr std::string_view kQuality = "--quality"; // draft, normal or high
inline constexpr std::string_view kWork = "--work";       // scratch folder, kept when given
inline constexpr std::string_view kColmap = "--colmap";   // the COLMAP program
inline constexpr std::array kAll{kImages,  kOut,     kReport, kPreview,
                                 kThreads, kQuality, kWork,   kColmap};
} // namespace flag

enum class ExitCode { ModelWritten = 0, BadArguments = 1, NoModel = 2 };

inline constexpr std::string_view kProgressWord = "progress";

enum class Stage { Load, Sfm, Depth, Fusion, Mesh, Texture, Approximate, Export };

// A run takes kStepCount steps: load, sfm, depth, fusion, mesh, texture,
// export. When the photos cannot carry a full model, approximate stands in
// for the steps the full path did not finish, as the one before export.
inline constexpr int kStepCount = 7;

struct StageInfo {
    Stage stage;
    std::string_view name;
    int step; // 0 .. kStepCount - 1
};

// In the order a run reports them.
inline constexpr std::array<StageInfo, 8> kStages{{{Stage::Load, "load", 0},
                                                   {Stage::Sfm, "sfm", 1},
                                                   {Stage::Depth, "depth", 2},
                                                   {Stage::Fusion, "fusion", 3},
                                                   {Stage::Mesh, "mesh", 4},
                                                   {Stage::Texture, "texture", 5},
                                                   {Stage::Approximate, "approximate", 5},
                                                   {Stage::Export, "export", 6}}};

static_assert(
    [] {
        for (std::size_t i = 0; i < kStages.size(); ++i) {
            if (kStages[i].stage != Stage(i) || kStages[i].step < 0 ||
                kStages[i].step >= kStepCount) {
                return false;
            }
        }
        return true;
    }(),
    "kStages lists every stage once, in the order of the enum, within the steps");

constexpr const StageInfo& stageInfo(Stage stage) {
    return kStages[static_cast<std::size_t>(stage)];
}

constexpr std::string_view stageName(Stage stage) {
    return stageInfo(stage).name;
}

constexpr std::optional<Stage> stageNamed(std::string_view name) {
    for (const StageInfo& info : kStages) {
        if (info.name == name) {
            return info.stage;
        }
    }
    return std::nullopt;
}

// How far the whole run is, 0..1, once `stage` is `fraction` done.
constexpr double overallProgress(Stage stage, double fraction) {
    const double within = fraction < 0 ? 0 : fraction > 1 ? 1 : fraction;
    return (stageInfo(stage).step + within) / kStepCount;
}

struct ProgressLine {
    Stage stage;
    double fraction;
};

// One stdout line of the engine (without its line break), or nothing for a
// line that is not a progress report of a known stage.
inline std::optional<ProgressLine> parseProgressLine(std::string_view line) {
    const std::size_t first = line.find(' ');
    const std::size_t second = line.find(' ', first + 1);
    if (first == std::string_view::npos || second == std::string_view::npos ||
        line.substr(0, first) != kProgressWord) {
        return std::nullopt;
    }
    const std::optional<Stage> stage = stageNamed(line.substr(first + 1, second - first - 1));
    const std::string_view number = line.substr(second + 1);
    double fraction = -1;
    const auto [end, error] =
        std::from_chars(number.data(), number.data() + number.size(), fraction);
    if (!stage || error != std::errc() || end != number.data() + number.size() || fraction < 0 ||
        fraction > 1) {
        return std::nullopt;
    }
    return ProgressLine{*stage, fraction};
}

// The keys of report.json.
namespace report {
inline constexpr std::string_view kQuality = "quality"; // one of the quality:: values below
inline constexpr std::string_view kRequestedQuality = "requested_quality";
inline constexpr std::string_view kStageSeconds = "stage_seconds"; // stage name -> seconds
inline constexpr std::string_view kTotalSeconds = "total_seconds";
inline constexpr std::string_view kPeakMemoryMb = "peak_memory_mb";
inline constexpr std::string_view kImagesUsed = "images_used";
inline constexpr std::string_view kImagesRegistered = "images_registered";
inline constexpr std::string_view kSparsePoints = "sparse_points";
inline constexpr std::string_view kPoints = "points";
inline constexpr std::string_view kTriangles = "triangles";
inline constexpr std::string_view kUnits = "units";
inline constexpr std::string_view kUpAxis = "up_axis";
inline constexpr std::string_view kWarnings = "warnings";
inline constexpr std::string_view kCameras = "cameras";
inline constexpr std::array kAll{
    kQuality,    kRequestedQuality, kStageSeconds, kTotalSeconds, kPeakMemoryMb,
    kImagesUsed, kImagesRegistered, kSparsePoints, kPoints,       kTriangles,
    kUnits,      kUpAxis,           kWarnings,     kCameras};
} // namespace report

// The values of report.json's "quality".
namespace quality {
inline constexpr std::string_view kFull = "full";
inline constexpr std::string_view kApproximate = "approximate";
inline constexpr std::string_view kFailed = "failed";
} // namespace quality

} // namespace bitmarket::reconstruct::protocol
