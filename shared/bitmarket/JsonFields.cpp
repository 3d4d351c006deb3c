#include "bitmarket/JsonFields.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace bitmarket::json {

Result<QJsonObject> parseObject(const QByteArray& body) {
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &err);
    if (err.error != QJsonParseError::NoError)
        return ApiError::validation(QStringLiteral("Body is not valid JSON: %1."))
            .arg(err.errorString());
    if (!doc.isObject())
        return ApiError::validation(QStringLiteral("Body must be a JSON object."));
    return doc.object();
}

Result<QString> requireString(const QJsonObject& o, const QString& field, int minLength,
                              int maxLength) {
    const QJsonValue v = o.value(field);
    if (v.isUndefined() || v.isNull())
        return ApiError::validation(QStringLiteral("This field is required."), field);
    if (!v.isString())
        return ApiError::validation(QStringLiteral("Must be a string."), field);
    const QString s = v.toString().trimmed();
    if (s.size() < minLength)
        return ApiError::validation(QStringLiteral("Must be at least %1 characters."), field)
            .arg(minLength);
    if (s.size() > maxLength)
        return ApiError::validation(QStringLiteral("Must be at most %1 characters."), field)
            .arg(maxLength);
    return s;
}

Result<std::optional<QString>> optionalString(const QJsonObject& o, const QString& field,
                                              int minLength, int maxLength) {
    const QJsonValue v = o.value(field);
    if (v.isUndefined() || v.isNull())
        return std::optional<QString>{};
    auto s = requireString(o, field, minLength, maxLength);
    if (!s)
        return s.error();
    return std::optional<QString>{s.value()};
}

Result<qint64> requireInteger(const QJsonObject& o, const QString& field, qint64 min, qint64 max) {
    const QJsonValue v = o.value(field);
    if (v.isUndefined() || v.isNull())
        return ApiError::validation(QStringLiteral("This field is required."), field);
    if (!v.isDouble() || v.toDouble() != static_cast<double>(v.toInteger()))
        return ApiError::validation(QStringLiteral("Must be a whole number."), field);
    const qint64 n = v.toInteger();
    if (n < min || n > max)
        return ApiError::validation(QStringLiteral("Must be between %1 and %2."), field)
            .arg(min)
            .arg(max);
    return n;
}

Result<std::optional<bool>> optionalBool(const QJsonObject& o, const QString& field) {
    const QJsonValue v = o.value(field);
    if (v.isUndefined() || v.isNull())
        return std::optional<bool>{};
    if (!v.isBool())
        return ApiError::validation(QStringLiteral("Must be true or false."), field);
    return std::optional<bool>{v.toBool()};
}

Result<QStringList> stringList(const QJsonObject& o, const QString& field, int maxItems,
                               int maxLength) {
    const QJsonValue v = o.value(field);
    if (v.isUndefined() || v.isNull())
        return QStringList{};
    if (!v.isArray())
        return ApiError::validation(QStringLiteral("Must be an array of strings."), field);
    QStringList out;
    for (const QJsonValue& item : v.toArray()) {
        if (!item.isString())
            return ApiError::validation(QStringLiteral("Must be an array of strings."), field);
        const QString s = item.toString().trimmed();
        if (s.isEmpty() || s.size() > maxLength)
            return ApiError::validation(QStringLiteral("Each entry must be 1 to %1 characters."),
                                        field)
                .arg(maxLength);
        if (!out.contains(s))
            out.append(s);
    }
    if (out.size() > maxItems)
        return ApiError::validation(QStringLiteral("At most %1 entries."), field).arg(maxItems);
    return out;
}

Result<QString> requireEnum(const QJsonObject& o, const QString& field,
                            const QStringList& allowed) {
    const QJsonValue v = o.value(field);
    if (v.isUndefined() || v.isNull())
        return ApiError::validation(QStringLiteral("This field is required."), field);
    if (!v.isString() || !allowed.contains(v.toString()))
        return ApiError::validation(QStringLiteral("Must be one of: %1."), field)
            .arg(allowed.join(", "));
    return v.toString();
}

} // namespace bitmarket::json
