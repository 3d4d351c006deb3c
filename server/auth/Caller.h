// Who is calling, as the router found it before the handler runs: the signed-in
// user, the session their token belongs to, and their roles, read fresh for
// each request. Empty for an anonymous caller.
#pragma once

#include "auth/Role.h"

#include <QList>
#include <QString>

namespace bitmarket::server {

struct Caller {
    QString userId;
    QString sessionId;
    QList<Role> roles;

    bool signedIn() const { return !userId.isEmpty(); }
    bool hasRole(Role role) const { return roles.contains(role); }
    // Administrators may do whatever moderators may.
    bool mayModerate() const { return hasRole(Role::Moderator) || hasRole(Role::Admin); }
};

} // namespace bitmarket::server
