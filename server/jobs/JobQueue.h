// The durable job queue in SQLite, for every kind of background work. A job
// runs now or at a time (never before); a unique key makes it the one pending
// job for that key, so scheduling the key again moves the job instead of
// adding another (an auction's close when its end changes). Workers (threads
// of the server or separate processes on the same database) claim a job under
// a lease and must keep heartbeating; a job whose lease runs out is claimed
// again, so a killed worker delays its job but never loses it. Every
// transition is committed before the call returns and then published as a
// JobProgressed event when someone follows the job (an owner or a listing).
#pragma once

#include "bitmarket/Result.h"
#include "db/Database.h"
#include "events/EventBus.h"
#include "jobs/JobRecord.h"
#include "jobs/RetryPolicy.h"

#include <QStringList>

#include <functional>
#include <optional>

namespace bitmarket::server::jobs {

class JobQueue {
public:
    struct Options {
        std::function<qint64()> clock; // ms since the epoch; empty: the system clock
    };

    struct NewJob {
        QString kind;
        QString listingId; // the listing it is about, if any: its viewers see the progress
        QString ownerId;   // who asked, if anyone: they see the progress
        QJsonObject payload;
        qint64 runAtMs = 0; // not before this time; 0: now
        QString uniqueKey;  // a queued job with this key is moved instead of adding one
    };

    // Extra writes that must commit together with a transition (the listing's
    // model state, for instance); it sees the job as it is after the change.
    // An error rolls the transition back too.
    using SameTransaction = std::function<Result<void>(db::Connection&, const JobRecord&)>;

    JobQueue(db::Database& db, EventBus& events);
    JobQueue(db::Database& db, EventBus& events, Options options);

    // Adds a job; with a unique key held by a queued job, that job gets the
    // new time and payload instead (conflict when it is of another kind).
    Result<JobRecord> enqueue(const NewJob& job, const SameTransaction& alsoWrite = {});
    // The same, inside a write of the caller's: the job exists exactly when that write commits
    // (the work something causes, queued with it). Its progress is not announced.
    Result<JobRecord> enqueueIn(db::Connection& c, const NewJob& job);

    // The server's own work at a time: enqueue with a unique key.
    Result<JobRecord> schedule(const QString& kind, const QString& uniqueKey, qint64 runAtMs,
                               const QJsonObject& payload = {});

    // Cancels the queued job holding the key; false when there is none (a
    // running job is not stopped).
    Result<bool> cancel(const QString& uniqueKey);

    // The queued job holding the key, if any.
    Result<std::optional<JobRecord>> pending(const QString& uniqueKey);

    // The kinds of job a worker takes: every kind, only some, or all but some,
    // so that a 3D model taking minutes never holds up a job due now.
    struct Kinds {
        QStringList names; // empty: every kind
        bool except = false;

        static Kinds all() { return {}; }
        static Kinds only(QStringList names) { return {std::move(names), false}; }
        static Kinds allBut(QStringList names) { return {std::move(names), true}; }
    };

    // The oldest queued job of these kinds whose time has come, or the oldest
    // running one whose lease expired; nullopt when there is none. Claiming
    // counts an attempt, so a job that kills its workers runs out of attempts
    // like one that fails.
    Result<std::optional<JobRecord>> claim(const QString& workerId, qint64 leaseMs,
                                           const Kinds& kinds = Kinds::all(),
                                           const SameTransaction& alsoWrite = {});

    // Records progress (0..1, never going back) and extends the lease by
    // leaseMs. Conflict when the worker no longer holds the lease.
    Result<JobRecord> heartbeat(const QString& jobId, const QString& workerId, double progress,
                                const QString& stage, qint64 leaseMs);

    Result<JobRecord> complete(const QString& jobId, const QString& workerId,
                               const QJsonObject& result, const SameTransaction& alsoWrite = {});

    // Back to the queue after the policy's backoff while it allows another
    // attempt for this error; otherwise `failed` with the error's message.
    Result<JobRecord> fail(const QString& jobId, const QString& workerId, const ApiError& error,
                           const RetryPolicy& policy, const SameTransaction& alsoWrite = {});

    // Gives a running job back without counting the attempt (a worker shutting
    // down cleanly).
    Result<JobRecord> release(const QString& jobId, const QString& workerId,
                              const SameTransaction& alsoWrite = {});

    Result<JobRecord> get(const QString& jobId);

    // The queued or running job of this kind for a listing, if any.
    Result<std::optional<JobRecord>> activeFor(const QString& listingId, const QString& kind);
    // Inside a write: whether a queued or running job of this kind for the
    // listing exists besides jobId (checking a request next to its enqueue).
    static bool anotherActive(db::Connection& c, const QString& listingId, const QString& kind,
                              const QString& jobId);

    qint64 now() const;

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
