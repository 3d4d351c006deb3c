// How the making of a 3D model reads to its seller: steps in plain words, never
// the engine's stage names, and a time left once the pace is known.
#include "listings/ModelProgress.h"

#include <QTest>
#include <QTranslator>

class ModelProgressTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QVERIFY(m_english.load(":/i18n/bitmarket_en.qm"));
        QCoreApplication::installTranslator(&m_english);
    }

    void waitingJobHasNoStepAndNoEstimate() {
        ModelProgress p;
        p.update("queued", 0, 1'000);
        QCOMPARE(p.step(), 0);
        QCOMPARE(p.stepText(), QString("Waiting for its turn"));
        QCOMPARE(p.timeLeftText(600'000), QString());
        p.update("waiting to retry", 0.2, 2'000);
        QCOMPARE(p.stepText(), QString("Something went wrong; trying again shortly"));
    }

    void stagesReadAsSteps() {
        ModelProgress p;
        p.update("sfm", 0.15, 0);
        QCOMPARE(p.stepText(), QString("Step 2 of 7: finding where each photo was taken"));
        p.update("approximate", 0.8, 1);
        QCOMPARE(p.stepText(), QString("Step 6 of 7: making an approximate model from the photos"));
        for (const char* stage : {"load", "sfm", "depth", "fusion", "mesh", "texture", "export"}) {
            p.update(stage, 0.5, 2);
            QVERIFY2(!p.stepText().contains(QLatin1String(stage)), stage);
            QVERIFY(p.step() >= 1 && p.step() <= ModelProgress::kSteps);
        }
    }

    void timeLeftFollowsThePaceSinceTheEngineStarted() {
        ModelProgress p;
        p.update("queued", 0, 0);
        p.update("load", 0.05, 10'000);
        // Too early for a pace: no number made up.
        p.update("sfm", 0.07, 20'000);
        QCOMPARE(p.timeLeftText(20'000), QString());
        // 0.30 in a minute since the start: 0.65 left is about two minutes.
        p.update("depth", 0.35, 70'000);
        QCOMPARE(p.timeLeftText(70'000), QString("about 2 min left"));
        p.update("export", 0.99, 140'000);
        QCOMPARE(p.timeLeftText(140'000), QString("less than a minute left"));
        // A slow start: 0.04 in twenty minutes leaves hours.
        ModelProgress slow;
        slow.update("load", 0, 0);
        slow.update("sfm", 0.04, 1'200'000);
        QCOMPARE(slow.timeLeftText(1'200'000), QString("about 8 h left"));
    }

    void aRetryStartsThePaceAgain() {
        ModelProgress p;
        p.update("load", 0.0, 0);
        p.update("sfm", 0.2, 60'000);
        p.update("waiting to retry", 0.2, 61'000);
        QCOMPARE(p.timeLeftText(61'000), QString());
        p.update("load", 0.2, 300'000);
        p.update("sfm", 0.25, 310'000);
        QCOMPARE(p.timeLeftText(310'000), QString());
    }

private:
    QTranslator m_english;
};

QTEST_GUILESS_MAIN(ModelProgressTest)
#include "ModelProgressTest.moc"
