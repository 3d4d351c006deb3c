#include "DemoCatalogue.h"

#include "ProceduralPattern.h"
#include "ShapeBuilder.h"
#include "TextureAtlas.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <stdexcept>

namespace {

constexpr float kPi = std::numbers::pi_v<float>;
using P = ProceduralPattern;

Vec3 hex(unsigned colour) {
    return P::srgb(colour);
}

const SurfaceFinish kGlaze{"glaze", 0.08f, 0.0f};
const SurfaceFinish kBisque{"unglazed clay", 0.85f, 0.0f};
const SurfaceFinish kOiledWood{"oiled wood", 0.45f, 0.0f};
const SurfaceFinish kLacquer{"lacquered wood", 0.16f, 0.0f};
const SurfaceFinish kFabric{"fabric", 0.95f, 0.0f};
const SurfaceFinish kRubber{"rubber", 0.6f, 0.0f};
const SurfaceFinish kChrome{"chrome", 0.18f, 1.0f};
const SurfaceFinish kSatinPlastic{"satin plastic", 0.4f, 0.0f};
const SurfaceFinish kGlass{"coated glass", 0.03f, 0.0f};
const SurfaceFinish kCloth{"book cloth", 0.75f, 0.0f};
const SurfaceFinish kFelt{"wool felt", 1.0f, 0.0f};
const SurfaceFinish kLeaf{"leaf", 0.4f, 0.0f, true};
const SurfaceFinish kSoil{"soil", 1.0f, 0.0f};
const SurfaceFinish kVinyl{"vinyl", 0.28f, 0.0f};

// Which face of a ShapeBuilder::roundedBox a UV falls on, and where on that face.
struct BoxFace {
    int index; // 0 +X, 1 -X, 2 +Y, 3 -Y, 4 +Z, 5 -Z
    Vec2 local;
};

BoxFace boxFace(const Vec2& uv) {
    const int column = std::min(2, int(uv.x() * 3));
    const int row = std::min(1, int(uv.y() * 2));
    return {row * 3 + column, Vec2(uv.x() * 3 - column, uv.y() * 2 - row)};
}

// Catmull-Rom through the key points, so profiles can be sketched with a few numbers.
std::vector<Vec2> smoothCurve(const std::vector<Vec2>& keys, int steps) {
    std::vector<Vec2> curve;
    const int n = static_cast<int>(keys.size());
    for (int i = 0; i + 1 < n; ++i) {
        const Vec2& p0 = keys[std::max(i - 1, 0)];
        const Vec2& p1 = keys[i];
        const Vec2& p2 = keys[i + 1];
        const Vec2& p3 = keys[std::min(i + 2, n - 1)];
        for (int s = 0; s < steps; ++s) {
            const float t = float(s) / steps;
            const float t2 = t * t, t3 = t2 * t;
            curve.push_back(0.5f *
                            ((2 * p1) + (-p0 + p2) * t + (2 * p0 - 5 * p1 + 4 * p2 - p3) * t2 +
                             (-p0 + 3 * p1 - 3 * p2 + p3) * t3));
        }
    }
    curve.push_back(keys.back());
    return curve;
}

// Fraction of the polyline length reached at point `at`, matching ShapeBuilder::lathe's v.
float arcFraction(const std::vector<Vec2>& points, const Vec2& at) {
    float total = 0, reached = 0;
    bool passed = false;
    for (std::size_t i = 1; i < points.size(); ++i) {
        const float length = (points[i] - points[i - 1]).norm();
        total += length;
        if (!passed) {
            reached += length;
            passed = (points[i] - at).norm() < 1e-6f;
        }
    }
    return reached / total;
}

float square(float x) {
    return x * x;
}

// Collects the parts of one item and paints them into its shared atlas.
class ItemAssembly {
public:
    explicit ItemAssembly(std::string slug) : m_atlas(1024) { m_model.slug = std::move(slug); }

    void add(Mesh mesh, const SurfaceFinish& finish, int width, int height,
             const SurfacePainter& painter) {
        addPainted(std::move(mesh), finish, paintRegion(width, height, painter));
    }
    UvRect paintRegion(int width, int height, const SurfacePainter& painter) {
        const auto rect = m_atlas.allocate(width, height);
        if (!rect) {
            throw std::runtime_error(m_model.slug + ": texture atlas is full");
        }
        m_atlas.paint(*rect, painter);
        return *rect;
    }
    void addPainted(Mesh mesh, const SurfaceFinish& finish, const UvRect& rect) {
        mesh.fitUvsInto(rect);
        for (ProductPart& part : m_model.parts) {
            if (part.finish.name == finish.name) {
                part.mesh.append(mesh);
                return;
            }
        }
        m_model.parts.push_back({std::move(mesh), finish});
    }

    // Stands the item on y = 0 centred on the origin, as the GLB and the viewer expect.
    ProductModel finish(const StudioSet& set, ListingDetails listing) {
        Eigen::AlignedBox3f box;
        for (const ProductPart& part : m_model.parts) {
            box.extend(part.mesh.bounds());
        }
        const Vec3 centre = box.center();
        for (ProductPart& part : m_model.parts) {
            part.mesh.translate(Vec3(-centre.x(), -box.min().y(), -centre.z()));
        }
        m_model.texture = m_atlas.image();
        m_model.set = set;
        m_model.listing = std::move(listing);
        return std::move(m_model);
    }

private:
    TextureAtlas m_atlas;
    ProductModel m_model;
};

StudioSet sweep(unsigned colour, float turn) {
    return {StudioSet::Surface::PaperSweep, hex(colour), turn};
}
StudioSet table(float turn) {
    return {StudioSet::Surface::WoodTable, hex(0xdcd6cc), turn};
}

// Iron spots in stoneware glaze; `cells` is how many spots fit across the texture region.
Vec3 speckle(const Vec3& colour, const Vec2& uv, float density, int seed, float cells = 400) {
    const float h = P::hash(int(uv.x() * cells), int(uv.y() * cells * 0.4f), seed);
    return h > 1.0f - density ? Vec3(colour * 0.6f) : colour;
}

} // namespace

std::vector<ProductModel> DemoCatalogue::build() {
    return {ceramicMug(),     stonewareVase(),      oakStool(),   bluetoothSpeaker(),
            acousticGuitar(), bookStack(),          filmCamera(), basketball(),
            snakePlant(),     mechanicalKeyboard(), feltHat(),    rubberDuck()};
}

