#include "StudioRenderer.h"

#include "ProceduralPattern.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <numbers>
#include <thread>

namespace {

constexpr float kPi = std::numbers::pi_v<float>;
constexpr float kRayOffset = 4e-5f; // metres; smaller than a guitar string

enum StudioMaterial { kPaper = -1, kTabletop = -2, kWall = -3, kNeutralPaper = -4 };

float radians(float degrees) {
    return degrees * kPi / 180;
}

Vec3 reflect(const Vec3& d, const Vec3& n) {
    return d - 2 * d.dot(n) * n;
}

float toSrgb(float c) {
    c = std::clamp(c, 0.0f, 1.0f);
    return c <= 0.0031308f ? c * 12.92f : 1.055f * std::pow(c, 1 / 2.4f) - 0.055f;
}

// Filmic curve (Narkowicz's ACES fit): soft shoulder keeps the white sweep from clipping hard.
float filmic(float x) {
    return std::clamp(x * (2.51f * x + 0.03f) / (x * (2.43f * x + 0.59f) + 0.14f), 0.0f, 1.0f);
}

} // namespace

class StudioRenderer::Sampler {
public:
    explicit Sampler(std::uint32_t seed) : m_state(seed * 747796405u + 2891336453u) {}
    float next() {
        m_state = m_state * 747796405u + 2891336453u;
        std::uint32_t word = ((m_state >> ((m_state >> 28u) + 4u)) ^ m_state) * 277803737u;
        word = (word >> 22u) ^ word;
        return float(word >> 8) / float(1u << 24);
    }
    float gaussian() {
        const float u1 = std::max(next(), 1e-7f), u2 = next();
        return std::sqrt(-2 * std::log(u1)) * std::cos(2 * kPi * u2);
    }

private:
    std::uint32_t m_state;
};

StudioRenderer::StudioRenderer(const ProductModel& model) : m_parts(model.parts), m_set(model.set) {
    for (const ProductPart& part : m_parts) {
        m_itemBounds.extend(part.mesh.bounds());
    }
    m_itemRadius = m_itemBounds.sizes().norm() / 2;
    const QImage texture = model.texture.convertToFormat(QImage::Format_RGB888);
    m_textureSize = texture.width();
    m_texture.resize(std::size_t(m_textureSize) * m_textureSize);
    for (int y = 0; y < m_textureSize; ++y) {
        const uchar* line = texture.constScanLine(y);
        for (int x = 0; x < m_textureSize; ++x) {
            m_texture[std::size_t(y) * m_textureSize + x] = ProceduralPattern::srgb(
                (unsigned(line[3 * x]) << 16) | (unsigned(line[3 * x + 1]) << 8) | line[3 * x + 2]);
        }
    }
}

void StudioRenderer::Scene::add(const Mesh& mesh, int material) {
    const auto base = std::uint32_t(positions.size());
    positions.insert(positions.end(), mesh.positions.begin(), mesh.positions.end());
    normals.insert(normals.end(), mesh.normals.begin(), mesh.normals.end());
    uvs.insert(uvs.end(), mesh.uvs.begin(), mesh.uvs.end());
    for (std::size_t i = 0; i + 2 < mesh.indices.size(); i += 3) {
        triangles.push_back(
            {base + mesh.indices[i], base + mesh.indices[i + 1], base + mesh.indices[i + 2]});
        materials.push_back(material);
    }
}

StudioRenderer::Scene StudioRenderer::stage(float turnRadians, bool plainBackdrop) const {
    Scene scene;
    for (std::size_t p = 0; p < m_parts.size(); ++p) {
        Mesh turned = m_parts[p].mesh;
        turned.rotate(turnRadians, Vec3::UnitY());
        scene.add(turned, int(p));
    }
    scene.itemTriangles = int(scene.triangles.size());
    addSet(scene, plainBackdrop);
    scene.lights = lights();
    auto corners = [&](std::size_t first, std::size_t last) {
        std::vector<std::array<Vec3, 3>> result;
        for (std::size_t i = first; i < last; ++i) {
            const auto& t = scene.triangles[i];
            result.push_back({scene.positions[t[0]], scene.positions[t[1]], scene.positions[t[2]]});
        }
        return result;
    };
    scene.itemBvh = std::make_unique<TriangleBvh>(corners(0, scene.itemTriangles));
    scene.setBvh =
        std::make_unique<TriangleBvh>(corners(scene.itemTriangles, scene.triangles.size()));
    return scene;
}

