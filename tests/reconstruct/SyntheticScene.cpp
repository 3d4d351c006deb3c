#include "SyntheticScene.h"

#include "reconstruct/PreviewRenderer.h"

#include <Eigen/Geometry>
#include <algorithm>
#include <cmath>
#include <fstream>
#include <functional>
#include <numeric>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <random>

namespace bitmarket::reconstruct::testing {
namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kTableHalfSize = 1.2; // metres from the object's axis to the table's edge

// Multi-octave colour noise plus sharp spots and strokes: the kind of detail
// that real products and tables have and that stereo matching needs.
cv::Mat3b proceduralTexture(int size, std::mt19937& rng, cv::Vec3f tint, int spots, int maxRadius,
                            bool colourfulSpots) {
    cv::Mat3f acc(size, size, cv::Vec3f(0, 0, 0));
    float amplitude = 1.f;
    for (int cells = 4; cells <= size / 4; cells *= 2) {
        cv::Mat3f coarse(cells, cells);
        cv::randu(coarse, cv::Scalar::all(-1), cv::Scalar::all(1));
        cv::Mat3f up;
        cv::resize(coarse, up, cv::Size(size, size), 0, 0, cv::INTER_CUBIC);
        acc += up * amplitude;
        amplitude *= 0.7f;
    }
    cv::Mat3b out(size, size);
    for (int y = 0; y < size; ++y) {
        for (int x = 0; x < size; ++x) {
            const cv::Vec3f n = acc(y, x);
            for (int k = 0; k < 3; ++k) {
                out(y, x)[k] = cv::saturate_cast<uchar>(255 * tint[k] * (0.55f + 0.22f * n[k]));
            }
        }
    }
    std::uniform_int_distribution<int> pos(0, size - 1), radius(2, maxRadius), shade(20, 235);
    for (int i = 0; i < spots; ++i) {
        const int grey = shade(rng);
        const cv::Scalar colour = colourfulSpots
                                      ? cv::Scalar(shade(rng), shade(rng), shade(rng))
                                      : cv::Scalar(grey * tint[0], grey * tint[1], grey * tint[2]);
        if (i % 3 == 0) {
            const cv::Point from(pos(rng), pos(rng));
            const cv::Point to =
                from + cv::Point(pos(rng) / 8 - size / 16, pos(rng) / 8 - size / 16);
            cv::line(out, from, to, colour, radius(rng) / 3 + 1, cv::LINE_AA);
        } else {
            cv::circle(out, {pos(rng), pos(rng)}, radius(rng), colour, cv::FILLED, cv::LINE_AA);
        }
    }
    return out;
}

using Surface = std::function<Eigen::Vector3d(double u, double v)>;

// Adds an (nu x nv) parametric patch; u, v in [0,1] map to the texture rectangle.
void addPatch(TexturedMesh& mesh, SurfaceMesh* truth, int nu, int nv, const Surface& f,
              const cv::Rect2d& uvRect, bool flip) {
    const std::uint32_t base = std::uint32_t(mesh.positions.size());
    const int truthBase = truth ? int(truth->positions.size()) : 0;
    for (int j = 0; j <= nv; ++j) {
        for (int i = 0; i <= nu; ++i) {
            const double u = double(i) / nu, v = double(j) / nv;
            const Eigen::Vector3d p = f(u, v);
            const double e = 1e-4;
            const double u0 = std::max(0.0, u - e), u1 = std::min(1.0, u + e);
            const double v0 = std::max(0.0, v - e), v1 = std::min(1.0, v + e);
            Eigen::Vector3d n = (f(u1, v) - f(u0, v)).cross(f(u, v1) - f(u, v0));
            if (flip) {
                n = -n;
            }
            mesh.positions.push_back(p.cast<float>());
            mesh.normals.push_back(n.norm() > 0 ? n.normalized().cast<float>()
                                                : Eigen::Vector3f(0, 1, 0));
            mesh.uvs.emplace_back(float(uvRect.x + u * uvRect.width),
                                  float(uvRect.y + v * uvRect.height));
            if (truth) {
                truth->positions.push_back(p.cast<float>());
            }
        }
    }
    for (int j = 0; j < nv; ++j) {
        for (int i = 0; i < nu; ++i) {
            const int a = j * (nu + 1) + i, b = a + 1, c = a + nu + 1, d = c + 1;
            std::array<int, 6> tri =
                flip ? std::array<int, 6>{a, c, b, b, c, d} : std::array<int, 6>{a, b, c, b, d, c};
            for (int k = 0; k < 6; ++k) {
                mesh.indices.push_back(base + std::uint32_t(tri[k]));
            }
            if (truth) {
                truth->triangles.emplace_back(truthBase + tri[0], truthBase + tri[1],
                                              truthBase + tri[2]);
                truth->triangles.emplace_back(truthBase + tri[3], truthBase + tri[4],
                                              truthBase + tri[5]);
            }
        }
    }
}

} // namespace