ProductModel DemoCatalogue::ceramicMug() {
    ItemAssembly item("ceramic-mug-teal");
    const Vec3 glaze = hex(0x1e6e78), cream = hex(0xece3d0), clay = hex(0xb89c7e);
    item.add(ShapeBuilder::lathe(
                 {{0, 0.002f}, {0.029f, 0.002f}, {0.031f, 0}, {0.034f, 0}, {0.0345f, 0.004f}}, 64),
             kBisque, 256, 32, [=](const Vec2& uv) {
                 return Vec3(clay * (0.85f + 0.3f * P::fbm(uv.x() * 30, uv.y() * 4)));
             });
    const std::vector<Vec2> keys{{0.0345f, 0.004f},  {0.0365f, 0.012f},  {0.039f, 0.035f},
                                 {0.0405f, 0.07f},   {0.041f, 0.092f},   {0.0405f, 0.0955f},
                                 {0.0385f, 0.0966f}, {0.0368f, 0.0952f}, {0.0362f, 0.09f},
                                 {0.0355f, 0.05f},   {0.034f, 0.02f},    {0.028f, 0.0105f},
                                 {0.015f, 0.0095f},  {0, 0.0095f}};
    const auto profile = smoothCurve(keys, 4);
    const float rimV = arcFraction(profile, keys[6]);
    auto glazeColour = [=](const Vec2& uv) {
        const float n = P::fbm(uv.x() * 24, uv.y() * 20, 1.0f);
        Vec3 c = uv.y() < rimV ? Vec3(P::mix(glaze * 0.75f, glaze * 1.2f, n))
                               : Vec3(cream * (0.93f + 0.1f * n));
        // Glaze runs thin over the rim and breaks to a paler tone, as on real stoneware.
        const float rimBreak = std::exp(-square((uv.y() - rimV) / 0.025f));
        c = P::mix(c, hex(0x9cc3bb), rimBreak * 0.75f);
        // Darker pooling towards the foot.
        c *= 1.0f - 0.25f * P::smoothstep(0.12f, 0.0f, uv.y());
        return c;
    };
    item.add(ShapeBuilder::lathe(profile, 96), kGlaze, 1024, 320,
             [=](const Vec2& uv) { return speckle(glazeColour(uv), uv, 0.004f, 3); });
    std::vector<Vec3> handlePath;
    for (int i = 0; i <= 28; ++i) {
        const float a = -1.8f + 3.6f * i / 28;
        handlePath.emplace_back(0.0365f + 0.0265f * std::cos(a), 0.053f + 0.029f * std::sin(a), 0);
    }
    Mesh handle = ShapeBuilder::tube(
        handlePath, [](float) { return 0.0068f; }, 20, true);
    handle.scale(Vec3(1, 1, 0.7f));
    item.add(std::move(handle), kGlaze, 256, 64, [=](const Vec2& uv) {
        return speckle(glazeColour(Vec2(uv.x(), rimV * 0.6f)), uv, 0.004f, 4, 100);
    });
    return item.finish(table(-20),
                       {"Handmade teal stoneware mug",
                        "핸드메이드 청록 도자기 머그컵",
                        "Wheel-thrown stoneware mug from a pottery class, about 350 ml. Used a "
                        "handful of times, no chips or cracks. Dishwasher safe but I always "
                        "washed it by hand.",
                        "home",
                        "like_new",
                        12000,
                        {"mug", "ceramic", "handmade", "kitchen"},
                        "Mapo-gu, Seoul"});
}

ProductModel DemoCatalogue::stonewareVase() {
    ItemAssembly item("stoneware-vase-blue");
    item.add(ShapeBuilder::lathe(
                 {{0, 0.003f}, {0.038f, 0.003f}, {0.041f, 0}, {0.046f, 0}, {0.048f, 0.006f}}, 72),
             kBisque, 256, 32, [](const Vec2& uv) {
                 return Vec3(hex(0xa5805f) * (0.85f + 0.3f * P::fbm(uv.x() * 40, uv.y() * 3)));
             });
    const std::vector<Vec2> keys{
        {0.048f, 0.006f}, {0.06f, 0.03f},   {0.075f, 0.07f},  {0.081f, 0.105f}, {0.077f, 0.14f},
        {0.062f, 0.175f}, {0.042f, 0.205f}, {0.031f, 0.228f}, {0.030f, 0.245f}, {0.034f, 0.258f},
        {0.037f, 0.264f}, {0.035f, 0.268f}, {0.031f, 0.266f}, {0.028f, 0.255f}, {0.026f, 0.235f},
        {0.022f, 0.21f},  {0, 0.205f}};
    const auto profile = smoothCurve(keys, 4);
    const float lipV = arcFraction(profile, keys[11]);
    const Vec3 amber = hex(0x8c5b30), cobalt = hex(0x1f4468), foam = hex(0x9bb7c9);
    item.add(ShapeBuilder::lathe(profile, 96), kGlaze, 1024, 512, [=](const Vec2& uv) {
        const float u = uv.x(), v = uv.y();
        if (v > lipV + 0.02f) {
            return Vec3(cobalt * 0.5f);
        }
        // Blue glaze poured from the top runs down over the amber base in uneven drips.
        const float drips = P::fbm(u * 36, 0.5f, 2.0f, 3);
        const float edge = 0.42f - 0.16f * drips - 0.05f * P::fbm(u * 9, 1.5f);
        const float blue = P::smoothstep(edge - 0.02f, edge + 0.03f, v);
        const float pooling = P::fbm(u * 14, v * 10, 4.0f) * P::smoothstep(0.45f, 0.75f, v);
        Vec3 base = P::mix(amber * 0.8f, amber * 1.2f, P::fbm(u * 20, v * 14, 5.0f));
        Vec3 top = P::mix(cobalt, foam, P::smoothstep(0.45f, 0.8f, pooling));
        Vec3 c = P::mix(base, top, blue);
        // The rim breaks to brown where the glaze is thin.
        c = P::mix(c, amber, 0.6f * std::exp(-square((v - lipV) / 0.012f)));
        return speckle(c, uv, 0.003f, 5);
    });
    return item.finish(sweep(0xd9d2c7, 25),
                       {"Stoneware vase, blue drip glaze",
                        "블루 드립 유약 도자기 화병",
                        "Hand-thrown vase with a blue glaze that runs over an amber base, 27 cm "
                        "tall. Bought at a craft fair in Icheon; one tiny glaze pinhole near the "
                        "bottom, otherwise perfect. Holds water fine.",
                        "art",
                        "good",
                        45000,
                        {"vase", "ceramic", "interior", "craft"},
                        "Jongno-gu, Seoul"});
}

ProductModel DemoCatalogue::oakStool() {
    ItemAssembly item("oak-stool-round");
    const Vec3 light = hex(0xcfa673), dark = hex(0x93653a);
    const float seatRadius = 0.165f, seatHeight = 0.03f, legTop = 0.43f;
    Mesh seat = ShapeBuilder::cylinder(seatRadius, seatHeight, 72, 0.008f);
    // Planar coordinates so the grain runs straight across the glued-up top.
    for (std::size_t i = 0; i < seat.positions.size(); ++i) {
        const Vec3& p = seat.positions[i];
        seat.uvs[i] = Vec2(p.x() / (2 * seatRadius) + 0.5f, p.z() / (2 * seatRadius) + 0.5f);
    }
    seat.translate(Vec3(0, legTop, 0));
    item.add(std::move(seat), kOiledWood, 512, 512, [=](const Vec2& uv) {
        const float across = uv.y() * 0.33f;
        Vec3 c = P::wood(uv.x() * 0.33f, across, light, dark, across > 0.14f ? 2.0f : 1.0f);
        if (std::abs(across - 0.14f) < 0.0006f) {
            c *= 0.7f;
        }
        return c;
    });
    std::vector<Vec3> feet, tops;
    for (int k = 0; k < 4; ++k) {
        const float a = kPi / 4 + k * kPi / 2;
        const Vec3 outward(std::cos(a), 0, std::sin(a));
        feet.push_back(outward * 0.185f);
        tops.push_back(outward * 0.11f + Vec3(0, legTop + 0.005f, 0));
    }
    auto pointOnLeg = [&](int k, float height) {
        return Vec3(feet[k] + (tops[k] - feet[k]) * (height / tops[k].y()));
    };
    for (int k = 0; k < 4; ++k) {
        std::vector<Vec3> path;
        for (int i = 0; i <= 6; ++i) {
            path.push_back(feet[k] + (tops[k] - feet[k]) * (float(i) / 6));
        }
        const float seed = float(k) * 3.1f;
        item.add(ShapeBuilder::tube(
                     path, [](float t) { return 0.0135f + 0.0045f * t; }, 20, true),
                 kOiledWood, 512, 64, [=](const Vec2& uv) {
                     return P::wood(uv.x() * 0.44f, uv.y() * 0.1f, light, dark, seed);
                 });
    }
    for (int k = 0; k < 4; ++k) {
        const float height = k % 2 == 0 ? 0.15f : 0.19f;
        const std::vector<Vec3> path{pointOnLeg(k, height), pointOnLeg((k + 1) % 4, height)};
        const float seed = 20.0f + k;
        item.add(ShapeBuilder::tube(
                     path, [](float) { return 0.0095f; }, 16, true),
                 kOiledWood, 256, 48, [=](const Vec2& uv) {
                     return P::wood(uv.x() * 0.25f, uv.y() * 0.06f, light, dark, seed);
                 });
    }
    return item.finish(sweep(0xcfd5d6, 10),
                       {"Solid oak round stool",
                        "원목 오크 원형 스툴",
                        "Solid oak stool, seat height 46 cm, oiled finish. Sturdy and does not "
                        "wobble; a few light scratches on the seat from normal use. Good as a "
                        "plant stand or side table too.",
                        "furniture",
                        "good",
                        38000,
                        {"stool", "oak", "wood", "chair"},
                        "Seongdong-gu, Seoul"});
}

