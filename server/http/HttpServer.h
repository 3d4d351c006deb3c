// The HTTP listener: cpp-httplib with the settings this server needs (no Nagle
// delay, bounded bodies, a fixed worker pool) and the contract's error bodies
// for errors httplib produces itself (unknown route, body too large).
#pragma once

#include "bitmarket/Result.h"

#include <httplib.h>

#include <QString>

namespace bitmarket::server {

class HttpServer {
public:
    struct Options {
        QString host = QStringLiteral("127.0.0.1");
        int port = 8080;
        int threads = 32; // each open keep-alive connection holds one
        qint64 maxBodyBytes = 128LL * 1024 * 1024;
        int keepAliveSeconds = 5;
        bool logRequests = false;
    };

    explicit HttpServer(Options options);

    httplib::Server& raw() { return m_server; }
    // Binds the listening socket; returns the port (useful with port 0).
    Result<int> bind();
    // Serves until stop(); call after bind().
    void serve();
    // Waits until serve() has started its accept loop (stop() before that is
    // lost); false after `timeoutMs` without it.
    bool waitUntilServing(int timeoutMs);
    void stop();

private:
    Options m_options;
    httplib::Server m_server;
    socket_t m_listenSocket = INVALID_SOCKET;
};

} // namespace bitmarket::server
