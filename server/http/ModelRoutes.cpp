#include "http/ModelRoutes.h"

#include "http/CallerIdentity.h"
#include "http/Responses.h"

namespace bitmarket::server {

void addModelRoutes(Router& router, AuthService& auth, jobs::ModelJobService& models) {
    router.post("/api/v1/listings/{id}/model", [&](const httplib::Request& req,
                                                   httplib::Response& res) {
        auto user = requireUser(auth, req);
        if (!user)
            return sendError(res, user.error());
        sendResult(res, 202, models.requestModel(pathParam(req, 1), user.value()),
                   [](const Job& job) { return QJsonObject{{"job", job.toJson()}}; });
    });

    router.get("/api/v1/jobs/{id}", [&](const httplib::Request& req, httplib::Response& res) {
        auto user = requireUser(auth, req);
        if (!user)
            return sendError(res, user.error());
        sendResult(res, 200, models.job(pathParam(req, 1), user.value()),
                   [](const Job& job) { return job.toJson(); });
    });
}

} // namespace bitmarket::server