bool StudioRenderer::Scene::closestHit(const Vec3& origin, const Vec3& direction,
                                       RayHit& hit) const {
    const bool onItem = itemBvh->closestHit(origin, direction, 1e30f, hit);
    RayHit setHit;
    if (setBvh->closestHit(origin, direction, onItem ? hit.distance : 1e30f, setHit)) {
        hit = setHit;
        hit.triangle += itemTriangles;
        return true;
    }
    return onItem;
}

void StudioRenderer::addSet(Scene& scene, bool plainBackdrop) const {
    // Sized from the item so a duck and a guitar get the same look.
    const float r = std::max(m_itemRadius, 0.08f);
    Mesh set;
    auto quad = [&](const Vec3& a, const Vec3& b, const Vec3& c, const Vec3& d, const Vec3& n) {
        const auto i = set.addVertex(a, n, Vec2(0, 0));
        set.addVertex(b, n, Vec2(1, 0));
        set.addVertex(c, n, Vec2(1, 1));
        set.addVertex(d, n, Vec2(0, 1));
        set.addTriangle(i, i + 1, i + 2);
        set.addTriangle(i, i + 2, i + 3);
    };
    const float wide = 40 * r;
    if (plainBackdrop || m_set.surface == StudioSet::Surface::PaperSweep) {
        // Floor, a quarter-cylinder cove, and the back wall, as one continuous paper roll.
        const float coveStart = -2.5f * r, coveRadius = 3 * r;
        std::vector<Vec2> profile{{30 * r, 0}, {coveStart, 0}};
        for (int k = 1; k <= 24; ++k) {
            const float a = (kPi / 2) * k / 24;
            profile.emplace_back(coveStart - coveRadius * std::sin(a),
                                 coveRadius - coveRadius * std::cos(a));
        }
        profile.emplace_back(coveStart - coveRadius, 30 * r);
        for (std::size_t k = 0; k + 1 < profile.size(); ++k) {
            const Vec2 a = profile[k], b = profile[k + 1];
            const Vec2 t = (b - a).normalized();
            const Vec3 n(0, -t.x(), t.y());
            quad(Vec3(-wide, a.y(), a.x()), Vec3(wide, a.y(), a.x()), Vec3(wide, b.y(), b.x()),
                 Vec3(-wide, b.y(), b.x()), n.normalized());
        }
        scene.add(set, plainBackdrop && m_set.surface != StudioSet::Surface::PaperSweep
                           ? kNeutralPaper
                           : kPaper);
        return;
    }
    quad(Vec3(-wide, 0, 30 * r), Vec3(wide, 0, 30 * r), Vec3(wide, 0, -6 * r),
         Vec3(-wide, 0, -6 * r), Vec3::UnitY());
    scene.add(set, kTabletop);
    set = Mesh();
    quad(Vec3(-wide, -r, -9 * r), Vec3(wide, -r, -9 * r), Vec3(wide, 30 * r, -9 * r),
         Vec3(-wide, 30 * r, -9 * r), Vec3::UnitZ());
    scene.add(set, kWall);
}

std::vector<StudioRenderer::AreaLight> StudioRenderer::lights() const {
    const Vec3 target = m_itemBounds.center();
    auto softbox = [&](float azimuth, float elevation, float distance, float size, float strength) {
        const float a = radians(azimuth), e = radians(elevation);
        const Vec3 direction(std::sin(a) * std::cos(e), std::sin(e), std::cos(a) * std::cos(e));
        AreaLight light;
        light.centre = target + direction * distance * m_itemRadius;
        light.normal = -direction;
        light.halfU = direction.cross(Vec3::UnitY()).normalized() * (size * m_itemRadius / 2);
        light.halfV = light.normal.cross(light.halfU).normalized() * (size * m_itemRadius / 2);
        // Radiance chosen so `strength` is the irradiance (in units of pi) at the item.
        const float area = size * size * m_itemRadius * m_itemRadius;
        light.radiance = strength * kPi * distance * distance * m_itemRadius * m_itemRadius / area;
        return light;
    };
    return {softbox(-55, 42, 6, 3.2f, 1.0f), softbox(70, 18, 7, 5.0f, 0.32f),
            softbox(170, 55, 7, 3.0f, 0.45f)};
}

