// One row of the jobs table: the public Job plus what only the server needs
// (owner, lease, payload, result).
#pragma once

#include "bitmarket/ApiTypes.h"

#include <QJsonObject>
#include <QString>

namespace bitmarket::server::jobs {

struct JobRecord {
    Job job; // id, kind, status, progress, stage, error, listingId, attempts, times
    QString ownerId;
    int maxAttempts = 0;
    qint64 runAfterMs = 0;
    QString leaseOwner;
    qint64 leaseExpiresAtMs = 0;
    qint64 heartbeatAtMs = 0;
    QJsonObject payload;
    QJsonObject result;
    qint64 revision = 0;

    bool isFinished() const { return job.status == u"done" || job.status == u"failed"; }
};

} // namespace bitmarket::server::jobs
