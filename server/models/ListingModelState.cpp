#include "models/ListingModelState.h"

#include "bitmarket/Timestamp.h"

namespace bitmarket::server::models {

void ListingModelState::markQueued(db::Connection& c, const QString& listingId,
                                   const QString& jobId) {
    c.query("UPDATE listings SET model_status = 'queued', model_job_id = ?2, model_error = NULL, "
            "updated_at = ?3 WHERE id = ?1")
        .bind(listingId, jobId, nowMs())
        .run();
}

void ListingModelState::markWaiting(db::Connection& c, const QString& listingId,
                                    const QString& jobId) {
    c.query("UPDATE listings SET model_status = 'queued', updated_at = ?3 "
            "WHERE id = ?1 AND model_job_id = ?2")
        .bind(listingId, jobId, nowMs())
        .run();
}

void ListingModelState::markRunning(db::Connection& c, const QString& listingId,
                                    const QString& jobId) {
    c.query("UPDATE listings SET model_status = 'running', updated_at = ?3 "
            "WHERE id = ?1 AND model_job_id = ?2")
        .bind(listingId, jobId, nowMs())
        .run();
}

void ListingModelState::markDone(db::Connection& c, const QString& listingId, const QString& jobId,
                                 const ModelInfo& model) {
    c.query("UPDATE listings SET model_status = 'done', model_url = ?3, model_preview_url = ?4, "
            "model_quality = ?5, model_triangles = ?6, model_error = NULL, updated_at = ?7 "
            "WHERE id = ?1 AND model_job_id = ?2")
        .bind(listingId, jobId, model.url, model.previewUrl, model.quality, model.triangles,
              nowMs())
        .run();
}

void ListingModelState::markFailed(db::Connection& c, const QString& listingId,
                                   const QString& jobId, const QString& error) {
    c.query("UPDATE listings SET model_status = 'failed', model_error = ?3, updated_at = ?4 "
            "WHERE id = ?1 AND model_job_id = ?2")
        .bind(listingId, jobId, error, nowMs())
        .run();
}

std::optional<ModelInfo> ListingModelState::load(db::Connection& c, const QString& listingId) {
    auto q = c.query("SELECT model_status, model_url, model_preview_url, model_quality, "
                     "model_triangles, model_job_id, model_error FROM listings WHERE id = ?1");
    q.bind(listingId);
    if (!q.next() || q.isNull(0))
        return std::nullopt;
    return ModelInfo{q.text(0),    q.text(1), q.text(2), q.text(3),
                     q.integer(4), q.text(5), q.text(6)};
}

} // namespace bitmarket::server::models
