#include "auth/Role.h"

namespace bitmarket::server {

QString roleName(Role role) {
    switch (role) {
    case Role::Moderator:
        return QStringLiteral("moderator");
    case Role::Admin:
        return QStringLiteral("admin");
    }
    return {};
}

std::optional<Role> roleFromName(const QString& name) {
    for (Role role : {Role::Moderator, Role::Admin}) {
        if (roleName(role) == name)
            return role;
    }
    return std::nullopt;
}

QList<Role> rolesFromNames(const QStringList& names) {
    QList<Role> roles;
    for (const QString& name : names) {
        if (const auto role = roleFromName(name))
            roles.append(*role);
    }
    return roles;
}

} // namespace bitmarket::server
