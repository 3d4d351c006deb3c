// The contract the media worker relies on: run the CLI on a seller's folder,
// read progress from stdout and report.json afterwards, get a GLB any glTF
// viewer opens. Inputs are small synthetic photo sets so this stays fast.
#include "GltfCheck.h"
#include "SyntheticScene.h"

#include <Eigen/Geometry>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace bitmarket::reconstruct;
using namespace bitmarket::reconstruct::testing;

namespace {

struct CliRun {
    int exitCode = -1;
    QStringList progressLines;
    QJsonObject report;
};

CliRun runCli(const QString& images, const QString& out, const QStringList& extra) {
    QProcess process;
    QStringList args{"--images",  images,
                     "--out",     out + "/model.glb",
                     "--report",  out + "/report.json",
                     "--preview", out + "/preview.png",
                     "--threads", "2"};
    process.start(QStringLiteral(BITMARKET_BIN_DIR) + "/bitmarket-reconstruct", args + extra);
    CliRun run;
    if (!process.waitForFinished(280000)) {
        process.kill();
        return run;
    }
    run.exitCode = process.exitCode();
    run.progressLines =
        QString::fromUtf8(process.readAllStandardOutput()).split('\n', Qt::SkipEmptyParts);
    QFile report(out + "/report.json");
    if (report.open(QIODevice::ReadOnly)) {
        run.report = QJsonDocument::fromJson(report.readAll()).object();
    }
    return run;
}

Camera cameraFromReport(const QJsonObject& c) {
    Camera camera;
    camera.image = c["image"].toString().toStdString();
    camera.width = c["width"].toInt();
    camera.height = c["height"].toInt();
    camera.fx = c["fx"].toDouble();
    camera.fy = c["fy"].toDouble();
    camera.cx = c["cx"].toDouble();
    camera.cy = c["cy"].toDouble();
    const QJsonArray R = c["R"].toArray(), t = c["t"].toArray();
    for (int k = 0; k < 9; ++k) {
        camera.R(k / 3, k % 3) = R[k].toDouble();
    }
    for (int k = 0; k < 3; ++k) {
        camera.t[k] = t[k].toDouble();
    }
    return camera;
}

void checkGlb(const QString& file) {
    const GlbContents glb = GltfCheck::load(file.toStdString());
    QVERIFY2(glb.loaded, glb.error.c_str());
    QVERIFY(glb.indices.size() >= 3 && glb.indices.size() % 3 == 0);
    QVERIFY(glb.hasNormals);
    QVERIFY(glb.hasTexcoords);
    QVERIFY(glb.hasBaseColorTexture);
    QVERIFY(glb.textureWidth > 0);
    // Centred at the origin, normalised to a largest side of 1.
    Eigen::Vector3f lo = Eigen::Vector3f::Constant(1e9f), hi = -lo;
    for (const auto& p : glb.positions) {
        lo = lo.cwiseMin(p);
        hi = hi.cwiseMax(p);
    }
    QVERIFY(((lo + hi) / 2).norm() < 1e-3f);
    QVERIFY(std::abs((hi - lo).maxCoeff() - 1.f) < 1e-3f);

    QString messages;
    const int errors = GltfCheck::validatorErrors(file, &messages);
    if (errors < 0) {
        qInfo("gltf-validator not installed; run scripts/evaluate-reconstruct.sh to install it");
    } else {
        QVERIFY2(errors == 0, qPrintable(messages));
    }
}

} // namespace

class TestReconstructCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void photoSetBecomesTexturedModel() {
        QTemporaryDir dir;
        const QString images = dir.filePath("images"), out = dir.filePath("out");
        QDir().mkpath(out);
        SyntheticSceneSpec spec;
        spec.object = SyntheticObject::Box;
        spec.views = 12;
        spec.width = 400;
        spec.height = 300;
        const SyntheticScene scene(spec);
        const std::vector<SyntheticShot> shots = scene.photograph(images.toStdString());

        const CliRun run = runCli(images, out, {"--quality", "draft"});
        QCOMPARE(run.exitCode, 0);

        // Progress: machine-readable, every stage opened and closed, in range.
        static const QRegularExpression line(R"(^progress [a-z]+ (0|1|0\.\d+)$)");
        for (const QString& l : run.progressLines) {
            QVERIFY2(line.match(l).hasMatch(), qPrintable(l));
        }
        QVERIFY(run.progressLines.contains("progress depth 1"));
        QCOMPARE(run.progressLines.last(), QString("progress export 1"));

        const QJsonObject& report = run.report;
        // When the engine falls back, its warnings say why.
        QVERIFY2(report["quality"].toString() == QLatin1String("full"),
                 QJsonDocument(report["warnings"].toArray()).toJson(QJsonDocument::Compact));
        QCOMPARE(report["images_used"].toInt(), 12);
        QVERIFY(report["images_registered"].toInt() >= 10);
        QVERIFY(report["points"].toInt() > 1000);
        QVERIFY(report["triangles"].toInt() > 1000);
        QVERIFY(report["peak_memory_mb"].toDouble() > 0);
        for (const char* stage : {"load", "sfm", "depth", "fusion", "mesh", "texture", "export"}) {
            QVERIFY2(report["stage_seconds"].toObject().contains(stage), stage);
        }
        const QJsonArray cameras = report["cameras"].toArray();
        QCOMPARE(cameras.size(), report["images_registered"].toInt());
        checkGlb(out + "/model.glb");
        QVERIFY(QFile::exists(out + "/preview.png"));