ProductModel DemoCatalogue::bluetoothSpeaker() {
    ItemAssembly item("bluetooth-speaker-navy");
    const float radius = 0.037f, length = 0.18f;
    const Vec3 navy = hex(0x2a3f63), rubber = hex(0x1d1e21);
    auto place = [&](Mesh mesh) {
        // Built standing along +Y, the speaker lies on its side along X.
        mesh.translate(Vec3(0, -length / 2, 0));
        mesh.rotate(-kPi / 2, Vec3::UnitZ());
        // The lathe seam is at the front; turn it to the back so the badge faces the buyer.
        mesh.rotate(kPi, Vec3::UnitY());
        mesh.translate(Vec3(0, radius, 0));
        return mesh;
    };
    item.add(place(ShapeBuilder::lathe({{radius, 0.008f}, {radius, length - 0.008f}}, 96)), kFabric,
             1024, 384, [=](const Vec2& uv) {
                 const float u = uv.x(), v = uv.y();
                 // Logo badge on the front of the grille.
                 if (std::abs(u - 0.5f) < 0.035f && std::abs(v - 0.5f) < 0.09f) {
                     const bool mark = std::abs(u - 0.5f) < 0.012f && std::abs(v - 0.5f) < 0.06f;
                     return mark ? Vec3(hex(0xb8bcc4)) : Vec3(rubber * 1.3f);
                 }
                 const float warp = std::sin(2 * kPi * u * 0.232f / 0.0017f);
                 const float weft = std::sin(2 * kPi * v * 0.164f / 0.0017f);
                 const float weave = 0.5f + 0.5f * (warp * weft > 0 ? warp : weft);
                 const float mottle = P::fbm(u * 30, v * 20, 3.0f);
                 return Vec3(navy * (0.6f + 0.35f * weave + 0.25f * mottle));
             });
    auto capPainter = [=](const Vec2& uv) {
        // Passive radiator rings on the end caps.
        const float ring = std::sin(uv.y() * 60.0f);
        return Vec3(rubber * (0.9f + 0.15f * ring + 0.1f * P::fbm(uv.x() * 50, uv.y() * 30)));
    };
    item.add(
        place(ShapeBuilder::lathe(
            {{0, 0}, {0.022f, 0}, {0.033f, 0.0008f}, {0.0375f, 0.004f}, {0.0378f, 0.008f}}, 64)),
        kRubber, 256, 64, capPainter);
    item.add(place(ShapeBuilder::lathe({{0.0378f, length - 0.008f},
                                        {0.0375f, length - 0.004f},
                                        {0.033f, length - 0.0008f},
                                        {0.022f, length},
                                        {0, length}},
                                       64)),
             kRubber, 256, 64, capPainter);
    Mesh buttons = ShapeBuilder::roundedBox(Vec3(0.085f, 0.008f, 0.016f), 0.0035f);
    buttons.translate(Vec3(0, 2 * radius - 0.0015f, 0));
    item.add(std::move(buttons), kRubber, 384, 128, [=](const Vec2& uv) {
        const BoxFace face = boxFace(uv);
        Vec3 c = rubber * 1.2f;
        if (face.index != 2) {
            return c;
        }
        const float x = face.local.x() * 0.085f, z = face.local.y() * 0.016f;
        for (int b = 0; b < 5; ++b) {
            const float cx = 0.0125f + b * 0.015f;
            const float d = std::hypot(x - cx, z - 0.008f);
            if (d < 0.0055f) {
                c = rubber * 1.6f;
                const float dx = x - cx, dz = z - 0.008f;
                const bool bar = std::abs(dz) < 0.0006f && std::abs(dx) < 0.0028f;
                const bool post = std::abs(dx) < 0.0006f && std::abs(dz) < 0.0028f;
                const bool ring = std::abs(d - 0.0025f) < 0.0005f && dz > -0.0015f;
                const bool play = dx > -0.0018f && dx < 0.0022f &&
                                  std::abs(dz) < 0.0022f * (0.0022f - dx) / 0.004f;
                const bool glyph = (b == 0 && bar) || (b == 4 && (bar || post)) ||
                                   (b == 2 && (ring || (post && dz > 0))) || (b == 1 && play) ||
                                   (b == 3 && d < 0.0012f);
                if (glyph) {
                    c = hex(0xd8d8d8);
                }
            }
        }
        return c;
    });
    return item.finish(sweep(0xe2d8c8, -15),
                       {"Portable Bluetooth speaker, navy",
                        "휴대용 블루투스 스피커 네이비",
                        "Waterproof portable speaker with about 12 hours of battery. Sound is "
                        "great, fabric is clean, comes with the USB-C cable. Selling because I "
                        "got a bigger one.",
                        "audio",
                        "like_new",
                        55000,
                        {"speaker", "bluetooth", "portable", "audio"},
                        "Gangnam-gu, Seoul"});
}

