#include "models/ModelJobService.h"

#include "market/ListingTable.h"
#include "market/PhotoTable.h"
#include "models/ListingModelState.h"
#include "models/ModelJobHandler.h"

namespace bitmarket::server::models {

namespace {

Result<void> checkSeller(db::Connection& c, const QString& listingId, const QString& userId) {
    const std::optional<QString> seller = ListingTable::sellerOf(c, listingId);
    if (!seller)
        return ApiError::notFound(QStringLiteral("No such listing."));
    if (*seller != userId)
        return ApiError::forbidden(QStringLiteral("Only the seller can make a model of a listing."));
    return {};
}

// Checked inside the enqueue transaction, so two quick clicks cannot both
// pass and queue two jobs.
Result<void> checkRequest(db::Connection& c, const QString& listingId, const QString& userId,
                          const QString& newJobId) {
    if (auto owned = checkSeller(c, listingId, userId); !owned)
        return owned;
    if (PhotoTable::countOf(c, listingId) == 0)
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
    auto owned = m_db.read(
        [&](db::Connection& c) -> Result<void> { return checkSeller(c, listingId, userId); });
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
