#include "GlbExporter.h"

#include <QBuffer>
#include <fstream>
#include <tiny_gltf.h>

namespace {

constexpr int kArrayBuffer = 34962;
constexpr int kElementArrayBuffer = 34963;

class BinaryChunk {
public:
    explicit BinaryChunk(tinygltf::Model& model) : m_model(model) {}

    int addView(const void* data, std::size_t bytes, int target) {
        auto& buffer = m_model.buffers[0].data;
        // Accessors need 4-byte alignment within the buffer.
        buffer.resize((buffer.size() + 3) & ~std::size_t(3), 0);
        tinygltf::BufferView view;
        view.buffer = 0;
        view.byteOffset = buffer.size();
        view.byteLength = bytes;
        view.target = target;
        const auto* bytesIn = static_cast<const unsigned char*>(data);
        buffer.insert(buffer.end(), bytesIn, bytesIn + bytes);
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

private:
    tinygltf::Model& m_model;
};

} // namespace

std::string GlbExporter::write(const ProductModel& product, const std::string& path) {
    tinygltf::Model model;
    model.asset.version = "2.0";
    model.asset.generator = "bitmarket-demo-assets";
    model.buffers.emplace_back();
    BinaryChunk chunk(model);

    QByteArray jpeg;
    QBuffer device(&jpeg);
    device.open(QIODevice::WriteOnly);
    if (!product.texture.save(&device, "JPG", 82)) {
        return "could not encode texture";
    }
    tinygltf::Image image;
    image.name = product.slug + "-basecolor";
    image.mimeType = "image/jpeg";
    image.bufferView = chunk.addView(jpeg.constData(), std::size_t(jpeg.size()), 0);
    model.bufferViews.back().target = 0; // image views carry no vertex target
    model.images.push_back(image);
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

    tinygltf::Mesh mesh;
    mesh.name = product.slug;
    for (const ProductPart& part : product.parts) {
        const Mesh& m = part.mesh;
        tinygltf::Material material;
        material.name = part.finish.name;
        material.pbrMetallicRoughness.baseColorTexture.index = 0;
        material.pbrMetallicRoughness.metallicFactor = part.finish.metallic;
        material.pbrMetallicRoughness.roughnessFactor = part.finish.roughness;
        material.doubleSided = part.finish.doubleSided;
        model.materials.push_back(material);

        const Eigen::AlignedBox3f box = m.bounds();
        std::vector<float> floats;
        for (const Vec3& p : m.positions) {
            floats.insert(floats.end(), {p.x(), p.y(), p.z()});
        }
        const int positions =
            chunk.addAccessor(chunk.addView(floats.data(), floats.size() * 4, kArrayBuffer),
                              TINYGLTF_COMPONENT_TYPE_FLOAT, TINYGLTF_TYPE_VEC3, m.positions.size(),
                              {box.min().x(), box.min().y(), box.min().z()},
                              {box.max().x(), box.max().y(), box.max().z()});
        floats.clear();
        for (const Vec3& n : m.normals) {
            const Vec3 unit = n.normalized();
            floats.insert(floats.end(), {unit.x(), unit.y(), unit.z()});
        }
        const int normals =
            chunk.addAccessor(chunk.addView(floats.data(), floats.size() * 4, kArrayBuffer),
                              TINYGLTF_COMPONENT_TYPE_FLOAT, TINYGLTF_TYPE_VEC3, m.normals.size());
        floats.clear();
        for (const Vec2& uv : m.uvs) {
            floats.insert(floats.end(), {uv.x(), uv.y()});
        }
        const int uvs =
            chunk.addAccessor(chunk.addView(floats.data(), floats.size() * 4, kArrayBuffer),
                              TINYGLTF_COMPONENT_TYPE_FLOAT, TINYGLTF_TYPE_VEC2, m.uvs.size());
        int indices = 0;
        if (m.positions.size() < 65536) {
            std::vector<std::uint16_t> shorts(m.indices.begin(), m.indices.end());
            const std::size_t bytes = shorts.size() * 2;
            indices = chunk.addAccessor(chunk.addView(shorts.data(), bytes, kElementArrayBuffer),
                                        TINYGLTF_COMPONENT_TYPE_UNSIGNED_SHORT,
                                        TINYGLTF_TYPE_SCALAR, shorts.size());
        } else {
            indices = chunk.addAccessor(
                chunk.addView(m.indices.data(), m.indices.size() * 4, kElementArrayBuffer),
                TINYGLTF_COMPONENT_TYPE_UNSIGNED_INT, TINYGLTF_TYPE_SCALAR, m.indices.size());
        }
        tinygltf::Primitive primitive;
        primitive.attributes["POSITION"] = positions;
        primitive.attributes["NORMAL"] = normals;
        primitive.attributes["TEXCOORD_0"] = uvs;
        primitive.indices = indices;
        primitive.material = int(model.materials.size() - 1);
        primitive.mode = TINYGLTF_MODE_TRIANGLES;
        mesh.primitives.push_back(primitive);
    }
    model.meshes.push_back(mesh);
    tinygltf::Node node;
    node.mesh = 0;
    node.name = product.slug;
    model.nodes.push_back(node);
    tinygltf::Scene scene;
    scene.nodes.push_back(0);
    model.scenes.push_back(scene);
    model.defaultScene = 0;

    std::ofstream out(path, std::ios::binary);
    tinygltf::TinyGLTF writer;
    if (!out || !writer.WriteGltfSceneToStream(&model, out, false, true)) {
        return "could not write " + path;
    }
    return {};
}
