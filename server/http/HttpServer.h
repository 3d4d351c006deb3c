// The HTTP listener: HttpConnections reads every request whole and checked
// (HttpLimits) and hands it to cpp-httplib, which routes it to the handlers;
// httplib also supplies the contract's error bodies for errors it produces
// itself (unknown route, malformed request).
#pragma once

#include "bitmarket/Result.h"
#include "http/HttpConnections.h"
#include "http/HttpLimits.h"
#include "http/TlsContext.h"

#include <httplib.h>

#include <QString>

#include <memory>

namespace bitmarket::server {

class HttpServer {
public:
    struct Options {
        QString host = QStringLiteral("127.0.0.1");
        int port = 8080;
        int threads = 32; // workers computing answers; connections cost none
        qint64 maxBodyBytes = 128LL * 1024 * 1024; // the most any route takes
        bool logRequests = false;
        HttpLimits limits;
        std::unordered_set<std::string> trustedProxies; // see HttpConnections
        std::shared_ptr<const TlsContext> tls;           // HTTPS when set
    };

    explicit HttpServer(Options options);
    ~HttpServer();

    httplib::Server& raw();
    // Which body a request's route takes (see Router::admitBody); set before bind().
    void setBodyAdmission(HttpConnections::BodyAdmission bodyAdmission);
    // Binds the listening socket; returns the port (useful with port 0).
    Result<int> bind();
    // Serves until stop(); call after bind().
    void serve();
    // The certificate for new connections from now on (a renewed one); call after bind().
    void setTls(std::shared_ptr<const TlsContext> tls);
    // Waits until serve() accepts connections; false after `timeoutMs` without it.
    bool waitUntilServing(int timeoutMs);
    void stop();

private:
    class Routes;

    HttpConnections::Answer answer(const HttpConnections::Request& request);

    Options m_options;
    std::unique_ptr<Routes> m_routes;
    HttpConnections::BodyAdmission m_bodyAdmission;
    std::unique_ptr<HttpConnections> m_connections;
    socket_t m_listenSocket = INVALID_SOCKET;
};

} // namespace bitmarket::server
