// bitmarket-reconstruct: seller photos -> textured GLB, on the CPU.
//
//   bitmarket-reconstruct --images DIR --out model.glb [--report report.json]
//       [--preview preview.png] [--threads N] [--quality draft|normal|high]
//       [--work DIR] [--colmap PATH]
//
// The model worker runs this as a subprocess. Its flags, the progress lines on
// stdout, the keys of report.json and the exit status are the protocol in
// reconstruct/EngineProtocol.h. The report is written in every case where
// arguments were valid.
#include "reconstruct/EngineProtocol.h"
#include "reconstruct/ProgressReporter.h"
#include "reconstruct/ReconstructionOptions.h"
#include "reconstruct/ReconstructionPipeline.h"
#include "reconstruct/ReconstructionReport.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <map>
#include <opencv2/core.hpp>
#include <string>

using namespace bitmarket::reconstruct;
namespace flag = bitmarket::reconstruct::protocol::flag;
using bitmarket::reconstruct::protocol::ExitCode;

namespace {

int usage(const char* problem) {
    std::fprintf(stderr,
                 "error: %s\nusage: bitmarket-reconstruct --images DIR --out model.glb "
                 "[--report report.json] [--preview preview.png] [--threads N] "
                 "[--quality draft|normal|high] [--work DIR] [--colmap PATH]\n",
                 problem);
    return int(ExitCode::BadArguments);
}

} // namespace

int main(int argc, char** argv) {
    std::map<std::string, std::string, std::less<>> args;
    for (int i = 1; i < argc; ++i) {
        const std::string key = argv[i];
        if (key.rfind("--", 0) != 0 || i + 1 >= argc) {
            return usage(("unexpected argument " + key).c_str());
        }
        if (std::find(flag::kAll.begin(), flag::kAll.end(), key) == flag::kAll.end()) {
            return usage(("unknown option " + key).c_str());
        }
        args[key] = argv[++i];
    }
    const auto given = [&](std::string_view name) { return args.find(name) != args.end(); };
    const auto value = [&](std::string_view name) {
        const auto found = args.find(name);
        return found == args.end() ? std::string() : found->second;
    };
    if (!given(flag::kImages) || !given(flag::kOut)) {
        return usage("--images and --out are required");
    }
    Quality quality = Quality::Normal;
    if (given(flag::kQuality)) {
        const auto parsed = ReconstructionOptions::parseQuality(value(flag::kQuality));
        if (!parsed) {
            return usage("--quality must be draft, normal or high");
        }
        quality = *parsed;
    }
    ReconstructionOptions options = ReconstructionOptions::forQuality(quality);
    if (given(flag::kThreads)) {
        options.threads = std::max(1, std::atoi(value(flag::kThreads).c_str()));
    }
    if (given(flag::kColmap)) {
        options.colmapBinary = value(flag::kColmap);
    }
    cv::setNumThreads(options.threads);

    ReconstructionRequest request;
    request.images = value(flag::kImages);
    request.model = value(flag::kOut);
    request.preview = value(flag::kPreview);
    request.workDir = value(flag::kWork);

    ProgressReporter progress(stdout);
    ReconstructionReport report;
    auto result = ReconstructionPipeline(options, progress).run(request, report);
    if (!result) {
        report.quality = protocol::quality::kFailed;
        report.warnings.push_back(result.error());
        report.stageSeconds = progress.stageSeconds();
        report.totalSeconds = progress.totalSeconds();
        report.peakMemoryMb = ReconstructionReport::peakMemoryMegabytes();
        std::fprintf(stderr, "error: %s\n", result.error().c_str());
    }
    if (given(flag::kReport) && !report.write(value(flag::kReport))) {
        std::fprintf(stderr, "error: cannot write %s\n", value(flag::kReport).c_str());
        return int(ExitCode::NoModel);
    }
    return int(result ? ExitCode::ModelWritten : ExitCode::NoModel);
}
