#include "bitmarket/Timestamp.h"

namespace bitmarket {

qint64 nowMs() { return QDateTime::currentMSecsSinceEpoch(); }

QString toRfc3339(qint64 msSinceEpoch) {
    return QDateTime::fromMSecsSinceEpoch(msSinceEpoch, Qt::UTC)
        .toString(Qt::ISODateWithMs);
}

std::optional<qint64> fromRfc3339(const QString& text) {
    const QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid() || t.timeSpec() == Qt::LocalTime)
        return std::nullopt; // a timestamp without an offset is ambiguous
    return t.toMSecsSinceEpoch();
}

} // namespace bitmarket
