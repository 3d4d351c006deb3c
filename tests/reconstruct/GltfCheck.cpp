#include "GltfCheck.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <cstring>
#include <tiny_gltf.h>

namespace bitmarket::reconstruct::testing {

GlbContents GltfCheck::load(const std::string& file) {
    GlbContents out;
    tinygltf::Model model;
    tinygltf::TinyGLTF loader;
    std::string warning;
    if (!loader.LoadBinaryFromFile(&model, &out.error, &warning, file)) {
        return out;
    }
    if (model.meshes.size() != 1 || model.meshes[0].primitives.size() != 1) {
        out.error = "expected one mesh with one primitive";
        return out;
    }
    const tinygltf::Primitive& primitive = model.meshes[0].primitives[0];
    auto bytesOf = [&](int accessorIndex) {
        const tinygltf::Accessor& a = model.accessors[accessorIndex];
        const tinygltf::BufferView& v = model.bufferViews[a.bufferView];
        return model.buffers[v.buffer].data.data() + v.byteOffset + a.byteOffset;
    };
    const auto position = primitive.attributes.find("POSITION");
    if (position == primitive.attributes.end() || primitive.indices < 0) {
        out.error = "no positions or indices";
        return out;
    }
    const tinygltf::Accessor& pa = model.accessors[position->second];
    out.positions.resize(pa.count);
    std::memcpy(out.positions.data(), bytesOf(position->second), pa.count * 12);
    const tinygltf::Accessor& ia = model.accessors[primitive.indices];
    if (ia.componentType != TINYGLTF_COMPONENT_TYPE_UNSIGNED_INT) {
        out.error = "expected 32-bit indices";
        return out;
    }
    out.indices.resize(ia.count);
    std::memcpy(out.indices.data(), bytesOf(primitive.indices), ia.count * 4);
    out.hasNormals = primitive.attributes.count("NORMAL") > 0;
    out.hasTexcoords = primitive.attributes.count("TEXCOORD_0") > 0;
    if (primitive.material >= 0) {
        const int texture =
            model.materials[primitive.material].pbrMetallicRoughness.baseColorTexture.index;
        if (texture >= 0 && model.textures[texture].source >= 0) {
            const tinygltf::Image& image = model.images[model.textures[texture].source];
            out.hasBaseColorTexture = true;
            out.textureWidth = image.width;
            out.textureHeight = image.height;
        }
    }
    out.loaded = true;
    return out;
}

int GltfCheck::validatorErrors(const QString& file, QString* messages) {
    const QString prefix = QStringLiteral(BITMARKET_GLTF_VALIDATOR_DIR);
    if (!QFileInfo::exists(prefix + "/node_modules/gltf-validator")) {
        return -1;
    }
    QProcess node;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("NODE_PATH", prefix + "/node_modules");
    node.setProcessEnvironment(env);
    node.start("node", {QStringLiteral(BITMARKET_GLTF_VALIDATE_SCRIPT), file});
    if (!node.waitForFinished(60000)) {
        *messages = "validator did not finish";
        return -1;
    }
    const QByteArray output = node.readAllStandardOutput();
    const QJsonObject report = QJsonDocument::fromJson(output).object();
    *messages = QString::fromUtf8(output.left(2000)) + node.readAllStandardError();
    if (!report.contains("issues")) {
        return 1;
    }
    return report["issues"].toObject()["numErrors"].toInt();
}

} // namespace bitmarket::reconstruct::testing
