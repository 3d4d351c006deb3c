// Reads a GLB back the way a viewer would and, when the Khronos validator is
// installed, asks it too.
#pragma once

#include <Eigen/Core>
#include <QString>
#include <string>
#include <vector>

namespace bitmarket::reconstruct::testing {

struct GlbContents {
    bool loaded = false;
    std::string error;
    std::vector<Eigen::Vector3f> positions;
    std::vector<unsigned> indices;
    bool hasNormals = false;
    bool hasTexcoords = false;
    bool hasBaseColorTexture = false;
    int textureWidth = 0;
    int textureHeight = 0;
};

class GltfCheck {
public:
    static GlbContents load(const std::string& file);

    // Runs gltf-validator through node; returns the number of errors, or -1
    // when the validator is not installed. `messages` gets its summary.
    static int validatorErrors(const QString& file, QString* messages);
};

} // namespace bitmarket::reconstruct::testing
