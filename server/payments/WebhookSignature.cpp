#include "payments/WebhookSignature.h"

#include <QMessageAuthenticationCode>

#include <openssl/crypto.h>

namespace bitmarket::server::payments {

QByteArray WebhookSignature::sign(const QByteArray& secret, qint64 unixSeconds,
                                  const QByteArray& body) {
    const QByteArray t = QByteArray::number(unixSeconds);
    return QMessageAuthenticationCode::hash(t + '.' + body, secret, QCryptographicHash::Sha256)
        .toHex();
}

Result<void> WebhookSignature::check(const QByteArray& secret, const QByteArray& header,
                                     const QByteArray& body, qint64 nowMs) {
    const ApiError refused = ApiError::unauthorized(QStringLiteral("The webhook signature is not valid."));
    QByteArray t;
    QByteArray v1;
    for (const QByteArray& part : header.split(',')) {
        const QByteArray item = part.trimmed();
        if (item.startsWith("t="))
            t = item.mid(2);
        else if (item.startsWith("v1="))
            v1 = item.mid(3);
    }
    bool ok = false;
    const qint64 seconds = t.toLongLong(&ok);
    if (!ok || v1.isEmpty())
        return refused;
    if (std::llabs(nowMs - seconds * 1000) > kToleranceMs)
        return ApiError::unauthorized(QStringLiteral("The webhook signature has expired."));
    const QByteArray expected = sign(secret, seconds, body);
    if (expected.size() != v1.size() ||
        CRYPTO_memcmp(expected.constData(), v1.constData(), size_t(expected.size())) != 0)
        return refused;
    return {};
}

} // namespace bitmarket::server::payments