ProductModel DemoCatalogue::acousticGuitar() {
    ItemAssembly item("acoustic-guitar-dreadnought");
    // Right half of the body outline from the tail block to the neck joint, in metres.
    const std::vector<Vec2> halfKeys{{0, 0},         {0.12f, 0.012f}, {0.185f, 0.06f},
                                     {0.2f, 0.13f},  {0.186f, 0.2f},  {0.14f, 0.265f},
                                     {0.124f, 0.3f}, {0.132f, 0.35f}, {0.145f, 0.4f},
                                     {0.13f, 0.46f}, {0.08f, 0.492f}, {0, 0.5f}};
    auto half = smoothCurve(halfKeys, 6);
    std::vector<Vec2> outline;
    const float centreY = 0.24f;
    for (const Vec2& p : half) {
        outline.emplace_back(p.x() * 1.08f, p.y() - centreY);
    }
    for (int i = int(half.size()) - 2; i > 0; --i) {
        outline.emplace_back(-half[i].x() * 1.08f, half[i].y() - centreY);
    }
    Vec2 lo = outline[0], hi = outline[0];
    for (const Vec2& p : outline) {
        lo = lo.cwiseMin(p);
        hi = hi.cwiseMax(p);
    }
    const float depth = 0.1f, top = depth / 2;
    const Vec3 spruceLight = hex(0xe6c48e), spruceDark = hex(0xcf9f62);
    const Vec3 mahoganyLight = hex(0x7b3c1c), mahoganyDark = hex(0x4a200e);
    const Vec3 rosewood = hex(0x3a2216), cream = hex(0xeee2c4);
    const float holeY = 0.33f - centreY;
    Mesh body = ShapeBuilder::slab(outline, depth, 0.006f);
    body.translate(Vec3(0, centreY, 0));
    item.add(std::move(body), kLacquer, 1024, 448, [=](const Vec2& uv) {
        if (uv.y() >= 0.8f) {
            const float w = (uv.y() - 0.8f) / 0.2f;
            if (w < 0.05f || w > 0.95f) {
                return Vec3(cream);
            }
            if (w < 0.065f || w > 0.935f) {
                return Vec3(0.02f, 0.02f, 0.02f);
            }
            return P::wood(uv.x() * 1.4f, w * 0.1f, mahoganyLight, mahoganyDark, 4.0f);
        }
        const bool front = uv.x() < 0.5f;
        const float fx = front ? uv.x() / 0.5f : 1 - (uv.x() - 0.5f) / 0.5f;
        const float x = lo.x() + fx * (hi.x() - lo.x());
        const float y = hi.y() - uv.y() / 0.8f * (hi.y() - lo.y());
        if (!front) {
            Vec3 c = P::wood(y, x, mahoganyLight, mahoganyDark, 6.0f);
            return std::abs(x) < 0.002f ? Vec3(cream * 0.8f) : c;
        }
        const float r = std::hypot(x, y - holeY);
        if (r < 0.05f) {
            return Vec3(0.012f, 0.009f, 0.007f);
        }
        if (r < 0.066f && r > 0.055f) {
            const float ring = std::sin((r - 0.055f) * 2400.0f);
            const float tile = std::sin(std::atan2(y - holeY, x) * 90.0f);
            return ring > 0.3f ? Vec3(cream * 0.9f)
                               : Vec3(P::mix(hex(0x2c5a3c), hex(0x6b3a1a), tile * 0.5f + 0.5f));
        }
        // Tortoiseshell pickguard below the soundhole.
        const float gx = (x - 0.058f) / 0.04f, gy = (y - (holeY - 0.035f)) / 0.06f;
        if (gx * gx + gy * gy < 1 && r > 0.058f) {
            return Vec3(P::mix(hex(0x2a1208), hex(0x7c3b14), P::fbm(x * 80, y * 60, 9.0f, 3)));
        }
        return P::wood(y, x, spruceLight, spruceDark, 8.0f);
    });
    const float nutY = 0.858f;
    Mesh neck = ShapeBuilder::roundedBox(Vec3(0.046f, nutY - 0.48f, 0.03f), 0.01f);
    neck.translate(Vec3(0, (nutY + 0.48f) / 2, 0.036f));
    item.add(std::move(neck), kLacquer, 256, 128, [=](const Vec2& uv) {
        return P::wood(uv.y(), uv.x() * 0.1f, mahoganyLight, mahoganyDark, 11.0f);
    });
    const float boardBottom = 0.4f, boardLength = nutY - boardBottom;
    Mesh board = ShapeBuilder::roundedBox(Vec3(0.052f, boardLength, 0.008f), 0.0015f, 2);
    board.translate(Vec3(0, (nutY + boardBottom) / 2, top + 0.004f));
    item.add(std::move(board), kOiledWood, 300, 480, [=](const Vec2& uv) {
        const BoxFace face = boxFace(uv);
        Vec3 c = P::mix(rosewood * 0.8f, rosewood * 1.3f,
                        P::fbm(face.local.x() * 6, face.local.y() * 120, 12.0f, 3));
        if (face.index != 4) {
            return c;
        }
        const float fromNut = face.local.y() * boardLength;
        const float x = (face.local.x() - 0.5f) * 0.052f;
        const float scale = 0.645f;
        for (int fret = 1; fret <= 20; ++fret) {
            const float at = scale * (1 - std::pow(2.0f, -fret / 12.0f));
            if (std::abs(fromNut - at) < 0.0008f) {
                return Vec3(hex(0xc9c6bd));
            }
            const float previous = scale * (1 - std::pow(2.0f, -(fret - 1) / 12.0f));
            const float middle = (at + previous) / 2;
            const bool single = fret == 3 || fret == 5 || fret == 7 || fret == 9 || fret == 15;
            if (single && std::hypot(x, fromNut - middle) < 0.003f) {
                return Vec3(hex(0xf0ece2));
            }
            if (fret == 12 && (std::hypot(x - 0.012f, fromNut - middle) < 0.003f ||
                               std::hypot(x + 0.012f, fromNut - middle) < 0.003f)) {
                return Vec3(hex(0xf0ece2));
            }
        }
        return c;
    });
    // Headstock tilts back from the nut like on a real guitar.
    const Eigen::Affine3f headFrame =
        Eigen::Translation3f(0, nutY, 0.044f) * Eigen::AngleAxisf(-0.23f, Vec3::UnitX());
    Mesh head = ShapeBuilder::roundedBox(Vec3(0.082f, 0.19f, 0.017f), 0.006f);
    head.translate(Vec3(0, 0.095f, 0)).transform(headFrame);
    item.add(std::move(head), kLacquer, 256, 192, [=](const Vec2& uv) {
        const BoxFace face = boxFace(uv);
        if (face.index == 4 && std::abs(face.local.x() - 0.5f) < 0.18f &&
            std::abs(face.local.y() - 0.18f) < 0.025f) {
            return Vec3(hex(0xb89a52));
        }
        return Vec3(0.015f, 0.013f, 0.012f);
    });
    Mesh tuners;
    for (int side = -1; side <= 1; side += 2) {
        for (int k = 0; k < 3; ++k) {
            const float y = 0.05f + k * 0.05f;
            Mesh shaft = ShapeBuilder::cylinder(0.0035f, 0.018f, 12);
            shaft.rotate(-side * kPi / 2, Vec3::UnitZ()).translate(Vec3(side * 0.038f, y, 0));
            Mesh button = ShapeBuilder::sphere(1.0f, 16, 8);
            button.scale(Vec3(0.004f, 0.009f, 0.006f)).translate(Vec3(side * 0.06f, y, 0));
            Mesh post = ShapeBuilder::cylinder(0.003f, 0.012f, 12);
            post.rotate(kPi / 2, Vec3::UnitX()).translate(Vec3(side * 0.024f, y, 0.006f));
            tuners.append(shaft);
            tuners.append(button);
            tuners.append(post);
        }
    }
    tuners.transform(headFrame);
    item.add(std::move(tuners), kChrome, 32, 32, [](const Vec2&) { return Vec3(hex(0xd6d3cc)); });
    const UvRect boneRect = item.paintRegion(32, 32, [=](const Vec2&) { return cream; });
    Mesh nut = ShapeBuilder::roundedBox(Vec3(0.052f, 0.005f, 0.006f), 0.001f, 1);
    nut.translate(Vec3(0, nutY - 0.0025f, top + 0.009f));
    item.addPainted(std::move(nut), kSatinPlastic, boneRect);
    Mesh saddle = ShapeBuilder::roundedBox(Vec3(0.075f, 0.003f, 0.006f), 0.001f, 1);
    saddle.translate(Vec3(0, 0.115f, top + 0.009f));
    item.addPainted(std::move(saddle), kSatinPlastic, boneRect);
    Mesh bridge = ShapeBuilder::roundedBox(Vec3(0.15f, 0.028f, 0.008f), 0.003f);
    bridge.translate(Vec3(0, 0.105f, top + 0.003f));
    item.add(std::move(bridge), kOiledWood, 128, 64, [=](const Vec2& uv) {
        return Vec3(rosewood * (0.8f + 0.4f * P::fbm(uv.x() * 30, uv.y() * 4)));
    });
    Mesh strings;
    for (int s = 0; s < 6; ++s) {
        const float offset = s - 2.5f;
        const Vec3 atBridge(offset * 0.0105f, 0.112f, top + 0.011f);
        const Vec3 atNut(offset * 0.0072f, nutY, top + 0.0095f);
        const float gauge = 0.0007f - s * 0.00007f;
        strings.append(ShapeBuilder::tube(
            {atBridge, atNut}, [=](float) { return gauge; }, 5, false));
    }
    item.add(std::move(strings), kChrome, 32, 32, [](const Vec2&) { return Vec3(hex(0xcfc9bd)); });
    return item.finish(sweep(0xd4d1cc, -25),
                       {"Acoustic guitar, dreadnought, spruce top",
                        "어쿠스틱 기타 드레드넛 스프루스 탑",
                        "Dreadnought acoustic with a spruce top and mahogany back and sides. "
                        "Action is low and it stays in tune; strings were changed last month. "
                        "Small buckle mark on the back, pickup only.",
                        "other",
                        "good",
                        180000,
                        {"guitar", "acoustic", "instrument", "music"},
                        "Mapo-gu, Seoul"});
}

