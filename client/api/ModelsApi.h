// A listing's 3D model (docs/api.md "3D models"): ask the server to build it.
#pragma once

#include "api/ApiAnswer.h"
#include "bitmarket/ApiTypes.h"

#include <QPointer>

class ApiClient;

class ModelsApi {
public:
    explicit ModelsApi(ApiClient* client) : m_client(client) {}

    // The answer is the queued job; its progress then arrives on the live socket.
    ApiCall* request(const QString& listingId, QObject* context, Answer<bitmarket::Job> answer);

private:
    QPointer<ApiClient> m_client;
};
