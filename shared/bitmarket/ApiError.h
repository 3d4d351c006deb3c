// The error every layer returns as a value and the HTTP layer maps to
// {"error": {"code", "message", "field"}} with a status code. The message is
// English; the server's HTTP edge translates it by its template (`messageKey`)
// and arguments, so layers below HTTP never deal with the caller's language.
#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

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
    // The trade domains' codes (see the contract's "Errors: more codes").
    BidTooLow,           // 409, with details.minNextBid
    AuctionClosed,       // 409
    OwnListing,          // 403: bidding on, buying or chatting about your own listing
    Blocked,             // 403
    InvalidState,        // 409: a step the order's or auction's current state does not allow
    IdempotencyConflict, // 409: an Idempotency-Key used before for another request
};

struct ApiError {
    ErrorCode code = ErrorCode::Internal;
    QString message; // English, with the arguments filled in
    QString field;
    int retryAfterSeconds = 0; // only for RateLimited
    QString messageKey;        // the English template before arguments; empty: `message` itself
    QStringList messageArgs;   // %1, %2, ... of `messageKey`
    QString subject;           // what the message is about (a file name), shown before it
    QJsonObject details;       // more members of the error object ("minNextBid")

    // Fills the template's next %n placeholder, like QString::arg, keeping the template.
    ApiError& arg(const QString& value);
    ApiError& arg(qint64 value);
    // The template the message was made from.
    QString templateText() const { return messageKey.isEmpty() ? message : messageKey; }

    static ApiError validation(QString message, QString field = {});
    static ApiError unauthorized(QString message = QStringLiteral("Sign in required."));
    static ApiError forbidden(QString message = QStringLiteral("You may not do that."));
    static ApiError notFound(QString message = QStringLiteral("Not found."));
    static ApiError conflict(QString message, QString field = {});
    static ApiError payloadTooLarge(QString message);
    static ApiError unsupportedMediaType(QString message);
    static ApiError rateLimited(int retryAfterSeconds);
    static ApiError internal(QString message = QStringLiteral("Something went wrong on the server."));
    static ApiError of(ErrorCode code, QString message, QString field = {});

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
