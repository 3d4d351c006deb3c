// What a quality level means in pixels, planes and triangles.
#pragma once

#include <optional>
#include <string>

namespace bitmarket::reconstruct {

enum class Quality { Draft, Normal, High };

struct ReconstructionOptions {
    Quality quality = Quality::Normal;
    int threads = 2;
    int photoMaxSide = 1600; // working copies: COLMAP input and texture source
    int sfmMaxSide = 1280;   // COLMAP finds features at this size (CPU SIFT cost)
    int maxFeatures = 2500;  // per image; CPU matching is quadratic in this
    // Up to this many photos every pair is matched (~0.05 s a pair on 2 cores
    // at 2500 features); beyond, each photo is matched in full with the
    // partners a cheap all-pairs search found, on this many of its features.
    int exhaustiveMatchingMaxPhotos = 28;
    int matchPartnersPerPhoto = 8;
    int overlapSearchFeatures = 300;
    int stereoMaxSide = 640;  // depth maps are computed at this size
    int depthPlanes = 128;    // plane-sweep hypotheses per view
    int stereoNeighbours = 4; // source views per reference view
    int poissonDepth = 8;
    int targetTriangles = 50000;
    int textureSize = 2048;
    int previewSize = 768;
    int minPhotos = 3; // below this the approximate model is the only option
    std::string colmapBinary = "colmap";

    static std::optional<Quality> parseQuality(const std::string& name);
    static ReconstructionOptions forQuality(Quality quality);
};

const char* qualityName(Quality quality);

} // namespace bitmarket::reconstruct
