#include "http/CallerIdentity.h"

#include "http/Responses.h"

namespace bitmarket::server {

Result<QString> requireUser(const AuthService& auth, const httplib::Request& req) {
    const QString token = bearerToken(req);
    if (token.isEmpty())
        return ApiError::unauthorized();
    return auth.authenticate(token);
}

Result<QString> optionalUser(const AuthService& auth, const httplib::Request& req) {
    const QString token = bearerToken(req);
    if (token.isEmpty())
        return QString();
    return auth.authenticate(token);
}

} // namespace bitmarket::server