Vec3 StudioRenderer::sampleTexture(const Vec2& uv) const {
    const float x = std::clamp(uv.x() * m_textureSize - 0.5f, 0.0f, m_textureSize - 1.001f);
    const float y = std::clamp(uv.y() * m_textureSize - 0.5f, 0.0f, m_textureSize - 1.001f);
    const int x0 = int(x), y0 = int(y);
    const float fx = x - x0, fy = y - y0;
    auto at = [&](int px, int py) { return m_texture[std::size_t(py) * m_textureSize + px]; };
    const int x1 = std::min(x0 + 1, m_textureSize - 1), y1 = std::min(y0 + 1, m_textureSize - 1);
    return (at(x0, y0) * (1 - fx) + at(x1, y0) * fx) * (1 - fy) +
           (at(x0, y1) * (1 - fx) + at(x1, y1) * fx) * fy;
}

StudioRenderer::Surface StudioRenderer::surfaceAt(const Scene& scene, const RayHit& hit,
                                                  const Vec3& direction) const {
    const auto& t = scene.triangles[hit.triangle];
    const float b0 = 1 - hit.b1 - hit.b2;
    Surface s;
    const auto& positions = scene.positions;
    const auto& normals = scene.normals;
    const Vec3& a = positions[t[0]];
    s.position = a * b0 + positions[t[1]] * hit.b1 + positions[t[2]] * hit.b2;
    s.geometricNormal = (positions[t[1]] - a).cross(positions[t[2]] - a).normalized();
    s.normal = (normals[t[0]] * b0 + normals[t[1]] * hit.b1 + normals[t[2]] * hit.b2).normalized();
    // Everything is shaded from the side it is seen from: leaves, brims and lens rims are
    // all visible from behind somewhere.
    if (s.geometricNormal.dot(direction) > 0) {
        s.geometricNormal = -s.geometricNormal;
    }
    if (s.normal.dot(s.geometricNormal) < 0) {
        s.normal = -s.normal;
    }
    const int material = scene.materials[hit.triangle];
    if (material >= 0) {
        const auto& uvs = scene.uvs;
        const Vec2 uv = uvs[t[0]] * b0 + uvs[t[1]] * hit.b1 + uvs[t[2]] * hit.b2;
        s.albedo = sampleTexture(uv);
        s.roughness = m_parts[material].finish.roughness;
        s.metallic = m_parts[material].finish.metallic;
        return s;
    }
    if (material == kPaper) {
        s.albedo = m_set.paperColour;
    } else if (material == kNeutralPaper) {
        s.albedo = ProceduralPattern::srgb(0xdcd8d2);
    } else if (material == kWall) {
        s.albedo = ProceduralPattern::srgb(0xe4ddd2) *
                   (0.96f + 0.04f * ProceduralPattern::fbm(s.position.x() * 4, s.position.y() * 4));
    } else {
        // Oiled oak boards running left to right, 14 cm wide.
        const float boardWidth = 0.14f;
        const float across = s.position.z() / boardWidth;
        const int board = int(std::floor(across));
        const float inBoard = across - board;
        const float along = s.position.x() + 1.7f * ProceduralPattern::hash(board, 3);
        s.albedo =
            ProceduralPattern::wood(along, inBoard * boardWidth, ProceduralPattern::srgb(0xc6a27c),
                                    ProceduralPattern::srgb(0x8f6b4a), float(board));
        if (inBoard < 0.012f || inBoard > 0.988f) {
            s.albedo *= 0.45f;
        }
        s.roughness = 0.38f;
    }
    return s;
}

Vec3 StudioRenderer::environment(const Scene& scene, const Vec3& origin,
                                 const Vec3& direction) const {
    for (const AreaLight& light : scene.lights) {
        const float facing = -direction.dot(light.normal);
        if (facing <= 0) {
            continue;
        }
        const float t = (light.centre - origin).dot(light.normal) / direction.dot(light.normal);
        if (t <= 0) {
            continue;
        }
        const Vec3 local = origin + direction * t - light.centre;
        if (std::abs(local.dot(light.halfU)) <= light.halfU.squaredNorm() &&
            std::abs(local.dot(light.halfV)) <= light.halfV.squaredNorm()) {
            // Softboxes are brighter in the middle than at the rim.
            const float edge =
                std::max(std::abs(local.dot(light.halfU)) / light.halfU.squaredNorm(),
                         std::abs(local.dot(light.halfV)) / light.halfV.squaredNorm());
            return Vec3::Constant(std::min(light.radiance, 6.0f) * (1.0f - 0.35f * edge * edge));
        }
    }
    // Dim studio around the set.
    return Vec3::Constant(0.12f + 0.18f * std::max(direction.y(), 0.0f));
}

