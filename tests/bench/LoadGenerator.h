// Drives a running server with concurrent keep-alive HTTP clients for a fixed
// time and reports throughput and latency percentiles.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace bitmarket::bench {

struct LoadResult {
    long failures = 0; // non-2xx or transport errors
    double seconds = 0;
    std::vector<double> latenciesMs; // sorted

    long requests() const { return static_cast<long>(latenciesMs.size()); }
    double throughput() const { return seconds > 0 ? requests() / seconds : 0; }
    double percentileMs(double p) const;
    double maxMs() const { return latenciesMs.empty() ? 0 : latenciesMs.back(); }
    // Adds another run of the same workload (rounds of one workload interleaved with others).
    void add(const LoadResult& other);
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