std::string SyntheticScene::name(SyntheticObject object) {
    switch (object) {
    case SyntheticObject::Vase:
        return "vase";
    case SyntheticObject::Box:
        return "box";
    case SyntheticObject::Blob:
        return "blob";
    case SyntheticObject::Capsule:
        return "capsule";
    }
    return "unknown";
}

std::vector<SyntheticObject> SyntheticScene::all() {
    return {SyntheticObject::Vase, SyntheticObject::Box, SyntheticObject::Blob,
            SyntheticObject::Capsule};
}

SyntheticScene::SyntheticScene(SyntheticSceneSpec spec) : m_spec(spec) {
    std::mt19937 rng(spec.seed + unsigned(spec.object) * 101);
    // Atlas: the object's texture in the top-left 1024 square, the table's
    // (never repeated: repeats would fool stereo) in the right 2048 square.
    const int texSize = 1024;
    cv::Mat3b atlas(2 * texSize, 3 * texSize, cv::Vec3b(128, 128, 128));
    proceduralTexture(texSize, rng, {0.55f, 0.75f, 1.0f}, 900, 16, true)
        .copyTo(atlas(cv::Rect(0, 0, texSize, texSize)));
    proceduralTexture(2 * texSize, rng, {0.45f, 0.6f, 0.75f}, 9000, 9, false)
        .copyTo(atlas(cv::Rect(texSize, 0, 2 * texSize, 2 * texSize)));
    m_scene.texture = atlas;
    const cv::Rect2d objectUv(0.001, 0.001, 0.332, 0.498);
    const cv::Rect2d tableUv(0.334, 0.001, 0.665, 0.998);

    TexturedMesh& mesh = m_scene;
    switch (spec.object) {
    case SyntheticObject::Vase: {
        const double H = 0.30;
        auto radius = [](double s) {
            return 0.06 + 0.045 * std::sin(kPi * s * 1.15) + 0.012 * std::cos(6 * kPi * s);
        };
        addPatch(
            mesh, &m_object, 96, 48,
            [&](double u, double v) {
                const double a = 2 * kPi * u;
                return Eigen::Vector3d(radius(v) * std::cos(a), H * v, -radius(v) * std::sin(a));
            },
            objectUv, true);
        addPatch(
            mesh, &m_object, 48, 8,
            [&](double u, double v) {
                const double a = 2 * kPi * u;
                const double r = radius(1.0) * (1 - v);
                return Eigen::Vector3d(r * std::cos(a), H, -r * std::sin(a));
            },
            cv::Rect2d(0.1, 0.1, 0.2, 0.2), true);
        break;
    }
    case SyntheticObject::Box: {
        const Eigen::Vector3d half(0.12, 0.09, 0.075);
        const Eigen::Matrix3d turn =
            Eigen::AngleAxisd(0.35, Eigen::Vector3d::UnitY()).toRotationMatrix();
        // Five visible faces; each face spans its own texture tile.
        for (int face = 0; face < 5; ++face) {
            const int axis = face < 2 ? 0 : face < 4 ? 2 : 1;
            const double sign = face == 4 ? 1 : face % 2 == 0 ? 1 : -1;
            const cv::Rect2d tile(0.001 + 0.111 * (face % 3), 0.001 + 0.25 * (face / 3), 0.108,
                                  0.245);
            addPatch(
                mesh, &m_object, 24, 24,
                [&, axis, sign](double u, double v) {
                    Eigen::Vector3d p;
                    const int a1 = (axis + 1) % 3, a2 = (axis + 2) % 3;
                    p[axis] = sign * half[axis];
                    p[a1] = (2 * u - 1) * half[a1];
                    p[a2] = (2 * v - 1) * half[a2];
                    p = turn * p;
                    p.y() += half.y();
                    return p;
                },
                tile, sign < 0);
        }
        break;
    }
    case SyntheticObject::Blob: {
        const double R = 0.11;
        addPatch(
            mesh, &m_object, 96, 48,
            [&](double u, double v) {
                const double a = 2 * kPi * u, b = kPi * v;
                const double r = R * (1 + 0.14 * std::sin(3 * a) * std::sin(2 * b) +
                                      0.08 * std::cos(4 * b) + 0.05 * std::sin(5 * a + 2 * b));
                return Eigen::Vector3d(r * std::sin(b) * std::cos(a), 0.9 * R + r * std::cos(b),
                                       -r * std::sin(b) * std::sin(a));
            },
            objectUv, true);
        break;
    }
    case SyntheticObject::Capsule: {
        const Eigen::Vector3d axes(0.17, 0.065, 0.08);
        const Eigen::Matrix3d turn =
            Eigen::AngleAxisd(-0.5, Eigen::Vector3d::UnitY()).toRotationMatrix();
        addPatch(
            mesh, &m_object, 96, 48,
            [&](double u, double v) {
                const double a = 2 * kPi * u, b = kPi * v;
                const double sq = std::sin(b);
                Eigen::Vector3d p(axes.x() * std::cos(b), axes.y() * sq * std::cos(a),
                                  axes.z() * sq * std::sin(a));
                p = turn * p;
                p.y() += 0.055;
                return p;
            },
            objectUv, false);
        break;
    }
    }
    m_min = Eigen::Vector3d::Constant(1e9);
    m_max = -m_min;
    for (const auto& p : m_object.positions) {
        m_min = m_min.cwiseMin(p.cast<double>());
        m_max = m_max.cwiseMax(p.cast<double>());
    }
    m_min.y() = std::max(0.0, m_min.y());

    if (spec.withTable) {
        const double half = kTableHalfSize;
        addPatch(
            mesh, nullptr, 48, 48,
            [&](double u, double v) {
                return Eigen::Vector3d((2 * u - 1) * half, 0, (2 * v - 1) * half);
            },
            tableUv, true);
    }
}

