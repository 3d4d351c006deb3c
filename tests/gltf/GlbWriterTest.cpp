// The glTF writer, read back with tinygltf as a viewer would: meshes,
// materials, accessors with their bounds, aligned buffer views, the embedded
// texture, and models it must refuse.
#include "gltf/GlbWriter.h"

#include <QBuffer>
#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>
#include <cstring>
#include <tiny_gltf.h>

using namespace bitmarket::gltf;

namespace {

// A tetrahedron at an offset, so its bounds are no accident of the origin.
GlbPrimitive tetrahedron(float offset, int material) {
    GlbPrimitive p;
    p.positions = {offset + 0, 0, 0, offset + 1, 0, 0, offset + 0, 2, 0, offset + 0, 0, -3};
    p.normals = {0, 0, 1, 1, 0, 0, 0, 1, 0, 0, 0, -1};
    p.uvs = {0, 0, 1, 0, 0, 1, 1, 1};
    p.indices = {0, 1, 2, 0, 3, 1, 0, 2, 3};
    p.material = material;
    return p;
}

// A single triangle: three 16-bit indices are six bytes, so whatever follows
// them is misaligned unless the writer pads.
GlbPrimitive triangle(int material) {
    GlbPrimitive p;
    p.positions = {-1, -1, 5, 1, -1, 5, 0, 1, 4.5f};
    p.normals = {0, 0, 1, 0, 0, 1, 0, 0, 1};
    p.indices = {0, 1, 2};
    p.material = material;
    return p;
}

std::vector<unsigned char> pngBytes(int width, int height) {
    QImage image(width, height, QImage::Format_RGB888);
    image.fill(QColor(200, 100, 50));
    QByteArray png;
    QBuffer device(&png);
    device.open(QIODevice::WriteOnly);
    image.save(&device, "PNG");
    return {png.begin(), png.end()};
}

GlbModel sampleModel() {
    GlbModel model;
    model.generator = "bitmarket gltf test";
    model.name = "lamp";
    model.texture.name = "lamp-basecolor";
    model.texture.mimeType = "image/png";
    model.texture.bytes = pngBytes(37, 21); // an odd length, most likely
    GlbMaterial shade;
    shade.name = "shade";
    shade.baseColorTextured = true;
    shade.metallic = 0.25;
    shade.roughness = 0.75;
    shade.doubleSided = true;
    GlbMaterial stand;
    stand.name = "stand";
    stand.baseColorFactor = {0.5, 0.25, 0.125, 1};
    model.materials = {shade, stand};
    model.primitives = {triangle(1), tetrahedron(10, 0)};
    return model;
}

struct ReadBack {
    bool loaded = false;
    std::string error;
    tinygltf::Model model;
};

ReadBack readBack(const std::vector<unsigned char>& bytes) {
    ReadBack out;
    std::string warning;
    tinygltf::TinyGLTF loader;
    out.loaded = loader.LoadBinaryFromMemory(&out.model, &out.error, &warning, bytes.data(),
                                             unsigned(bytes.size()));
    return out;
}

template <typename T> std::vector<T> accessorValues(const tinygltf::Model& model, int index) {
    const tinygltf::Accessor& accessor = model.accessors[index];
    const tinygltf::BufferView& view = model.bufferViews[accessor.bufferView];
    const std::size_t components = tinygltf::GetNumComponentsInType(accessor.type);
    std::vector<T> values(accessor.count * components);
    std::memcpy(values.data(),
                model.buffers[view.buffer].data.data() + view.byteOffset + accessor.byteOffset,
                values.size() * sizeof(T));
    return values;
}

std::vector<std::uint32_t> indicesOf(const tinygltf::Model& model, int accessor) {
    if (model.accessors[accessor].componentType == TINYGLTF_COMPONENT_TYPE_UNSIGNED_SHORT) {
        const auto shorts = accessorValues<std::uint16_t>(model, accessor);
        return {shorts.begin(), shorts.end()};
    }
    return accessorValues<std::uint32_t>(model, accessor);
}

} // namespace

class GlbWriterTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void writtenModelReadsBackAsGiven() {
        const GlbModel given = sampleModel();
        QVERIFY2(GlbWriter::problemWith(given).empty(), GlbWriter::problemWith(given).c_str());
        const ReadBack glb = readBack(GlbWriter::encode(given));
        QVERIFY2(glb.loaded, glb.error.c_str());
        const tinygltf::Model& m = glb.model;
        QCOMPARE(m.asset.version, std::string("2.0"));
        QCOMPARE(m.asset.generator, given.generator);