ProductModel DemoCatalogue::bookStack() {
    ItemAssembly item("hardcover-book-stack");
    struct Book {
        Vec3 size;
        unsigned cover;
        float turn, shift;
        int seed;
    };
    const Book books[] = {{{0.245f, 0.042f, 0.165f}, 0x6e2026, 0.03f, 0.0f, 1},
                          {{0.218f, 0.031f, 0.148f}, 0x1f3552, -0.09f, 0.008f, 2},
                          {{0.232f, 0.036f, 0.157f}, 0x2d4d37, 0.12f, -0.006f, 3},
                          {{0.19f, 0.026f, 0.13f}, 0xc3922f, -0.04f, 0.01f, 4}};
    const Vec3 gold = hex(0xd2b060), paper = hex(0xeee3c8);
    float stackHeight = 0;
    for (const Book& book : books) {
        const Vec3 cover = hex(book.cover);
        const Vec3 size = book.size;
        Mesh mesh = ShapeBuilder::roundedBox(size, 0.0025f);
        mesh.rotate(book.turn, Vec3::UnitY())
            .translate(Vec3(book.shift, stackHeight + size.y() / 2, book.shift * 0.5f));
        stackHeight += size.y();
        const int seed = book.seed;
        item.add(std::move(mesh), kCloth, 504, 248, [=](const Vec2& uv) {
            const BoxFace face = boxFace(uv);
            const float fu = face.local.x(), fv = face.local.y();
            const Vec3 cloth = cover * (0.88f + 0.2f * P::fbm(fu * 200, fv * 60, float(seed)));
            const float board = 0.003f / size.y();
            switch (face.index) {
            case 4: { // spine
                if (std::abs(fu - 0.06f) < 0.008f || std::abs(fu - 0.94f) < 0.008f) {
                    return gold;
                }
                const int letter = int(fu * 46);
                const float inLetter = fu * 46 - letter;
                const bool title = fu > 0.22f && fu < 0.7f && std::abs(fv - 0.5f) < 0.16f &&
                                   inLetter > 0.18f && P::hash(letter, seed) > 0.18f;
                const bool author = fu > 0.76f && fu < 0.88f && std::abs(fv - 0.5f) < 0.09f &&
                                    inLetter > 0.25f && P::hash(letter, seed + 9) > 0.2f;
                return (title || author) ? gold : cloth;
            }
            case 2: { // front cover
                const float inset = std::max(std::abs(fu - 0.5f), std::abs(fv - 0.5f));
                if (std::abs(inset - 0.42f) < 0.006f) {
                    return gold;
                }
                return cloth;
            }
            case 3:
                return cloth;
            default: { // page edges, with the cover boards showing top and bottom
                const bool spineSide =
                    (face.index == 0 && fu < 0.03f) || (face.index == 1 && fu > 0.97f);
                if (fv < board || fv > 1 - board || spineSide) {
                    return cloth;
                }
                const float lines = 0.94f + 0.06f * std::sin(fv * size.y() / 0.00025f);
                return Vec3(paper * lines * (0.92f + 0.08f * P::fbm(fu * 10, fv * 3)));
            }
            }
        });
    }
    return item.finish(table(20),
                       {"Four hardcover classics",
                        "하드커버 고전 소설 4권 세트",
                        "Four cloth-bound classic novels, read once each. Spines are uncracked "
                        "and the pages are clean, no notes or highlights. Selling as a set.",
                        "books",
                        "good",
                        15000,
                        {"books", "novel", "hardcover", "classic"},
                        "Seodaemun-gu, Seoul"});
}

