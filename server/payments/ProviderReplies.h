// What a provider's HTTP answer means to the server: the JSON of a 2xx, or the error to
// return (internal when the provider did not answer or failed, not_found, or invalid_state
// with the provider's own words when it refused).
#pragma once

#include "bitmarket/Result.h"
#include "payments/ProviderHttp.h"

#include <QJsonObject>

#include <functional>

namespace bitmarket::server::payments {

using RefusalReader = std::function<QString(const QJsonObject&)>;

// `refusalMessage` reads the provider's sentence out of an error body.
Result<QJsonObject> replyJson(const HttpReply& reply, const RefusalReader& refusalMessage);

// One JSON call: `method` on `path` under `apiUrl`, with the Authorization header, the body
// (not for GET) and an Idempotency-Key when one is given.
struct ProviderCall {
    QByteArray method;
    QString path;
    QJsonObject body;
    QString idempotencyKey;
};
Result<QJsonObject> callProvider(ProviderHttp& http, const QUrl& apiUrl,
                                 const QByteArray& authorization, const ProviderCall& call,
                                 const RefusalReader& refusalMessage);

} // namespace bitmarket::server::payments
