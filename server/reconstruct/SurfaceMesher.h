// Oriented points -> a clean, decimated, watertight-where-seen surface:
// screened Poisson (Open3D), trimming of surface the points never supported,
// removal of anything under the support plane, manifold cleanup, and quadric
// decimation to the quality's triangle budget.
#pragma once

#include "reconstruct/DepthFusion.h"
#include "reconstruct/Expected.h"
#include "reconstruct/TexturedMesh.h"

namespace bitmarket::reconstruct {

struct MeshingSettings {
    int poissonDepth = 9;
    int targetTriangles = 50000;
    double trimQuantile = 0.04; // share of lowest-density vertices dropped
    bool cutBelowGround = true;
    int threads = 2;
};

class SurfaceMesher {
public:
    explicit SurfaceMesher(MeshingSettings settings) : m_settings(settings) {}

    Expected<SurfaceMesh> mesh(const OrientedPoints& points) const;

private:
    MeshingSettings m_settings;
};

} // namespace bitmarket::reconstruct
