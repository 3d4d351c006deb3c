// The addresses each account has signed in (or registered) from: owns the
// sign_in_addresses table. LoginThrottle lets an account's owner at a familiar
// address past the delays strangers' failures built up.
#pragma once

#include "db/Connection.h"

#include <QString>

namespace bitmarket::server {

class SignInAddresses {
public:
    // An address unused this long is a stranger again.
    static constexpr qint64 kFamiliarForMs = 90LL * 24 * 3600 * 1000;

    static bool familiar(db::Connection& c, const QString& userId, const QString& address,
                         qint64 nowMs);
    static void remember(db::Connection& c, const QString& userId, const QString& address,
                         qint64 nowMs);
};

} // namespace bitmarket::server
