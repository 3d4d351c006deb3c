// A refresh whose answer is lost on the way (a dropped connection, a client
// timeout) is retried with the token it has just spent, and two parts of a
// client may refresh the same token at once. Presenting a spent token ends its
// session (it may have been stolen), so without a grace the retry would sign
// the user out. For a few seconds after a rotation, the spent token presented
// again from the same address gets the same new pair back, as long as that
// pair is unused. A thief replaying from elsewhere still ends the session, and
// once the new pair is used the old token counts as reuse from anywhere.
#pragma once

#include "bitmarket/ApiTypes.h"

#include <QByteArray>

#include <deque>
#include <mutex>
#include <optional>
#include <unordered_map>

namespace bitmarket::server {

class RefreshGrace {
public:
    struct Rotation {
        AuthSession next;      // the pair the first refresh answered
        QByteArray nextHash;   // its refresh token's hash, to see that it is still unused
        QString address;       // who asked for it
        qint64 rotatedAtMs = 0;
    };

    explicit RefreshGrace(qint64 graceMs) : m_graceMs(graceMs) {}

    void remember(const QByteArray& spentHash, Rotation rotation);
    // The rotation that spent `spentHash`, if it happened within the grace for `address`.
    std::optional<Rotation> find(const QByteArray& spentHash, const QString& address,
                                 qint64 nowMs);

private:
    void forgetOld(qint64 nowMs);

    qint64 m_graceMs;
    std::mutex m_mutex;
    std::unordered_map<QByteArray, Rotation> m_rotations;
    std::deque<std::pair<qint64, QByteArray>> m_order; // by time, for forgetting
};

} // namespace bitmarket::server
