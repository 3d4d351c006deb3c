#include "jobs/RetryPolicy.h"

#include <algorithm>

namespace bitmarket::server::jobs {

bool RetryPolicy::mayRetry(const ApiError& error, int attemptsMade) const {
    return attemptsMade < maxAttempts && !neverRetry.contains(error.code);
}

qint64 RetryPolicy::backoffAfter(int attemptsMade) const {
    qint64 wait = backoffBaseMs;
    for (int i = 1; i < attemptsMade && wait < backoffMaxMs; ++i)
        wait *= 2;
    return std::min(wait, backoffMaxMs);
}

} // namespace bitmarket::server::jobs
