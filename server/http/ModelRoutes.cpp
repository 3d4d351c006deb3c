#include "http/ModelRoutes.h"

#include "http/Responses.h"

namespace bitmarket::server {

void addModelRoutes(Router& router, models::ModelJobService& models) {
    router.post("/api/v1/listings/{id}/model", Access::SignedIn,
                [&](const httplib::Request& req, httplib::Response& res, const Caller& caller) {
                    sendResult(req, res, 202, models.requestModel(pathParam(req, 1), caller.userId),
                               [](const Job& job) {
                                   return QJsonObject{{"job", job.toJson()}};
                               });
                });

    router.get("/api/v1/jobs/{id}", Access::SignedIn,
               [&](const httplib::Request& req, httplib::Response& res, const Caller& caller) {
                   sendResult(req, res, 200, models.job(pathParam(req, 1), caller.userId),
                              [](const Job& job) { return job.toJson(); });
               });
}

} // namespace bitmarket::server
