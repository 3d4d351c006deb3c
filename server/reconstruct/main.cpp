// bitmarket-reconstruct: seller photos -> textured GLB, on the CPU.
//
//   bitmarket-reconstruct --images DIR --out model.glb [--report report.json]
//       [--preview preview.png] [--threads N] [--quality draft|normal|high]
//       [--work DIR] [--colmap PATH]
//
// The media worker runs this as a subprocess. Its stdout is a stable,
// line-oriented progress stream, one line per update:
//
//   progress <stage> <fraction>
//
// where <stage> is one of load, sfm, depth, fusion, mesh, texture,
// approximate, export (in that order; approximate only when falling back) and
// <fraction> is a decimal in [0, 1] for that stage. Every stage starts with 0
// and ends with 1. Diagnostics go to stderr only.
//
// Exit status: 0 when a model was written (full or approximate, see
// report.json "quality"), 1 on bad arguments, 2 when no model could be made.
// The report is written in every case where arguments were valid.
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

namespace {

int usage(const char* problem) {
    std::fprintf(stderr,
                 "error: %s\nusage: bitmarket-reconstruct --images DIR --out model.glb "
                 "[--report report.json] [--preview preview.png] [--threads N] "
                 "[--quality draft|normal|high] [--work DIR] [--colmap PATH]\n",
                 problem);
    return 1;
}

} // namespace

int main(int argc, char** argv) {
    std::map<std::string, std::string> args;
    for (int i = 1; i < argc; ++i) {
        const std::string key = argv[i];
        if (key.rfind("--", 0) != 0 || i + 1 >= argc) {
            return usage(("unexpected argument " + key).c_str());
        }
        args[key.substr(2)] = argv[++i];
    }
    for (const auto& [key, value] : args) {
        static const char* known[] = {"images",  "out",     "report", "preview",
                                      "threads", "quality", "work",   "colmap"};
        if (std::none_of(std::begin(known), std::end(known),
                         [&](const char* k) { return key == k; })) {
            return usage(("unknown option --" + key).c_str());
        }
    }
    if (!args.count("images") || !args.count("out")) {
        return usage("--images and --out are required");
    }
    Quality quality = Quality::Normal;
    if (args.count("quality")) {
        const auto parsed = ReconstructionOptions::parseQuality(args["quality"]);
        if (!parsed) {
            return usage("--quality must be draft, normal or high");
        }
        quality = *parsed;
    }
    ReconstructionOptions options = ReconstructionOptions::forQuality(quality);
    if (args.count("threads")) {
        options.threads = std::max(1, std::atoi(args["threads"].c_str()));
    }
    if (args.count("colmap")) {
        options.colmapBinary = args["colmap"];
    }
    cv::setNumThreads(options.threads);

    ReconstructionRequest request;
    request.images = args["images"];
    request.model = args["out"];
    request.preview = args.count("preview") ? args["preview"] : "";
    request.workDir = args.count("work") ? args["work"] : "";

    ProgressReporter progress(stdout);
    ReconstructionReport report;
    auto result = ReconstructionPipeline(options, progress).run(request, report);
    if (!result) {
        report.quality = "failed";
        report.warnings.push_back(result.error());
        report.stageSeconds = progress.stageSeconds();
        report.totalSeconds = progress.totalSeconds();
        report.peakMemoryMb = ReconstructionReport::peakMemoryMegabytes();
        std::fprintf(stderr, "error: %s\n", result.error().c_str());
    }
    if (args.count("report") && !report.write(args["report"])) {
        std::fprintf(stderr, "error: cannot write %s\n", args["report"].c_str());
        return 2;
    }
    return result ? 0 : 2;
}
