#include "TestGlb.h"

#include "gltf/GlbWriter.h"

#include <QtGlobal>
#include <cmath>

namespace bitmarket::test {

QByteArray makeSphereGlb(int triangles, float radius) {
    // A UV sphere has 2 * rings * segments triangles (minus the pole slivers, kept for simplicity).
    const int segments = qMax(8, int(std::sqrt(triangles)));
    const int rings = qMax(4, triangles / (2 * segments));
    gltf::GlbPrimitive sphere;
    for (int r = 0; r <= rings; ++r) {
        const float theta = float(r) / float(rings) * float(M_PI);
        for (int s = 0; s <= segments; ++s) {
            const float phi = float(s) / float(segments) * 2.0f * float(M_PI);
            const float n[3] = {std::sin(theta) * std::cos(phi), std::cos(theta),
                                std::sin(theta) * std::sin(phi)};
            // Bumps make shading and the silhouette visibly three-dimensional.
            const float bump = 1.0f + 0.06f * std::sin(6 * phi) * std::sin(5 * theta);
            for (const float axis : n) {
                sphere.positions.push_back(axis * radius * bump);
                sphere.normals.push_back(axis);
            }
        }
    }
    for (int r = 0; r < rings; ++r) {
        for (int s = 0; s < segments; ++s) {
            const quint32 a = r * (segments + 1) + s;
            const quint32 b = a + segments + 1;
            sphere.indices.insert(sphere.indices.end(), {a, a + 1, b, b, a + 1, b + 1});
        }
    }

    gltf::GlbModel glb;
    glb.generator = "bitmarket tests";
    glb.name = "sphere";
    gltf::GlbMaterial material;
    material.baseColorFactor = {0.85, 0.45, 0.25, 1.0};
    material.metallic = 0.0;
    material.roughness = 0.6;
    glb.materials.push_back(material);
    glb.primitives.push_back(std::move(sphere));
    const std::vector<unsigned char> bytes = gltf::GlbWriter::encode(glb);
    return QByteArray(reinterpret_cast<const char*>(bytes.data()), qsizetype(bytes.size()));
}

} // namespace bitmarket::test
