#include "auth/SignInAddresses.h"

#include "auth/LoginThrottle.h"
#include "db/Query.h"

namespace bitmarket::server {

bool SignInAddresses::familiar(db::Connection& c, const QString& userId, const QString& address,
                               qint64 nowMs) {
    auto q = c.query("SELECT 1 FROM sign_in_addresses WHERE user_id = ?1 AND address = ?2 AND "
                     "last_signed_in_at > ?3");
    q.bind(userId, LoginThrottle::addressKey(address), nowMs - kFamiliarForMs);
    return q.next();
}

void SignInAddresses::remember(db::Connection& c, const QString& userId, const QString& address,
                               qint64 nowMs) {
    c.query("INSERT INTO sign_in_addresses (user_id, address, last_signed_in_at) "
            "VALUES (?1, ?2, ?3) ON CONFLICT (user_id, address) "
            "DO UPDATE SET last_signed_in_at = excluded.last_signed_in_at")
        .bind(userId, LoginThrottle::addressKey(address), nowMs)
        .run();
}

} // namespace bitmarket::server
