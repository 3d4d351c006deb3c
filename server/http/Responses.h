// Writing JSON answers and the contract's error body (its message in the
// caller's Accept-Language); reading common request parts.
#pragma once

#include "bitmarket/ApiError.h"
#include "bitmarket/Language.h"
#include "bitmarket/Result.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>
#include <httplib.h>
#include <initializer_list>
#include <optional>
#include <string>

namespace bitmarket::server {

void sendJson(httplib::Response& res, int status, const QJsonObject& body);
// A body already written as JSON text (see JsonWriter).
void sendJson(httplib::Response& res, int status, std::string body);
// The error body, its message in the language `req` asks for.
void sendError(const httplib::Request& req, httplib::Response& res, const ApiError& error);
void sendNoContent(httplib::Response& res);

// Sends `toJson(value)` (a QJsonObject or JSON text) with `status` when ok, the error otherwise.
template <typename T, typename ToJson>
void sendResult(const httplib::Request& req, httplib::Response& res, int status,
                const Result<T>& result, ToJson&& toJson) {
    if (!result)
        return sendError(req, res, result.error());
    sendJson(res, status, toJson(result.value()));
}

inline void sendResult(const httplib::Request& req, httplib::Response& res,
                       const Result<void>& result) {
    if (!result)
        return sendError(req, res, result.error());
    sendNoContent(res);
}

// The request body as one JSON object.
Result<QJsonObject> jsonBody(const httplib::Request& req);
// A string field the JSON body must carry, with its length in characters.
struct StringField {
    const char* name;
    int minLength;
    int maxLength;
};
// Those string fields of the request's JSON body, in the order asked: the body's error, or the
// first field's, otherwise.
Result<QStringList> bodyStrings(const httplib::Request& req, std::initializer_list<StringField> fields);
QString queryParam(const httplib::Request& req, const char* name);
// An integer query parameter within [min, max]; nullopt when absent.
Result<std::optional<qint64>> integerParam(const httplib::Request& req, const char* name,
                                           qint64 min, qint64 max);
// A page's `limit` query parameter: 1 to 100, 20 when absent.
Result<int> pageLimit(const httplib::Request& req);
// A page as the contract answers it: {items, nextCursor} (null on the last page).
template <typename Page> QJsonObject pageJson(const Page& page) {
    QJsonArray items;
    for (const auto& item : page.items)
        items.append(item.toJson());
    return QJsonObject{{"items", items},
                       {"nextCursor", page.nextCursor.isEmpty() ? QJsonValue()
                                                                : QJsonValue(page.nextCursor)}};
}
// The language Accept-Language asks for (English by default).
Language languageOf(const httplib::Request& req);
// Bearer token from the Authorization header; empty when none.
QString bearerToken(const httplib::Request& req);
// The same, from the Authorization header's value.
QString bearerToken(const std::string& authorization);
// Who is asking, for per-address limits and anonymous view counts.
QString clientAddress(const httplib::Request& req);

} // namespace bitmarket::server
