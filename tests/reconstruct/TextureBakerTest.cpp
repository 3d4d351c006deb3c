// The texture atlas a buyer's viewer samples: every triangle maps into the
// texture, no two triangles share texels, charts keep apart, vertices are
// shared inside charts, and what the texture shows where is what the photo
// showed there, right up to the charts' edges; a sharp photo's detail is not
// averaged away with a blurred one's, and what no photo sees takes the
// colours around it, not grey.
#include "reconstruct/TextureBaker.h"

#include <Eigen/Geometry>
#include <QTest>
#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>
#include <opencv2/imgproc.hpp>

using namespace bitmarket::reconstruct;

namespace {

// A bumpy torus lying in the XZ plane: closed, curved everywhere, with
// surface detail in every direction, so charts cannot be trivial.
SurfaceMesh bumpyTorus(int around, int tube) {
    SurfaceMesh mesh;
    for (int i = 0; i < around; ++i) {
        for (int j = 0; j < tube; ++j) {
            const double a = 2 * M_PI * i / around, b = 2 * M_PI * j / tube;
            const double r = 0.3 * (1 + 0.08 * std::sin(7 * a) * std::cos(5 * b));
            const double d = 1 + r * std::cos(b);
            mesh.positions.emplace_back(float(d * std::cos(a)), float(r * std::sin(b)),
                                        float(d * std::sin(a)));
        }
    }
    const auto at = [&](int i, int j) { return (i % around) * tube + (j % tube); };
    for (int i = 0; i < around; ++i) {
        for (int j = 0; j < tube; ++j) {
            mesh.triangles.emplace_back(at(i, j), at(i, j + 1), at(i + 1, j));
            mesh.triangles.emplace_back(at(i + 1, j), at(i, j + 1), at(i + 1, j + 1));
        }
    }
    return mesh;
}

// A smooth photo whose colour says where in the image a point is.
cv::Vec3f photoPattern(double x, double y, int width, int height) {
    return cv::Vec3f(float(40 + 180 * x / width), float(40 + 180 * y / height),
                     float(200 - 120 * x / width));
}

cv::Vec3f sampleTexture(const cv::Mat3b& texture, const Eigen::Vector2f& uv) {
    const float u = uv.x() * texture.cols - 0.5f, v = uv.y() * texture.rows - 0.5f;
    const int u0 = std::clamp(int(std::floor(u)), 0, texture.cols - 2);
    const int v0 = std::clamp(int(std::floor(v)), 0, texture.rows - 2);
    const float fu = std::clamp(u - u0, 0.f, 1.f), fv = std::clamp(v - v0, 0.f, 1.f);
    const cv::Vec3f a = texture(v0, u0), b = texture(v0, u0 + 1), c = texture(v0 + 1, u0),
                    d = texture(v0 + 1, u0 + 1);
    return (a * (1 - fu) + b * fu) * (1 - fv) + (c * (1 - fu) + d * fu) * fv;
}

// Connected triangles through shared vertices: the charts, as a viewer sees them.
std::vector<int> chartOfTriangle(const TexturedMesh& mesh) {
    std::vector<int> parent(mesh.positions.size());
    std::iota(parent.begin(), parent.end(), 0);
    const auto root = [&](int v) {
        while (parent[v] != v) {
            v = parent[v] = parent[parent[v]];
        }
        return v;
    };
    for (std::size_t i = 0; i < mesh.indices.size(); i += 3) {
        parent[root(int(mesh.indices[i + 1]))] = root(int(mesh.indices[i]));
        parent[root(int(mesh.indices[i + 2]))] = root(int(mesh.indices[i]));
    }
    std::vector<int> chart(mesh.triangleCount());
    for (std::size_t t = 0; t < chart.size(); ++t) {
        chart[t] = root(int(mesh.indices[3 * t]));
    }
    return chart;
}

} // namespace

class TestTextureBaker : public QObject {
    Q_OBJECT
private:
    static constexpr int kTextureSize = 1024;
    SurfaceMesh m_surface;
    TextureSource m_photo;
    TexturedMesh m_baked;

private Q_SLOTS:
    void initTestCase() {
        m_surface = bumpyTorus(160, 48);
        m_photo.camera = Camera::lookingAt({0.4, 2.6, 1.6}, {0, 0, 0}, 640, 480, 60);
        m_photo.image = cv::Mat3b(480, 640);
        for (int y = 0; y < 480; ++y) {
            for (int x = 0; x < 640; ++x) {
                const cv::Vec3f c = photoPattern(x, y, 640, 480);
                m_photo.image(y, x) = cv::Vec3b(uchar(c[0]), uchar(c[1]), uchar(c[2]));
            }
        }
        auto baked = TextureBaker(kTextureSize, 640, 2).bake(m_surface, {m_photo});
        QVERIFY2(baked.ok(), baked.ok() ? "" : baked.error().c_str());
        m_baked = std::move(baked).value();
        QCOMPARE(int(m_baked.triangleCount()), int(m_surface.triangles.size()));
        QCOMPARE(m_baked.texture.rows, kTextureSize);
    }

