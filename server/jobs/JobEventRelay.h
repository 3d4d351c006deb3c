// Brings job progress written by workers in other processes
// (`bitmarket-server --worker` on the same database) onto this server's
// EventBus, by watching the jobs table. Changes this process already
// published (in-process workers, requests) are recognised and not repeated,
// so a server may run its own workers and external ones at the same time.
// When a job's status changes, its kind's handler hears of it as it would
// from an in-process worker.
#pragma once

#include "db/Database.h"
#include "db/Poller.h"
#include "events/EventBus.h"
#include "jobs/JobHandlers.h"
#include "jobs/JobQueue.h"

#include <map>
#include <mutex>

namespace bitmarket::server::jobs {

class JobEventRelay {
public:
    struct Options {
        int pollIntervalMs = 500;
        // How far back each look reaches: covers commits landing after the
        // time they were stamped with, and clocks of other machines.
        qint64 windowMs = 10'000;
    };

    JobEventRelay(db::Database& db, EventBus& events, JobQueue& queue, const JobHandlers& handlers);
    JobEventRelay(db::Database& db, EventBus& events, JobQueue& queue, const JobHandlers& handlers,
                  Options options);
    ~JobEventRelay();
    JobEventRelay(const JobEventRelay&) = delete;
    JobEventRelay& operator=(const JobEventRelay&) = delete;

    // Polls on a thread of its own until stop() (or destruction).
    void start();
    void stop();

    // One look at the table; publishes what changed since the last one.
    void pollOnce();

private:
    struct Seen {
        QString status;
        double progress = 0;
        QString stage;
        qint64 revision = 0;
        qint64 updatedAtMs = 0;
    };

    void remember(const DomainEvent& event);

    db::Database& m_db;
    EventBus& m_events;
    JobQueue& m_queue;
    const JobHandlers& m_handlers;
    Options m_options;
    EventBus::SubscriptionId m_subscription = 0;

    std::mutex m_mutex;
    std::map<QString, Seen> m_seen; // by job id
    db::Poller m_poller;
};

} // namespace bitmarket::server::jobs
