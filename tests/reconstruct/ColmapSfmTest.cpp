// How the engine starts COLMAP: as a program with an argument vector, never a
// shell command line. A scratch folder whose name holds a quote and a `$(...)`
// (the data dir is the self-hoster's to name) reaches COLMAP as one argument,
// and nothing in it runs. A stand-in COLMAP records what it was given.
// And, with the real COLMAP, that where a photo is placed does not depend on
// where its file comes in the folder.
#include "reconstruct/ColmapSfm.h"

#include "SyntheticScene.h"
#include "reconstruct/PhotoLoader.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>
#include <sqlite3.h>

using namespace bitmarket::reconstruct;

namespace {

// The photo pairs COLMAP verified (an epipolar geometry with 15 or more
// inlier matches), by file name, each pair sorted.
std::set<std::pair<std::string, std::string>> verifiedPairs(const std::filesystem::path& database) {
    std::set<std::pair<std::string, std::string>> pairs;
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(database.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        sqlite3_close(db);
        return pairs;
    }
    std::map<long, std::string> names;
    sqlite3_stmt* statement = nullptr;
    sqlite3_prepare_v2(db, "SELECT image_id, name FROM images", -1, &statement, nullptr);
    while (sqlite3_step(statement) == SQLITE_ROW) {
        names[long(sqlite3_column_int64(statement, 0))] =
            std::filesystem::path(reinterpret_cast<const char*>(sqlite3_column_text(statement, 1)))
                .filename();
    }
    sqlite3_finalize(statement);
    // COLMAP's pair id: image_id1 * 2147483647 + image_id2 with image_id1 < image_id2.
    sqlite3_prepare_v2(db,
                       "SELECT pair_id FROM two_view_geometries WHERE rows >= 15 AND config >= 2",
                       -1, &statement, nullptr);
    while (sqlite3_step(statement) == SQLITE_ROW) {
        const sqlite3_int64 id = sqlite3_column_int64(statement, 0);
        const auto pair = std::minmax(names[long(id / 2147483647)], names[long(id % 2147483647)]);
        pairs.emplace(pair.first, pair.second);
    }
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return pairs;
}

} // namespace

class ColmapSfmTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void colmapGetsItsArgumentsWithoutAShell() {
        QTemporaryDir root;
        QDir::setCurrent(root.path()); // where a shell would run the folder name's command
        QVERIFY(root.isValid());
        const QString colmap = root.filePath("fake-colmap");
        QFile script(colmap);
        QVERIFY(script.open(QIODevice::WriteOnly));
        // One argument per line, then the display setting it runs with; fails like a
        // COLMAP that found nothing, so the engine stops after the first step.
        script.write(
            "#!/bin/sh\n"
            "for a in \"$@\"; do printf '%s\\n' \"$a\"; done > \"$(dirname \"$0\")/arguments\"\n"
            "echo \"QT_QPA_PLATFORM=$QT_QPA_PLATFORM\" >> \"$(dirname \"$0\")/arguments\"\n"
            "echo 'colmap: no features' >&2\n"
            "exit 1\n");
        script.close();
        QVERIFY(script.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));

        const QString hostile = root.filePath("x'$(touch pwned)'y");
        QVERIFY(QDir().mkpath(hostile));
        ReconstructionOptions options;
        options.colmapBinary = colmap.toStdString();
        const ColmapSfm sfm(options, std::filesystem::path(hostile.toStdString()));
        const cv::Mat image(64, 48, CV_8UC3, cv::Scalar(40, 90, 200));
        const std::vector<Photo> photos = {Photo{"a.jpg", image, 48, 64, 0},
                                           Photo{"b.jpg", image, 48, 64, 0}};
        std::FILE* quiet = std::fopen("/dev/null", "w");
        ProgressReporter progress(quiet);
        const auto result = sfm.run(photos, progress);
        std::fclose(quiet);
        QVERIFY(!result);
        QVERIFY2(result.error().find("feature extraction") != std::string::npos,
                 result.error().c_str());

        QVERIFY2(!QFile::exists(QDir::current().filePath("pwned")),
                 "a command in the folder name ran");
        QFile recorded(root.filePath("arguments"));
        QVERIFY2(recorded.open(QIODevice::ReadOnly), "the stand-in COLMAP never ran");
        const QStringList arguments = QString::fromUtf8(recorded.readAll()).split('\n');
        QCOMPARE(arguments.value(0), QStringLiteral("feature_extractor"));
        QCOMPARE(arguments.value(1), QStringLiteral("--database_path"));
        QCOMPARE(arguments.value(2), hostile + "/database.db");
        QVERIFY(arguments.contains(hostile + "/images"));
        QVERIFY(arguments.contains("QT_QPA_PLATFORM=offscreen"));
        // COLMAP's own output went to its log in the scratch folder.
        QFile log(hostile + "/colmap.log");
        QVERIFY(log.open(QIODevice::ReadOnly));
        QVERIFY(log.readAll().contains("colmap: no features"));
    }

    // 48 small photos of a box on a table, two rings round it, saved in a
    // shuffled order: every photo is placed, and each is matched with the
    // photo nearest to it round the item wherever their files are in the
    // folder (matching each file with the next few files misses most of
    // those pairs, so the loop round the item does not close).
    void shuffledRingIsPlacedAndItsNeighboursMatched() {
        using namespace bitmarket::reconstruct::testing;
        SyntheticSceneSpec spec;
        spec.object = SyntheticObject::Box;
        spec.views = 48;
        spec.width = 480;
        spec.height = 360;
        spec.fileOrder = shuffledOrder(spec.views, 3);
        QTemporaryDir root;
        QVERIFY(root.isValid());
        const std::filesystem::path folder = root.filePath("photos").toStdString();
        const std::vector<SyntheticShot> shots = SyntheticScene(spec).photograph(folder);
        auto photos = PhotoLoader(1600).loadFolder(folder);
        QVERIFY2(photos, photos ? "" : photos.error().c_str());
        QCOMPARE(int(photos->size()), spec.views);

        const std::filesystem::path work = root.filePath("work").toStdString();
        std::filesystem::create_directories(work);
        std::FILE* quiet = std::fopen("/dev/null", "w");
        ProgressReporter progress(quiet);
        const auto model = ColmapSfm(ReconstructionOptions::forQuality(Quality::Draft), work)
                               .run(photos.value(), progress);
        std::fclose(quiet);
        QVERIFY2(model, model ? "" : model.error().c_str());
        QCOMPARE(int(model->views.size()), spec.views);

        const std::set<std::pair<std::string, std::string>> matched =
            verifiedPairs(work / "database.db");
        QStringList missing;
        for (const SyntheticShot& shot : shots) {
            const SyntheticShot* nearest = nullptr;
            for (const SyntheticShot& other : shots) {
                if (&other != &shot &&
                    (!nearest || (other.camera.center() - shot.camera.center()).norm() <
                                     (nearest->camera.center() - shot.camera.center()).norm())) {
                    nearest = &other;
                }
            }
            const auto pair = std::minmax(shot.file, nearest->file);
            if (!matched.count({pair.first, pair.second})) {
                missing << QString::fromStdString(shot.file + "-" + nearest->file);
            }
        }
        QVERIFY2(missing.isEmpty(), qPrintable("not matched: " + missing.join(", ")));
    }
};

QTEST_GUILESS_MAIN(ColmapSfmTest)
#include "ColmapSfmTest.moc"
