#include "jobs/JobQueue.h"

#include "bitmarket/Ids.h"
#include "bitmarket/Timestamp.h"

#include <QJsonDocument>
#include <algorithm>

namespace bitmarket::server::jobs {

namespace {

constexpr char kColumns[] =
    "id, kind, unique_key, listing_id, owner_id, status, progress, stage, error, attempts, "
    "run_after, lease_owner, lease_expires_at, heartbeat_at, payload, result, revision, "
    "created_at, updated_at";

QJsonObject jsonObject(const QString& text) {
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

QString jsonText(const QJsonObject& object) {
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

std::optional<QString> nullIfEmpty(const QString& text) {
    if (text.isEmpty())
        return std::nullopt;
    return text;
}

std::optional<qint64> nullIfZero(qint64 value) {
    if (value == 0)
        return std::nullopt;
    return value;
}

JobRecord readRow(const db::Query& q) {
    JobRecord r;
    r.job.id = q.text(0);
    r.job.kind = q.text(1);
    r.uniqueKey = q.text(2);
    r.job.listingId = q.text(3);
    r.ownerId = q.text(4);
    r.job.status = q.text(5);
    r.job.progress = q.real(6);
    r.job.stage = q.text(7);
    r.job.error = q.text(8);
    r.job.attempts = static_cast<int>(q.integer(9));
    r.runAfterMs = q.integer(10);
    r.leaseOwner = q.text(11);
    r.leaseExpiresAtMs = q.integer(12);
    r.heartbeatAtMs = q.integer(13);
    r.payload = jsonObject(q.text(14));
    r.result = jsonObject(q.text(15));
    r.revision = q.integer(16);
    r.job.createdAtMs = q.integer(17);
    r.job.updatedAtMs = q.integer(18);
    return r;
}

void save(db::Connection& c, JobRecord& r, qint64 now) {
    r.job.updatedAtMs = now;
    ++r.revision;
    c.query("UPDATE jobs SET status = ?1, progress = ?2, stage = ?3, error = ?4, attempts = ?5, "
            "run_after = ?6, lease_owner = ?7, lease_expires_at = ?8, heartbeat_at = ?9, "
            "payload = ?10, result = ?11, revision = ?12, updated_at = ?13 WHERE id = ?14")
        .bind(r.job.status, r.job.progress, r.job.stage, nullIfEmpty(r.job.error), r.job.attempts,
              r.runAfterMs, nullIfEmpty(r.leaseOwner), nullIfZero(r.leaseExpiresAtMs),
              nullIfZero(r.heartbeatAtMs), jsonText(r.payload),
              r.result.isEmpty() ? std::nullopt : std::optional(jsonText(r.result)), r.revision,
              now, r.job.id)
        .run();
}

std::optional<JobRecord> pendingWithKey(db::Connection& c, const QString& uniqueKey) {
    auto q = c.query("SELECT id FROM jobs WHERE unique_key = ?1 AND status = 'queued'");
    q.bind(uniqueKey);
    if (!q.next())
        return std::nullopt;
    const QString jobId = q.text(0);
    return JobQueue::load(c, jobId);
}

// Back to the queue, unless a job scheduled since holds its unique key: that
// newer one replaces it.
void requeue(db::Connection& c, JobRecord& r, qint64 runAfterMs, const QString& stage) {
    if (!r.uniqueKey.isEmpty()) {
        if (auto newer = pendingWithKey(c, r.uniqueKey); newer && newer->job.id != r.job.id) {
            r.job.status = QStringLiteral("cancelled");
            r.job.stage = QStringLiteral("replaced by ") + newer->job.id;
            return;
        }
    }
    r.job.status = QStringLiteral("queued");
    r.job.stage = stage;
    r.runAfterMs = runAfterMs;
}

void clearLease(JobRecord& r) {
    r.leaseOwner.clear();
    r.leaseExpiresAtMs = 0;
}

Result<void> requireLease(const JobRecord& r, const QString& workerId) {
    if (r.job.status != u"running" || r.leaseOwner != workerId)
        return ApiError::conflict(QStringLiteral("This worker no longer holds the job."));
    return {};
}

} // namespace

JobQueue::JobQueue(db::Database& db, EventBus& events) : JobQueue(db, events, Options{}) {
}

JobQueue::JobQueue(db::Database& db, EventBus& events, Options options)
    : m_db(db), m_events(events), m_options(std::move(options)) {
}

qint64 JobQueue::now() const {
    return m_options.clock ? m_options.clock() : nowMs();
}

std::optional<JobRecord> JobQueue::load(db::Connection& c, const QString& jobId) {
    auto q = c.query(std::string("SELECT ") + kColumns + " FROM jobs WHERE id = ?1");
    q.bind(jobId);
    if (!q.next())
        return std::nullopt;
    return readRow(q);
}

void JobQueue::publishProgress(const JobRecord& r) {
    // The server's own jobs (no owner, no listing) have nobody following them live.
    if (r.ownerId.isEmpty() && r.job.listingId.isEmpty())
        return;
    m_events.publish(JobProgressed{r.job, r.ownerId});
}

Result<JobRecord> JobQueue::enqueue(const NewJob& job, const SameTransaction& alsoWrite) {
    auto written = m_db.write([&](db::Connection& c) -> Result<JobRecord> {
        JobRecord r;
        BITMARKET_TRY(r, enqueueIn(c, job));
        if (alsoWrite) {
            if (auto extra = alsoWrite(c, r); !extra)
                return extra.error();
        }
        return r;
    });
    if (written)
        publishProgress(*written);
    return written;
}

Result<JobRecord> JobQueue::enqueueIn(db::Connection& c, const NewJob& job) {
    const qint64 t = now();
    const qint64 runAt = job.runAtMs > 0 ? job.runAtMs : t;
    JobRecord r;
    if (auto held = job.uniqueKey.isEmpty() ? std::nullopt : pendingWithKey(c, job.uniqueKey)) {
        if (held->job.kind != job.kind)
            return ApiError::conflict(QStringLiteral("The key %1 belongs to a \"%2\" job."))
                .arg(job.uniqueKey)
                .arg(held->job.kind);
        r = std::move(*held);
        r.runAfterMs = runAt;
        r.payload = job.payload;
        save(c, r, t);
        return r;
    }
    r.job.id = newId("job");
    r.job.kind = job.kind;
    r.job.listingId = job.listingId;
    r.job.status = QStringLiteral("queued");
    r.job.createdAtMs = t;
    r.job.updatedAtMs = t;
    r.ownerId = job.ownerId;
    r.uniqueKey = job.uniqueKey;
    r.runAfterMs = runAt;
    r.payload = job.payload;
    r.revision = 1;
    c.query("INSERT INTO jobs (id, kind, unique_key, listing_id, owner_id, status, "
            "run_after, payload, revision, created_at, updated_at) "
            "VALUES (?1, ?2, ?3, ?4, ?5, 'queued', ?6, ?7, 1, ?8, ?8)")
        .bind(r.job.id, job.kind, nullIfEmpty(job.uniqueKey), nullIfEmpty(job.listingId),
              nullIfEmpty(job.ownerId), runAt, jsonText(job.payload), t)
        .run();
    return r;
}

Result<JobRecord> JobQueue::schedule(const QString& kind, const QString& uniqueKey, qint64 runAtMs,
                                     const QJsonObject& payload) {
    if (uniqueKey.isEmpty())
        return ApiError::validation(QStringLiteral("A scheduled job needs a unique key."));
    NewJob job;
    job.kind = kind;
    job.uniqueKey = uniqueKey;
    job.runAtMs = runAtMs;
    job.payload = payload;
    return enqueue(job);
}

Result<bool> JobQueue::cancel(const QString& uniqueKey) {
    std::optional<JobRecord> cancelled;
    auto outcome = m_db.write([&](db::Connection& c) -> Result<void> {
        cancelled = pendingWithKey(c, uniqueKey);
        if (!cancelled)
            return {};
        cancelled->job.status = QStringLiteral("cancelled");
        cancelled->job.stage = QStringLiteral("cancelled");
        save(c, *cancelled, now());
        return {};
    });
    if (!outcome)
        return outcome.error();
    if (cancelled)
        publishProgress(*cancelled);
    return cancelled.has_value();
}

Result<std::optional<JobRecord>> JobQueue::pending(const QString& uniqueKey) {
    return m_db.read([&](db::Connection& c) -> Result<std::optional<JobRecord>> {
        return pendingWithKey(c, uniqueKey);
    });
}

Result<std::optional<JobRecord>> JobQueue::claim(const QString& workerId, qint64 leaseMs,
                                                 const Kinds& kinds,
                                                 const SameTransaction& alsoWrite) {
    std::string kindFilter;
    if (!kinds.names.isEmpty()) {
        kindFilter = kinds.except ? " AND kind NOT IN (?2" : " AND kind IN (?2";
        for (qsizetype i = 1; i < kinds.names.size(); ++i)
            kindFilter += ", ?" + std::to_string(i + 2);
        kindFilter += ")";
    }
    std::optional<JobRecord> claimed;
    auto outcome = m_db.write([&](db::Connection& c) -> Result<void> {
        claimed.reset();
        const qint64 t = now();
        // Two indexed lookups rather than one OR that would scan the table.
        auto oldest = [&](const char* where) -> std::optional<std::pair<qint64, QString>> {
            auto q = c.query(std::string("SELECT seq, id FROM jobs WHERE ") + where + kindFilter +
                             " ORDER BY seq LIMIT 1");
            q.bind(t);
            for (qsizetype i = 0; i < kinds.names.size(); ++i)
                q.bindAt(static_cast<int>(i) + 2, kinds.names[i]);
            if (!q.next())
                return std::nullopt;
            return std::pair{q.integer(0), q.text(1)};
        };
        const auto queued = oldest("status = 'queued' AND run_after <= ?1");
        const auto abandoned = oldest("status = 'running' AND lease_expires_at <= ?1");
        if (!queued && !abandoned)
            return {};
        const QString jobId = !abandoned || (queued && queued->first < abandoned->first)
                                  ? queued->second
                                  : abandoned->second;
        JobRecord r = *load(c, jobId);
        r.job.status = QStringLiteral("running");
        r.job.attempts += 1;
        r.job.progress = 0;
        r.job.stage = QStringLiteral("starting");
        r.job.error.clear();
        r.leaseOwner = workerId;
        r.leaseExpiresAtMs = t + leaseMs;
        r.heartbeatAtMs = t;
        save(c, r, t);
        if (alsoWrite) {
            if (auto extra = alsoWrite(c, r); !extra)
                return extra;
        }
        claimed = std::move(r);
        return {};
    });
    if (!outcome)
        return outcome.error();
    if (claimed)
        publishProgress(*claimed);
    return claimed;
}

Result<JobRecord>
JobQueue::transition(const QString& jobId,
                     const std::function<Result<void>(db::Connection&, JobRecord&)>& change,
                     const SameTransaction& alsoWrite) {
    auto changed = m_db.write([&](db::Connection& c) -> Result<JobRecord> {
        auto r = load(c, jobId);
        if (!r)
            return ApiError::notFound(QStringLiteral("No such job."));
        if (auto applied = change(c, *r); !applied)
            return applied.error();
        save(c, *r, now());
        if (alsoWrite) {
            if (auto extra = alsoWrite(c, *r); !extra)
                return extra.error();
        }
        return std::move(*r);
    });
    if (changed)
        publishProgress(*changed);
    return changed;
}

Result<JobRecord> JobQueue::heartbeat(const QString& jobId, const QString& workerId,
                                      double progress, const QString& stage, qint64 leaseMs) {
    return transition(jobId,
                      [&](db::Connection&, JobRecord& r) -> Result<void> {
                          if (auto held = requireLease(r, workerId); !held)
                              return held;
                          const qint64 t = now();
                          r.job.progress = std::max(r.job.progress, std::clamp(progress, 0.0, 1.0));
                          if (!stage.isEmpty())
                              r.job.stage = stage;
                          r.heartbeatAtMs = t;
                          r.leaseExpiresAtMs = t + leaseMs;
                          return {};
                      },
                      {});
}

Result<JobRecord> JobQueue::complete(const QString& jobId, const QString& workerId,
                                     const QJsonObject& result, const SameTransaction& alsoWrite) {
    return transition(
        jobId,
        [&](db::Connection&, JobRecord& r) -> Result<void> {
            if (auto held = requireLease(r, workerId); !held)
                return held;
            r.job.status = QStringLiteral("done");
            r.job.progress = 1;
            r.job.stage = QStringLiteral("done");
            r.job.error.clear();
            r.result = result;
            clearLease(r);
            return {};
        },
        alsoWrite);
}

Result<JobRecord> JobQueue::fail(const QString& jobId, const QString& workerId,
                                 const ApiError& error, const RetryPolicy& policy,
                                 const SameTransaction& alsoWrite) {
    return transition(
        jobId,
        [&](db::Connection& c, JobRecord& r) -> Result<void> {
            if (auto held = requireLease(r, workerId); !held)
                return held;
            r.job.error = error.message;
            clearLease(r);
            if (policy.mayRetry(error, r.job.attempts)) {
                requeue(c, r, now() + policy.backoffAfter(r.job.attempts),
                        QStringLiteral("waiting to retry"));
            } else {
                r.job.status = QStringLiteral("failed");
                r.job.stage = QStringLiteral("failed");
            }
            return {};
        },
        alsoWrite);
}

Result<JobRecord> JobQueue::release(const QString& jobId, const QString& workerId,
                                    const SameTransaction& alsoWrite) {
    return transition(
        jobId,
        [&](db::Connection& c, JobRecord& r) -> Result<void> {
            if (auto held = requireLease(r, workerId); !held)
                return held;
            r.job.attempts = std::max(0, r.job.attempts - 1);
            clearLease(r);
            requeue(c, r, now(), QStringLiteral("queued"));
            return {};
        },
        alsoWrite);
}

Result<JobRecord> JobQueue::get(const QString& jobId) {
    return m_db.read([&](db::Connection& c) -> Result<JobRecord> {
        auto r = load(c, jobId);
        if (!r)
            return ApiError::notFound(QStringLiteral("No such job."));
        return std::move(*r);
    });
}

Result<std::optional<JobRecord>> JobQueue::activeFor(const QString& listingId,
                                                     const QString& kind) {
    return m_db.read([&](db::Connection& c) -> Result<std::optional<JobRecord>> {
        auto q = c.query("SELECT id FROM jobs WHERE listing_id = ?1 AND kind = ?2 "
                         "AND status IN ('queued', 'running') ORDER BY seq DESC LIMIT 1");
        q.bind(listingId, kind);
        if (!q.next())
            return std::optional<JobRecord>();
        const QString jobId = q.text(0);
        return load(c, jobId);
    });
}

bool JobQueue::anotherActive(db::Connection& c, const QString& listingId, const QString& kind,
                             const QString& jobId) {
    auto q = c.query("SELECT 1 FROM jobs WHERE listing_id = ?1 AND kind = ?2 AND id != ?3 "
                     "AND status IN ('queued', 'running') LIMIT 1");
    q.bind(listingId, kind, jobId);
    return q.next();
}

} // namespace bitmarket::server::jobs
