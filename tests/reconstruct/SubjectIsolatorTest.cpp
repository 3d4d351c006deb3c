// The item keeps everything above the table down to where it touches it, and
// none of the table: fused points of a small plinth (a drum with a wider,
// lower step at its foot) standing on a textured table, cameras around it.
#include "reconstruct/SubjectIsolator.h"

#include "reconstruct/SurfaceMesher.h"

#include <QTest>
#include <cmath>
#include <random>

using namespace bitmarket::reconstruct;

namespace {

constexpr double kPi = 3.14159265358979323846;
// The drum: radius 8 cm from 6 mm up to 12 cm; the step under it: radius
// 10 cm, 6 mm high. The cameras stand about a metre away.
constexpr double kDrumRadius = 0.08, kStepRadius = 0.10, kStepHeight = 0.006, kTop = 0.12;

struct Scene {
    OrientedPoints points;
    std::vector<Camera> cameras;
};

Scene plinthOnATable() {
    Scene scene;
    std::mt19937 rng(5);
    std::normal_distribution<double> noise(0, 0.0004);
    auto add = [&](Eigen::Vector3d p, const Eigen::Vector3d& n) {
        p += noise(rng) * n;
        scene.points.positions.push_back(p);
        scene.points.normals.push_back(n);
        scene.points.colors.emplace_back(0.5, 0.5, 0.5);
    };
    const double spacing = 0.0015;
    // Walls: the step's and the drum's.
    for (const auto& [radius, from, to] :
         {std::tuple{kStepRadius, 0.0, kStepHeight}, std::tuple{kDrumRadius, kStepHeight, kTop}}) {
        const int around = int(2 * kPi * radius / spacing);
        for (double y = from; y <= to; y += spacing) {
            for (int k = 0; k < around; ++k) {
                const double a = 2 * kPi * k / around;
                const Eigen::Vector3d n(std::cos(a), 0, std::sin(a));
                add(Eigen::Vector3d(radius * n.x(), y, radius * n.z()), n);
            }
        }
    }
    // Flat tops: the step's ring and the drum's disc, facing up.
    for (double x = -kStepRadius; x <= kStepRadius; x += spacing) {
        for (double z = -kStepRadius; z <= kStepRadius; z += spacing) {
            const double r = std::hypot(x, z);
            if (r < kDrumRadius) {
                add({x, kTop, z}, {0, 1, 0});
            } else if (r < kStepRadius) {
                add({x, kStepHeight, z}, {0, 1, 0});
            }
        }
    }
    // The table, up to half a metre out, but not under the item.
    for (double x = -0.5; x <= 0.5; x += 2 * spacing) {
        for (double z = -0.5; z <= 0.5; z += 2 * spacing) {
            if (std::hypot(x, z) > kStepRadius) {
                add({x, 0, z}, {0, 1, 0});
            }
        }
    }
    for (int i = 0; i < 12; ++i) {
        const double a = 2 * kPi * i / 12, elevation = (i % 2 ? 25.0 : 45.0) * kPi / 180;
        const Eigen::Vector3d eye(std::cos(elevation) * std::cos(a), std::sin(elevation),
                                  std::cos(elevation) * std::sin(a));
        scene.cameras.push_back(Camera::lookingAt(eye, {0, 0.05, 0}, 640, 480, 45));
    }
    return scene;
}

} // namespace

class SubjectIsolatorTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void plinthKeepsItsLowestStepAndNoTable() {
        const Scene scene = plinthOnATable();
        const Subject subject = SubjectIsolator().isolate(scene.points, scene.cameras);
        QVERIFY(subject.frame.supportPlaneFound);
        int stepWall = 0;
        double lowest = 1, widest = 0;
        for (const Eigen::Vector3d& p : subject.points.positions) {
            const double r = std::hypot(p.x(), p.z());
            lowest = std::min(lowest, p.y());
            widest = std::max(widest, r);
            if (p.y() < kStepHeight && std::abs(r - kStepRadius) < 0.002) {
                ++stepWall;
            }
        }
        // The frame puts the table at height 0 and the item's axis near the origin.
        QVERIFY2(lowest < 0.0015, qPrintable(QString("lowest point %1 m up").arg(lowest)));
        QVERIFY2(stepWall > 500, qPrintable(QString("%1 points of the step's wall").arg(stepWall)));
        QVERIFY2(widest < kStepRadius + 0.006,
                 qPrintable(QString("points reach %1 m from the axis").arg(widest)));
    }

    void plinthSurfaceReachesTheTable() {
        const Scene scene = plinthOnATable();
        const Subject subject = SubjectIsolator().isolate(scene.points, scene.cameras);
        MeshingSettings settings;
        settings.poissonDepth = 8;
        settings.targetTriangles = 20000;
        const auto surface = SurfaceMesher(settings).mesh(subject.points);
        QVERIFY2(surface, surface ? "" : surface.error().c_str());
        double lowest = 1, widest = 0;
        for (const Eigen::Vector3f& p : surface->positions) {
            lowest = std::min(lowest, double(p.y()));
            widest = std::max(widest, std::hypot(double(p.x()), double(p.z())));
        }
        QVERIFY2(lowest < 0.002, qPrintable(QString("surface starts %1 m up").arg(lowest)));
        QVERIFY2(widest > kStepRadius - 0.003 && widest < kStepRadius + 0.006,
                 qPrintable(QString("surface reaches %1 m from the axis").arg(widest)));
    }
};

QTEST_GUILESS_MAIN(SubjectIsolatorTest)
#include "SubjectIsolatorTest.moc"
