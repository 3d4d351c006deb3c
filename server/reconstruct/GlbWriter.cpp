#include "reconstruct/GlbWriter.h"

#include <cstring>
#include <opencv2/imgcodecs.hpp>
#include <tiny_gltf.h>

namespace bitmarket::reconstruct {
namespace {

// Appends raw bytes to the single GLB buffer, 4-byte aligned as glTF requires,
// and returns the new buffer view's index.
int appendView(tinygltf::Model& model, const void* data, std::size_t bytes, int target) {
    auto& buffer = model.buffers[0].data;
    while (buffer.size() % 4 != 0) {
        buffer.push_back(0);
    }
    tinygltf::BufferView view;
    view.buffer = 0;
    view.byteOffset = buffer.size();
    view.byteLength = bytes;
    view.target = target;
    const auto* begin = static_cast<const unsigned char*>(data);
    buffer.insert(buffer.end(), begin, begin + bytes);
    model.bufferViews.push_back(view);
    return int(model.bufferViews.size() - 1);
}

int appendAccessor(tinygltf::Model& model, int view, int componentType, int type,
                   std::size_t count) {
    tinygltf::Accessor accessor;
    accessor.bufferView = view;
    accessor.componentType = componentType;
    accessor.type = type;
    accessor.count = count;
    model.accessors.push_back(accessor);
    return int(model.accessors.size() - 1);
}

} // namespace

Expected<bool> GlbWriter::write(const TexturedMesh& mesh, const std::filesystem::path& file) const {
    if (mesh.indices.empty() || mesh.texture.empty()) {
        return Failure{"nothing to export"};
    }
    tinygltf::Model model;
    model.asset.version = "2.0";
    model.asset.generator = "BitMarket photo-to-3D";
    model.buffers.resize(1);

    const std::size_t n = mesh.positions.size();
    std::vector<float> positions(3 * n), normals(3 * n), uvs(2 * n);
    std::vector<double> lo(3, 1e300), hi(3, -1e300);
    for (std::size_t i = 0; i < n; ++i) {
        for (int k = 0; k < 3; ++k) {
            positions[3 * i + k] = mesh.positions[i][k];
            normals[3 * i + k] = mesh.normals[i][k];
            lo[k] = std::min(lo[k], double(mesh.positions[i][k]));
            hi[k] = std::max(hi[k], double(mesh.positions[i][k]));
        }
        uvs[2 * i] = mesh.uvs[i].x();
        uvs[2 * i + 1] = mesh.uvs[i].y();
    }
    const int position = appendAccessor(
        model,
        appendView(model, positions.data(), positions.size() * 4, TINYGLTF_TARGET_ARRAY_BUFFER),
        TINYGLTF_COMPONENT_TYPE_FLOAT, TINYGLTF_TYPE_VEC3, n);
    model.accessors[position].minValues = lo;
    model.accessors[position].maxValues = hi;
    const int normal = appendAccessor(
        model, appendView(model, normals.data(), normals.size() * 4, TINYGLTF_TARGET_ARRAY_BUFFER),
        TINYGLTF_COMPONENT_TYPE_FLOAT, TINYGLTF_TYPE_VEC3, n);
    const int texcoord = appendAccessor(
        model, appendView(model, uvs.data(), uvs.size() * 4, TINYGLTF_TARGET_ARRAY_BUFFER),
        TINYGLTF_COMPONENT_TYPE_FLOAT, TINYGLTF_TYPE_VEC2, n);
    const int indices = appendAccessor(
        model,
        appendView(model, mesh.indices.data(), mesh.indices.size() * 4,
                   TINYGLTF_TARGET_ELEMENT_ARRAY_BUFFER),
        TINYGLTF_COMPONENT_TYPE_UNSIGNED_INT, TINYGLTF_TYPE_SCALAR, mesh.indices.size());

    std::vector<unsigned char> jpeg;
    if (!cv::imencode(".jpg", mesh.texture, jpeg, {cv::IMWRITE_JPEG_QUALITY, m_jpegQuality})) {
        return Failure{"cannot encode the texture"};
    }
    tinygltf::Image image;
    image.mimeType = "image/jpeg";
    image.bufferView = appendView(model, jpeg.data(), jpeg.size(), 0);
    model.images.push_back(image);
    model.bufferViews[image.bufferView].target = 0;

    tinygltf::Sampler sampler;
    sampler.magFilter = TINYGLTF_TEXTURE_FILTER_LINEAR;
    sampler.minFilter = TINYGLTF_TEXTURE_FILTER_LINEAR_MIPMAP_LINEAR;
    sampler.wrapS = TINYGLTF_TEXTURE_WRAP_CLAMP_TO_EDGE;
    sampler.wrapT = TINYGLTF_TEXTURE_WRAP_CLAMP_TO_EDGE;
    model.samplers.push_back(sampler);
    tinygltf::Texture texture;
    texture.source = 0;
    texture.sampler = 0;
    model.textures.push_back(texture);

    tinygltf::Material material;
    material.name = "photo";
    material.pbrMetallicRoughness.baseColorTexture.index = 0;
    material.pbrMetallicRoughness.metallicFactor = 0.0;
    material.pbrMetallicRoughness.roughnessFactor = 0.9;
    material.doubleSided = false;
    model.materials.push_back(material);

    tinygltf::Primitive primitive;
    primitive.attributes["POSITION"] = position;
    primitive.attributes["NORMAL"] = normal;
    primitive.attributes["TEXCOORD_0"] = texcoord;
    primitive.indices = indices;
    primitive.material = 0;
    primitive.mode = TINYGLTF_MODE_TRIANGLES;
    tinygltf::Mesh gltfMesh;
    gltfMesh.name = "item";
    gltfMesh.primitives.push_back(primitive);
    model.meshes.push_back(gltfMesh);

    tinygltf::Node node;
    node.mesh = 0;
    node.name = "item";
    model.nodes.push_back(node);
    tinygltf::Scene scene;
    scene.nodes.push_back(0);
    model.scenes.push_back(scene);
    model.defaultScene = 0;

    tinygltf::TinyGLTF writer;
    if (!writer.WriteGltfSceneToFile(&model, file.string(), false, false, false, true)) {
        return Failure{"cannot write " + file.string()};
    }
    return true;
}

} // namespace bitmarket::reconstruct
