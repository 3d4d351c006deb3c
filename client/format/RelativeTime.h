// "5 minutes ago": how old a listing is, in the UI language.
#pragma once

#include <QCoreApplication>
#include <QString>

class RelativeTime {
    Q_DECLARE_TR_FUNCTIONS(RelativeTime)

public:
    static QString since(qint64 thenMs, qint64 nowMs);
};
