// The durable job queue in SQLite. Workers (threads of the server or separate
// processes on the same database) claim a job under a lease and must keep
// heartbeating; a job whose lease runs out is claimed again, so a killed
// worker delays its job but never loses it. Every transition is committed
// before the call returns and then published as a JobProgressed event.
#pragma once

#include "bitmarket/Result.h"
#include "db/Database.h"
#include "events/EventBus.h"
#include "jobs/JobRecord.h"

#include <functional>
#include <optional>

namespace bitmarket::server::jobs {

class JobQueue {
public:
    struct Options {
        int maxAttempts = 3;
        qint64 backoffBaseMs = 15'000; // wait after the first failure; doubles each time
        qint64 backoffMaxMs = 600'000;
        std::function<qint64()> clock; // ms since the epoch; empty: the system clock
    };

    enum class Retry { Allowed, Never };

    // Extra writes that must commit together with a transition (the listing's
    // model state, for instance); it sees the job as it is after the change.
    // An error rolls the transition back too.
    using SameTransaction = std::function<Result<void>(db::Connection&, const JobRecord&)>;

    JobQueue(db::Database& db, EventBus& events);
    JobQueue(db::Database& db, EventBus& events, Options options);

    Result<JobRecord> enqueue(const QString& kind, const QString& listingId, const QString& ownerId,
                              const QJsonObject& payload = {},
                              const SameTransaction& alsoWrite = {});

    // The oldest queued job whose backoff has passed, or the oldest running job
    // whose lease expired; nullopt when there is none. Claiming counts an
    // attempt, so a job that kills its workers runs out of attempts like one
    // that fails.
    Result<std::optional<JobRecord>> claim(const QString& workerId, qint64 leaseMs);

    // Records progress (0..1, never going back) and extends the lease by
    // leaseMs. Conflict when the worker no longer holds the lease.
    Result<JobRecord> heartbeat(const QString& jobId, const QString& workerId, double progress,
                                const QString& stage, qint64 leaseMs);

    Result<JobRecord> complete(const QString& jobId, const QString& workerId,
                               const QJsonObject& result, const SameTransaction& alsoWrite = {});

    // Back to the queue after a backoff while attempts remain and retry is
    // allowed; otherwise `failed` with the reason.
    Result<JobRecord> fail(const QString& jobId, const QString& workerId, const QString& reason,
                           Retry retry = Retry::Allowed, const SameTransaction& alsoWrite = {});

    // Gives a running job back without counting the attempt (a worker shutting
    // down cleanly).
    Result<JobRecord> release(const QString& jobId, const QString& workerId,
                              const SameTransaction& alsoWrite = {});

    Result<JobRecord> get(const QString& jobId);

    // The queued or running job of this kind for a listing, if any.
    Result<std::optional<JobRecord>> activeFor(const QString& listingId, const QString& kind);

    qint64 backoffAfter(int attempts) const;
    qint64 now() const;

    // For services that write a job row as part of their own transaction.
    static std::optional<JobRecord> load(db::Connection& c, const QString& jobId);
    void publishProgress(const JobRecord& record);

private:
    Result<JobRecord>
    transition(const QString& jobId,
               const std::function<Result<void>(db::Connection&, JobRecord&)>& change,
               const SameTransaction& alsoWrite);

    db::Database& m_db;
    EventBus& m_events;
    Options m_options;
};

} // namespace bitmarket::server::jobs