        QCOMPARE(m.meshes.size(), std::size_t(1));
        QCOMPARE(m.meshes[0].name, std::string("lamp"));
        QCOMPARE(m.meshes[0].primitives.size(), std::size_t(2));
        for (std::size_t i = 0; i < 2; ++i) {
            const tinygltf::Primitive& p = m.meshes[0].primitives[i];
            const GlbPrimitive& expected = given.primitives[i];
            QCOMPARE(p.mode, TINYGLTF_MODE_TRIANGLES);
            QCOMPARE(p.material, expected.material);

            const tinygltf::Accessor& positions = m.accessors[p.attributes.at("POSITION")];
            QCOMPARE(positions.componentType, TINYGLTF_COMPONENT_TYPE_FLOAT);
            QCOMPARE(positions.type, TINYGLTF_TYPE_VEC3);
            QCOMPARE(positions.count, expected.positions.size() / 3);
            QCOMPARE(accessorValues<float>(m, p.attributes.at("POSITION")), expected.positions);
            QCOMPARE(accessorValues<float>(m, p.attributes.at("NORMAL")), expected.normals);
            QCOMPARE(p.attributes.count("TEXCOORD_0"), std::size_t(expected.uvs.empty() ? 0 : 1));
            if (!expected.uvs.empty()) {
                QCOMPARE(accessorValues<float>(m, p.attributes.at("TEXCOORD_0")), expected.uvs);
            }
            // Small primitives get 16-bit indices.
            QCOMPARE(m.accessors[p.indices].componentType, TINYGLTF_COMPONENT_TYPE_UNSIGNED_SHORT);
            QCOMPARE(indicesOf(m, p.indices), expected.indices);
        }
        // Bounds a viewer frames the model with, exactly the extremes of the positions.
        const tinygltf::Accessor& triangleBounds =
            m.accessors[m.meshes[0].primitives[0].attributes.at("POSITION")];
        QCOMPARE(triangleBounds.minValues, (std::vector<double>{-1, -1, 4.5}));
        QCOMPARE(triangleBounds.maxValues, (std::vector<double>{1, 1, 5}));
        const tinygltf::Accessor& tetrahedronBounds =
            m.accessors[m.meshes[0].primitives[1].attributes.at("POSITION")];
        QCOMPARE(tetrahedronBounds.minValues, (std::vector<double>{10, 0, -3}));
        QCOMPARE(tetrahedronBounds.maxValues, (std::vector<double>{11, 2, 0}));

        // One buffer; every view inside it and 4-byte aligned.
        QCOMPARE(m.buffers.size(), std::size_t(1));
        QVERIFY(m.bufferViews.size() >= 8);
        for (const tinygltf::BufferView& view : m.bufferViews) {
            QCOMPARE(view.byteOffset % 4, std::size_t(0));
            QVERIFY(view.byteOffset + view.byteLength <= m.buffers[0].data.size());
        }

        QCOMPARE(m.materials.size(), std::size_t(2));
        const tinygltf::Material& shade = m.materials[0];
        QCOMPARE(shade.name, std::string("shade"));
        QCOMPARE(shade.pbrMetallicRoughness.baseColorTexture.index, 0);
        QCOMPARE(shade.pbrMetallicRoughness.metallicFactor, 0.25);
        QCOMPARE(shade.pbrMetallicRoughness.roughnessFactor, 0.75);
        QVERIFY(shade.doubleSided);
        const tinygltf::Material& stand = m.materials[1];
        QCOMPARE(stand.pbrMetallicRoughness.baseColorTexture.index, -1);
        QCOMPARE(stand.pbrMetallicRoughness.baseColorFactor,
                 (std::vector<double>{0.5, 0.25, 0.125, 1}));
        QVERIFY(!stand.doubleSided);

        // The texture, embedded and decodable.
        QCOMPARE(m.textures.size(), std::size_t(1));
        QCOMPARE(m.images.size(), std::size_t(1));
        const tinygltf::Image& image = m.images[m.textures[0].source];
        QCOMPARE(image.name, std::string("lamp-basecolor"));
        QCOMPARE(image.mimeType, std::string("image/png"));
        QCOMPARE(image.width, 37);
        QCOMPARE(image.height, 21);
        QVERIFY(image.bufferView >= 0);
        const tinygltf::Sampler& sampler = m.samplers[m.textures[0].sampler];
        QCOMPARE(sampler.minFilter, TINYGLTF_TEXTURE_FILTER_LINEAR_MIPMAP_LINEAR);
        QCOMPARE(sampler.wrapS, TINYGLTF_TEXTURE_WRAP_CLAMP_TO_EDGE);

