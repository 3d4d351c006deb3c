#include "bitmarket/ApiError.h"

#include "bitmarket/MessageTemplate.h"

namespace bitmarket {

namespace {
struct CodeInfo {
    ErrorCode code;
    const char* name;
    int status;
};
constexpr CodeInfo kCodes[] = {
    {ErrorCode::ValidationFailed, "validation_failed", 400},
    {ErrorCode::Unauthorized, "unauthorized", 401},
    {ErrorCode::Forbidden, "forbidden", 403},
    {ErrorCode::NotFound, "not_found", 404},
    {ErrorCode::Conflict, "conflict", 409},
    {ErrorCode::PayloadTooLarge, "payload_too_large", 413},
    {ErrorCode::UnsupportedMediaType, "unsupported_media_type", 415},
    {ErrorCode::RateLimited, "rate_limited", 429},
    {ErrorCode::BidTooLow, "bid_too_low", 409},
    {ErrorCode::AuctionClosed, "auction_closed", 409},
    {ErrorCode::OwnListing, "own_listing", 403},
    {ErrorCode::Blocked, "blocked", 403},
    {ErrorCode::InvalidState, "invalid_state", 409},
    {ErrorCode::IdempotencyConflict, "idempotency_conflict", 409},
    {ErrorCode::Internal, "internal", 500},
};

const CodeInfo& infoOf(ErrorCode code) {
    for (const auto& info : kCodes) {
        if (info.code == code)
            return info;
    }
    return kCodes[std::size(kCodes) - 1];
}
} // namespace

int httpStatusOf(ErrorCode code) { return infoOf(code).status; }
QString codeNameOf(ErrorCode code) { return QString::fromLatin1(infoOf(code).name); }

ErrorCode errorCodeFromName(const QString& name, int httpStatus) {
    for (const auto& info : kCodes) {
        if (name == QLatin1String(info.name))
            return info.code;
    }
    for (const auto& info : kCodes) {
        if (info.status == httpStatus)
            return info.code;
    }
    return ErrorCode::Internal;
}

ApiError ApiError::validation(QString message, QString field) {
    return {ErrorCode::ValidationFailed, std::move(message), std::move(field)};
}
ApiError ApiError::unauthorized(QString message) {
    return {ErrorCode::Unauthorized, std::move(message), {}};
}
ApiError ApiError::forbidden(QString message) { return {ErrorCode::Forbidden, std::move(message), {}}; }
ApiError ApiError::notFound(QString message) { return {ErrorCode::NotFound, std::move(message), {}}; }
ApiError ApiError::conflict(QString message, QString field) {
    return {ErrorCode::Conflict, std::move(message), std::move(field)};
}
ApiError ApiError::payloadTooLarge(QString message) {
    return {ErrorCode::PayloadTooLarge, std::move(message), {}};
}
ApiError ApiError::unsupportedMediaType(QString message) {
    return {ErrorCode::UnsupportedMediaType, std::move(message), {}};
}
ApiError ApiError::rateLimited(int retryAfterSeconds) {
    ApiError e{ErrorCode::RateLimited, QStringLiteral("Too many attempts. Try again later."), {}};
    e.retryAfterSeconds = retryAfterSeconds;
    return e;
}
ApiError ApiError::internal(QString message) { return {ErrorCode::Internal, std::move(message), {}}; }
ApiError ApiError::of(ErrorCode code, QString message, QString field) {
    return {code, std::move(message), std::move(field)};
}

ApiError& ApiError::arg(const QString& value) {
    if (messageKey.isEmpty())
        messageKey = message;
    messageArgs.append(value);
    message = filledTemplate(messageKey, messageArgs);
    return *this;
}

ApiError& ApiError::arg(qint64 value) {
    return arg(QString::number(value));
}

int ApiError::httpStatus() const { return httpStatusOf(code); }
QString ApiError::codeName() const { return codeNameOf(code); }

QJsonObject ApiError::toJson() const {
    const QString text = subject.isEmpty() ? message : subject + QStringLiteral(": ") + message;
    QJsonObject inner{{"code", codeName()}, {"message", text}};
    if (!field.isEmpty())
        inner.insert("field", field);
    for (auto it = details.begin(); it != details.end(); ++it)
        inner.insert(it.key(), it.value());
    return QJsonObject{{"error", inner}};
}

ApiError ApiError::fromJson(const QJsonObject& body, int httpStatus) {
    const QJsonObject inner = body.value("error").toObject();
    ApiError e;
    e.code = errorCodeFromName(inner.value("code").toString(), httpStatus);
    e.message = inner.value("message").toString();
    e.field = inner.value("field").toString();
    for (auto it = inner.begin(); it != inner.end(); ++it) {
        if (it.key() != u"code" && it.key() != u"message" && it.key() != u"field")
            e.details.insert(it.key(), it.value());
    }
    return e;
}

} // namespace bitmarket