ProductModel DemoCatalogue::filmCamera() {
    ItemAssembly item("film-camera-rangefinder");
    const Vec3 bodySize(0.136f, 0.076f, 0.034f);
    const Vec3 chrome = hex(0xcfd0cf), leather = hex(0x1b1b1b);
    auto brushed = [=](float along, float across) {
        return Vec3(chrome * (0.85f + 0.15f * P::fbm(along * 3, across * 400, 2.0f, 3)));
    };
    Mesh body = ShapeBuilder::roundedBox(bodySize, 0.005f);
    body.translate(Vec3(0, bodySize.y() / 2, 0));
    item.add(std::move(body), kSatinPlastic, 768, 384, [=](const Vec2& uv) {
        const BoxFace face = boxFace(uv);
        const float fu = face.local.x(), fv = face.local.y();
        if (face.index == 2 || face.index == 3) {
            return Vec3(brushed(fu, fv) * 0.75f);
        }
        if (fv > 0.2f && fv < 0.82f) {
            const float bump = P::pebble(fu * 0.136f, fv * 0.076f, 1400.0f);
            return Vec3(leather * (0.7f + 0.6f * bump));
        }
        if (face.index == 4 && fv < 0.2f) {
            // Viewfinder and rangefinder windows on the front top band.
            if (fu > 0.1f && fu < 0.24f && fv > 0.05f && fv < 0.17f) {
                return Vec3(hex(0x202a36));
            }
            if (fu > 0.72f && fu < 0.8f && fv > 0.06f && fv < 0.16f) {
                return Vec3(hex(0x2b3442));
            }
        }
        if (face.index == 5 && fu > 0.76f && fu < 0.9f && fv > 0.04f && fv < 0.17f) {
            return Vec3(0.03f, 0.03f, 0.035f);
        }
        return Vec3(brushed(fu, fv) * 0.75f);
    });
    Mesh plate = ShapeBuilder::roundedBox(Vec3(0.128f, 0.01f, 0.031f), 0.004f);
    plate.translate(Vec3(0, bodySize.y() + 0.004f, 0));
    item.add(std::move(plate), kChrome, 256, 64,
             [=](const Vec2& uv) { return brushed(uv.x(), uv.y()); });
    Mesh dial = ShapeBuilder::cylinder(0.0105f, 0.007f, 40, 0.001f);
    dial.translate(Vec3(0.04f, bodySize.y() + 0.008f, 0.002f));
    item.add(std::move(dial), kChrome, 256, 64, [=](const Vec2& uv) {
        const float knurl = std::sin(uv.x() * 2 * kPi * 60) > 0.3f ? 0.6f : 1.0f;
        return Vec3(chrome * (uv.y() > 0.2f && uv.y() < 0.8f ? knurl : 1.0f));
    });
    Mesh rewind = ShapeBuilder::cylinder(0.011f, 0.009f, 40, 0.0015f);
    rewind.translate(Vec3(-0.045f, bodySize.y() + 0.008f, 0));
    Mesh release = ShapeBuilder::cylinder(0.004f, 0.005f, 20, 0.001f);
    release.translate(Vec3(0.056f, bodySize.y() + 0.008f, 0.006f));
    item.add(std::move(release), kChrome, 32, 32, [=](const Vec2&) { return chrome; });
    item.add(std::move(rewind), kSatinPlastic, 128, 32, [](const Vec2& uv) {
        return Vec3(Vec3(0.03f, 0.03f, 0.03f) *
                    (std::sin(uv.x() * 2 * kPi * 40) > 0 ? 1.0f : 0.5f));
    });
    Mesh shoe = ShapeBuilder::roundedBox(Vec3(0.02f, 0.005f, 0.018f), 0.001f, 1);
    shoe.translate(Vec3(-0.004f, bodySize.y() + 0.0105f, 0));
    item.add(std::move(shoe), kChrome, 32, 32, [=](const Vec2&) { return Vec3(chrome * 0.7f); });
    // The lens is turned about +Y and then laid forward along +Z.
    const std::vector<Vec2> barrel{{0.0225f, 0},       {0.0225f, 0.006f},  {0.0215f, 0.0063f},
                                   {0.0215f, 0.016f},  {0.0195f, 0.0165f}, {0.0195f, 0.028f},
                                   {0.0182f, 0.0285f}, {0.0182f, 0.036f},  {0.0165f, 0.0372f},
                                   {0.0142f, 0.0355f}};
    const float focusStart = arcFraction(barrel, barrel[2]),
                focusEnd = arcFraction(barrel, barrel[3]);
    const float markStart = arcFraction(barrel, barrel[4]),
                markEnd = arcFraction(barrel, barrel[5]);
    const Eigen::Affine3f lensFrame =
        Eigen::Translation3f(0.004f, 0.036f, bodySize.z() / 2 - 0.001f) *
        Eigen::AngleAxisf(kPi / 2, Vec3::UnitX());
    Mesh lens = ShapeBuilder::lathe(barrel, 72);
    lens.transform(lensFrame);
    item.add(std::move(lens), kSatinPlastic, 512, 192, [=](const Vec2& uv) {
        const float v = uv.y();
        if (v < focusStart) {
            return brushed(uv.x() * 4, v);
        }
        if (v < focusEnd) {
            return Vec3(Vec3(0.04f, 0.04f, 0.04f) *
                        (std::sin(uv.x() * 2 * kPi * 90) > 0 ? 1.3f : 0.5f));
        }
        if (v > markStart && v < markEnd) {
            const int mark = int(uv.x() * 72);
            const bool tick = uv.x() * 72 - mark < 0.25f && mark % 3 == 0 && mark > 40 &&
                              mark < 66 &&
                              std::abs((v - markStart) / (markEnd - markStart) - 0.5f) < 0.25f;
            return tick ? Vec3(hex(0xe8e8e0)) : Vec3(0.035f, 0.035f, 0.035f);
        }
        return Vec3(0.03f, 0.03f, 0.03f);
    });
    Mesh glass = ShapeBuilder::lathe({{0.0142f, 0.0355f}, {0.009f, 0.0368f}, {0, 0.0373f}}, 48);
    glass.transform(lensFrame);
    item.add(std::move(glass), kGlass, 32, 32, [](const Vec2&) { return Vec3(hex(0x1c2036)); });
    return item.finish(table(-30),
                       {"35mm rangefinder film camera",
                        "35mm 레인지파인더 필름 카메라",
                        "Classic 35mm rangefinder with a 40mm f/2.8 lens. Shutter fires at all "
                        "speeds and the meter works with a new battery; light wear on the "
                        "chrome. Tested with a roll of Portra last month.",
                        "cameras",
                        "good",
                        230000,
                        {"film camera", "35mm", "rangefinder", "vintage"},
                        "Yongsan-gu, Seoul"});
}

ProductModel DemoCatalogue::basketball() {
    ItemAssembly item("basketball-outdoor");
    const float radius = 0.119f;
    const Vec3 orange = hex(0xc9581f);
    item.add(ShapeBuilder::sphere(radius, 96, 48), kRubber, 1024, 512, [=](const Vec2& uv) {
        // Recover the surface direction from the lathe parametrisation to draw 3D seams.
        const float a = 2 * kPi * uv.x(), phi = kPi * uv.y();
        const Vec3 d(std::sin(phi) * std::sin(a), -std::cos(phi), std::sin(phi) * std::cos(a));
        const float w = 0.022f;
        const float curved =
            std::abs(std::abs(d.x()) - 0.62f - 0.3f * (d.y() * d.y() - d.z() * d.z()));
        const float seam = std::min({std::abs(d.y()), std::abs(d.z()), curved});
        if (seam < w) {
            return Vec3(0.02f, 0.018f, 0.016f);
        }
        const float bump = P::pebble(uv.x() * 0.75f, uv.y() * 0.37f, 900.0f);
        const float wear = P::fbm(d.x() * 4 + 3, d.y() * 4, d.z() * 4, 4);
        Vec3 c = orange * (0.78f + 0.28f * bump);
        c = P::mix(c, hex(0x8a5236), P::smoothstep(0.55f, 0.8f, wear) * 0.5f);
        return c;
    });
    return item.finish(sweep(0xd0d6db, 0),
                       {"Outdoor basketball, size 7",
                        "야외용 농구공 7호",
                        "Size 7 rubber basketball used on outdoor courts for one season. Grip "
                        "is still good and it holds air, but the surface is a bit worn. Pump "
                        "not included.",
                        "sports",
                        "fair",
                        18000,
                        {"basketball", "ball", "outdoor", "size 7"},
                        "Songpa-gu, Seoul"});
}

