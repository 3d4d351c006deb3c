#include "http/RetryKeys.h"

#include "idempotency/IdempotencyKeys.h"

#include <QCryptographicHash>

namespace bitmarket::server {

Result<idempotency::RetryKey> retryKeyOf(const httplib::Request& req) {
    if (!req.has_header("Idempotency-Key"))
        return idempotency::RetryKey{};
    const std::string key = req.get_header_value("Idempotency-Key");
    const bool printable = std::all_of(key.begin(), key.end(), [](char ch) { return ch > 0x20 && ch < 0x7f; });
    if (key.empty() || key.size() > idempotency::IdempotencyKeys::kMaxKeyLength || !printable)
        return ApiError::validation(QStringLiteral("The Idempotency-Key is 1 to 64 characters."),
                                    "Idempotency-Key");
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(QByteArrayView(req.method.data(), static_cast<qsizetype>(req.method.size())));
    hash.addData(QByteArrayView(" "));
    hash.addData(QByteArrayView(req.path.data(), static_cast<qsizetype>(req.path.size())));
    hash.addData(QByteArrayView("\n"));
    hash.addData(QByteArrayView(req.body.data(), static_cast<qsizetype>(req.body.size())));
    return idempotency::RetryKey{QString::fromLatin1(key.data(), static_cast<qsizetype>(key.size())),
                                 hash.result()};
}

} // namespace bitmarket::server
