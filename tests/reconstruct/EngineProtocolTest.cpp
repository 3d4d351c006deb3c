// The worker and the engine speak one protocol (reconstruct/EngineProtocol.h):
// its stage table maps every stage to a step, its parser is the one the
// worker reads the engine's stdout with, and the real engine's output, exit
// codes and report keys are exactly the protocol's.
#include "SyntheticScene.h"
#include "reconstruct/EngineProtocol.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace bitmarket::reconstruct;
using namespace bitmarket::reconstruct::testing;

namespace {

QString text(std::string_view s) {
    return QString::fromLatin1(s.data(), qsizetype(s.size()));
}

struct EngineRun {
    int exitCode = -1;
    QList<QByteArray> lines;
    QJsonObject report;
};

EngineRun runEngine(const QStringList& arguments, const QString& reportPath) {
    QProcess process;
    process.start(QStringLiteral(BITMARKET_BIN_DIR "/") + text(protocol::kProgram), arguments);
    EngineRun run;
    if (!process.waitForFinished(120000)) {
        process.kill();
        return run;
    }
    run.exitCode = process.exitCode();
    run.lines = process.readAllStandardOutput().split('\n');
    run.lines.removeAll(QByteArray());
    QFile report(reportPath);
    if (report.open(QIODevice::ReadOnly)) {
        run.report = QJsonDocument::fromJson(report.readAll()).object();
    }
    return run;
}

QSet<QString> reportKeys() {
    QSet<QString> keys;
    for (const std::string_view key : protocol::report::kAll) {
        keys.insert(text(key));
    }
    return keys;
}

} // namespace

