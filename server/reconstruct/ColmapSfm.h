// Structure from motion by running the COLMAP command line (CPU only):
// feature extraction; matching of the photos that overlap, whatever their file
// order (the engine matches the descriptors, COLMAP verifies the geometry);
// incremental mapping; merging the sub-models that share photos; then reading
// the result back from its text export.
#pragma once

#include "reconstruct/Expected.h"
#include "reconstruct/Photo.h"
#include "reconstruct/ProgressReporter.h"
#include "reconstruct/ReconstructionOptions.h"
#include "reconstruct/SparseModel.h"

#include <filesystem>
#include <string>
#include <vector>

namespace bitmarket::reconstruct {

class ColmapSfm {
public:
    ColmapSfm(const ReconstructionOptions& options, std::filesystem::path workDir)
        : m_options(options), m_workDir(std::move(workDir)) {}

    Expected<SparseModel> run(const std::vector<Photo>& photos, ProgressReporter& progress) const;

    // Reads cameras.txt / images.txt / points3D.txt; names map back to photos.
    static Expected<SparseModel> readTextModel(const std::filesystem::path& folder,
                                               const std::vector<Photo>& photos);

private:
    Expected<bool> matchOverlappingPhotos(const std::filesystem::path& database) const;
    // The model to use: the largest, with every sub-model sharing photos merged in.
    Expected<std::filesystem::path> mergeSubModels(const std::filesystem::path& sparse) const;
    Expected<bool> runColmap(const std::vector<std::string>& arguments,
                             const std::string& step) const;

    ReconstructionOptions m_options;
    std::filesystem::path m_workDir;
};

} // namespace bitmarket::reconstruct
