// Turns a GlbModel into a glTF 2.0 binary: one buffer with every view 4-byte
// aligned, bounds on the positions, the image embedded in the buffer, linear
// mipmapped sampling clamped at the edges.
#pragma once

#include "gltf/GlbModel.h"

#include <filesystem>
#include <string>
#include <vector>

namespace bitmarket::gltf {

class GlbWriter {
public:
    // What makes `model` unwritable (no triangles, an index past the last
    // vertex, a missing texture, ...), or empty when nothing does.
    static std::string problemWith(const GlbModel& model);

    // The GLB file's bytes; empty when problemWith(model) is not.
    static std::vector<unsigned char> encode(const GlbModel& model);

    // Writes the GLB to `file`; returns what went wrong, or empty on success.
    static std::string write(const GlbModel& model, const std::filesystem::path& file);
};

} // namespace bitmarket::gltf