std::vector<SyntheticShot> SyntheticScene::photograph(const std::filesystem::path& folder) const {
    std::filesystem::create_directories(folder);
    std::mt19937 rng(m_spec.seed);
    std::uniform_real_distribution<double> jitter(-1, 1);
    const Eigen::Vector3d centre = (m_min + m_max) / 2;
    const double size = (m_max - m_min).norm();
    const int rings = m_spec.views >= 12 ? 2 : 1;
    std::vector<int> fileIndex(m_spec.views);
    std::iota(fileIndex.begin(), fileIndex.end(), 0);
    if (int(m_spec.fileOrder.size()) == m_spec.views) {
        for (int k = 0; k < m_spec.views; ++k) {
            fileIndex[m_spec.fileOrder[k]] = k;
        }
    }
    std::vector<SyntheticShot> shots;
    for (int i = 0; i < m_spec.views; ++i) {
        const int ring = i % rings;
        const double elevation = (ring == 0 ? 22.0 : 42.0) * kPi / 180 + 0.03 * jitter(rng);
        const double azimuth = 2 * kPi * i / m_spec.views + 0.05 * jitter(rng);
        const double distance = size * (2.4 + 0.15 * jitter(rng));
        const Eigen::Vector3d eye =
            centre + distance * Eigen::Vector3d(std::cos(elevation) * std::sin(azimuth),
                                                std::sin(elevation),
                                                std::cos(elevation) * std::cos(azimuth));
        const Eigen::Vector3d target =
            centre + 0.02 * size * Eigen::Vector3d(jitter(rng), jitter(rng), jitter(rng));
        const int supersample = 2;
        const double fovY = 2 * std::atan(0.5 * m_spec.height / (0.85 * m_spec.width)) * 180 / kPi;
        const Camera big = Camera::lookingAt(eye, target, m_spec.width * supersample,
                                             m_spec.height * supersample, fovY);
        cv::Mat3b rendered =
            PreviewRenderer::renderFrom(m_scene, big, cv::Vec3b(205, 200, 190), true);
        cv::Mat3b photo;
        cv::resize(rendered, photo, cv::Size(m_spec.width, m_spec.height), 0, 0, cv::INTER_AREA);
        cv::Mat3f noisy;
        photo.convertTo(noisy, CV_32F);
        cv::Mat3f noise(noisy.size());
        cv::randn(noise, cv::Scalar::all(0), cv::Scalar::all(m_spec.noiseSigma));
        noisy += noise;
        noisy.convertTo(photo, CV_8U);

        std::vector<unsigned char> jpeg;
        cv::imencode(".jpg", photo, jpeg, {cv::IMWRITE_JPEG_QUALITY, m_spec.jpegQuality});
        const int focal35 = int(std::lround(big.fx / big.width * 36));
        char name[32];
        std::snprintf(name, sizeof name, "view_%02d.jpg", fileIndex[i]);
        const auto bytes = jpegWithExif(jpeg, 1, focal35);
        std::ofstream(folder / name, std::ios::binary)
            .write(reinterpret_cast<const char*>(bytes.data()), std::streamsize(bytes.size()));
        shots.push_back({name, big.scaled(1.0 / supersample)});
        shots.back().camera.image = name;
    }
    return shots;
}

