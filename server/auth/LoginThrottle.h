// Slows password guessing down without locking the account's owner out.
// Three growing delays (FailureBackoff), each for one kind of attacker:
//   - per account and address: one address guessing one account's password;
//   - per account, for addresses it never signed in from: many addresses
//     guessing one account (its owner at a familiar address does not wait);
//   - per address, for accounts never signed in from it: one address trying
//     many accounts, made-up names included (the people behind the same proxy
//     or NAT who signed in from it before do not wait, the others at most a
//     minute).
// Counts start at the attempt, before the slow password check, and a success
// takes its attempt back.
#pragma once

#include "auth/FailureBackoff.h"

namespace bitmarket::server {

struct LoginAttempt {
    QString account; // the user's id, or the typed name when there is no such user
    QString address; // the client's address
    bool familiar = false; // the account has signed in from this address before
};

class LoginThrottle {
public:
    struct Policies {
        FailureBackoff::Policy accountAtAddress{3, 1000, 15 * 60 * 1000, 24 * 3600 * 1000};
        FailureBackoff::Policy account{10, 1000, 5 * 60 * 1000, 3600 * 1000};
        FailureBackoff::Policy address{30, 1000, 60 * 1000, 3600 * 1000};
    };

    explicit LoginThrottle(Policies policies);

    // rate_limited with Retry-After while any delay that applies runs; otherwise the
    // attempt is counted as a failure until succeeded() or notTried().
    Result<void> begin(const LoginAttempt& attempt, qint64 nowMs);
    // The password was wrong, as known at `nowMs`: the delays run from then.
    void failed(const LoginAttempt& attempt, qint64 nowMs);
    // The password was right: the pair's failures are forgotten.
    void succeeded(const LoginAttempt& attempt);
    // The password was never checked (the server was too busy): not a failure.
    void notTried(const LoginAttempt& attempt);

    // IPv6 clients hold whole /64 networks: they count as one address.
    static QString addressKey(const QString& address);

private:
    FailureBackoff m_accountAtAddress;
    FailureBackoff m_account;
    FailureBackoff m_address;
};

} // namespace bitmarket::server