Vec3 StudioRenderer::trace(const Scene& scene, const Vec3& origin, const Vec3& direction,
                           Sampler& sampler, Stratum stratum, int depth) const {
    RayHit hit;
    if (!scene.closestHit(origin, direction, hit)) {
        return environment(scene, origin, direction);
    }
    const Surface s = surfaceAt(scene, hit, direction);
    const Vec3 view = -direction;
    const Vec3 start = s.position + s.geometricNormal * kRayOffset;
    const float nv = std::max(s.normal.dot(view), 1e-3f);
    const Vec3 f0 = ProceduralPattern::mix(Vec3::Constant(0.04f), s.albedo, s.metallic);
    const Vec3 diffuseAlbedo = s.albedo * (1 - s.metallic);
    const bool mirrorLike = s.roughness < 0.3f;
    Vec3 colour = Vec3::Zero();

    // The pixel's samples split each softbox into a grid, one cell each: far less noise in the
    // penumbrae than independent points.
    const int grid = std::max(1, int(std::lround(std::sqrt(float(stratum.count)))));
    const float cellU = float(stratum.index % grid), cellV = float((stratum.index / grid) % grid);
    for (const AreaLight& light : scene.lights) {
        const float su = (cellU + sampler.next()) / grid, sv = (cellV + sampler.next()) / grid;
        const Vec3 point = light.centre + light.halfU * (2 * su - 1) + light.halfV * (2 * sv - 1);
        Vec3 toLight = point - s.position;
        const float distance = toLight.norm();
        toLight /= distance;
        const float cosSurface = s.normal.dot(toLight);
        const float cosLight = -light.normal.dot(toLight);
        if (cosSurface <= 0 || cosLight <= 0 || s.geometricNormal.dot(toLight) <= 0) {
            continue;
        }
        if (scene.itemBvh->occluded(start, toLight, distance)) {
            continue;
        }
        const float area = 4 * light.halfU.norm() * light.halfV.norm();
        const float irradiance =
            light.radiance * cosLight * area / (distance * distance) * cosSurface;
        colour += diffuseAlbedo / kPi * irradiance;
        if (!mirrorLike && depth == 0) {
            // GGX highlight for satin and rough finishes; glossy ones get a reflection ray.
            const Vec3 half = (toLight + view).normalized();
            const float nh = std::max(s.normal.dot(half), 0.0f);
            const float alpha = s.roughness * s.roughness;
            const float d =
                alpha * alpha / (kPi * std::pow(nh * nh * (alpha * alpha - 1) + 1, 2.0f));
            const float k = alpha / 2;
            const float g = (cosSurface / (cosSurface * (1 - k) + k)) * (nv / (nv * (1 - k) + k));
            const float vh = std::max(view.dot(half), 0.0f);
            const Vec3 fresnel = f0 + (Vec3::Ones() - f0) * std::pow(1 - vh, 5.0f);
            colour += fresnel * (d * g / (4 * cosSurface * nv)) * irradiance;
        }
    }

    // Ambient light from the room, darkened where the surroundings close in: this is what
    // gives the soft contact shadow under every item. Directions are stratified across the
    // pixel's samples on a spiral.
    const int aoRays = depth == 0 ? 2 : 1;
    const int cells = aoRays * std::max(stratum.count, 1);
    // Long reach on the set for a generous contact shadow; short on the item so mugs and
    // pots are not black inside (in a real studio light bounces in there).
    const bool onItem = scene.materials[hit.triangle] >= 0;
    const float reach = (onItem ? 0.25f : 0.7f) * m_itemRadius;
    float open = 0;
    const Vec3 tangent = s.normal.unitOrthogonal();
    const Vec3 bitangent = s.normal.cross(tangent);
    for (int i = 0; i < aoRays; ++i) {
        const int cell = stratum.index * aoRays + i;
        const float r = std::sqrt((cell + sampler.next()) / cells);
        const float phi = 2 * kPi * (cell * 0.618034f + sampler.next() / cells);
        const Vec3 d = (tangent * (r * std::cos(phi)) + bitangent * (r * std::sin(phi)) +
                        s.normal * std::sqrt(std::max(0.0f, 1 - r * r)))
                           .normalized();
        if (!scene.itemBvh->occluded(start, d, reach)) {
            open += 1;
        }
    }
    const float ambient = 0.34f * open / aoRays;
    colour += diffuseAlbedo * ambient;

    if (depth == 0) {
        Vec3 mirror = reflect(direction, s.normal);
        if (mirrorLike) {
            // Slightly blurred reflection for satin glazes.
            const Vec3 jitter(sampler.next() - 0.5f, sampler.next() - 0.5f, sampler.next() - 0.5f);
            mirror = (mirror + jitter * (s.roughness * 0.6f)).normalized();
        }
        if (mirror.dot(s.geometricNormal) > 0) {
            const Vec3 fresnel = f0 + (Vec3::Ones() - f0) * std::pow(1 - nv, 5.0f);
            if (mirrorLike) {
                colour +=
                    fresnel.cwiseProduct(trace(scene, start, mirror, sampler, stratum, depth + 1));
            } else {
                colour += fresnel * (ambient * (1 - s.roughness) * 0.5f);
            }
        }
    }
    return colour;
}

