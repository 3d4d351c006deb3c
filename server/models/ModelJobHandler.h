// The "model" job kind: makes a listing's 3D model with the ModelJobRunner
// and keeps the listing's model state (ListingModelState) in step with the
// job, in the same transaction as each of its transitions; the last one (done,
// or failed for good) is recorded there as ModelFinished for the seller to hear of.
#pragma once

#include "events/SameTransactionEvents.h"
#include "jobs/JobHandler.h"
#include "models/ModelJobRunner.h"

#include <functional>

namespace bitmarket::server::models {

class ModelJobHandler : public jobs::JobHandler {
public:
    static const QString kKind;

    struct Options {
        // Retrying cannot fix a listing without photos or one that is gone.
        jobs::RetryPolicy retry{
            3, 15'000, 600'000, {ErrorCode::ValidationFailed, ErrorCode::NotFound}};
        // Called after a job changed the listing's model state, for the
        // listing's owner to tell live viewers (see ServerApp).
        std::function<void(const QString& listingId)> listingChanged;
        // Where ModelFinished is recorded; none: nobody is told.
        const SameTransactionEvents* effects = nullptr;
    };

    explicit ModelJobHandler(ModelJobRunner& runner);
    ModelJobHandler(ModelJobRunner& runner, Options options);

    QString kind() const override { return kKind; }
    jobs::RetryPolicy retryPolicy() const override { return m_options.retry; }
    Result<QJsonObject> run(const jobs::JobRecord& job, const jobs::JobProgress& progress) override;
    Result<void> recordStatus(db::Connection& c, const jobs::JobRecord& job) override;
    void statusChanged(const jobs::JobRecord& job) override;

private:
    ModelJobRunner& m_runner;
    Options m_options;
};

} // namespace bitmarket::server::models
