// The handlers of this server by job kind. Filled while the server is wired
// up, read-only afterwards, so workers on any thread may look kinds up.
#pragma once

#include "jobs/JobHandler.h"

#include <map>

namespace bitmarket::server::jobs {

class JobHandlers {
public:
    // The handler must outlive the registry; one handler per kind.
    void add(JobHandler& handler);
    // nullptr when this server has no handler for the kind.
    JobHandler* find(const QString& kind) const;

private:
    std::map<QString, JobHandler*> m_byKind;
};

} // namespace bitmarket::server::jobs
