// Real accounts with sessions for the benchmarks, made in the data dir before the server
// starts, with cheap password hashes (nobody signs in with a password here).
#pragma once

#include <QList>
#include <QString>

namespace bitmarket::bench {

struct BenchUser {
    QString id;
    QString accessToken;
};

// Users named `<prefix>_0` ... with access tokens valid for an hour.
QList<BenchUser> registerUsers(const QString& dataDir, const QString& prefix, int count);

} // namespace bitmarket::bench
