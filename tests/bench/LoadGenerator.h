// Drives a running server with concurrent keep-alive HTTP clients for a fixed
// time and reports throughput and latency percentiles.
#pragma once

#include <functional>
#include <string>

namespace bitmarket::bench {

struct LoadResult {
    long requests = 0;
    long failures = 0; // non-2xx or transport errors
    double seconds = 0;
    double p50Ms = 0;
    double p99Ms = 0;
    double maxMs = 0;

    double throughput() const { return seconds > 0 ? requests / seconds : 0; }
};

class LoadGenerator {
public:
    // `nextPath(clientIndex, requestIndex)` gives the path of each request.
    using PathSource = std::function<std::string(int client, long request)>;

    LoadGenerator(std::string host, int port, int clients, double seconds)
        : m_host(std::move(host)), m_port(port), m_clients(clients), m_seconds(seconds) {}

    LoadResult run(const PathSource& nextPath) const;

private:
    std::string m_host;
    int m_port;
    int m_clients;
    double m_seconds;
};

} // namespace bitmarket::bench
