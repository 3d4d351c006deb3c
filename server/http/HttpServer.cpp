#include "http/HttpServer.h"

#include "http/Responses.h"

#include <QLoggingCategory>

#include <chrono>
#include <thread>

#include <sys/socket.h>

namespace bitmarket::server {

Q_LOGGING_CATEGORY(lcRequests, "bitmarket.requests")

namespace {

// One whole request as httplib reads it, and the answer it writes, both in memory:
// httplib never touches the socket, so a worker never waits on a client.
class BufferedStream final : public httplib::Stream {
public:
    explicit BufferedStream(const HttpConnections::Request& request) : m_request(request) {}

    bool is_readable() const override { return true; }
    bool is_writable() const override { return true; }
    ssize_t read(char* ptr, size_t size) override {
        const std::string& head = m_request.head;
        const bool inHead = m_offset < head.size();
        const std::string& part = inHead ? head : m_request.body;
        const std::size_t at = inHead ? m_offset : m_offset - head.size();
        const std::size_t n = std::min(size, part.size() - at);
        std::copy_n(part.data() + at, n, ptr);
        m_offset += n;
        return static_cast<ssize_t>(n);
    }
    ssize_t write(const char* ptr, size_t size) override {
        m_output.append(ptr, size);
        return static_cast<ssize_t>(size);
    }
    void get_remote_ip_and_port(std::string& ip, int& port) const override {
        ip = m_request.remoteAddress;
        port = m_request.remotePort;
    }
    void get_local_ip_and_port(std::string& ip, int& port) const override {
        ip = m_request.localAddress;
        port = m_request.localPort;
    }
    socket_t socket() const override { return INVALID_SOCKET; }

    std::string takeOutput() { return std::move(m_output); }

private:
    const HttpConnections::Request& m_request;
    std::size_t m_offset = 0;
    std::string m_output;
};

} // namespace

// httplib's routing and response writing, fed one request at a time.
class HttpServer::Routes final : public httplib::Server {
public:
    // Answers the request in `stream`; false when the connection must close after it.
    bool answer(httplib::Stream& stream, bool lastOnConnection) {
        bool clientCloses = false;
        const bool ok = process_request(stream, lastOnConnection, clientCloses, nullptr);
        return ok && !clientCloses && !lastOnConnection;
    }
};

HttpServer::HttpServer(Options options)
    : m_options(std::move(options)), m_routes(std::make_unique<Routes>()) {
    httplib::Server& routes = *m_routes;
    // Remember the listening socket: bind() widens its backlog and HttpConnections serves it.
    routes.set_socket_options([this](socket_t socket) {
        httplib::default_socket_options(socket);
        m_listenSocket = socket;
    });
    // Only what the Keep-Alive header announces: HttpConnections keeps the connections.
    routes.set_keep_alive_timeout(
        std::chrono::duration_cast<std::chrono::seconds>(m_options.limits.idleTimeout).count());
    routes.set_keep_alive_max_count(m_options.limits.maxRequestsPerConnection);
    routes.set_payload_max_length(static_cast<size_t>(m_options.maxBodyBytes));

    routes.set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request& req,
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
    routes.set_exception_handler(
        [](const httplib::Request& req, httplib::Response& res, std::exception_ptr thrown) {
            // Said once in the log, with what was thrown; the caller gets the plain 500.
            try {
                std::rethrow_exception(thrown);
            } catch (const std::exception& e) {
                qCWarning(lcRequests).noquote()
                    << req.method.c_str() << req.path.c_str() << "threw:" << e.what();
            } catch (...) {
                qCWarning(lcRequests).noquote() << req.method.c_str() << req.path.c_str() << "threw";
            }
            sendError(req, res, ApiError::internal());
        });
    const bool logAll = m_options.logRequests;
    routes.set_logger([logAll](const httplib::Request& req, const httplib::Response& res) {
        if (res.status >= 500)
            qCWarning(lcRequests).noquote() << req.method.c_str() << req.path.c_str() << res.status;
        else if (logAll)
            qCInfo(lcRequests).noquote() << req.method.c_str() << req.path.c_str() << res.status;
    });
}

HttpServer::~HttpServer() = default;

httplib::Server& HttpServer::raw() { return *m_routes; }

void HttpServer::setBodyAdmission(HttpConnections::BodyAdmission bodyAdmission) {
    m_bodyAdmission = std::move(bodyAdmission);
}

Result<int> HttpServer::bind() {
    const std::string host = m_options.host.toStdString();
    const int port = m_options.port == 0 ? m_routes->bind_to_any_port(host)
                                         : (m_routes->bind_to_port(host, m_options.port)
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
    HttpConnections::BodyAdmission bodyAdmission = m_bodyAdmission;
    if (!bodyAdmission)
        bodyAdmission = [](const RequestHead&) -> std::variant<HttpConnections::BodyAllowance, Refusal> {
            return HttpConnections::BodyAllowance{};
        };
    m_connections = std::make_unique<HttpConnections>(
        m_options.limits, m_options.threads,
        [this](const HttpConnections::Request& request) { return answer(request); },
        std::move(bodyAdmission), m_options.trustedProxies);
    m_connections->setTls(m_options.tls);
    return port;
}

HttpConnections::Answer HttpServer::answer(const HttpConnections::Request& request) {
    BufferedStream stream(request);
    const bool keepOpen = m_routes->answer(stream, request.lastOnConnection);
    return {stream.takeOutput(), !keepOpen};
}

void HttpServer::setTls(std::shared_ptr<const TlsContext> tls) { m_connections->setTls(std::move(tls)); }

void HttpServer::serve() { m_connections->serve(m_listenSocket); }

bool HttpServer::waitUntilServing(int timeoutMs) {
    for (int waited = 0; !m_connections->isServing(); waited += 2) {
        if (waited >= timeoutMs)
            return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    return true;
}

void HttpServer::stop() {
    if (m_connections)
        m_connections->stop();
}

} // namespace bitmarket::server
