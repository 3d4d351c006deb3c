// CPU ray tracer that photographs a catalogue item in a small virtual studio: soft key, fill
// and rim lights, a paper sweep or wooden tabletop, contact shadows from ambient occlusion,
// and a camera finish (vignetting, sensor noise) so the pictures read as photographs.
#pragma once

#include "ProductModel.h"
#include "TriangleBvh.h"

#include <QImage>
#include <array>
#include <cstdint>
#include <memory>
#include <vector>

struct CameraView {
    float azimuthDegrees = 35;   // around +Y, 0 looks at the item's front (+Z)
    float elevationDegrees = 20; // above the horizon
    float fill = 0.78f;          // share of the frame the item may take
};

struct RenderSettings {
    int width = 1024;
    int height = 768;
    int samplesPerAxis = 3;
    bool cameraFinish = true; // vignetting and sensor noise
    // Previews sit side by side in the app's grids, so they all use the plain paper sweep.
    bool plainBackdrop = false;
    std::uint32_t seed = 1;
    int threads = 2;
};

class StudioRenderer {
public:
    explicit StudioRenderer(const ProductModel& model);

    QImage render(const CameraView& view, const RenderSettings& settings) const;

private:
    struct AreaLight {
        Vec3 centre, halfU, halfV, normal;
        float radiance;
    };
    struct Surface {
        Vec3 position, normal, geometricNormal, albedo;
        float roughness = 1, metallic = 0;
    };
    // The item turned to face the camera, on a set that always faces the camera too (a real
    // photographer turns the product, not the paper roll).
    struct Scene {
        std::vector<Vec3> positions, normals;
        std::vector<Vec2> uvs;
        std::vector<std::array<std::uint32_t, 3>> triangles;
        std::vector<int> materials; // part index, or a negative StudioMaterial
        std::vector<AreaLight> lights;
        // The item and the set get separate hierarchies: the set's few huge triangles would
        // otherwise bloat every node's bounds. Shadows and occlusion only test the item.
        std::unique_ptr<TriangleBvh> itemBvh, setBvh;
        int itemTriangles = 0;

        bool closestHit(const Vec3& origin, const Vec3& direction, RayHit& hit) const;

        void add(const Mesh& mesh, int material);
    };
    // Which of the pixel's samples this is, so light and occlusion rays can be stratified.
    struct Stratum {
        int index, count;
    };
    class Sampler;

    Scene stage(float turnRadians, bool plainBackdrop) const;
    void addSet(Scene& scene, bool plainBackdrop) const;
    std::vector<AreaLight> lights() const;
    Surface surfaceAt(const Scene& scene, const RayHit& hit, const Vec3& direction) const;
    Vec3 sampleTexture(const Vec2& uv) const;
    Vec3 trace(const Scene& scene, const Vec3& origin, const Vec3& direction, Sampler& sampler,
               Stratum stratum, int depth) const;
    Vec3 environment(const Scene& scene, const Vec3& origin, const Vec3& direction) const;

    std::vector<ProductPart> m_parts;
    std::vector<Vec3> m_texture;
    int m_textureSize = 0;
    Eigen::AlignedBox3f m_itemBounds;
    float m_itemRadius = 1;
    StudioSet m_set;
};
