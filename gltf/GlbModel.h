// What a GLB holds, as plain arrays: one mesh whose triangle primitives each
// have a material, and at most one base colour image the materials share.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace bitmarket::gltf {

struct GlbImage {
    std::string name;
    std::string mimeType = "image/jpeg"; // or "image/png"
    std::vector<unsigned char> bytes;    // the encoded file; empty for no image
};

struct GlbMaterial {
    std::string name;
    std::array<double, 4> baseColorFactor{1, 1, 1, 1};
    bool baseColorTextured = false; // samples GlbModel::texture
    double metallic = 0;
    double roughness = 1;
    bool doubleSided = false;
};

struct GlbPrimitive {
    std::vector<float> positions; // x, y, z per vertex
    std::vector<float> normals;   // unit x, y, z per vertex; empty for none
    std::vector<float> uvs;       // u, v per vertex, (0,0) the image's top-left; empty for none
    std::vector<std::uint32_t> indices; // three per triangle
    int material = 0;                   // into GlbModel::materials
};

// Smallest: 16-bit indices when a primitive has fewer than 65,536 vertices.
enum class IndexWidth { Smallest, Bits32 };

struct GlbModel {
    std::string generator;
    std::string name; // of the mesh and of the scene's one node, which holds it
    GlbImage texture;
    std::vector<GlbMaterial> materials;
    std::vector<GlbPrimitive> primitives;
    IndexWidth indexWidth = IndexWidth::Smallest;
};

} // namespace bitmarket::gltf
