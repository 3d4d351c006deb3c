// The surface keeps every sizeable part of the item, not only the largest
// piece: the foot of a column whose points thin out to nothing in a band above
// it (as under a vase's belly, where photos see little) stays in the model.
#include "reconstruct/SurfaceMesher.h"

#include <QTest>
#include <cmath>

using namespace bitmarket::reconstruct;

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kRadius = 0.08, kTop = 0.2, kGapFrom = 0.035, kGapTo = 0.075;

// Points of an upright drum standing on y = 0 with no points in the gap band.
OrientedPoints drumWithAGap() {
    OrientedPoints points;
    const double spacing = 0.003;
    const int around = int(2 * kPi * kRadius / spacing);
    for (double y = 0; y <= kTop; y += spacing) {
        if (y > kGapFrom && y < kGapTo) {
            continue;
        }
        for (int k = 0; k < around; ++k) {
            const double a = 2 * kPi * k / around;
            const Eigen::Vector3d n(std::cos(a), 0, std::sin(a));
            points.positions.emplace_back(kRadius * n.x(), y, kRadius * n.z());
            points.normals.push_back(n);
            points.colors.emplace_back(0.5, 0.5, 0.5);
        }
    }
    for (double x = -kRadius; x <= kRadius; x += spacing) {
        for (double z = -kRadius; z <= kRadius; z += spacing) {
            if (std::hypot(x, z) < kRadius) {
                points.positions.emplace_back(x, kTop, z);
                points.normals.emplace_back(0, 1, 0);
                points.colors.emplace_back(0.5, 0.5, 0.5);
            }
        }
    }
    return points;
}

} // namespace

class SurfaceMesherTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void footCutOffByAGapIsKept() {
        MeshingSettings settings;
        settings.poissonDepth = 8;
        settings.targetTriangles = 20000;
        const auto surface = SurfaceMesher(settings).mesh(drumWithAGap());
        QVERIFY2(surface, surface ? "" : surface.error().c_str());
        double lowest = 1;
        for (const Eigen::Vector3f& p : surface->positions) {
            lowest = std::min(lowest, double(p.y()));
        }
        QVERIFY2(lowest < 0.005, qPrintable(QString("surface starts %1 m up").arg(lowest)));
    }
};

QTEST_GUILESS_MAIN(SurfaceMesherTest)
#include "SurfaceMesherTest.moc"
