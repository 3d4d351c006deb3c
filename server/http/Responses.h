// Writing JSON answers and the contract's error body; reading common request parts.
#pragma once

#include "bitmarket/ApiError.h"
#include "bitmarket/Result.h"

#include <httplib.h>

#include <QJsonArray>
#include <QJsonObject>

#include <optional>

namespace bitmarket::server {

void sendJson(httplib::Response& res, int status, const QJsonObject& body);
void sendError(httplib::Response& res, const ApiError& error);
void sendNoContent(httplib::Response& res);

// Sends `toJson(value)` with `status` when ok, the error otherwise.
template <typename T, typename ToJson>
void sendResult(httplib::Response& res, int status, const Result<T>& result, ToJson&& toJson) {
    if (!result)
        return sendError(res, result.error());
    sendJson(res, status, toJson(result.value()));
}

inline void sendResult(httplib::Response& res, const Result<void>& result) {
    if (!result)
        return sendError(res, result.error());
    sendNoContent(res);
}

// The request body as one JSON object.
Result<QJsonObject> jsonBody(const httplib::Request& req);
QString queryParam(const httplib::Request& req, const char* name);
// An integer query parameter within [min, max]; nullopt when absent.
Result<std::optional<qint64>> integerParam(const httplib::Request& req, const char* name,
                                           qint64 min, qint64 max);
// Bearer token from the Authorization header; empty when none.
QString bearerToken(const httplib::Request& req);
// Who is asking, for per-address limits and anonymous view counts.
QString clientAddress(const httplib::Request& req);

} // namespace bitmarket::server
