// The model we can always make: when there are too few photos or structure
// from motion fails, the item is cut out of the best photo (GrabCut) and its
// silhouette is inflated into a rounded solid, textured front and back with
// that photo. Buyers get something to turn; the report says "approximate".
#pragma once

#include "reconstruct/Camera.h"
#include "reconstruct/Expected.h"
#include "reconstruct/Photo.h"
#include "reconstruct/TexturedMesh.h"

#include <vector>

namespace bitmarket::reconstruct {

struct ApproximateModel {
    TexturedMesh mesh; // normalised, centred, +Y up
    Camera camera;     // the photo used, in the mesh's frame, original pixels
    int photoIndex = -1;
};

class ApproximateModelBuilder {
public:
    Expected<ApproximateModel> build(const std::vector<Photo>& photos) const;

    static int sharpestPhoto(const std::vector<Photo>& photos);
    // 255 where the item is, from GrabCut seeded with the central region.
    static cv::Mat1b segmentItem(const cv::Mat3b& image);
};

} // namespace bitmarket::reconstruct
