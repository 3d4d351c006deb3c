#include "LoadGenerator.h"

#include <httplib.h>

#include <algorithm>
#include <chrono>
#include <mutex>
#include <thread>
#include <vector>

namespace bitmarket::bench {

double LoadResult::percentileMs(double p) const {
    if (latenciesMs.empty())
        return 0;
    const size_t index =
        std::min(latenciesMs.size() - 1, static_cast<size_t>(p * latenciesMs.size()));
    return latenciesMs[index];
}

void LoadResult::add(const LoadResult& other) {
    failures += other.failures;
    seconds += other.seconds;
    const auto middle = latenciesMs.insert(latenciesMs.end(), other.latenciesMs.begin(),
                                           other.latenciesMs.end());
    std::inplace_merge(latenciesMs.begin(), middle, latenciesMs.end());
}

LoadResult LoadGenerator::run(const PathSource& nextPath) const {
    using Clock = std::chrono::steady_clock;
    std::mutex mutex;
    std::vector<double> latencies;
    long failures = 0;
    const auto deadline = Clock::now() + std::chrono::duration<double>(m_seconds);
    const auto started = Clock::now();
    std::vector<std::thread> threads;
    for (int c = 0; c < m_clients; ++c) {
        threads.emplace_back([&, c] {
            httplib::Client client(m_host, m_port);
            client.set_keep_alive(true);
            client.set_tcp_nodelay(true);
            std::vector<double> mine;
            long myFailures = 0;
            for (long i = 0; Clock::now() < deadline; ++i) {
                const std::string path = nextPath(c, i);
                const auto t0 = Clock::now();
                auto response = client.Get(path);
                const double ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
                if (!response || response->status >= 300)
                    ++myFailures;
                mine.push_back(ms);
            }
            std::lock_guard lock(mutex);
            latencies.insert(latencies.end(), mine.begin(), mine.end());
            failures += myFailures;
        });
    }
    for (auto& t : threads)
        t.join();
    LoadResult r;
    r.seconds = std::chrono::duration<double>(Clock::now() - started).count();
    r.failures = failures;
    std::sort(latencies.begin(), latencies.end());
    r.latenciesMs = std::move(latencies);
    return r;
}

} // namespace bitmarket::bench
