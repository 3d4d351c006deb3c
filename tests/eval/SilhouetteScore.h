// How well a model's outline matches the photos: the object's true silhouette
// and the model's, both rendered into the true cameras with the table in
// front of whatever lies below it, compared as intersection over union and as
// the mean distance in pixels between the two outlines (both ways).
#pragma once

#include "reconstruct/Camera.h"
#include "reconstruct/TexturedMesh.h"

#include <vector>

namespace bitmarket::reconstruct::eval {

struct SilhouetteScore {
    double iou = 0;           // mean over the cameras
    double outlinePixels = 0; // mean outline distance, at the cameras' resolution
    double missingShare = 0;  // share of the true silhouette the model leaves out
    double excessShare = 0;   // model silhouette outside the truth, over the truth's area

    // `occluder` (the table) hides what lies behind it in both renders.
    static SilhouetteScore compare(const std::vector<Camera>& cameras, const SurfaceMesh& truth,
                                   const SurfaceMesh& model, const SurfaceMesh& occluder);
};

} // namespace bitmarket::reconstruct::eval
