// scrypt password hashes with a per-user salt, stored as
// "scrypt$<logN>$<r>$<p>$<salt b64>$<hash b64>" so the cost can grow later.
#pragma once

#include <QString>

namespace bitmarket::server {

class PasswordHasher {
public:
    struct Cost {
        int logN = 15; // 2^15 * 128 * r bytes = 32 MiB per hash
        int r = 8;
        int p = 1;
    };

    PasswordHasher() = default;
    explicit PasswordHasher(Cost cost) : m_cost(cost) {}

    QString hash(const QString& password) const;
    // Constant-time comparison; false for malformed stored hashes.
    bool verify(const QString& password, const QString& stored) const;
    // Hashing costs time on purpose; this spends the same on unknown users so
    // response times do not reveal which usernames exist.
    void spendEquivalentTime(const QString& password) const;

private:
    Cost m_cost;
};

} // namespace bitmarket::server