class TestEngineProtocol : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyStageHasOneNameAndAStep() {
        QSet<QString> names;
        QSet<int> fullPathSteps;
        int previousStep = 0;
        for (const protocol::StageInfo& info : protocol::kStages) {
            QVERIFY2(!names.contains(text(info.name)), info.name.data());
            names.insert(text(info.name));
            QCOMPARE(protocol::stageNamed(info.name), std::optional(info.stage));
            QCOMPARE(protocol::stageName(info.stage), info.name);
            QVERIFY(info.step >= previousStep && info.step < protocol::kStepCount);
            previousStep = info.step;
            if (info.stage != protocol::Stage::Approximate) {
                fullPathSteps.insert(info.step);
            }
        }
        // A full run takes every step once; the fallback stands just before export.
        QCOMPARE(fullPathSteps.size(), protocol::kStepCount);
        QCOMPARE(protocol::stageInfo(protocol::Stage::Approximate).step + 1,
                 protocol::stageInfo(protocol::Stage::Export).step);
        QCOMPARE(protocol::overallProgress(protocol::Stage::Load, 0), 0.0);
        QCOMPARE(protocol::overallProgress(protocol::Stage::Export, 1), 1.0);
        QVERIFY(protocol::overallProgress(protocol::Stage::Approximate, 0) >
                protocol::overallProgress(protocol::Stage::Load, 1));
    }

    void progressLinesParse_data() {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("stage");
        QTest::addColumn<double>("fraction");
        QTest::newRow("start") << QByteArray("progress load 0") << true << "load" << 0.0;
        QTest::newRow("within") << QByteArray("progress sfm 0.25") << true << "sfm" << 0.25;
        QTest::newRow("end") << QByteArray("progress export 1") << true << "export" << 1.0;
        QTest::newRow("unknown stage") << QByteArray("progress warp 0.5") << false << "" << 0.0;
        QTest::newRow("no fraction") << QByteArray("progress sfm") << false << "" << 0.0;
        QTest::newRow("past one") << QByteArray("progress sfm 1.5") << false << "" << 0.0;
        QTest::newRow("negative") << QByteArray("progress sfm -0.1") << false << "" << 0.0;
        QTest::newRow("extra word") << QByteArray("progress sfm 0.5 x") << false << "" << 0.0;
        QTest::newRow("other word") << QByteArray("Progress sfm 0.5") << false << "" << 0.0;
        QTest::newRow("diagnostic") << QByteArray("colmap: 3 images") << false << "" << 0.0;
        QTest::newRow("empty") << QByteArray() << false << "" << 0.0;
    }
    void progressLinesParse() {
        QFETCH(QByteArray, line);
        QFETCH(bool, valid);
        const auto parsed =
            protocol::parseProgressLine(std::string_view(line.constData(), line.size()));
        QCOMPARE(parsed.has_value(), valid);
        if (valid) {
            QFETCH(QString, stage);
            QFETCH(double, fraction);
            QCOMPARE(text(protocol::stageName(parsed->stage)), stage);
            QCOMPARE(parsed->fraction, fraction);
        }
    }

    void engineSpeaksTheProtocol() {
        QTemporaryDir dir;
        const QString images = dir.filePath("images"), out = dir.filePath("out");
        QDir().mkpath(out);
        SyntheticSceneSpec spec;
        spec.object = SyntheticObject::Vase;
        spec.views = 2; // too few for the full path: load, approximate, export
        spec.width = 320;
        spec.height = 240;
        spec.withTable = false;
        SyntheticScene(spec).photograph(images.toStdString());
        namespace flag = protocol::flag;
        const QString report = out + "/report.json";
        const EngineRun run = runEngine(
            {text(flag::kImages), images, text(flag::kOut), out + "/model.glb", text(flag::kReport),
             report, text(flag::kPreview), out + "/preview.png", text(flag::kThreads), "2"},
            report);
        QCOMPARE(run.exitCode, int(protocol::ExitCode::ModelWritten));

        // Every line is progress the worker's parser reads; stages come in the
        // protocol's order, each from 0 to 1.
        QVERIFY(!run.lines.isEmpty());
        std::optional<protocol::Stage> current;
        QStringList stages;
        for (const QByteArray& line : run.lines) {
            const auto progress =
                protocol::parseProgressLine(std::string_view(line.constData(), line.size()));
            QVERIFY2(progress, line.constData());
            if (progress->stage != current) {
                QVERIFY2(!current || progress->stage > *current, line.constData());
                QCOMPARE(progress->fraction, 0.0);
                current = progress->stage;
                stages << text(protocol::stageName(progress->stage));
            } else if (progress->fraction == 1.0) {
                stages.last() += "!";
            }
        }
        QCOMPARE(stages, QStringList({"load!", "approximate!", "export!"}));

        // The report has the protocol's keys, and only those.
        const QStringList written = run.report.keys();
        QCOMPARE(QSet<QString>(written.begin(), written.end()), reportKeys());
        QCOMPARE(run.report[text(protocol::report::kQuality)].toString(),
                 text(protocol::quality::kApproximate));
        for (const QString& stage :
             run.report[text(protocol::report::kStageSeconds)].toObject().keys()) {
            QVERIFY2(protocol::stageNamed(stage.toStdString()), qPrintable(stage));
        }
    }

    void engineExitCodesAreTheProtocols() {
        QTemporaryDir dir;
        QDir().mkpath(dir.filePath("empty"));
        namespace flag = protocol::flag;
        const QString report = dir.filePath("report.json");
        const QStringList base{text(flag::kImages),       dir.filePath("empty"), text(flag::kOut),
                               dir.filePath("model.glb"), text(flag::kReport),   report};

        const EngineRun nothing = runEngine(base, report);
        QCOMPARE(nothing.exitCode, int(protocol::ExitCode::NoModel));
        QCOMPARE(nothing.report[text(protocol::report::kQuality)].toString(),
                 text(protocol::quality::kFailed));
        const QStringList written = nothing.report.keys();
        QCOMPARE(QSet<QString>(written.begin(), written.end()), reportKeys());

        QCOMPARE(runEngine(base + QStringList{"--shape", "round"}, report).exitCode,
                 int(protocol::ExitCode::BadArguments));
        QCOMPARE(runEngine({text(flag::kOut), dir.filePath("model.glb")}, report).exitCode,
                 int(protocol::ExitCode::BadArguments));
    }
};

QTEST_GUILESS_MAIN(TestEngineProtocol)
#include "EngineProtocolTest.moc"
