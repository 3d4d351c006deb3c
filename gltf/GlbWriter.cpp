#include "gltf/GlbWriter.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <tiny_gltf.h>

namespace bitmarket::gltf {
namespace {

// Appends to the model's single buffer and views what was appended.
class BinaryChunk {
public:
    explicit BinaryChunk(tinygltf::Model& model) : m_model(model) {}

    // A new buffer view over `bytes` bytes, starting 4-byte aligned as
    // accessors of every component type need; target 0 for image data.
    int addView(const void* data, std::size_t bytes, int target) {
        auto& buffer = m_model.buffers[0].data;
        buffer.resize((buffer.size() + 3) & ~std::size_t(3), 0);
        tinygltf::BufferView view;
        view.buffer = 0;
        view.byteOffset = buffer.size();
        view.byteLength = bytes;
        view.target = target;
        const auto* begin = static_cast<const unsigned char*>(data);
        buffer.insert(buffer.end(), begin, begin + bytes);
        m_model.bufferViews.push_back(view);
        return int(m_model.bufferViews.size() - 1);
    }

    int addAccessor(int view, int componentType, int type, std::size_t count,
                    std::vector<double> min = {}, std::vector<double> max = {}) {
        tinygltf::Accessor accessor;
        accessor.bufferView = view;
        accessor.componentType = componentType;
        accessor.type = type;
        accessor.count = count;
        accessor.minValues = std::move(min);
        accessor.maxValues = std::move(max);
        m_model.accessors.push_back(accessor);
        return int(m_model.accessors.size() - 1);
    }

    int addFloats(const std::vector<float>& values, int type, std::size_t count,
                  std::vector<double> min = {}, std::vector<double> max = {}) {
        const int view =
            addView(values.data(), values.size() * sizeof(float), TINYGLTF_TARGET_ARRAY_BUFFER);
        return addAccessor(view, TINYGLTF_COMPONENT_TYPE_FLOAT, type, count, std::move(min),
                           std::move(max));
    }

