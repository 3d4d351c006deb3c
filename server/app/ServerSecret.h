// The key access tokens are signed with: made on first start, kept in
// <dataDir>/secret.key readable by the server's user only.
#pragma once

#include "bitmarket/Result.h"

#include <QByteArray>

namespace bitmarket::server {

Result<QByteArray> loadOrCreateServerSecret(const QString& dataDir);

} // namespace bitmarket::server
