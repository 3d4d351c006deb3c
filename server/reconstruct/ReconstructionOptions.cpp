#include "reconstruct/ReconstructionOptions.h"

namespace bitmarket::reconstruct {

std::optional<Quality> ReconstructionOptions::parseQuality(const std::string& name) {
    if (name == "draft") {
        return Quality::Draft;
    }
    if (name == "normal") {
        return Quality::Normal;
    }
    if (name == "high") {
        return Quality::High;
    }
    return std::nullopt;
}

ReconstructionOptions ReconstructionOptions::forQuality(Quality quality) {
    ReconstructionOptions o;
    o.quality = quality;
    switch (quality) {
    case Quality::Draft:
        o.photoMaxSide = 1024;
        o.sfmMaxSide = 1024;
        o.maxFeatures = 1500;
        o.stereoMaxSide = 400;
        o.depthPlanes = 160;
        o.stereoNeighbours = 3;
        o.poissonDepth = 7;
        o.targetTriangles = 15000;
        o.textureSize = 1024;
        o.previewSize = 512;
        break;
    case Quality::Normal:
        break;
    case Quality::High:
        o.photoMaxSide = 2400;
        o.sfmMaxSide = 1600;
        o.maxFeatures = 4096;
        o.stereoMaxSide = 960;
        o.depthPlanes = 384;
        o.stereoNeighbours = 5;
        o.poissonDepth = 9;
        o.targetTriangles = 150000;
        o.textureSize = 4096;
        o.previewSize = 1024;
        break;
    }
    return o;
}

const char* qualityName(Quality quality) {
    switch (quality) {
    case Quality::Draft:
        return "draft";
    case Quality::High:
        return "high";
    case Quality::Normal:
        break;
    }
    return "normal";
}

} // namespace bitmarket::reconstruct
