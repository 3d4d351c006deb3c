#include "payments/ProviderReplies.h"

#include <QJsonDocument>
#include <QUrl>
#include <QLoggingCategory>

namespace bitmarket::server::payments {

Q_LOGGING_CATEGORY(lcProvider, "bitmarket.payments")

Result<QJsonObject> replyJson(const HttpReply& reply, const RefusalReader& refusalMessage) {
    const QJsonObject body = QJsonDocument::fromJson(reply.body).object();
    if (reply.status >= 200 && reply.status < 300)
        return body;
    if (reply.status == 0 || reply.status >= 500) {
        qCWarning(lcProvider).noquote() << "payment provider failed:" << reply.status
                                        << (reply.error.isEmpty() ? QString::fromUtf8(reply.body.left(200))
                                                                  : reply.error);
        return ApiError::internal(QStringLiteral("The payment provider did not answer; try again."));
    }
    if (reply.status == 404)
        return ApiError::notFound(QStringLiteral("The payment provider does not know this payment."));
    return ApiError::of(ErrorCode::InvalidState,
                        QStringLiteral("The payment provider refused: %1"))
        .arg(refusalMessage(body));
}

Result<QJsonObject> callProvider(ProviderHttp& http, const QUrl& apiUrl,
                                 const QByteArray& authorization, const ProviderCall& call,
                                 const RefusalReader& refusalMessage) {
    QUrl url = apiUrl;
    url.setPath(url.path().chopped(url.path().endsWith(u'/') ? 1 : 0) + call.path);
    ProviderHttp::Headers headers{{QByteArray("Authorization"), authorization}};
    QByteArray body;
    if (call.method != "GET") {
        headers.append({QByteArray("Content-Type"), QByteArray("application/json")});
        body = QJsonDocument(call.body).toJson(QJsonDocument::Compact);
    }
    if (!call.idempotencyKey.isEmpty())
        headers.append({QByteArray("Idempotency-Key"), call.idempotencyKey.toUtf8()});
    return replyJson(http.send(call.method, url, headers, body), refusalMessage);
}

} // namespace bitmarket::server::payments
