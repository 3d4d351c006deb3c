// How a 3D model being made is told to its seller: the step in plain words
// (the engine's stage names, "sfm", are its own) and, once the work has moved
// on for a while, how long is left at the pace it has kept since it started.
#pragma once

#include <QCoreApplication>
#include <QString>

class ModelProgress {
    Q_DECLARE_TR_FUNCTIONS(ModelProgress)

public:
    // The steps the engine goes through, in order (load, sfm, ... export).
    static constexpr int kSteps = 7;

    // A progress report: the job's stage and how far the whole job is (0..1).
    void update(const QString& stage, double progress, qint64 nowMs);
    void reset();

    double progress() const { return m_progress; }
    // 1..kSteps while the engine works, 0 while the job waits.
    int step() const;
    // "Step 2 of 7: finding where each photo was taken", "Waiting for its turn".
    QString stepText() const;
    // "about 4 min left" once the pace is known, empty before.
    QString timeLeftText(qint64 nowMs) const;

private:
    QString m_stage;
    double m_progress = 0;
    // Where the pace is measured from: the first report of the engine at work.
    qint64 m_startedAtMs = -1;
    double m_startProgress = 0;
};
