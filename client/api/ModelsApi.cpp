#include "api/ModelsApi.h"

#include "api/ApiClient.h"

using bitmarket::Job;

ApiCall* ModelsApi::request(const QString& listingId, QObject* context, Answer<Job> answer) {
    return deliver(
        m_client->send(ApiCall::Request::json(
            "models.request", "POST", QStringLiteral("/listings/%1/model").arg(listingId), {})),
        context, std::move(answer),
        [](const QJsonObject& body) { return Job::fromJson(body.value("job").toObject()); });
}
