#include "reconstruct/ProgressReporter.h"

#include <algorithm>

namespace bitmarket::reconstruct {

void ProgressReporter::print(const char* fraction) const {
    if (m_stream) {
        const std::string_view stage = protocol::stageName(m_stage);
        std::fprintf(m_stream, "%.*s %.*s %s\n", int(protocol::kProgressWord.size()),
                     protocol::kProgressWord.data(), int(stage.size()), stage.data(), fraction);
        std::fflush(m_stream);
    }
}

void ProgressReporter::beginStage(protocol::Stage stage) {
    std::lock_guard lock(m_mutex);
    m_stage = stage;
    m_started = Clock::now();
    m_lastFraction = -1;
    print("0");
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
    char text[8];
    std::snprintf(text, sizeof text, "%.2f", fraction);
    print(text);
}

void ProgressReporter::endStage() {
    std::lock_guard lock(m_mutex);
    const double seconds = std::chrono::duration<double>(Clock::now() - m_started).count();
    m_seconds.emplace_back(protocol::stageName(m_stage), seconds);
    print("1");
}

double ProgressReporter::totalSeconds() const {
    double total = 0;
    for (const auto& [stage, seconds] : m_seconds) {
        total += seconds;
    }
    return total;
}

} // namespace bitmarket::reconstruct