QImage StudioRenderer::render(const CameraView& view, const RenderSettings& settings) const {
    const Scene scene =
        stage(-radians(view.azimuthDegrees + m_set.turnDegrees), settings.plainBackdrop);
    Eigen::AlignedBox3f bounds;
    for (std::size_t i = 0; i < scene.triangles.size(); ++i) {
        if (scene.materials[i] >= 0) {
            for (std::uint32_t v : scene.triangles[i]) {
                bounds.extend(scene.positions[v]);
            }
        }
    }
    const Vec3 target = bounds.center();
    const float el = radians(view.elevationDegrees);
    const Vec3 back(0, std::sin(el), std::cos(el));
    const Vec3 right = Vec3::UnitX();
    const Vec3 up = back.cross(right);
    const float tanHalfY = std::tan(radians(26) / 2);
    const float aspect = float(settings.width) / float(settings.height);
    const float tanHalfX = tanHalfY * aspect;
    // Back off until every corner of the item's box fits inside the requested share of frame.
    float distance = 0;
    for (int c = 0; c < 8; ++c) {
        const Vec3 corner = bounds.corner(Eigen::AlignedBox3f::CornerType(c)) - target;
        const float depth = corner.dot(back);
        distance = std::max(distance, depth + std::abs(corner.dot(right)) / (tanHalfX * view.fill));
        distance = std::max(distance, depth + std::abs(corner.dot(up)) / (tanHalfY * view.fill));
    }
    const Vec3 eye = target + back * distance;

    std::vector<Vec3> pixels(std::size_t(settings.width) * settings.height);
    std::atomic<int> nextRow{0};
    auto worker = [&]() {
        for (int y = nextRow++; y < settings.height; y = nextRow++) {
            for (int x = 0; x < settings.width; ++x) {
                Sampler sampler(settings.seed * 9781u +
                                std::uint32_t(y * settings.width + x) * 6271u);
                Vec3 sum = Vec3::Zero();
                const int n = settings.samplesPerAxis;
                for (int sy = 0; sy < n; ++sy) {
                    for (int sx = 0; sx < n; ++sx) {
                        const float px = x + (sx + sampler.next()) / n;
                        const float py = y + (sy + sampler.next()) / n;
                        const float ndcX = (2 * px / settings.width - 1) * tanHalfX;
                        const float ndcY = (1 - 2 * py / settings.height) * tanHalfY;
                        const Vec3 direction = (right * ndcX + up * ndcY - back).normalized();
                        // Shuffle strata against the pixel grid so they do not line up.
                        const int index = (sy * n + sx + x * 7 + y * 13) % (n * n);
                        sum += trace(scene, eye, direction, sampler, {index, n * n}, 0);
                    }
                }
                pixels[std::size_t(y) * settings.width + x] = sum / float(n * n);
            }
        }
    };
    std::vector<std::thread> threads;
    for (int t = 0; t < std::max(1, settings.threads); ++t) {
        threads.emplace_back(worker);
    }
    for (std::thread& thread : threads) {
        thread.join();
    }

    QImage image(settings.width, settings.height, QImage::Format_RGB888);
    Sampler grain(settings.seed * 31u + 7u);
    const float exposure = 1.15f;
    for (int y = 0; y < settings.height; ++y) {
        uchar* line = image.scanLine(y);
        for (int x = 0; x < settings.width; ++x) {
            Vec3 c = pixels[std::size_t(y) * settings.width + x] * exposure;
            float shade = 1, noise[3] = {0, 0, 0};
            if (settings.cameraFinish) {
                const float dx = (2.0f * x / settings.width - 1),
                            dy = (2.0f * y / settings.height - 1);
                shade = 1 - 0.2f * (dx * dx + dy * dy) / 2;
                const float luma = grain.gaussian() * 0.011f;
                for (float& n : noise) {
                    n = luma + grain.gaussian() * 0.004f;
                }
            }
            for (int k = 0; k < 3; ++k) {
                const float value = toSrgb(filmic(c[k] * shade)) + noise[k];
                line[3 * x + k] = uchar(std::clamp(int(std::lround(value * 255)), 0, 255));
            }
        }
    }
    return image;
}
