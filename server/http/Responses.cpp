#include "http/Responses.h"

#include "bitmarket/ErrorCatalogue.h"
#include "bitmarket/JsonFields.h"

#include <QJsonDocument>

namespace bitmarket::server {

void sendJson(httplib::Response& res, int status, const QJsonObject& body) {
    res.status = status;
    const QByteArray bytes = QJsonDocument(body).toJson(QJsonDocument::Compact);
    res.set_content(bytes.constData(), bytes.size(), "application/json; charset=utf-8");
}

void sendJson(httplib::Response& res, int status, std::string body) {
    res.status = status;
    res.body = std::move(body);
    res.set_header("Content-Type", "application/json; charset=utf-8");
}

void sendError(const httplib::Request& req, httplib::Response& res, const ApiError& error) {
    if (error.code == ErrorCode::RateLimited)
        res.set_header("Retry-After", std::to_string(std::max(1, error.retryAfterSeconds)));
    const Language language = languageOf(req);
    res.set_header("Content-Language", language == Language::Korean ? "ko" : "en");
    sendJson(res, error.httpStatus(), ErrorCatalogue::translate(error, language).toJson());
}

void sendNoContent(httplib::Response& res) { res.status = 204; }

Result<QJsonObject> jsonBody(const httplib::Request& req) {
    return json::parseObject(QByteArray::fromStdString(req.body));
}

Result<QStringList> bodyStrings(const httplib::Request& req, std::initializer_list<StringField> fields) {
    QJsonObject body;
    BITMARKET_TRY(body, jsonBody(req));
    QStringList values;
    for (const StringField& field : fields) {
        QString value;
        BITMARKET_TRY(value, json::requireString(body, field.name, field.minLength, field.maxLength));
        values.append(value);
    }
    return values;
}

QString queryParam(const httplib::Request& req, const char* name) {
    return QString::fromStdString(req.get_param_value(name));
}

Result<std::optional<qint64>> integerParam(const httplib::Request& req, const char* name,
                                           qint64 min, qint64 max) {
    if (!req.has_param(name))
        return std::optional<qint64>{};
    bool ok = false;
    const qint64 value = QString::fromStdString(req.get_param_value(name)).toLongLong(&ok);
    if (!ok || value < min || value > max)
        return ApiError::validation(QStringLiteral("Must be a whole number from %1 to %2."),
                                    QString::fromLatin1(name))
            .arg(min)
            .arg(max);
    return std::optional<qint64>{value};
}

Result<int> pageLimit(const httplib::Request& req) {
    std::optional<qint64> limit;
    BITMARKET_TRY(limit, integerParam(req, "limit", 1, 100));
    return static_cast<int>(limit.value_or(20));
}

Language languageOf(const httplib::Request& req) {
    return languageFromAcceptLanguage(
        QString::fromStdString(req.get_header_value("Accept-Language")));
}

QString bearerToken(const httplib::Request& req) { return bearerToken(req.get_header_value("Authorization")); }

QString bearerToken(const std::string& authorization) {
    // The scheme name is case-insensitive (RFC 7235).
    const QString header = QString::fromStdString(authorization);
    constexpr QLatin1String prefix("Bearer ");
    if (header.size() <= prefix.size() || !header.startsWith(prefix, Qt::CaseInsensitive))
        return {};
    return header.mid(prefix.size()).trimmed();
}

QString clientAddress(const httplib::Request& req) { return QString::fromStdString(req.remote_addr); }

} // namespace bitmarket::server
