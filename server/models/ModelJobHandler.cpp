#include "models/ModelJobHandler.h"

#include "market/ListingTable.h"
#include "models/ListingModelState.h"

namespace bitmarket::server::models {

const QString ModelJobHandler::kKind = QStringLiteral("model");

ModelJobHandler::ModelJobHandler(ModelJobRunner& runner) : ModelJobHandler(runner, Options{}) {
}

ModelJobHandler::ModelJobHandler(ModelJobRunner& runner, Options options)
    : m_runner(runner), m_options(std::move(options)) {
}

Result<QJsonObject> ModelJobHandler::run(const jobs::JobRecord& job,
                                         const jobs::JobProgress& progress) {
    auto model = m_runner.run(job, progress);
    if (!model)
        return model.error();
    return model->toJson();
}

Result<void> ModelJobHandler::recordStatus(db::Connection& c, const jobs::JobRecord& job) {
    const QString& listingId = job.job.listingId;
    const QString& status = job.job.status;
    if (listingId.isEmpty())
        return {};
    if (status == u"running")
        ListingModelState::markRunning(c, listingId, job.job.id);
    else if (status == u"queued")
        ListingModelState::markWaiting(c, listingId, job.job.id);
    else if (status == u"done")
        ListingModelState::markDone(c, listingId, job.job.id, ModelInfo::fromJson(job.result));
    else if (status == u"failed")
        ListingModelState::markFailed(c, listingId, job.job.id, job.job.error);
    if (status != u"done" && status != u"failed")
        return {};
    auto listing = ListingTable::find(c, listingId, {});
    if (!listing || !m_options.effects)
        return {};
    return m_options.effects->record(
        c, ModelFinished{listingId, listing->title, listing->sellerId, job.job.id,
                         status == u"done", job.job.error});
}

void ModelJobHandler::statusChanged(const jobs::JobRecord& job) {
    if (!job.job.listingId.isEmpty() && m_options.listingChanged)
        m_options.listingChanged(job.job.listingId);
}

} // namespace bitmarket::server::models
