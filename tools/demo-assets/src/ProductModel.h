// One demo catalogue item: its parts (each with its own surface finish), the baked texture
// they share, how it is staged for photos, and the listing text that goes into the manifest.
#pragma once

#include "Mesh.h"

#include <QImage>
#include <string>
#include <vector>

struct SurfaceFinish {
    std::string name;
    float roughness = 0.5f;
    float metallic = 0.0f;
    // Thin parts such as leaves are a single sheet seen from both sides.
    bool doubleSided = false;
};

struct ProductPart {
    Mesh mesh;
    SurfaceFinish finish;
};

struct ListingDetails {
    std::string title;
    std::string titleKo;
    std::string description;
    std::string category;
    std::string condition;
    long long priceKrw = 0;
    std::vector<std::string> tags;
    std::string region;
};

// Where the item is photographed: a paper sweep in a colour, or a wooden tabletop.
struct StudioSet {
    enum class Surface { PaperSweep, WoodTable };
    Surface surface = Surface::PaperSweep;
    Vec3 paperColour{0.6f, 0.6f, 0.6f};
    // Degrees to turn the item so its best side faces the first photo.
    float turnDegrees = 0.0f;
};

struct ProductModel {
    std::string slug;
    std::vector<ProductPart> parts;
    QImage texture;
    StudioSet set;
    ListingDetails listing;

    std::size_t triangleCount() const {
        std::size_t total = 0;
        for (const ProductPart& part : parts) {
            total += part.mesh.triangleCount();
        }
        return total;
    }
};
