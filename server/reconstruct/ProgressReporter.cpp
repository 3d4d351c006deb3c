#include "reconstruct/ProgressReporter.h"

#include <algorithm>

namespace bitmarket::reconstruct {

void ProgressReporter::beginStage(const std::string& stage) {
    std::lock_guard lock(m_mutex);
    m_stage = stage;
    m_started = Clock::now();
    m_lastFraction = -1;
    if (m_stream) {
        std::fprintf(m_stream, "progress %s 0\n", stage.c_str());
        std::fflush(m_stream);
    }
}

void ProgressReporter::advance(double fraction) {
    std::lock_guard lock(m_mutex);
    // 1 is said once, by endStage, so readers can treat it as "stage done".
    fraction = std::clamp(fraction, 0.0, 0.99);
    // Workers push each line to browsers; a percent step is plenty.
    if (fraction - m_lastFraction < 0.01) {
        return;
    }
    m_lastFraction = fraction;
    if (m_stream) {
        std::fprintf(m_stream, "progress %s %.2f\n", m_stage.c_str(), fraction);
        std::fflush(m_stream);
    }
}

void ProgressReporter::endStage() {
    std::lock_guard lock(m_mutex);
    const double seconds = std::chrono::duration<double>(Clock::now() - m_started).count();
    m_seconds.emplace_back(m_stage, seconds);
    if (m_stream) {
        std::fprintf(m_stream, "progress %s 1\n", m_stage.c_str());
        std::fflush(m_stream);
    }
}

double ProgressReporter::totalSeconds() const {
    double total = 0;
    for (const auto& [stage, seconds] : m_seconds) {
        total += seconds;
    }
    return total;
}

} // namespace bitmarket::reconstruct