ProductModel DemoCatalogue::snakePlant() {
    ItemAssembly item("snake-plant-terracotta");
    const Vec3 terracotta = hex(0xb4633c);
    auto potPainter = [=](const Vec2& uv) {
        Vec3 c = terracotta * (0.82f + 0.3f * P::fbm(uv.x() * 40, uv.y() * 12, 1.0f));
        // White mineral bloom that terracotta picks up after a few months of watering.
        const float bloom =
            P::fbm(uv.x() * 25, uv.y() * 5, 6.0f) * P::smoothstep(0.1f, 0.7f, uv.y());
        return Vec3(P::mix(c, hex(0xd8cbb8), P::smoothstep(0.6f, 0.8f, bloom) * 0.35f));
    };
    const UvRect potRect = item.paintRegion(1024, 256, potPainter);
    item.addPainted(
        ShapeBuilder::lathe(
            {{0, 0.0f}, {0.058f, 0.0f}, {0.063f, 0.004f}, {0.079f, 0.12f}, {0.0805f, 0.123f}}, 80),
        kBisque, potRect);
    item.addPainted(ShapeBuilder::lathe({{0.0805f, 0.123f},
                                         {0.089f, 0.125f},
                                         {0.0905f, 0.128f},
                                         {0.0905f, 0.156f},
                                         {0.089f, 0.159f},
                                         {0.084f, 0.158f},
                                         {0.0832f, 0.15f},
                                         {0.0825f, 0.14f}},
                                        80),
                    kBisque, potRect);
    Mesh soil = ShapeBuilder::lathe({{0.0826f, 0.139f}, {0.05f, 0.142f}, {0, 0.143f}}, 48);
    soil.deform([](const Vec3& p) {
        return Vec3(p.x(), p.y() + 0.004f * P::noise(p.x() * 120, p.z() * 120), p.z());
    });
    item.add(std::move(soil), kSoil, 256, 64, [](const Vec2& uv) {
        const float grit = P::hash(int(uv.x() * 256), int(uv.y() * 64), 4);
        if (grit > 0.985f) {
            return Vec3(hex(0xe8e4dc));
        }
        return Vec3(hex(0x3a2a1e) * (0.6f + 0.6f * P::fbm(uv.x() * 60, uv.y() * 15)));
    });
    const UvRect leafRect = item.paintRegion(256, 640, [](const Vec2& uv) {
        const float across = std::abs(uv.x() - 0.5f) * 2, along = uv.y();
        if (across > 0.86f) {
            return Vec3(hex(0xc7bb45) * (0.9f + 0.1f * P::noise(along * 80, 1)));
        }
        Vec3 c = P::mix(hex(0x1b3a22), hex(0x2c5632), P::fbm(uv.x() * 4, along * 30, 2.0f));
        // Pale zig-zag cross bands that give the snake plant its name.
        const float band =
            std::sin(along * 70 + 5 * P::fbm(uv.x() * 3, along * 10, 5.0f) + 6 * across);
        c = P::mix(c, hex(0x7d9a74), P::smoothstep(0.55f, 0.9f, band) * 0.7f);
        if (along < 0.05f) {
            c = P::mix(hex(0xb9c49a), c, along / 0.05f);
        }
        return c;
    });
    for (int k = 0; k < 10; ++k) {
        const float angle = k * 2.4f + 0.3f * P::hash(k, 1);
        const float baseRadius = 0.012f + 0.04f * P::hash(k, 2);
        const float height = 0.3f + 0.24f * P::hash(k, 3);
        const float lean = 0.02f + 0.07f * P::hash(k, 4);
        const float width = 0.022f + 0.014f * P::hash(k, 5);
        const float twist = (P::hash(k, 6) - 0.5f) * 1.6f;
        const Vec3 out(std::cos(angle), 0, std::sin(angle));
        const Vec3 across(-std::sin(angle), 0, std::cos(angle));
        std::vector<Vec3> path, sides;
        for (int i = 0; i <= 12; ++i) {
            const float t = float(i) / 12;
            path.push_back(out * (baseRadius + lean * t * t) + Vec3(0, 0.138f + height * t, 0));
            sides.push_back(across * std::cos(twist * t) + out * std::sin(twist * t));
        }
        Mesh leaf = ShapeBuilder::ribbon(
            path, sides,
            [=](float t) {
                return width * std::pow(std::max(0.0f, std::sin(kPi * (0.14f + 0.86f * t))), 0.55f);
            },
            0.35f);
        item.addPainted(std::move(leaf), kLeaf, leafRect);
    }
    return item.finish(table(0),
                       {"Snake plant in terracotta pot",
                        "산세베리아 화분 (테라코타)",
                        "Healthy snake plant, about 60 cm tall including the 18 cm terracotta "
                        "pot. Very easy to care for, water once every two to three weeks. "
                        "Moving and can't take it with me.",
                        "garden",
                        "good",
                        25000,
                        {"plant", "sansevieria", "terracotta", "indoor"},
                        "Eunpyeong-gu, Seoul"});
}

ProductModel DemoCatalogue::mechanicalKeyboard() {
    ItemAssembly item("mechanical-keyboard-tkl");
    const float unit = 0.019f;
    const Vec3 caseColour = hex(0xd8d2c4);
    Mesh shell = ShapeBuilder::roundedBox(Vec3(0.362f, 0.024f, 0.132f), 0.005f);
    shell.translate(Vec3(0, 0.012f, 0));
    item.add(std::move(shell), kSatinPlastic, 512, 256, [=](const Vec2& uv) {
        const BoxFace face = boxFace(uv);
        const Vec3 c = caseColour * (0.95f + 0.06f * P::fbm(uv.x() * 200, uv.y() * 200));
        return face.index == 2 ? Vec3(c * 0.8f) : c;
    });
    enum class Cap { Alpha, Modifier, Accent };
    struct Key {
        float x, width;
        Cap cap;
    };
    std::vector<std::vector<Key>> rows(6);
    auto run = [](std::vector<Key>& row, float& x, int count, float width, Cap cap) {
        for (int i = 0; i < count; ++i) {
            row.push_back({x, width, cap});
            x += width;
        }
    };
    float x = 0;
    run(rows[0], x, 1, 1, Cap::Accent);
    x += 1;
    for (int group = 0; group < 3; ++group) {
        run(rows[0], x, 4, 1, Cap::Modifier);
        x += 0.5f;
    }
    x = 15.25f;
    run(rows[0], x, 3, 1, Cap::Modifier);
    x = 0;
    run(rows[1], x, 13, 1, Cap::Alpha);
    run(rows[1], x, 1, 2, Cap::Modifier);
    x += 0.25f;
    run(rows[1], x, 3, 1, Cap::Modifier);
    x = 0;
    run(rows[2], x, 1, 1.5f, Cap::Modifier);
    run(rows[2], x, 12, 1, Cap::Alpha);
    run(rows[2], x, 1, 1.5f, Cap::Alpha);
    x += 0.25f;
    run(rows[2], x, 3, 1, Cap::Modifier);
    x = 0;
    run(rows[3], x, 1, 1.75f, Cap::Modifier);
    run(rows[3], x, 11, 1, Cap::Alpha);
    run(rows[3], x, 1, 2.25f, Cap::Accent);
    x = 0;
    run(rows[4], x, 1, 2.25f, Cap::Modifier);
    run(rows[4], x, 10, 1, Cap::Alpha);
    run(rows[4], x, 1, 2.75f, Cap::Modifier);
    x = 16.25f;
    run(rows[4], x, 1, 1, Cap::Modifier);
    x = 0;
    run(rows[5], x, 3, 1.25f, Cap::Modifier);
    run(rows[5], x, 1, 6.25f, Cap::Alpha);
    run(rows[5], x, 4, 1.25f, Cap::Modifier);
    x += 0.25f;
    run(rows[5], x, 3, 1, Cap::Modifier);
    const float rowZ[6] = {-0.0525f, -0.028f, -0.009f, 0.01f, 0.029f, 0.048f};
    const float leftEdge = -18.25f * unit / 2;
    int keyIndex = 0;
    for (int r = 0; r < 6; ++r) {
        for (const Key& key : rows[r]) {
            const float w = key.width * unit - 0.0028f;
            Mesh cap = ShapeBuilder::roundedBox(Vec3(w, 0.0095f, unit - 0.0028f), 0.002f, 1);
            // Keycaps narrow towards the top, which is what makes them read as keycaps.
            cap.deform([](const Vec3& p) {
                // A fixed inset rather than a scale, so long keys taper like short ones.
                const float lift = std::clamp((p.y() + 0.00475f) / 0.0095f, 0.0f, 1.0f);
                return Vec3(p.x() - std::copysign(0.0018f * lift, p.x()), p.y(),
                            p.z() - std::copysign(0.0018f * lift, p.z()));
            });
            cap.translate(Vec3(leftEdge + (key.x + key.width / 2) * unit, 0.0285f, rowZ[r]));
            const Vec3 colour = key.cap == Cap::Alpha      ? hex(0xece5d3)
                                : key.cap == Cap::Modifier ? hex(0x8f8b84)
                                                           : hex(0xd14a2c);
            const Vec3 ink = key.cap == Cap::Alpha ? hex(0x3b3936) : hex(0xf2eee6);
            const bool legend = key.width < 2.0f;
            const int seed = keyIndex++;
            item.add(std::move(cap), kSatinPlastic, 72, 48, [=](const Vec2& uv) {
                const BoxFace face = boxFace(uv);
                const Vec3 c = face.index == 2 ? colour : Vec3(colour * 0.9f);
                if (face.index != 2 || !legend) {
                    return c;
                }
                const float gx = (face.local.x() - 0.2f) / 0.26f,
                            gy = (face.local.y() - 0.18f) / 0.34f;
                if (gx < 0 || gx >= 1 || gy < 0 || gy >= 1) {
                    return c;
                }
                const int bit = int(gx * 3) + 3 * int(gy * 4);
                return P::hash(seed, bit, 17) > 0.45f ? ink : c;
            });
        }
    }
    return item.finish(table(-10),
                       {"Retro TKL mechanical keyboard",
                        "레트로 텐키리스 기계식 키보드",
                        "Tenkeyless mechanical keyboard with tactile switches and thick PBT "
                        "keycaps in a retro beige colourway. Used at home for three months, "
                        "all keys work, box and cable included.",
                        "computers",
                        "like_new",
                        85000,
                        {"keyboard", "mechanical", "tkl", "pbt"},
                        "Gwanak-gu, Seoul"});
}

