#include "listings/ModelProgress.h"

#include <QStringList>
#include <cmath>

namespace {
// The engine's stages in the order it runs them; "approximate" stands in for
// "texture" when the photos give no full model.
const QStringList kStages{"load", "sfm", "depth", "fusion", "mesh", "texture", "export"};

// The pace is a guess until the work has gone on this long and this far.
constexpr qint64 kPaceAfterMs = 15'000;
constexpr double kPaceAfterProgress = 0.03;
} // namespace

void ModelProgress::update(const QString& stage, double progress, qint64 nowMs) {
    m_stage = stage;
    m_progress = progress;
    if (step() == 0) {
        m_startedAtMs = -1;
        return;
    }
    if (m_startedAtMs < 0) {
        m_startedAtMs = nowMs;
        m_startProgress = progress;
    }
}

void ModelProgress::reset() {
    *this = ModelProgress();
}

int ModelProgress::step() const {
    if (m_stage == QLatin1String("approximate"))
        return int(kStages.indexOf(QStringLiteral("texture"))) + 1;
    return int(kStages.indexOf(m_stage)) + 1;
}

QString ModelProgress::stepText() const {
    const auto atStep = [this](const QString& what) {
        return tr("Step %1 of %2: %3").arg(step()).arg(kSteps).arg(what);
    };
    if (m_stage == QLatin1String("load"))
        return atStep(tr("reading your photos"));
    if (m_stage == QLatin1String("sfm"))
        return atStep(tr("finding where each photo was taken"));
    if (m_stage == QLatin1String("depth"))
        return atStep(tr("measuring how far each point is"));
    if (m_stage == QLatin1String("fusion"))
        return atStep(tr("joining the views into one shape"));
    if (m_stage == QLatin1String("mesh"))
        return atStep(tr("building the surface"));
    if (m_stage == QLatin1String("texture"))
        return atStep(tr("painting it from your photos"));
    if (m_stage == QLatin1String("approximate"))
        return atStep(tr("making an approximate model from the photos"));
    if (m_stage == QLatin1String("export"))
        return atStep(tr("saving the model"));
    if (m_stage == QLatin1String("waiting to retry"))
        return tr("Something went wrong; trying again shortly");
    if (m_stage == QLatin1String("starting"))
        return tr("Starting");
    return tr("Waiting for its turn");
}

QString ModelProgress::timeLeftText(qint64 nowMs) const {
    if (m_startedAtMs < 0)
        return {};
    const qint64 elapsedMs = nowMs - m_startedAtMs;
    const double done = m_progress - m_startProgress;
    if (elapsedMs < kPaceAfterMs || done < kPaceAfterProgress || m_progress >= 1)
        return {};
    const double leftMinutes = (1 - m_progress) * double(elapsedMs) / done / 60'000.0;
    if (leftMinutes < 1)
        return tr("less than a minute left");
    if (leftMinutes < 90)
        return tr("about %n min left", nullptr, int(std::lround(leftMinutes)));
    return tr("about %n h left", nullptr, int(std::lround(leftMinutes / 60)));
}
