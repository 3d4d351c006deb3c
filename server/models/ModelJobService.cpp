#include "models/ModelJobService.h"

#include "models/ListingModelState.h"
#include "models/ModelJobHandler.h"

namespace bitmarket::server::models {

namespace {

// Checked inside the enqueue transaction, so two quick clicks cannot both
// pass and queue two jobs.
Result<void> checkRequest(db::Connection& c, const QString& listingId, const QString& userId,
                          const QString& newJobId) {
    auto listing = c.query("SELECT seller_id FROM listings WHERE id = ?1 AND status != 'removed'");
    listing.bind(listingId);
    if (!listing.next())
        return ApiError::notFound(QStringLiteral("No such listing."));
    if (listing.text(0) != userId)
        return ApiError::forbidden(
            QStringLiteral("Only the seller can make a model of a listing."));
    auto photos = c.query("SELECT count(*) FROM photos WHERE listing_id = ?1");
    photos.bind(listingId);
    photos.next();
    if (photos.integer(0) == 0)
        return ApiError::validation(QStringLiteral("Add photos before making a 3D model."));
    if (jobs::JobQueue::anotherActive(c, listingId, ModelJobHandler::kKind, newJobId))
        return ApiError::conflict(QStringLiteral("A model of this listing is already being made."));
    return {};
}

} // namespace

ModelJobService::ModelJobService(db::Database& db, jobs::JobQueue& queue,
                                 ListingChanged listingChanged)
    : m_db(db), m_queue(queue), m_listingChanged(std::move(listingChanged)) {
}

Result<Job> ModelJobService::requestModel(const QString& listingId, const QString& userId) {
    auto owned = m_db.read([&](db::Connection& c) -> Result<void> {
        auto q = c.query("SELECT seller_id FROM listings WHERE id = ?1 AND status != 'removed'");
        q.bind(listingId);
        if (!q.next())
            return ApiError::notFound(QStringLiteral("No such listing."));
        if (q.text(0) != userId)
            return ApiError::forbidden(
                QStringLiteral("Only the seller can make a model of a listing."));
        return {};
    });
    if (!owned)
        return owned.error();
    auto active = m_queue.activeFor(listingId, ModelJobHandler::kKind);
    if (!active)
        return active.error();
    if (*active)
        return (*active)->job;

    jobs::JobQueue::NewJob model;
    model.kind = ModelJobHandler::kKind;
    model.listingId = listingId;
    model.ownerId = userId;
    auto queued =
        m_queue.enqueue(model, [&](db::Connection& c, const jobs::JobRecord& r) -> Result<void> {
            if (auto ok = checkRequest(c, listingId, userId, r.job.id); !ok)
                return ok;
            ListingModelState::markQueued(c, listingId, r.job.id);
            return {};
        });
    if (!queued)
        return queued.error();
    if (m_listingChanged)
        m_listingChanged(listingId);
    return queued->job;
}

Result<Job> ModelJobService::job(const QString& jobId, const QString& userId) {
    auto found = m_queue.get(jobId);
    if (!found || found->ownerId != userId)
        return ApiError::notFound(QStringLiteral("No such job."));
    return found->job;
}

} // namespace bitmarket::server::models