    void everyTriangleMapsInsideTheTexture() {
        for (const Eigen::Vector2f& uv : m_baked.uvs) {
            QVERIFY(uv.x() > 0 && uv.x() < 1 && uv.y() > 0 && uv.y() < 1);
        }
        for (std::size_t t = 0; t < m_baked.triangleCount(); ++t) {
            const Eigen::Vector2f a = m_baked.uvs[m_baked.indices[3 * t]];
            const Eigen::Vector2f e1 = m_baked.uvs[m_baked.indices[3 * t + 1]] - a;
            const Eigen::Vector2f e2 = m_baked.uvs[m_baked.indices[3 * t + 2]] - a;
            QVERIFY(std::abs(e1.x() * e2.y() - e1.y() * e2.x()) > 0); // not collapsed
        }
    }

    void verticesAreSharedInsideCharts() {
        // A closed surface has about half as many vertices as triangles; one
        // vertex per triangle corner would be three times as many.
        QVERIFY2(m_baked.positions.size() < 0.8 * m_baked.triangleCount(),
                 qPrintable(QString("%1 vertices for %2 triangles")
                                .arg(m_baked.positions.size())
                                .arg(m_baked.triangleCount())));
    }

    void chartsNeitherOverlapNorTouch() {
        const std::vector<int> chart = chartOfTriangle(m_baked);
        const int T = kTextureSize;
        cv::Mat1i owner(T, T, -1);
        long covered = 0;
        for (std::size_t t = 0; t < m_baked.triangleCount(); ++t) {
            std::array<Eigen::Vector2d, 3> p;
            for (int k = 0; k < 3; ++k) {
                p[k] = m_baked.uvs[m_baked.indices[3 * t + k]].cast<double>() * T;
            }
            const Eigen::Vector2d e1 = p[1] - p[0], e2 = p[2] - p[0];
            const double det = e1.x() * e2.y() - e1.y() * e2.x();
            const Eigen::Vector2d lo = p[0].cwiseMin(p[1]).cwiseMin(p[2]);
            const Eigen::Vector2d hi = p[0].cwiseMax(p[1]).cwiseMax(p[2]);
            for (int y = int(lo.y()); y <= int(hi.y()); ++y) {
                for (int x = int(lo.x()); x <= int(hi.x()); ++x) {
                    const Eigen::Vector2d q = Eigen::Vector2d(x + 0.5, y + 0.5) - p[0];
                    const double b1 = (q.x() * e2.y() - q.y() * e2.x()) / det;
                    const double b2 = (e1.x() * q.y() - e1.y() * q.x()) / det;
                    if (b1 <= 1e-6 || b2 <= 1e-6 || b1 + b2 >= 1 - 1e-6) {
                        continue; // only texels strictly inside
                    }
                    QVERIFY2(owner(y, x) < 0, "two triangles cover the same texel");
                    owner(y, x) = chart[t];
                    ++covered;
                }
            }
        }
        const std::array<std::array<int, 2>, 4> neighbours{{{1, 0}, {0, 1}, {1, 1}, {1, -1}}};
        for (int y = 1; y + 1 < T; ++y) {
            for (int x = 1; x + 1 < T; ++x) {
                for (const auto& [dx, dy] : neighbours) {
                    const int a = owner(y, x), b = owner(y + dy, x + dx);
                    QVERIFY2(a < 0 || b < 0 || a == b, "two charts share a texel border");
                }
            }
        }
        const double share = double(covered) / (double(T) * T);
        QVERIFY2(share > 0.4,
                 qPrintable(QString("charts cover only %1 of the texture").arg(share)));
    }

    void textureShowsThePhotoUpToChartEdges() {
        // Compared where the photo sees the surface head-on: at triangle
        // centres (inside charts) and at their corners (where charts end and
        // bilinear filtering reads the filled gutters).
        const Camera& camera = m_photo.camera;
        const Eigen::Vector3d eye = camera.center();
        int compared = 0, centreMisses = 0, cornerMisses = 0;
        for (std::size_t t = 0; t < m_baked.triangleCount(); ++t) {
            Eigen::Vector3d centre = Eigen::Vector3d::Zero();
            Eigen::Vector2f uvCentre = Eigen::Vector2f::Zero();
            bool facing = true;
            for (int k = 0; k < 3; ++k) {
                const std::uint32_t v = m_baked.indices[3 * t + k];
                const Eigen::Vector3d p = m_baked.positions[v].cast<double>();
                facing =
                    facing && m_baked.normals[v].cast<double>().dot((eye - p).normalized()) > 0.6;
                centre += p / 3;
                uvCentre += m_baked.uvs[v] / 3;
            }
            if (!facing) {
                continue;
            }
            ++compared;
            const Eigen::Vector2d pix = camera.project(camera.toCamera(centre));
            const cv::Vec3f want = photoPattern(pix.x(), pix.y(), camera.width, camera.height);
            centreMisses += cv::norm(sampleTexture(m_baked.texture, uvCentre) - want) > 8;
            const std::uint32_t v = m_baked.indices[3 * t];
            const Eigen::Vector2d corner =
                camera.project(camera.toCamera(m_baked.positions[v].cast<double>()));
            const cv::Vec3f wantCorner =
                photoPattern(corner.x(), corner.y(), camera.width, camera.height);
            cornerMisses +=
                cv::norm(sampleTexture(m_baked.texture, m_baked.uvs[v]) - wantCorner) > 16;
        }
        QVERIFY2(compared > 2000,
                 qPrintable(QString("only %1 triangles face the photo").arg(compared)));
        QVERIFY2(
            centreMisses < compared / 100,
            qPrintable(QString("%1 of %2 triangle centres off").arg(centreMisses).arg(compared)));
        QVERIFY2(cornerMisses < compared / 100,
                 qPrintable(QString("%1 of %2 corners off").arg(cornerMisses).arg(compared)));
    }

