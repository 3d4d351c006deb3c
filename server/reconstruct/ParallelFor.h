// Runs a loop body over [0, count) on a fixed number of threads. The engine is
// sized for 2-core machines, so a plain dynamic work queue over std::thread is
// all the scheduling it needs.
#pragma once

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

namespace bitmarket::reconstruct {

template <typename Body> void parallelFor(int count, int threads, Body&& body) {
    const int workers = std::max(1, std::min(threads, count));
    if (workers == 1) {
        for (int i = 0; i < count; ++i) {
            body(i);
        }
        return;
    }
    std::atomic<int> next{0};
    std::vector<std::thread> pool;
    pool.reserve(workers);
    for (int w = 0; w < workers; ++w) {
        pool.emplace_back([&] {
            for (int i = next++; i < count; i = next++) {
                body(i);
            }
        });
    }
    for (auto& thread : pool) {
        thread.join();
    }
}

} // namespace bitmarket::reconstruct
