#include "TestGlb.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QVector3D>
#include <QtEndian>
#include <cmath>
#include <vector>

namespace bitmarket::test {

namespace {

void appendU32(QByteArray& out, quint32 v) {
    const quint32 le = qToLittleEndian(v);
    out.append(reinterpret_cast<const char*>(&le), 4);
}

void padTo4(QByteArray& bytes, char fill) {
    while (bytes.size() % 4 != 0)
        bytes.append(fill);
}

} // namespace

QByteArray makeSphereGlb(int triangles, float radius) {
    // A UV sphere has 2 * rings * segments triangles (minus the pole slivers, kept for simplicity).
    const int segments = qMax(8, int(std::sqrt(triangles)));
    const int rings = qMax(4, triangles / (2 * segments));
    std::vector<float> positions;
    std::vector<float> normals;
    std::vector<quint32> indices;
    QVector3D minimum(1e9f, 1e9f, 1e9f);
    QVector3D maximum(-1e9f, -1e9f, -1e9f);
    for (int r = 0; r <= rings; ++r) {
        const float v = float(r) / float(rings);
        const float theta = v * float(M_PI);
        for (int s = 0; s <= segments; ++s) {
            const float u = float(s) / float(segments);
            const float phi = u * 2.0f * float(M_PI);
            const QVector3D n(std::sin(theta) * std::cos(phi), std::cos(theta),
                              std::sin(theta) * std::sin(phi));
            // Bumps make shading and the silhouette visibly three-dimensional.
            const float bump = 1.0f + 0.06f * std::sin(6 * phi) * std::sin(5 * theta);
            const QVector3D p = n * radius * bump;
            positions.insert(positions.end(), {p.x(), p.y(), p.z()});
            normals.insert(normals.end(), {n.x(), n.y(), n.z()});
            for (int i = 0; i < 3; ++i) {
                minimum[i] = qMin(minimum[i], p[i]);
                maximum[i] = qMax(maximum[i], p[i]);
            }
        }
    }
    for (int r = 0; r < rings; ++r) {
        for (int s = 0; s < segments; ++s) {
            const quint32 a = r * (segments + 1) + s;
            const quint32 b = a + segments + 1;
            indices.insert(indices.end(), {a, a + 1, b, b, a + 1, b + 1});
        }
    }

    QByteArray bin;
    const auto append = [&bin](const void* data, qsizetype size) {
        bin.append(static_cast<const char*>(data), size);
        padTo4(bin, '\0');
    };
    const qsizetype posOffset = 0;
    append(positions.data(), qsizetype(positions.size() * sizeof(float)));
    const qsizetype normalOffset = bin.size();
    append(normals.data(), qsizetype(normals.size() * sizeof(float)));
    const qsizetype indexOffset = bin.size();
    append(indices.data(), qsizetype(indices.size() * sizeof(quint32)));

    const int vertexCount = int(positions.size() / 3);
    const auto bufferView = [](qsizetype offset, qsizetype length, int target) {
        return QJsonObject{
            {"buffer", 0}, {"byteOffset", offset}, {"byteLength", length}, {"target", target}};
    };
    const QJsonArray bufferViews{
        bufferView(posOffset, normalOffset - posOffset, 34962),
        bufferView(normalOffset, indexOffset - normalOffset, 34962),
        bufferView(indexOffset, qsizetype(indices.size() * sizeof(quint32)), 34963)};
    const QJsonArray accessors{
        QJsonObject{{"bufferView", 0},
                    {"componentType", 5126},
                    {"count", vertexCount},
                    {"type", "VEC3"},
                    {"min", QJsonArray{minimum.x(), minimum.y(), minimum.z()}},
                    {"max", QJsonArray{maximum.x(), maximum.y(), maximum.z()}}},
        QJsonObject{
            {"bufferView", 1}, {"componentType", 5126}, {"count", vertexCount}, {"type", "VEC3"}},
        QJsonObject{{"bufferView", 2},
                    {"componentType", 5125},
                    {"count", qsizetype(indices.size())},
                    {"type", "SCALAR"}}};
    const QJsonObject material{
        {"pbrMetallicRoughness", QJsonObject{{"baseColorFactor", QJsonArray{0.85, 0.45, 0.25, 1.0}},
                                             {"metallicFactor", 0.0},
                                             {"roughnessFactor", 0.6}}}};
    const QJsonObject primitive{{"attributes", QJsonObject{{"POSITION", 0}, {"NORMAL", 1}}},
                                {"indices", 2},
                                {"material", 0}};
    QJsonObject gltf;
    gltf.insert("asset", QJsonObject{{"version", "2.0"}, {"generator", "bitmarket tests"}});
    gltf.insert("scene", 0);
    gltf.insert("scenes", QJsonArray{QJsonObject{{"nodes", QJsonArray{0}}}});
    // A root node holding the mesh node, as exporters write it; RuntimeLoader's bounds
    // only count meshes below the scene's root.
    gltf.insert("nodes", QJsonArray{QJsonObject{{"name", "root"}, {"children", QJsonArray{1}}},
                                    QJsonObject{{"name", "sphere"}, {"mesh", 0}}});
    gltf.insert("materials", QJsonArray{material});
    gltf.insert("meshes", QJsonArray{QJsonObject{{"primitives", QJsonArray{primitive}}}});
    gltf.insert("buffers", QJsonArray{QJsonObject{{"byteLength", bin.size()}}});
    gltf.insert("bufferViews", bufferViews);
    gltf.insert("accessors", accessors);
    QByteArray json = QJsonDocument(gltf).toJson(QJsonDocument::Compact);
    padTo4(json, ' ');

    QByteArray glb;
    glb.append("glTF", 4);
    appendU32(glb, 2);
    appendU32(glb, quint32(12 + 8 + json.size() + 8 + bin.size()));
    appendU32(glb, quint32(json.size()));
    glb.append("JSON", 4);
    glb.append(json);
    appendU32(glb, quint32(bin.size()));
    glb.append("BIN\0", 4);
    glb.append(bin);
    return glb;
}

} // namespace bitmarket::test
