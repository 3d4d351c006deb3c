// A client's Idempotency-Key on a write it may retry, with the fingerprint of the request it
// came on (the route and the body), so the same key on a different request is told apart.
#pragma once

#include <QByteArray>
#include <QString>

namespace bitmarket::server::idempotency {

struct RetryKey {
    QString key;            // empty: the request carries none
    QByteArray fingerprint; // a hash of what the request asks for

    bool present() const { return !key.isEmpty(); }
};

} // namespace bitmarket::server::idempotency
