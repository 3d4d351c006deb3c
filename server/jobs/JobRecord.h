// One row of the jobs table: the public Job plus what only the server needs
// (owner, schedule, unique key, lease, payload, result).
#pragma once

#include "bitmarket/ApiTypes.h"

#include <QJsonObject>
#include <QString>

namespace bitmarket::server::jobs {

struct JobRecord {
    Job job;               // id, kind, status, progress, stage, error, listingId, attempts, times
    QString ownerId;       // who asked for it and follows it live; empty for the server's own jobs
    QString uniqueKey;     // at most one queued job holds a key; empty: none
    qint64 runAfterMs = 0; // not claimed before this time
    QString leaseOwner;
    qint64 leaseExpiresAtMs = 0;
    qint64 heartbeatAtMs = 0;
    QJsonObject payload;
    QJsonObject result;
    qint64 revision = 0;

    bool isFinished() const {
        return job.status == u"done" || job.status == u"failed" || job.status == u"cancelled";
    }
};

} // namespace bitmarket::server::jobs
