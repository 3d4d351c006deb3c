// What runs the jobs of one kind. A domain registers a handler for each kind
// of background work it has (a 3D model, an auction close, a payout) in the
// JobHandlers; workers look a claimed job's kind up there and run it.
#pragma once

#include "bitmarket/Result.h"
#include "db/Connection.h"
#include "jobs/JobRecord.h"
#include "jobs/RetryPolicy.h"

#include <QJsonObject>
#include <functional>

namespace bitmarket::server::jobs {

// Reports a running job's progress (0..1) and stage, and keeps its lease.
// Returns false when the job must stop (the worker is shutting down, or it
// lost the job to another worker): run() should then return soon.
using JobProgress = std::function<bool(double progress, const QString& stage)>;

class JobHandler {
public:
    virtual ~JobHandler() = default;

    virtual QString kind() const = 0;
    virtual RetryPolicy retryPolicy() const = 0;

    // Does the work. The result is stored with the finished job; an error
    // fails the attempt, and the retry policy says whether another follows.
    virtual Result<QJsonObject> run(const JobRecord& job, const JobProgress& progress) = 0;

    // Writes that commit together with each status change a worker makes
    // (running, queued again, done, failed); sees the job after the change.
    virtual Result<void> recordStatus(db::Connection&, const JobRecord&) { return {}; }

    // After a status change has committed: the place to tell live viewers.
    // For jobs someone follows (an owner or a listing) it also comes for
    // changes made by worker processes on the same database.
    virtual void statusChanged(const JobRecord&) {}
};

} // namespace bitmarket::server::jobs
