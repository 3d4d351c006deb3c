// The Idempotency-Key header of a write a client may retry, with the fingerprint of what the
// request asks (method, path and body), so the same key on another request is told apart.
#pragma once

#include "bitmarket/Result.h"
#include "idempotency/RetryKey.h"

#include <httplib.h>

namespace bitmarket::server {

// No header: a key that is not present. A key outside 1-64 printable ASCII characters: validation.
Result<idempotency::RetryKey> retryKeyOf(const httplib::Request& req);

} // namespace bitmarket::server
