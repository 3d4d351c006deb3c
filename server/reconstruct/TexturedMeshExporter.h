// Writes a textured mesh as a GLB through the glTF library: one mesh, one
// material ("photo") with the texture embedded as JPEG.
#pragma once

#include "reconstruct/Expected.h"
#include "reconstruct/TexturedMesh.h"

#include <filesystem>

namespace bitmarket::reconstruct {

class TexturedMeshExporter {
public:
    explicit TexturedMeshExporter(int jpegQuality = 88) : m_jpegQuality(jpegQuality) {}

    Expected<bool> write(const TexturedMesh& mesh, const std::filesystem::path& file) const;

private:
    int m_jpegQuality;
};

} // namespace bitmarket::reconstruct
