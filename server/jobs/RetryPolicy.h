// How a kind of job is retried: how many attempts it gets, how long it waits
// after a failure, and which errors retrying cannot fix. Each JobHandler
// declares its own.
#pragma once

#include "bitmarket/ApiError.h"

#include <QList>

namespace bitmarket::server::jobs {

struct RetryPolicy {
    int maxAttempts = 3;
    qint64 backoffBaseMs = 15'000; // wait after the first failure; doubles each time
    qint64 backoffMaxMs = 600'000;
    QList<ErrorCode> neverRetry; // a job failing with one of these fails at once

    bool mayRetry(const ApiError& error, int attemptsMade) const;
    qint64 backoffAfter(int attemptsMade) const;
};

} // namespace bitmarket::server::jobs
