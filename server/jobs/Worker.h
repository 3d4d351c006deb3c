// A job worker: claims jobs from the JobQueue one at a time, runs each with
// the handler registered for its kind, keeps its lease alive while it runs
// and records how it ended under the handler's retry policy. The same class
// runs as a thread of the server or as the whole of a
// `bitmarket-server --worker` process; any number of workers may share one
// database.
#pragma once

#include "jobs/JobHandlers.h"
#include "jobs/JobQueue.h"

#include <atomic>
#include <condition_variable>
#include <mutex>

namespace bitmarket::server::jobs {

class Worker {
public:
    struct Options {
        QString workerId;        // empty: "<host>/<pid>/<random>"
        qint64 leaseMs = 60'000; // a worker silent this long is taken for dead
        int idlePollMs = 1000;   // how often an idle worker looks for new jobs
        JobQueue::Kinds kinds;   // the kinds of job it takes (default: every kind)
    };

    Worker(JobQueue& queue, const JobHandlers& handlers);
    Worker(JobQueue& queue, const JobHandlers& handlers, Options options);

    // Works until stop(); blocks the calling thread.
    void run();
    // Safe from any thread (not from a signal handler). A running job is asked
    // to stop and goes back to the queue without losing an attempt.
    void stop();

    // Looks for a job at once instead of at the next poll (one was just queued); a wake that
    // comes while a job runs is kept for after it. Safe from any thread.
    void wake();
    // Wakes it only when it is waiting for work: false while it runs a job or was woken
    // already. Safe from any thread.
    bool wakeIfWaiting();

    // Claims and finishes at most one job; false when none was runnable.
    bool processNext();

    QString workerId() const { return m_options.workerId; }

private:
    void finish(const JobRecord& job, JobHandler* handler, const RetryPolicy& policy,
                const Result<QJsonObject>& outcome);

    JobQueue& m_queue;
    const JobHandlers& m_handlers;
    Options m_options;

    std::atomic<bool> m_stopping = false;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_woken = false;   // guarded by m_mutex
    bool m_waiting = false; // guarded by m_mutex: it sleeps until woken or the next poll
};

} // namespace bitmarket::server::jobs
