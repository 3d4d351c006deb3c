// The one writer of user_roles, and the SQL that reads a user's roles along
// with their row, so every reader agrees on how roles are stored.
#pragma once

#include "auth/Role.h"
#include "bitmarket/Result.h"
#include "db/Database.h"

namespace bitmarket::server {

class UserRoles {
public:
    // A column expression for `SELECT ... FROM users`: the user's role names,
    // comma-separated (NULL without roles). Read it with namesFromColumn().
    static constexpr const char* kRolesColumn =
        "(SELECT group_concat(role, ',') FROM user_roles WHERE user_id = users.id)";
    static QStringList namesFromColumn(const QString& column);

    explicit UserRoles(db::Database& db) : m_db(db) {}

    struct Granted {
        QString userId;
        bool alreadyHeld = false;
    };
    // Gives the user named `username` (case-insensitive) `role`; not_found for
    // an unknown user. Granting a role held already changes nothing.
    Result<Granted> grant(const QString& username, Role role);

private:
    db::Database& m_db;
};

} // namespace bitmarket::server
