// A background job moved: queued, running with some progress and stage, done or failed.
#pragma once

#include "bitmarket/ApiTypes.h"

namespace bitmarket::server {

struct JobProgressed {
    Job job;
    QString ownerId; // the user who asked for the job; empty for the server's own jobs
};

} // namespace bitmarket::server
