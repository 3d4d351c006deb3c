// Which users have a signed-in socket open, counted as the hub admits and forgets sockets; read
// from any thread (chat asks it whom a message finds away).
#pragma once

#include "events/UserPresence.h"

#include <QHash>
#include <mutex>

namespace bitmarket::server {

class ConnectedUsers final : public UserPresence {
public:
    void opened(const QString& userId);
    void closed(const QString& userId);
    bool hasSocketOpen(const QString& userId) const override;

private:
    mutable std::mutex m_mutex;
    QHash<QString, int> m_sockets; // user -> open sockets
};

} // namespace bitmarket::server
