// What one request and one connection may cost the server, checked by
// HttpConnections before any handler runs. cpp-httplib 0.11 (Debian's) has
// none of these: it reads header lines and chunked bodies of any size,
// inflates compressed bodies without bound and keeps a worker thread per
// connection, so the server puts its own reading in front of it.
#pragma once

#include <chrono>
#include <cstddef>

namespace bitmarket::server {

struct HttpLimits {
    // The request line and headers together, and each header line alone.
    std::size_t maxHeadBytes = 16 * 1024;
    std::size_t maxHeaderLineBytes = 8 * 1024;
    std::size_t maxHeaderCount = 64;
    // Bodies of routes that take JSON; routes that take files declare more (Router).
    std::size_t maxJsonBodyBytes = 64 * 1024;
    // Bodies larger than the JSON limit held at once, across all connections: what
    // uploads in flight may cost in memory before new ones are asked to wait.
    std::size_t largeBodyBudgetBytes = 512 * 1024 * 1024;
    // What one account, and one client address, may hold of that budget at once: a slow
    // uploader cannot make everyone else wait.
    std::size_t largeBodyShareBytes = 160 * 1024 * 1024;
    // From the first byte of a request to its last header: the header deadline.
    std::chrono::milliseconds headTimeout{10'000};
    // A body must keep coming at this rate after the head (plus headTimeout of slack).
    std::size_t minBodyBytesPerSecond = 16 * 1024;
    // An answer must be taken at this rate (plus headTimeout of slack).
    std::size_t minSendBytesPerSecond = 16 * 1024;
    // A connection between requests, or one that sends nothing at all.
    std::chrono::milliseconds idleTimeout{5'000};
    std::size_t maxRequestsPerConnection = 1000;
    // Open connections from one address (a household or office behind one NAT fits),
    // and in all; the total is lowered to fit the process's open-file limit.
    int maxConnectionsPerAddress = 64;
    int maxConnections = 8192;
};

} // namespace bitmarket::server
