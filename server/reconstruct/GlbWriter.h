// Writes a textured mesh as binary glTF 2.0 (one mesh, one material with a
// JPEG base colour texture) through tinygltf.
#pragma once

#include "reconstruct/Expected.h"
#include "reconstruct/TexturedMesh.h"

#include <filesystem>

namespace bitmarket::reconstruct {

class GlbWriter {
public:
    explicit GlbWriter(int jpegQuality = 88) : m_jpegQuality(jpegQuality) {}

    Expected<bool> write(const TexturedMesh& mesh, const std::filesystem::path& file) const;

private:
    int m_jpegQuality;
};

} // namespace bitmarket::reconstruct
