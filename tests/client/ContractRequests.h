// Unnamed requests for the client tests that probe the contract itself
// (tokens, refresh, error bodies) rather than a domain: the app's own calls
// go through the typed API classes, so these live with the tests.
#pragma once

#include "api/ApiClient.h"

#include <QJsonObject>
#include <QUrlQuery>

namespace bitmarket::test {

inline ApiCall* get(ApiClient& api, const QString& path, const QUrlQuery& query = {}) {
    return api.send(ApiCall::Request::get(QStringLiteral("test"), path, query));
}

inline ApiCall* post(ApiClient& api, const QString& path, const QJsonObject& body,
                     bool authenticated = true) {
    return api.send(ApiCall::Request::json(QStringLiteral("test"), "POST", path, body, authenticated));
}

inline ApiCall* patch(ApiClient& api, const QString& path, const QJsonObject& body) {
    return api.send(ApiCall::Request::json(QStringLiteral("test"), "PATCH", path, body));
}

inline ApiCall* del(ApiClient& api, const QString& path) {
    return api.send(ApiCall::Request::del(QStringLiteral("test"), path));
}

} // namespace bitmarket::test
