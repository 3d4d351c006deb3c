// Typed, validating reads of request bodies: each failure names the field.
#pragma once

#include "bitmarket/Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace bitmarket::json {

// Parses a body that must be one JSON object.
Result<QJsonObject> parseObject(const QByteArray& body);

// Trimmed string of minLength..maxLength characters.
Result<QString> requireString(const QJsonObject& o, const QString& field, int minLength,
                              int maxLength);
// Absent or null gives std::nullopt; otherwise as requireString.
Result<std::optional<QString>> optionalString(const QJsonObject& o, const QString& field,
                                              int minLength, int maxLength);
Result<qint64> requireInteger(const QJsonObject& o, const QString& field, qint64 min, qint64 max);
Result<std::optional<bool>> optionalBool(const QJsonObject& o, const QString& field);
// Array of trimmed, non-empty, de-duplicated strings.
Result<QStringList> stringList(const QJsonObject& o, const QString& field, int maxItems,
                               int maxLength);
// One of the allowed values.
Result<QString> requireEnum(const QJsonObject& o, const QString& field,
                            const QStringList& allowed);

} // namespace bitmarket::json
