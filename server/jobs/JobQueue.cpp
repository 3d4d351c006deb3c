#include "jobs/JobQueue.h"

#include "bitmarket/Ids.h"
#include "bitmarket/Timestamp.h"

#include <QJsonDocument>
#include <algorithm>

namespace bitmarket::server::jobs {

namespace {

constexpr char kColumns[] =
    "id, kind, listing_id, owner_id, status, progress, stage, error, attempts, max_attempts, "
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
    r.job.listingId = q.text(2);
    r.ownerId = q.text(3);
    r.job.status = q.text(4);
    r.job.progress = q.real(5);
    r.job.stage = q.text(6);
    r.job.error = q.text(7);
    r.job.attempts = static_cast<int>(q.integer(8));
    r.maxAttempts = static_cast<int>(q.integer(9));
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
            "result = ?10, revision = ?11, updated_at = ?12 WHERE id = ?13")
        .bind(r.job.status, r.job.progress, r.job.stage, nullIfEmpty(r.job.error), r.job.attempts,
              r.runAfterMs, nullIfEmpty(r.leaseOwner), nullIfZero(r.leaseExpiresAtMs),
              nullIfZero(r.heartbeatAtMs),
              r.result.isEmpty() ? std::nullopt : std::optional(jsonText(r.result)), r.revision,
              now, r.job.id)
        .run();
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

qint64 JobQueue::backoffAfter(int attempts) const {
    qint64 wait = m_options.backoffBaseMs;
    for (int i = 1; i < attempts && wait < m_options.backoffMaxMs; ++i)
        wait *= 2;
    return std::min(wait, m_options.backoffMaxMs);
}

std::optional<JobRecord> JobQueue::load(db::Connection& c, const QString& jobId) {
    auto q = c.query(std::string("SELECT ") + kColumns + " FROM jobs WHERE id = ?1");
    q.bind(jobId);
    if (!q.next())
        return std::nullopt;
    return readRow(q);
}

void JobQueue::publishProgress(const JobRecord& r) {
    m_events.publish(JobProgressed{r.job, r.ownerId});
}

Result<JobRecord> JobQueue::enqueue(const QString& kind, const QString& listingId,
                                    const QString& ownerId, const QJsonObject& payload,
                                    const SameTransaction& alsoWrite) {
    auto inserted = m_db.write([&](db::Connection& c) -> Result<JobRecord> {
        const qint64 t = now();
        JobRecord r;
        r.job.id = newId("job");
        r.job.kind = kind;
        r.job.listingId = listingId;
        r.job.status = QStringLiteral("queued");
        r.job.createdAtMs = t;
        r.job.updatedAtMs = t;
        r.ownerId = ownerId;
        r.maxAttempts = std::max(1, m_options.maxAttempts);
        r.runAfterMs = t;
        r.payload = payload;
        r.revision = 1;
        c.query("INSERT INTO jobs (id, kind, listing_id, owner_id, status, max_attempts, "
                "run_after, payload, revision, created_at, updated_at) "
                "VALUES (?1, ?2, ?3, ?4, 'queued', ?5, ?6, ?7, 1, ?8, ?8)")
            .bind(r.job.id, kind, nullIfEmpty(listingId), ownerId, r.maxAttempts, t,
                  jsonText(payload), t)
            .run();
        if (alsoWrite) {
            if (auto extra = alsoWrite(c, r); !extra)
                return extra.error();
        }
        return r;
    });
    if (inserted)
        publishProgress(*inserted);
    return inserted;
}

Result<std::optional<JobRecord>> JobQueue::claim(const QString& workerId, qint64 leaseMs) {
    std::optional<JobRecord> claimed;
    auto outcome = m_db.write([&](db::Connection& c) -> Result<void> {
        claimed.reset();
        const qint64 t = now();
        // Two indexed lookups rather than one OR that would scan the table.
        auto oldest = [&c, t](const char* sql) -> std::optional<std::pair<qint64, QString>> {
            auto q = c.query(sql);
            q.bind(t);
            if (!q.next())
                return std::nullopt;
            return std::pair{q.integer(0), q.text(1)};
        };
        const auto queued = oldest("SELECT seq, id FROM jobs WHERE status = 'queued' "
                                   "AND run_after <= ?1 ORDER BY seq LIMIT 1");
        const auto abandoned = oldest("SELECT seq, id FROM jobs WHERE status = 'running' "
                                      "AND lease_expires_at <= ?1 ORDER BY seq LIMIT 1");
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
                                 const QString& reason, Retry retry,
                                 const SameTransaction& alsoWrite) {
    return transition(
        jobId,
        [&](db::Connection&, JobRecord& r) -> Result<void> {
            if (auto held = requireLease(r, workerId); !held)
                return held;
            r.job.error = reason;
            clearLease(r);
            if (retry == Retry::Allowed && r.job.attempts < r.maxAttempts) {
                r.job.status = QStringLiteral("queued");
                r.job.stage = QStringLiteral("waiting to retry");
                r.runAfterMs = now() + backoffAfter(r.job.attempts);
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
        [&](db::Connection&, JobRecord& r) -> Result<void> {
            if (auto held = requireLease(r, workerId); !held)
                return held;
            r.job.status = QStringLiteral("queued");
            r.job.stage = QStringLiteral("queued");
            r.job.attempts = std::max(0, r.job.attempts - 1);
            r.runAfterMs = now();
            clearLease(r);
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

} // namespace bitmarket::server::jobs
