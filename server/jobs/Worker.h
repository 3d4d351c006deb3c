// A job worker: claims jobs from the JobQueue one at a time, keeps their lease
// alive while they run and records how they ended. The same class runs as a
// thread of the server or as the whole of a `bitmarket-server --worker`
// process; any number of workers may share one database.
#pragma once

#include "db/Database.h"
#include "jobs/JobQueue.h"
#include "jobs/ModelJobRunner.h"

#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>

namespace bitmarket::server::jobs {

class Worker {
public:
    struct Options {
        QString workerId;        // empty: "<host>/<pid>/<random>"
        qint64 leaseMs = 60'000; // a worker silent this long is taken for dead
        int idlePollMs = 1000;   // how often an idle worker looks for new jobs
        // Called after the job of a listing changed the listing's model state,
        // for the listing's owner to tell live viewers (see ServerApp).
        std::function<void(const QString& listingId)> listingChanged;
    };

    Worker(db::Database& db, JobQueue& queue, ModelJobRunner& models);
    Worker(db::Database& db, JobQueue& queue, ModelJobRunner& models, Options options);

    // Works until stop(); blocks the calling thread.
    void run();
    // Safe from any thread (not from a signal handler). A running engine is
    // stopped and its job goes back to the queue without losing an attempt.
    void stop();

    // Claims and finishes at most one job; false when none was runnable.
    bool processNext();

    QString workerId() const { return m_options.workerId; }

private:
    void finish(const JobRecord& job, const Result<ModelInfo>& outcome);
    void announce(const QString& listingId);

    db::Database& m_db;
    JobQueue& m_queue;
    ModelJobRunner& m_models;
    Options m_options;

    std::atomic<bool> m_stopping = false;
    std::mutex m_mutex;
    std::condition_variable m_wake;
};

} // namespace bitmarket::server::jobs
