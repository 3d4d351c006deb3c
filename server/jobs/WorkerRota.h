// Workers that share one kind of job, woken one at a time: each job queued wakes a single
// waiting worker instead of all of them, so a burst of jobs costs one claim per job rather
// than one per job and worker.
#pragma once

#include "jobs/Worker.h"

#include <atomic>
#include <vector>

namespace bitmarket::server::jobs {

class WorkerRota {
public:
    explicit WorkerRota(std::vector<Worker*> workers);

    // One job was queued: the next waiting worker looks for it. When every worker is busy, the
    // next in turn looks again as soon as its job is done. Safe from any thread.
    void wakeOne();

private:
    std::vector<Worker*> m_workers;
    std::atomic<size_t> m_next = 0;
};

} // namespace bitmarket::server::jobs
