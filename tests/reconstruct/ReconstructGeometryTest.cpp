// The geometric conventions report.json promises: moving the model into the
// GLB frame must not move any pixel, and rescaling a photo rescales its
// intrinsics about the pixel-centre convention.
#include "reconstruct/Camera.h"
#include "reconstruct/Rasterizer.h"
#include "reconstruct/SubjectIsolator.h"

#include <Eigen/Geometry>
#include <QTest>

using namespace bitmarket::reconstruct;

class TestReconstructGeometry : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void changingFrameKeepsEveryProjection() {
        const Camera camera = Camera::lookingAt({1.0, 0.8, 2.0}, {0.1, 0.2, -0.1}, 640, 480, 50);
        const Eigen::Matrix3d Q =
            Eigen::AngleAxisd(0.7, Eigen::Vector3d(1, 2, 3).normalized()).toRotationMatrix();
        const double s = 2.5;
        const Eigen::Vector3d o(0.3, -1.0, 0.4);
        const Camera moved = camera.inFrame(Q, s, o);
        for (const Eigen::Vector3d& x :
             {Eigen::Vector3d(0.1, 0.2, -0.1), Eigen::Vector3d(0.4, 0, 0.3)}) {
            const Eigen::Vector2d before = camera.project(camera.toCamera(x));
            const Eigen::Vector3d xNew = s * Q * x + o;
            const Eigen::Vector2d after = moved.project(moved.toCamera(xNew));
            QVERIFY((before - after).norm() < 1e-9);
        }
        QVERIFY((moved.center() - (s * Q * camera.center() + o)).norm() < 1e-9);
        QVERIFY(std::abs(moved.R.determinant() - 1) < 1e-9);
    }

    void lookingAtPutsTargetInTheCentreUpright() {
        const Camera camera = Camera::lookingAt({0, 1, 3}, {0, 0, 0}, 101, 81, 40);
        const Eigen::Vector2d p = camera.project(camera.toCamera(Eigen::Vector3d::Zero()));
        QVERIFY((p - Eigen::Vector2d(50, 40)).norm() < 1e-9);
        const Eigen::Vector2d above = camera.project(camera.toCamera({0, 0.1, 0}));
        QVERIFY(above.y() < p.y()); // +Y is up in the image
    }

    void scalingKeepsPixelCentres() {
        Camera camera;
        camera.width = 1600;
        camera.height = 1200;
        camera.fx = camera.fy = 1400;
        camera.cx = 799.5;
        camera.cy = 599.5;
        const Camera half = camera.scaled(0.5);
        QCOMPARE(half.width, 800);
        QCOMPARE(half.cx, 399.5);
        QCOMPARE(half.fx, 700.0);
    }

    void rasterizerSeesTheNearestSurface() {
        const Camera camera = Camera::lookingAt({0, 0, 5}, {0, 0, 0}, 64, 64, 30);
        std::vector<Eigen::Vector3f> positions = {{-1, -1, 0}, {1, -1, 0}, {0, 1, 0},
                                                  {-1, -1, 1}, {1, -1, 1}, {0, 1, 1}};
        std::vector<Eigen::Vector3i> triangles = {{0, 1, 2}, {3, 4, 5}};
        const RasterImage image = Rasterizer::render(camera, positions, triangles);
        QCOMPARE(image.triangle(32, 32), 1);
        QVERIFY(std::abs(image.depth(32, 32) - 4.f) < 1e-4f);
        QCOMPARE(image.triangle(0, 0), -1);
    }

    void focusPointIsWhereCamerasLook() {
        std::vector<Camera> cameras;
        for (int i = 0; i < 8; ++i) {
            const double a = i * 0.785;
            cameras.push_back(Camera::lookingAt({2 * std::cos(a), 1, 2 * std::sin(a)},
                                                {0.2, 0.1, -0.3}, 64, 48, 40));
        }
        QVERIFY((SubjectIsolator::focusPoint(cameras) - Eigen::Vector3d(0.2, 0.1, -0.3)).norm() <
                1e-6);
    }
};

QTEST_GUILESS_MAIN(TestReconstructGeometry)
#include "ReconstructGeometryTest.moc"
