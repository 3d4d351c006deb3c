// The sandbox's webhook signature: `Sandbox-Signature: t=<unix seconds>,v1=<hex>` where hex is
// HMAC-SHA256 with the shared secret over "<t>.<body>". A signature older (or newer) than the
// tolerance is refused, so a captured request cannot be replayed later.
#pragma once

#include "bitmarket/Result.h"

#include <QByteArray>

namespace bitmarket::server::payments {

class WebhookSignature {
public:
    static constexpr qint64 kToleranceMs = 5 * 60 * 1000;

    static QByteArray sign(const QByteArray& secret, qint64 unixSeconds, const QByteArray& body);
    // unauthorized unless `header` signs `body` with `secret` within the tolerance of nowMs.
    static Result<void> check(const QByteArray& secret, const QByteArray& header,
                              const QByteArray& body, qint64 nowMs);
};

} // namespace bitmarket::server::payments
