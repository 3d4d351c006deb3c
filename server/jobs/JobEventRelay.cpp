#include "jobs/JobEventRelay.h"

#include <vector>

namespace bitmarket::server::jobs {

JobEventRelay::JobEventRelay(db::Database& db, EventBus& events, JobQueue& queue,
                             const JobHandlers& handlers)
    : JobEventRelay(db, events, queue, handlers, Options{}) {
}

JobEventRelay::JobEventRelay(db::Database& db, EventBus& events, JobQueue& queue,
                             const JobHandlers& handlers, Options options)
    : m_db(db), m_events(events), m_queue(queue), m_handlers(handlers),
      m_options(std::move(options)),
      m_poller(std::chrono::milliseconds(m_options.pollIntervalMs), [this] { pollOnce(); }) {
    m_subscription = m_events.subscribe([this](const DomainEvent& e) { remember(e); });
}

JobEventRelay::~JobEventRelay() {
    stop();
    m_events.unsubscribe(m_subscription);
}

void JobEventRelay::start() { m_poller.start(); }

void JobEventRelay::stop() { m_poller.stop(); }

// Every job progress published in this process, by anyone, is what live
// clients already know about that job.
void JobEventRelay::remember(const DomainEvent& e) {
    const auto* progressed = std::get_if<JobProgressed>(&e);
    if (!progressed)
        return;
    std::lock_guard lock(m_mutex);
    Seen& seen = m_seen[progressed->job.id];
    seen.status = progressed->job.status;
    seen.progress = progressed->job.progress;
    seen.stage = progressed->job.stage;
}

void JobEventRelay::pollOnce() {
    struct Change {
        QString jobId;
        qint64 revision;
        qint64 updatedAtMs;
    };
    const qint64 since = m_queue.now() - m_options.windowMs;
    auto changed = m_db.read([&](db::Connection& c) -> Result<std::vector<Change>> {
        auto q = c.query("SELECT id, revision, updated_at FROM jobs WHERE updated_at >= ?1");
        q.bind(since);
        std::vector<Change> rows;
        while (q.next())
            rows.push_back(Change{q.text(0), q.integer(1), q.integer(2)});
        return rows;
    });
    if (!changed)
        return;

    for (const Change& change : *changed) {
        QString previousStatus;
        {
            std::lock_guard lock(m_mutex);
            auto it = m_seen.find(change.jobId);
            if (it != m_seen.end() && it->second.revision == change.revision)
                continue;
            if (it != m_seen.end())
                previousStatus = it->second.status;
        }
        auto record = m_queue.get(change.jobId);
        if (!record)
            continue;
        const Job& job = record->job;
        bool publish = false;
        {
            std::lock_guard lock(m_mutex);
            Seen& seen = m_seen[change.jobId];
            publish = seen.status != job.status || seen.progress != job.progress ||
                      seen.stage != job.stage;
            seen.revision = record->revision;
            seen.updatedAtMs = job.updatedAtMs;
        }
        // A job nobody follows (the server's own scheduled work) has no one to tell.
        if (record->ownerId.isEmpty() && job.listingId.isEmpty())
            continue;
        if (publish)
            m_queue.publishProgress(*record);
        if (publish && previousStatus != job.status) {
            if (JobHandler* handler = m_handlers.find(job.kind))
                handler->statusChanged(*record);
        }
    }

    std::lock_guard lock(m_mutex);
    std::erase_if(m_seen, [since](const auto& entry) {
        return entry.second.updatedAtMs != 0 && entry.second.updatedAtMs < since;
    });
}

} // namespace bitmarket::server::jobs
