// What the HTTP layer calls for 3D models: a seller asks for a model of their
// listing (POST /listings/{id}/model) and follows the job (GET /jobs/{id}).
#pragma once

#include "bitmarket/ApiTypes.h"
#include "bitmarket/Result.h"
#include "db/Database.h"
#include "jobs/JobQueue.h"

#include <functional>

namespace bitmarket::server::models {

class ModelJobService {
public:
    // Called once a request has marked the listing's model as queued, for the
    // listing's owner to tell live viewers (as ModelJobHandler's listingChanged).
    using ListingChanged = std::function<void(const QString& listingId)>;

    ModelJobService(db::Database& db, jobs::JobQueue& queue, ListingChanged listingChanged);

    // Owner only. Queues a model job from the listing's photos and marks the
    // listing's model as queued; when one is already queued or running, that
    // job is returned instead of a second one. Errors: not_found (no such
    // listing), forbidden (not the owner), validation_failed (no photos).
    Result<Job> requestModel(const QString& listingId, const QString& userId);

    // The job as its owner sees it; not_found for anyone else.
    Result<Job> job(const QString& jobId, const QString& userId);

private:
    db::Database& m_db;
    jobs::JobQueue& m_queue;
    ListingChanged m_listingChanged;
};

} // namespace bitmarket::server::models