ProductModel DemoCatalogue::feltHat() {
    ItemAssembly item("wool-felt-hat-charcoal");
    const Vec3 felt = hex(0x46434a);
    auto shape = [](const Vec3& p) {
        const float r = std::hypot(p.x(), p.z());
        Vec3 q = p;
        // Brim turned up at the sides and snapped down at the front.
        const float brim = P::smoothstep(0.088f, 0.165f, r);
        const float side = r > 0 ? p.x() * p.x() / (r * r) : 0;
        const float front = r > 0 ? std::max(0.0f, p.z() / r) : 0;
        q.y() += brim * (0.018f * side - 0.01f * front * front);
        // Front pinch of the crown.
        const float crown = P::smoothstep(0.06f, 0.125f, p.y());
        q.x() *= 1.0f - 0.16f * crown * front * front;
        q.z() *= 1.12f;
        return q;
    };
    const std::vector<Vec2> keys{
        {0.086f, 0.012f},  {0.12f, 0.008f},  {0.155f, 0.006f},  {0.166f, 0.01f},   {0.167f, 0.014f},
        {0.162f, 0.0165f}, {0.13f, 0.0145f}, {0.097f, 0.0175f}, {0.0885f, 0.023f}, {0.087f, 0.05f},
        {0.084f, 0.09f},   {0.079f, 0.114f}, {0.07f, 0.124f},   {0.05f, 0.127f},   {0.034f, 0.12f},
        {0.015f, 0.11f},   {0, 0.108f}};
    Mesh hat = ShapeBuilder::lathe(smoothCurve(keys, 4), 96);
    hat.deform(shape);
    item.add(std::move(hat), kFelt, 1024, 384, [=](const Vec2& uv) {
        const float fuzz = P::fbm(uv.x() * 300, uv.y() * 120, 1.0f, 3);
        return Vec3(felt * (0.85f + 0.3f * fuzz));
    });
    Mesh band = ShapeBuilder::lathe({{0.0892f, 0.021f}, {0.0885f, 0.046f}}, 96);
    band.deform(shape);
    item.add(std::move(band), kCloth, 1024, 48, [](const Vec2& uv) {
        const float rib = std::sin(uv.x() * 2 * kPi * 420) * 0.5f + 0.5f;
        return Vec3(hex(0x1b1816) * (0.8f + 0.4f * rib));
    });
    Mesh bow = ShapeBuilder::roundedBox(Vec3(0.005f, 0.02f, 0.028f), 0.002f, 2);
    bow.translate(Vec3(-0.0925f, 0.034f, -0.01f));
    item.add(std::move(bow), kCloth, 64, 64, [](const Vec2&) { return Vec3(hex(0x1e1a18)); });
    return item.finish(
        sweep(0xe1dbd1, 30),
        {"Wool felt wide-brim hat, charcoal",
         "울 펠트 챙 넓은 모자 차콜",
         "Charcoal wool felt hat with a wide brim and a black grosgrain band, size 58 cm. "
         "Worn to two weddings and stored in its box since. Keeps its shape well.",
         "fashion",
         "good",
         32000,
         {"hat", "felt hat", "wool", "wide brim"},
         "Yeongdeungpo-gu, Seoul"});
}

ProductModel DemoCatalogue::rubberDuck() {
    ItemAssembly item("rubber-duck-classic");
    const Vec3 yellow = hex(0xf4c20d);
    auto yellowPainter = [=](const Vec2& uv) {
        return Vec3(yellow * (0.95f + 0.08f * P::fbm(uv.x() * 10, uv.y() * 10)));
    };
    const UvRect yellowRect = item.paintRegion(256, 256, yellowPainter);
    Mesh body = ShapeBuilder::sphere(1.0f, 64, 32);
    body.scale(Vec3(0.047f, 0.04f, 0.062f)).translate(Vec3(0, 0.04f, 0));
    body.deform([](const Vec3& p) {
        Vec3 q = p;
        const float tail = std::max(0.0f, -p.z() - 0.02f);
        q.y() += 10.0f * tail * tail * P::smoothstep(0.02f, 0.06f, p.y());
        q.x() *= 1.0f - 2.5f * tail;
        q.y() = std::max(q.y(), 0.008f);
        return q;
    });
    item.addPainted(std::move(body), kVinyl, yellowRect);
    Mesh head = ShapeBuilder::sphere(0.033f, 48, 24);
    head.translate(Vec3(0, 0.094f, 0.02f));
    item.addPainted(std::move(head), kVinyl, yellowRect);
    for (int side = -1; side <= 1; side += 2) {
        Mesh wing = ShapeBuilder::sphere(1.0f, 24, 12);
        wing.scale(Vec3(0.009f, 0.017f, 0.03f))
            .rotate(side * 0.25f, Vec3::UnitZ())
            .translate(Vec3(side * 0.042f, 0.048f, -0.01f));
        item.addPainted(std::move(wing), kVinyl, yellowRect);
    }
    Mesh beak = ShapeBuilder::sphere(1.0f, 32, 16);
    beak.scale(Vec3(0.02f, 0.008f, 0.022f))
        .rotate(0.15f, Vec3::UnitX())
        .translate(Vec3(0, 0.086f, 0.05f));
    item.add(std::move(beak), kVinyl, 64, 64, [](const Vec2& uv) {
        return Vec3(hex(0xf07a12) * (0.95f + 0.1f * P::fbm(uv.x() * 8, uv.y() * 8)));
    });
    Mesh eyes;
    for (int side = -1; side <= 1; side += 2) {
        Mesh eye = ShapeBuilder::sphere(0.0055f, 20, 10);
        eye.translate(Vec3(side * 0.017f, 0.102f, 0.046f));
        eyes.append(eye);
    }
    item.add(std::move(eyes), kGlaze, 32, 32,
             [](const Vec2&) { return Vec3(0.01f, 0.01f, 0.012f); });
    return item.finish(table(-20),
                       {"Classic yellow rubber duck",
                        "클래식 노란 러버덕",
                        "The classic yellow bath duck, about 13 cm long. Brand new, bought two "
                        "and only needed one. Floats upright and squeaks.",
                        "toys",
                        "new",
                        5000,
                        {"rubber duck", "bath toy", "kids", "gift"},
                        "Nowon-gu, Seoul"});
}