        // Camera convention: x_cam = R x_glb + t. The registered camera centres
        // must match the true ones up to a similarity, the GLB's +Y must be the
        // table's up, and the GLB origin must project where the item is.
        Eigen::Matrix3Xd glbCentres(3, cameras.size()), trueCentres(3, cameras.size());
        std::vector<Camera> reported;
        for (int i = 0; i < cameras.size(); ++i) {
            reported.push_back(cameraFromReport(cameras[i].toObject()));
            const auto shot = std::find_if(shots.begin(), shots.end(), [&](const SyntheticShot& s) {
                return s.file == reported.back().image;
            });
            QVERIFY(shot != shots.end());
            QCOMPARE(reported.back().width, spec.width);
            QCOMPARE(reported.back().height, spec.height);
            glbCentres.col(i) = reported.back().center();
            trueCentres.col(i) = shot->camera.center();
        }
        const Eigen::Matrix4d similarity = Eigen::umeyama(glbCentres, trueCentres, true);
        const double s = similarity.block<3, 1>(0, 0).norm();
        const Eigen::Matrix3d rotation = similarity.block<3, 3>(0, 0) / s;
        double worst = 0;
        for (int i = 0; i < cameras.size(); ++i) {
            const Eigen::Vector3d mapped =
                similarity.block<3, 3>(0, 0) * glbCentres.col(i) + similarity.block<3, 1>(0, 3);
            worst = std::max(worst, (mapped - trueCentres.col(i)).norm());
        }
        const double objectSize = (scene.objectMax() - scene.objectMin()).norm();
        QVERIFY2(worst < 0.05 * objectSize, qPrintable(QString::number(worst)));
        QVERIFY((rotation * Eigen::Vector3d::UnitY()).dot(Eigen::Vector3d::UnitY()) > 0.985);
        const Eigen::Vector3d itemCentre = (scene.objectMin() + scene.objectMax()) / 2;
        for (std::size_t i = 0; i < reported.size(); ++i) {
            const Eigen::Vector2d p =
                reported[i].project(reported[i].toCamera(Eigen::Vector3d::Zero()));
            const auto shot = std::find_if(shots.begin(), shots.end(), [&](const SyntheticShot& s) {
                return s.file == reported[i].image;
            });
            const Eigen::Vector2d q = shot->camera.project(shot->camera.toCamera(itemCentre));
            QVERIFY2(
                (p - q).norm() < 0.08 * spec.width,
                qPrintable(
                    QString("%1: %2 px off").arg(reported[i].image.c_str()).arg((p - q).norm())));
        }
    }

    void tooFewPhotosGiveApproximateModel() {
        QTemporaryDir dir;
        const QString images = dir.filePath("images"), out = dir.filePath("out");
        QDir().mkpath(out);
        SyntheticSceneSpec spec;
        spec.object = SyntheticObject::Vase;
        spec.views = 2;
        spec.width = 320;
        spec.height = 240;
        spec.withTable = false;
        SyntheticScene(spec).photograph(images.toStdString());

        const CliRun run = runCli(images, out, {});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.report["quality"].toString(), QString("approximate"));
        QVERIFY(!run.report["warnings"].toArray().isEmpty());
        QCOMPARE(run.report["cameras"].toArray().size(), 1);
        QVERIFY(run.progressLines.contains("progress approximate 1"));
        const Camera camera = cameraFromReport(run.report["cameras"].toArray()[0].toObject());
        QCOMPARE(camera.width, 320);
        // The approximate model faces the photo it came from: the origin is in view.
        const Eigen::Vector2d centre = camera.project(camera.toCamera(Eigen::Vector3d::Zero()));
        QVERIFY(centre.x() > 0 && centre.x() < 320 && centre.y() > 0 && centre.y() < 240);
        checkGlb(out + "/model.glb");
    }

    void unusableInputIsReported() {
        QTemporaryDir dir;
        const QString out = dir.filePath("out");
        QDir().mkpath(dir.filePath("empty"));
        QDir().mkpath(out);
        const CliRun empty = runCli(dir.filePath("empty"), out, {});
        QCOMPARE(empty.exitCode, 2);
        QCOMPARE(empty.report["quality"].toString(), QString("failed"));
        QVERIFY(!empty.report["warnings"].toArray().isEmpty());

        const CliRun badQuality = runCli(dir.filePath("empty"), out, {"--quality", "ultra"});
        QCOMPARE(badQuality.exitCode, 1);
    }
};

QTEST_GUILESS_MAIN(TestReconstructCli)
#include "ReconstructCliTest.moc"
