// Structured logs: one JSON object per line in <dataDir>/logs/server.log, and
// a readable line on stderr. Installed as Qt's message handler.
#pragma once

#include <QString>

namespace bitmarket::server {

class ServerLog {
public:
    // Returns false when the log file cannot be opened (stderr still works).
    static bool install(const QString& dataDir);
    static void uninstall();
};

} // namespace bitmarket::server
