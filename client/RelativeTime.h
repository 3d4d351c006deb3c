// "5 minutes ago": how old a listing is, in the UI language.
#pragma once

#include <QString>

namespace RelativeTime {

QString since(qint64 thenMs, qint64 nowMs);

} // namespace RelativeTime
