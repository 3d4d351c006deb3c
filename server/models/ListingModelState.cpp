#include "models/ListingModelState.h"

#include "bitmarket/Timestamp.h"

namespace bitmarket::server::models {

void ListingModelState::markQueued(db::Connection& c, const QString& listingId,
                                   const QString& jobId) {
    c.query("INSERT INTO listing_models (listing_id, status, job_id, updated_at) "
            "VALUES (?1, 'queued', ?2, ?3) ON CONFLICT (listing_id) DO UPDATE SET "
            "status = 'queued', job_id = ?2, error = NULL, updated_at = ?3")
        .bind(listingId, jobId, nowMs())
        .run();
}

void ListingModelState::markWaiting(db::Connection& c, const QString& listingId,
                                    const QString& jobId) {
    c.query("UPDATE listing_models SET status = 'queued', updated_at = ?3 "
            "WHERE listing_id = ?1 AND job_id = ?2")
        .bind(listingId, jobId, nowMs())
        .run();
}

void ListingModelState::markRunning(db::Connection& c, const QString& listingId,
                                    const QString& jobId) {
    c.query("UPDATE listing_models SET status = 'running', updated_at = ?3 "
            "WHERE listing_id = ?1 AND job_id = ?2")
        .bind(listingId, jobId, nowMs())
        .run();
}

void ListingModelState::markDone(db::Connection& c, const QString& listingId, const QString& jobId,
                                 const ModelInfo& model) {
    c.query("UPDATE listing_models SET status = 'done', url = ?3, preview_url = ?4, "
            "quality = ?5, triangles = ?6, error = NULL, updated_at = ?7 "
            "WHERE listing_id = ?1 AND job_id = ?2")
        .bind(listingId, jobId, model.url, model.previewUrl, model.quality, model.triangles,
              nowMs())
        .run();
}

void ListingModelState::markFailed(db::Connection& c, const QString& listingId,
                                   const QString& jobId, const QString& error) {
    c.query("UPDATE listing_models SET status = 'failed', error = ?3, updated_at = ?4 "
            "WHERE listing_id = ?1 AND job_id = ?2")
        .bind(listingId, jobId, error, nowMs())
        .run();
}

void ListingModelState::attach(db::Connection& c, const QString& listingId,
                               const ModelInfo& model) {
    c.query("INSERT OR REPLACE INTO listing_models (listing_id, status, url, preview_url, "
            "quality, triangles, job_id, error, updated_at) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
        .bind(listingId, model.status, model.url, model.previewUrl, model.quality, model.triangles,
              model.jobId, model.error, nowMs())
        .run();
}

std::optional<ModelInfo> ListingModelState::load(db::Connection& c, const QString& listingId) {
    auto q = c.query("SELECT status, url, preview_url, quality, triangles, job_id, error "
                     "FROM listing_models WHERE listing_id = ?1");
    q.bind(listingId);
    if (!q.next())
        return std::nullopt;
    return ModelInfo{q.text(0),    q.text(1), q.text(2), q.text(3),
                     q.integer(4), q.text(5), q.text(6)};
}

} // namespace bitmarket::server::models
