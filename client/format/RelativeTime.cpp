#include "format/RelativeTime.h"

#include <QDateTime>
#include <QLocale>

QString RelativeTime::since(qint64 thenMs, qint64 nowMs) {
    if (thenMs <= 0)
        return {};
    const qint64 seconds = qMax<qint64>(0, (nowMs - thenMs) / 1000);
    const qint64 minute = 60;
    const qint64 hour = 60 * minute;
    const qint64 day = 24 * hour;
    if (seconds < minute)
        return tr("just now");
    if (seconds < hour)
        return tr("%n minute(s) ago", nullptr, int(seconds / minute));
    if (seconds < day)
        return tr("%n hour(s) ago", nullptr, int(seconds / hour));
    if (seconds < 30 * day)
        return tr("%n day(s) ago", nullptr, int(seconds / day));
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(thenMs).date(), QLocale::ShortFormat);
}
