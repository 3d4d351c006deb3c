// The listing_models table: the 3D model state of each listing, one row per
// listing that ever asked for a model, written only here. The job pipeline
// moves it along (queued → running → done | failed); each function runs
// inside the caller's write transaction, next to the job transition it
// belongs to, and only touches the row while the job is still the listing's
// current model job, so a stale job never overwrites a newer one.
#pragma once

#include "bitmarket/ApiTypes.h"
#include "bitmarket/Result.h"
#include "db/Database.h"

#include <optional>

namespace bitmarket::server::models {

class ListingModelState {
public:
    // Makes jobId the listing's model job. A model already shown stays shown
    // until the new one is done.
    static void markQueued(db::Connection& c, const QString& listingId, const QString& jobId);
    // Back in the queue (a retry after a backoff, or a worker shutting down).
    static void markWaiting(db::Connection& c, const QString& listingId, const QString& jobId);
    static void markRunning(db::Connection& c, const QString& listingId, const QString& jobId);
    static void markDone(db::Connection& c, const QString& listingId, const QString& jobId,
                         const ModelInfo& model);
    static void markFailed(db::Connection& c, const QString& listingId, const QString& jobId,
                           const QString& error);
    // A finished model made elsewhere (the demo catalogue), without a job.
    static void attach(db::Connection& c, const QString& listingId, const ModelInfo& model);

    static std::optional<ModelInfo> load(db::Connection& c, const QString& listingId);
};

} // namespace bitmarket::server::models