    void sharpPhotoIsNotAveragedWithABlurredOne() {
        // Fine detail (a few pixels across) seen by two photos from one place,
        // the second out of focus: the texture shows the sharp photo's detail.
        TextureSource sharp = m_photo, blurred = m_photo;
        cv::Mat1f noise(480, 640);
        cv::randu(noise, 0, 1);
        cv::GaussianBlur(noise, noise, cv::Size(0, 0), 1.2);
        cv::normalize(noise, noise, 30, 225, cv::NORM_MINMAX);
        cv::Mat gray;
        noise.convertTo(gray, CV_8U);
        cv::Mat3b detail;
        cv::merge(std::vector<cv::Mat>{gray, gray, gray}, detail);
        sharp.image = detail;
        cv::Mat3b soft;
        cv::GaussianBlur(detail, soft, cv::Size(0, 0), 4);
        blurred.image = soft;
        const auto baked = TextureBaker(kTextureSize, 640, 2).bake(m_surface, {blurred, sharp});
        QVERIFY(baked.ok());
        const Camera& camera = sharp.camera;
        double offSharp = 0, offBlurred = 0;
        int compared = 0;
        for (std::size_t t = 0; t < baked->triangleCount(); ++t) {
            Eigen::Vector3d centre = Eigen::Vector3d::Zero();
            Eigen::Vector2f uv = Eigen::Vector2f::Zero();
            bool facing = true;
            for (int k = 0; k < 3; ++k) {
                const std::uint32_t v = baked->indices[3 * t + k];
                const Eigen::Vector3d p = baked->positions[v].cast<double>();
                facing = facing && baked->normals[v].cast<double>().dot(
                                       (camera.center() - p).normalized()) > 0.7;
                centre += p / 3;
                uv += baked->uvs[v] / 3;
            }
            if (!facing) {
                continue;
            }
            const Eigen::Vector2d pix = camera.project(camera.toCamera(centre));
            const int x = int(std::lround(pix.x())), y = int(std::lround(pix.y()));
            const double got = sampleTexture(baked->texture, uv)[0];
            offSharp += std::abs(got - sharp.image(y, x)[0]);
            offBlurred += std::abs(got - blurred.image(y, x)[0]);
            ++compared;
        }
        QVERIFY(compared > 1000);
        offSharp /= compared;
        offBlurred /= compared;
        QVERIFY2(offSharp < 0.5 * offBlurred,
                 qPrintable(QString("mean difference to the sharp photo %1, to the blurred %2")
                                .arg(offSharp)
                                .arg(offBlurred)));
    }

    void unseenSurfaceTakesTheColoursAround() {
        // The photo looks from above; the ring's underside is seen by nothing.
        TextureSource green = m_photo;
        green.image = cv::Mat3b(480, 640, cv::Vec3b(40, 170, 60));
        const auto baked = TextureBaker(kTextureSize, 640, 2).bake(m_surface, {green});
        QVERIFY(baked.ok());
        int underside = 0, grey = 0;
        for (std::size_t t = 0; t < baked->triangleCount(); ++t) {
            Eigen::Vector3f normal = Eigen::Vector3f::Zero();
            Eigen::Vector2f uv = Eigen::Vector2f::Zero();
            for (int k = 0; k < 3; ++k) {
                normal += baked->normals[baked->indices[3 * t + k]];
                uv += baked->uvs[baked->indices[3 * t + k]] / 3;
            }
            if (normal.normalized().y() > -0.8f) {
                continue;
            }
            ++underside;
            grey += cv::norm(sampleTexture(baked->texture, uv) - cv::Vec3f(40, 170, 60)) > 20;
        }
        QVERIFY(underside > 1000);
        QVERIFY2(grey == 0,
                 qPrintable(QString("%1 of %2 unseen triangles not the colour around them")
                                .arg(grey)
                                .arg(underside)));
    }

    void surfaceTooDetailedForTheTextureIsAnError() {
        const auto baked = TextureBaker(16, 640, 2).bake(m_surface, {m_photo});
        QVERIFY(!baked.ok());
    }
};

QTEST_GUILESS_MAIN(TestTextureBaker)
#include "TextureBakerTest.moc"
