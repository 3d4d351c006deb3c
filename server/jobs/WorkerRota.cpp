#include "jobs/WorkerRota.h"

namespace bitmarket::server::jobs {

WorkerRota::WorkerRota(std::vector<Worker*> workers) : m_workers(std::move(workers)) {
}

void WorkerRota::wakeOne() {
    if (m_workers.empty())
        return;
    const size_t first = m_next.fetch_add(1, std::memory_order_relaxed);
    for (size_t i = 0; i < m_workers.size(); ++i) {
        if (m_workers[(first + i) % m_workers.size()]->wakeIfWaiting())
            return;
    }
    m_workers[first % m_workers.size()]->wake();
}

} // namespace bitmarket::server::jobs
