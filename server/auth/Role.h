// What a user may do beyond their own things. Stored by name in user_roles.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace bitmarket::server {

enum class Role { Moderator, Admin };

QString roleName(Role role);
std::optional<Role> roleFromName(const QString& name);
// Names of known roles in a list; unknown names are skipped.
QList<Role> rolesFromNames(const QStringList& names);

} // namespace bitmarket::server
