#include "auth/UserRoles.h"

#include "bitmarket/Timestamp.h"

namespace bitmarket::server {

QStringList UserRoles::namesFromColumn(const QString& column) {
    return column.split(u',', Qt::SkipEmptyParts);
}

Result<UserRoles::Granted> UserRoles::grant(const QString& username, Role role) {
    return m_db.write([&](db::Connection& c) -> Result<Granted> {
        auto user = c.query("SELECT id FROM users WHERE username_key = ?1");
        user.bind(username.trimmed().toLower());
        if (!user.next())
            return ApiError::notFound(QStringLiteral("No such user."));
        const QString userId = user.text(0);
        auto held = c.query("SELECT 1 FROM user_roles WHERE user_id = ?1 AND role = ?2");
        held.bind(userId, roleName(role));
        if (held.next())
            return Granted{userId, true};
        c.query("INSERT INTO user_roles (user_id, role, granted_at) VALUES (?1, ?2, ?3)")
            .bind(userId, roleName(role), nowMs())
            .run();
        return Granted{userId, false};
    });
}

} // namespace bitmarket::server
