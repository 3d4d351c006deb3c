#include "jobs/JobHandlers.h"

namespace bitmarket::server::jobs {

void JobHandlers::add(JobHandler& handler) {
    m_byKind.insert_or_assign(handler.kind(), &handler);
}

JobHandler* JobHandlers::find(const QString& kind) const {
    const auto it = m_byKind.find(kind);
    return it == m_byKind.end() ? nullptr : it->second;
}

} // namespace bitmarket::server::jobs