SurfaceMesh SyntheticScene::tableSurface() const {
    SurfaceMesh table;
    if (m_spec.withTable) {
        const float half = float(kTableHalfSize);
        table.positions = {{-half, 0, -half}, {half, 0, -half}, {half, 0, half}, {-half, 0, half}};
        table.triangles = {{0, 2, 1}, {0, 3, 2}};
    }
    return table;
}

std::vector<Eigen::Vector3d> SyntheticScene::surfaceSamples(int count) const {
    std::vector<double> cumulative;
    double total = 0;
    for (const auto& t : m_object.triangles) {
        const Eigen::Vector3f& a = m_object.positions[t[0]];
        total += 0.5 * (m_object.positions[t[1]] - a).cross(m_object.positions[t[2]] - a).norm();
        cumulative.push_back(total);
    }
    std::mt19937 rng(1234);
    std::uniform_real_distribution<double> uniform(0, 1);
    std::vector<Eigen::Vector3d> out;
    while (int(out.size()) < count) {
        const double pick = uniform(rng) * total;
        const auto t =
            m_object.triangles[std::lower_bound(cumulative.begin(), cumulative.end(), pick) -
                               cumulative.begin()];
        double r1 = uniform(rng), r2 = uniform(rng);
        if (r1 + r2 > 1) {
            r1 = 1 - r1;
            r2 = 1 - r2;
        }
        const Eigen::Vector3d a = m_object.positions[t[0]].cast<double>();
        const Eigen::Vector3d p = a + r1 * (m_object.positions[t[1]].cast<double>() - a) +
                                  r2 * (m_object.positions[t[2]].cast<double>() - a);
        // The underside and whatever is sunk into the table is never photographed.
        if (p.y() > 0.004) {
            out.push_back(p);
        }
    }
    return out;
}

std::vector<int> shuffledOrder(int views, unsigned seed) {
    std::vector<int> order(views);
    std::iota(order.begin(), order.end(), 0);
    std::shuffle(order.begin(), order.end(), std::mt19937(seed));
    return order;
}

std::vector<unsigned char> jpegWithExif(const std::vector<unsigned char>& jpeg, int orientation,
                                        int focal35mm) {
    std::vector<unsigned char> tiff = {'I', 'I', 0x2A, 0, 8, 0, 0, 0};
    auto u16 = [&](int v) {
        tiff.push_back(std::uint8_t(v & 0xFF));
        tiff.push_back(std::uint8_t((v >> 8) & 0xFF));
    };
    auto u32 = [&](std::uint32_t v) {
        for (int k = 0; k < 4; ++k) {
            tiff.push_back(std::uint8_t((v >> (8 * k)) & 0xFF));
        }
    };
    // IFD0 at 8: Orientation and the pointer to the Exif IFD (at 8 + 30 = 38).
    u16(2);
    u16(0x0112), u16(3), u32(1), u16(orientation), u16(0);
    u16(0x8769), u16(4), u32(1), u32(38);
    u32(0);
    // Exif IFD: FocalLengthIn35mmFilm.
    u16(1);
    u16(0xA405), u16(3), u32(1), u16(focal35mm), u16(0);
    u32(0);

    const std::size_t length = 2 + 6 + tiff.size();
    const unsigned char header[] = {
        0xFF, 0xD8, // SOI, then our APP1 before everything else
        0xFF, 0xE1, std::uint8_t(length >> 8), std::uint8_t(length & 0xFF), 'E', 'x', 'i', 'f',
        0,    0};
    std::vector<unsigned char> out;
    out.reserve(sizeof header + tiff.size() + jpeg.size());
    std::copy(std::begin(header), std::end(header), std::back_inserter(out));
    std::copy(tiff.begin(), tiff.end(), std::back_inserter(out));
    std::copy(jpeg.begin() + 2, jpeg.end(), std::back_inserter(out));
    return out;
}

} // namespace bitmarket::reconstruct::testing
