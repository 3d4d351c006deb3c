// How many connections the server can hold within its open-file limit (systemd's
// default soft limit is 1,024): the soft limit is raised to the hard one, files are
// kept for the database, media and the engine, and the rest is shared between HTTP
// connections and WebSockets, so neither can starve the other of sockets.
#pragma once

namespace bitmarket::server {

struct ConnectionBudget {
    int http = 0;
    int webSockets = 0;
};

// Raises the soft open-file limit as far as allowed; the budget under the result,
// each share at most `most`.
ConnectionBudget connectionBudget(int most);

} // namespace bitmarket::server
