// RFC 3339 UTC timestamps as the API writes them, and milliseconds since the epoch as stored.
#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

namespace bitmarket {

qint64 nowMs();
QString toRfc3339(qint64 msSinceEpoch);
std::optional<qint64> fromRfc3339(const QString& text);

} // namespace bitmarket
