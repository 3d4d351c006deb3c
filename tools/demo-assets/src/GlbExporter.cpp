#include "GlbExporter.h"

#include "gltf/GlbWriter.h"

#include <QBuffer>

std::string GlbExporter::write(const ProductModel& product, const std::string& path) {
    bitmarket::gltf::GlbModel glb;
    glb.generator = "bitmarket-demo-assets";
    glb.name = product.slug;

    QByteArray jpeg;
    QBuffer device(&jpeg);
    device.open(QIODevice::WriteOnly);
    if (!product.texture.save(&device, "JPG", 82)) {
        return "could not encode texture";
    }
    glb.texture.name = product.slug + "-basecolor";
    glb.texture.bytes.assign(jpeg.begin(), jpeg.end());

    for (const ProductPart& part : product.parts) {
        bitmarket::gltf::GlbMaterial material;
        material.name = part.finish.name;
        material.baseColorTextured = true;
        material.metallic = part.finish.metallic;
        material.roughness = part.finish.roughness;
        material.doubleSided = part.finish.doubleSided;
        glb.materials.push_back(material);

        const Mesh& m = part.mesh;
        bitmarket::gltf::GlbPrimitive primitive;
        for (const Vec3& p : m.positions) {
            primitive.positions.insert(primitive.positions.end(), {p.x(), p.y(), p.z()});
        }
        for (const Vec3& n : m.normals) {
            const Vec3 unit = n.normalized();
            primitive.normals.insert(primitive.normals.end(), {unit.x(), unit.y(), unit.z()});
        }
        for (const Vec2& uv : m.uvs) {
            primitive.uvs.insert(primitive.uvs.end(), {uv.x(), uv.y()});
        }
        primitive.indices = m.indices;
        primitive.material = int(glb.materials.size() - 1);
        glb.primitives.push_back(std::move(primitive));
    }
    return bitmarket::gltf::GlbWriter::write(glb, path);
}