    int addIndices(const std::vector<std::uint32_t>& indices, bool shortIndices) {
        if (shortIndices) {
            const std::vector<std::uint16_t> shorts(indices.begin(), indices.end());
            const int view = addView(shorts.data(), shorts.size() * sizeof(std::uint16_t),
                                     TINYGLTF_TARGET_ELEMENT_ARRAY_BUFFER);
            return addAccessor(view, TINYGLTF_COMPONENT_TYPE_UNSIGNED_SHORT, TINYGLTF_TYPE_SCALAR,
                               shorts.size());
        }
        const int view = addView(indices.data(), indices.size() * sizeof(std::uint32_t),
                                 TINYGLTF_TARGET_ELEMENT_ARRAY_BUFFER);
        return addAccessor(view, TINYGLTF_COMPONENT_TYPE_UNSIGNED_INT, TINYGLTF_TYPE_SCALAR,
                           indices.size());
    }

private:
    tinygltf::Model& m_model;
};

std::string problemWithPrimitive(const GlbPrimitive& primitive, const GlbModel& model) {
    const std::size_t vertices = primitive.positions.size() / 3;
    if (vertices == 0 || primitive.positions.size() % 3 != 0) {
        return "a primitive has no vertices or a partial one";
    }
    if (primitive.indices.empty() || primitive.indices.size() % 3 != 0) {
        return "a primitive has no triangles or a partial one";
    }
    if (!primitive.normals.empty() && primitive.normals.size() != 3 * vertices) {
        return "a primitive has not one normal per vertex";
    }
    if (!primitive.uvs.empty() && primitive.uvs.size() != 2 * vertices) {
        return "a primitive has not one texture coordinate per vertex";
    }
    const auto largest = *std::max_element(primitive.indices.begin(), primitive.indices.end());
    if (largest >= vertices) {
        return "a triangle uses vertex " + std::to_string(largest) + " of " +
               std::to_string(vertices);
    }
    if (primitive.material < 0 || std::size_t(primitive.material) >= model.materials.size()) {
        return "a primitive has no material";
    }
    return {};
}

void addTexture(const GlbImage& texture, tinygltf::Model& model, BinaryChunk& chunk) {
    tinygltf::Image image;
    image.name = texture.name;
    image.mimeType = texture.mimeType;
    image.bufferView = chunk.addView(texture.bytes.data(), texture.bytes.size(), 0);
    model.images.push_back(image);

    tinygltf::Sampler sampler;
    sampler.magFilter = TINYGLTF_TEXTURE_FILTER_LINEAR;
    sampler.minFilter = TINYGLTF_TEXTURE_FILTER_LINEAR_MIPMAP_LINEAR;
    sampler.wrapS = TINYGLTF_TEXTURE_WRAP_CLAMP_TO_EDGE;
    sampler.wrapT = TINYGLTF_TEXTURE_WRAP_CLAMP_TO_EDGE;
    model.samplers.push_back(sampler);

    tinygltf::Texture gltfTexture;
    gltfTexture.source = 0;
    gltfTexture.sampler = 0;
    model.textures.push_back(gltfTexture);
}

tinygltf::Material toGltf(const GlbMaterial& material) {
    tinygltf::Material out;
    out.name = material.name;
    out.pbrMetallicRoughness.baseColorFactor.assign(material.baseColorFactor.begin(),
                                                    material.baseColorFactor.end());
    if (material.baseColorTextured) {
        out.pbrMetallicRoughness.baseColorTexture.index = 0;
    }
    out.pbrMetallicRoughness.metallicFactor = material.metallic;
    out.pbrMetallicRoughness.roughnessFactor = material.roughness;
    out.doubleSided = material.doubleSided;
    return out;
}

tinygltf::Primitive addPrimitive(const GlbPrimitive& primitive, IndexWidth width,
                                 BinaryChunk& chunk) {
    const std::size_t vertices = primitive.positions.size() / 3;
    std::vector<double> min(3, 0), max(3, 0);
    for (int axis = 0; axis < 3; ++axis) {
        min[axis] = max[axis] = primitive.positions[axis];
    }
    for (std::size_t i = 0; i < primitive.positions.size(); ++i) {
        min[i % 3] = std::min(min[i % 3], double(primitive.positions[i]));
        max[i % 3] = std::max(max[i % 3], double(primitive.positions[i]));
    }
    tinygltf::Primitive out;
    out.attributes["POSITION"] =
        chunk.addFloats(primitive.positions, TINYGLTF_TYPE_VEC3, vertices, min, max);
    if (!primitive.normals.empty()) {
        out.attributes["NORMAL"] = chunk.addFloats(primitive.normals, TINYGLTF_TYPE_VEC3, vertices);
    }
    if (!primitive.uvs.empty()) {
        out.attributes["TEXCOORD_0"] = chunk.addFloats(primitive.uvs, TINYGLTF_TYPE_VEC2, vertices);
    }
    out.indices =
        chunk.addIndices(primitive.indices, width == IndexWidth::Smallest && vertices < 65536);
    out.material = primitive.material;
    out.mode = TINYGLTF_MODE_TRIANGLES;
    return out;
}

} // namespace

std::string GlbWriter::problemWith(const GlbModel& model) {
    if (model.primitives.empty()) {
        return "nothing to export";
    }
    for (const GlbPrimitive& primitive : model.primitives) {
        if (std::string problem = problemWithPrimitive(primitive, model); !problem.empty()) {
            return problem;
        }
    }
    const bool textured = std::any_of(model.materials.begin(), model.materials.end(),
                                      [](const GlbMaterial& m) { return m.baseColorTextured; });
    if (textured && model.texture.bytes.empty()) {
        return "a material samples a texture the model does not have";
    }
    if (!model.texture.bytes.empty() && model.texture.mimeType != "image/jpeg" &&
        model.texture.mimeType != "image/png") {
        return "the texture is neither JPEG nor PNG";
    }
    return {};
}

std::vector<unsigned char> GlbWriter::encode(const GlbModel& glb) {
    if (!problemWith(glb).empty()) {
        return {};
    }
    tinygltf::Model model;
    model.asset.version = "2.0";
    model.asset.generator = glb.generator;
    model.buffers.emplace_back();
    BinaryChunk chunk(model);
    if (!glb.texture.bytes.empty()) {
        addTexture(glb.texture, model, chunk);
    }
    for (const GlbMaterial& material : glb.materials) {
        model.materials.push_back(toGltf(material));
    }
    tinygltf::Mesh mesh;
    mesh.name = glb.name;
    for (const GlbPrimitive& primitive : glb.primitives) {
        mesh.primitives.push_back(addPrimitive(primitive, glb.indexWidth, chunk));
    }
    model.meshes.push_back(mesh);

    tinygltf::Node node;
    node.name = glb.name;
    node.mesh = 0;
    model.nodes.push_back(node);
    tinygltf::Scene scene;
    scene.nodes.push_back(0);
    model.scenes.push_back(scene);
    model.defaultScene = 0;

    std::ostringstream out;
    tinygltf::TinyGLTF writer;
    if (!writer.WriteGltfSceneToStream(&model, out, false, true)) {
        return {};
    }
    const std::string bytes = std::move(out).str();
    return {bytes.begin(), bytes.end()};
}

std::string GlbWriter::write(const GlbModel& model, const std::filesystem::path& file) {
    if (std::string problem = problemWith(model); !problem.empty()) {
        return problem;
    }
    const std::vector<unsigned char> bytes = encode(model);
    std::ofstream out(file, std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes.data()), std::streamsize(bytes.size()));
    out.close();
    if (bytes.empty() || !out) {
        return "cannot write " + file.string();
    }
    return {};
}

} // namespace bitmarket::gltf
