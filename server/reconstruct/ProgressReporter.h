// Stage timing and the live progress stream the model worker reads from our
// stdout ("progress <stage> <fraction>", see EngineProtocol.h).
#pragma once

#include "reconstruct/EngineProtocol.h"

#include <chrono>
#include <cstdio>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace bitmarket::reconstruct {

class ProgressReporter {
public:
    explicit ProgressReporter(std::FILE* stream = stdout) : m_stream(stream) {}

    void beginStage(protocol::Stage stage);
    void advance(double fraction); // within the current stage, 0..1
    void endStage();

    const std::vector<std::pair<std::string, double>>& stageSeconds() const { return m_seconds; }
    double totalSeconds() const;

private:
    void print(const char* fraction) const;

    using Clock = std::chrono::steady_clock;
    std::FILE* m_stream;
    std::mutex m_mutex;
    protocol::Stage m_stage = protocol::Stage::Load;
    Clock::time_point m_started;
    double m_lastFraction = -1;
    std::vector<std::pair<std::string, double>> m_seconds;
};

} // namespace bitmarket::reconstruct