        // One scene with the mesh's node.
        QCOMPARE(m.scenes.size(), std::size_t(1));
        QCOMPARE(m.scenes[0].nodes, std::vector<int>{0});
        QCOMPARE(m.nodes.size(), std::size_t(1));
        QCOMPARE(m.nodes[0].mesh, 0);
        QCOMPARE(m.nodes[0].name, std::string("lamp"));
    }

    void indexWidthFollowsTheVertexCount() {
        GlbModel given = sampleModel();
        given.indexWidth = IndexWidth::Bits32;
        ReadBack glb = readBack(GlbWriter::encode(given));
        QVERIFY2(glb.loaded, glb.error.c_str());
        const int asked = glb.model.meshes[0].primitives[1].indices;
        QCOMPARE(glb.model.accessors[asked].componentType, TINYGLTF_COMPONENT_TYPE_UNSIGNED_INT);
        QCOMPARE(indicesOf(glb.model, asked), given.primitives[1].indices);

        // 70,000 vertices do not fit 16 bits, whatever was asked.
        given.indexWidth = IndexWidth::Smallest;
        GlbPrimitive strip;
        for (int i = 0; i < 70000; ++i) {
            strip.positions.insert(strip.positions.end(), {float(i), float(i % 2), 0});
        }
        for (std::uint32_t i = 0; i + 2 < 70000; ++i) {
            strip.indices.insert(strip.indices.end(), {i, i + 1, i + 2});
        }
        given.primitives = {strip};
        given.primitives[0].material = 1;
        glb = readBack(GlbWriter::encode(given));
        QVERIFY2(glb.loaded, glb.error.c_str());
        const int large = glb.model.meshes[0].primitives[0].indices;
        QCOMPARE(glb.model.accessors[large].componentType, TINYGLTF_COMPONENT_TYPE_UNSIGNED_INT);
        QCOMPARE(indicesOf(glb.model, large), strip.indices);
        QCOMPARE(glb.model.accessors[glb.model.meshes[0].primitives[0].attributes.at("POSITION")]
                     .maxValues,
                 (std::vector<double>{69999, 1, 0}));
    }

    void modelWithoutTextureHasNoImage() {
        GlbModel given = sampleModel();
        given.texture = {};
        given.materials[0].baseColorTextured = false;
        const ReadBack glb = readBack(GlbWriter::encode(given));
        QVERIFY2(glb.loaded, glb.error.c_str());
        QVERIFY(glb.model.images.empty());
        QVERIFY(glb.model.textures.empty());
        QVERIFY(glb.model.samplers.empty());
    }

    void fileHoldsTheEncodedBytes() {
        QTemporaryDir dir;
        const GlbModel given = sampleModel();
        const QString path = dir.filePath("lamp.glb");
        QCOMPARE(GlbWriter::write(given, path.toStdString()), std::string());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        const std::vector<unsigned char> encoded = GlbWriter::encode(given);
        QCOMPARE(std::vector<unsigned char>(bytes.begin(), bytes.end()), encoded);
        QVERIFY(bytes.startsWith("glTF"));
        QCOMPARE(bytes.size() % 4, 0);

        const std::string missing =
            GlbWriter::write(given, (path + "/no/such/folder.glb").toStdString());
        QVERIFY2(missing.find("cannot write") != std::string::npos, missing.c_str());
    }

    void brokenModelsAreRefused() {
        const auto refused = [](const GlbModel& model) {
            QTemporaryDir dir;
            const QString path = dir.filePath("broken.glb");
            const std::string problem = GlbWriter::problemWith(model);
            return !problem.empty() && GlbWriter::encode(model).empty() &&
                   GlbWriter::write(model, path.toStdString()) == problem && !QFile::exists(path);
        };
        GlbModel model = sampleModel();
        model.primitives.clear();
        QVERIFY2(refused(model), "no primitives");
        model = sampleModel();
        model.primitives[1].indices.back() = 4;
        QVERIFY2(refused(model), "an index past the last vertex");
        model = sampleModel();
        model.primitives[1].indices.pop_back();
        QVERIFY2(refused(model), "a partial triangle");
        model = sampleModel();
        model.primitives[1].normals.pop_back();
        QVERIFY2(refused(model), "normals short of the vertices");
        model = sampleModel();
        model.primitives[0].material = 2;
        QVERIFY2(refused(model), "no such material");
        model = sampleModel();
        model.texture.bytes.clear();
        QVERIFY2(refused(model), "a textured material without a texture");
        model = sampleModel();
        model.texture.mimeType = "image/webp";
        QVERIFY2(refused(model), "a texture neither JPEG nor PNG");
    }
};

QTEST_GUILESS_MAIN(GlbWriterTest)
#include "GlbWriterTest.moc"
