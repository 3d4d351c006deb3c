#include "http/HttpServer.h"

#include "http/Responses.h"

#include <QLoggingCategory>

#include <chrono>
#include <thread>

#include <sys/socket.h>

namespace bitmarket::server {

Q_LOGGING_CATEGORY(lcRequests, "bitmarket.requests")

HttpServer::HttpServer(Options options) : m_options(std::move(options)) {
    m_server.set_tcp_nodelay(true);
    // Remember the listening socket so bind() can widen its backlog.
    m_server.set_socket_options([this](socket_t socket) {
        httplib::default_socket_options(socket);
        m_listenSocket = socket;
    });
    m_server.set_keep_alive_timeout(m_options.keepAliveSeconds);
    m_server.set_read_timeout(30);
    m_server.set_write_timeout(30);
    m_server.set_payload_max_length(static_cast<size_t>(m_options.maxBodyBytes));
    const int threads = m_options.threads;
    m_server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };

    m_server.set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request& req,
                                                                       httplib::Response& res) {
        // Handlers write their own error bodies; fill in only httplib's bare statuses.
        if (!res.body.empty())
            return httplib::Server::HandlerResponse::Unhandled;
        switch (res.status) {
        case 404:
            sendError(req, res, ApiError::notFound(QStringLiteral("No such endpoint.")));
            break;
        case 413:
            sendError(req, res,
                      ApiError::payloadTooLarge(QStringLiteral("The request body is too large.")));
            break;
        case 304:
            return httplib::Server::HandlerResponse::Unhandled;
        default:
            if (res.status >= 500)
                sendError(req, res, ApiError::internal());
            else
                sendError(req, res,
                          ApiError::validation(QStringLiteral(
                              "Malformed request (a body, even an empty one, needs a "
                              "Content-Length header).")));
        }
        return httplib::Server::HandlerResponse::Handled;
    }));
    m_server.set_exception_handler(
        [](const httplib::Request& req, httplib::Response& res, std::exception_ptr) {
            sendError(req, res, ApiError::internal());
        });
    const bool logAll = m_options.logRequests;
    m_server.set_logger([logAll](const httplib::Request& req, const httplib::Response& res) {
        if (res.status >= 500)
            qCWarning(lcRequests).noquote() << req.method.c_str() << req.path.c_str() << res.status;
        else if (logAll)
            qCInfo(lcRequests).noquote() << req.method.c_str() << req.path.c_str() << res.status;
    });
}

Result<int> HttpServer::bind() {
    const std::string host = m_options.host.toStdString();
    const int port = m_options.port == 0 ? m_server.bind_to_any_port(host)
                                         : (m_server.bind_to_port(host, m_options.port)
                                                ? m_options.port
                                                : -1);
    if (port <= 0)
        return ApiError::internal(QStringLiteral("Cannot listen on %1:%2"))
            .arg(m_options.host)
            .arg(m_options.port);
    // httplib listens with a backlog of 5: a client opening a handful of
    // connections at once (a browser, QNetworkAccessManager) then loses SYNs
    // and waits a second or more for retransmits. Listening again on the same
    // socket raises the backlog.
    ::listen(m_listenSocket, SOMAXCONN);
    return port;
}

void HttpServer::serve() { m_server.listen_after_bind(); }

bool HttpServer::waitUntilServing(int timeoutMs) {
    for (int waited = 0; !m_server.is_running(); waited += 2) {
        if (waited >= timeoutMs)
            return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    return true;
}

void HttpServer::stop() { m_server.stop(); }

} // namespace bitmarket::server
