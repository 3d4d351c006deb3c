// Synthetic photo sets with known geometry and cameras, for the fast tests and
// the evaluation harness: a procedurally textured object standing on a
// textured table, photographed from rings of cameras around it, rendered with
// the engine's own rasterizer, then degraded by sensor noise and JPEG.
#pragma once

#include "reconstruct/Camera.h"
#include "reconstruct/TexturedMesh.h"

#include <Eigen/Core>
#include <filesystem>
#include <string>
#include <vector>

namespace bitmarket::reconstruct::testing {

enum class SyntheticObject { Vase, Box, Blob, Capsule };

struct SyntheticShot {
    std::string file;
    Camera camera; // world frame: table at y = 0, +Y up, metres
};

struct SyntheticSceneSpec {
    SyntheticObject object = SyntheticObject::Vase;
    int views = 24;
    int width = 960;
    int height = 720;
    double noiseSigma = 2.5; // grey levels
    int jpegQuality = 90;
    unsigned seed = 7;
    bool withTable = true;
    // fileOrder[k]: the view saved under the k-th file name (view_00, view_01,
    // ...); empty keeps walking order. Sellers' galleries are sorted by name or
    // date, rarely by where they stood.
    std::vector<int> fileOrder;
};

// Every view once, in an order fixed by `seed`.
std::vector<int> shuffledOrder(int views, unsigned seed);

class SyntheticScene {
public:
    explicit SyntheticScene(SyntheticSceneSpec spec);

    // Renders the photo set into `folder` (JPEG with EXIF focal length).
    std::vector<SyntheticShot> photograph(const std::filesystem::path& folder) const;

    // Points on the object's visible surface (not its underside), area-uniform.
    std::vector<Eigen::Vector3d> surfaceSamples(int count) const;
    // The object's surface and, where there is one, the table it stands on.
    const SurfaceMesh& objectSurface() const { return m_object; }
    SurfaceMesh tableSurface() const;
    Eigen::Vector3d objectMin() const { return m_min; }
    Eigen::Vector3d objectMax() const { return m_max; }

    static std::string name(SyntheticObject object);
    static std::vector<SyntheticObject> all();

private:
    SyntheticSceneSpec m_spec;
    SurfaceMesh m_object; // for ground truth
    TexturedMesh m_scene; // object + table, for rendering
    Eigen::Vector3d m_min, m_max;
};

// A JPEG with an EXIF block (Orientation, FocalLengthIn35mmFilm) inserted.
std::vector<unsigned char> jpegWithExif(const std::vector<unsigned char>& jpeg, int orientation,
                                        int focal35mm);

} // namespace bitmarket::reconstruct::testing
