#include "RelativeTime.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>

namespace RelativeTime {

QString since(qint64 thenMs, qint64 nowMs) {
    if (thenMs <= 0)
        return {};
    const qint64 seconds = qMax<qint64>(0, (nowMs - thenMs) / 1000);
    const auto tr = [](const char* text, int n) {
        return QCoreApplication::translate("RelativeTime", text, nullptr, n);
    };
    if (seconds < 60)
        return QCoreApplication::translate("RelativeTime", "just now");
    if (seconds < 3600)
        return tr("%n minute(s) ago", int(seconds / 60));
    if (seconds < 86400)
        return tr("%n hour(s) ago", int(seconds / 3600));
    if (seconds < 86400 * 30)
        return tr("%n day(s) ago", int(seconds / 86400));
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(thenMs).date(), QLocale::ShortFormat);
}

} // namespace RelativeTime
