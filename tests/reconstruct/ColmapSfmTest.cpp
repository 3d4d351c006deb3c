// How the engine starts COLMAP: as a program with an argument vector, never a
// shell command line. A scratch folder whose name holds a quote and a `$(...)`
// (the data dir is the self-hoster's to name) reaches COLMAP as one argument,
// and nothing in it runs. A stand-in COLMAP records what it was given.
#include "reconstruct/ColmapSfm.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>
#include <filesystem>

using namespace bitmarket::reconstruct;

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
        script.write("#!/bin/sh\n"
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
        const std::vector<Photo> photos = {Photo{"a.jpg", image, 48, 64, 0}, Photo{"b.jpg", image, 48, 64, 0}};
        std::FILE* quiet = std::fopen("/dev/null", "w");
        ProgressReporter progress(quiet);
        const auto result = sfm.run(photos, progress);
        std::fclose(quiet);
        QVERIFY(!result);
        QVERIFY2(result.error().find("feature extraction") != std::string::npos, result.error().c_str());

        QVERIFY2(!QFile::exists(QDir::current().filePath("pwned")), "a command in the folder name ran");
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
};

QTEST_GUILESS_MAIN(ColmapSfmTest)
#include "ColmapSfmTest.moc"
