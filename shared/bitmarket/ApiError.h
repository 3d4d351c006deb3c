// The error every layer returns as a value and the HTTP layer maps to
// {"error": {"code", "message", "field"}} with a status code.
#pragma once

#include <QJsonObject>
#include <QString>

namespace bitmarket {

enum class ErrorCode {
    ValidationFailed,
    Unauthorized,
    Forbidden,
    NotFound,
    Conflict,
    PayloadTooLarge,
    UnsupportedMediaType,
    RateLimited,
    Internal,
};

struct ApiError {
    ErrorCode code = ErrorCode::Internal;
    QString message;
    QString field;
    int retryAfterSeconds = 0; // only for RateLimited

    static ApiError validation(QString message, QString field = {});
    static ApiError unauthorized(QString message = QStringLiteral("Sign in required."));
    static ApiError forbidden(QString message = QStringLiteral("You may not do that."));
    static ApiError notFound(QString message = QStringLiteral("Not found."));
    static ApiError conflict(QString message, QString field = {});
    static ApiError payloadTooLarge(QString message);
    static ApiError unsupportedMediaType(QString message);
    static ApiError rateLimited(int retryAfterSeconds);
    static ApiError internal(QString message = QStringLiteral("Something went wrong on the server."));

    int httpStatus() const;
    QString codeName() const;
    QJsonObject toJson() const;
    // Reads an error body; falls back to `Internal` with the raw text.
    static ApiError fromJson(const QJsonObject& body, int httpStatus);
};

int httpStatusOf(ErrorCode code);
QString codeNameOf(ErrorCode code);
ErrorCode errorCodeFromName(const QString& name, int httpStatus);

} // namespace bitmarket
