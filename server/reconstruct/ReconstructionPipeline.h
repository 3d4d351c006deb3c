// The whole photo -> 3D job: load, structure from motion, dense stereo,
// fusion, subject isolation, meshing, texturing, export. Falls back to the
// approximate model when the photos cannot support a full reconstruction.
#pragma once

#include "reconstruct/Expected.h"
#include "reconstruct/Photo.h"
#include "reconstruct/ProgressReporter.h"
#include "reconstruct/ReconstructionOptions.h"
#include "reconstruct/ReconstructionReport.h"
#include "reconstruct/TexturedMesh.h"

#include <filesystem>

namespace bitmarket::reconstruct {

struct ReconstructionRequest {
    std::filesystem::path images;
    std::filesystem::path model;   // .glb to write
    std::filesystem::path preview; // optional .png
    std::filesystem::path workDir; // optional; kept for inspection when given
};

class ReconstructionPipeline {
public:
    ReconstructionPipeline(ReconstructionOptions options, ProgressReporter& progress)
        : m_options(std::move(options)), m_progress(progress) {}

    // Fails only when nothing at all could be made (no readable photo, no
    // writable output); the report is filled as far as the run got either way.
    Expected<bool> run(const ReconstructionRequest& request, ReconstructionReport& report);

private:
    Expected<TexturedMesh> reconstructFull(const std::vector<Photo>& photos,
                                           const std::filesystem::path& workDir,
                                           ReconstructionReport& report);
    Expected<TexturedMesh> reconstructApproximate(const std::vector<Photo>& photos,
                                                  ReconstructionReport& report);

    ReconstructionOptions m_options;
    ProgressReporter& m_progress;
};

} // namespace bitmarket::reconstruct
