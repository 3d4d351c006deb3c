#include "http/HttpConnections.h"

#include "http/ChunkedBody.h"
#include "http/Responses.h"

#include <httplib.h>

#include <QLoggingCategory>

#include <openssl/err.h>
#include <openssl/ssl.h>

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <optional>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

namespace bitmarket::server {

Q_LOGGING_CATEGORY(lcConnections, "bitmarket.http.connections")

namespace {

using namespace std::chrono_literals;

// How long a refused or finished connection is drained (read and dropped, which costs
// no memory) before it is closed, so a client still sending reads the answer instead
// of a reset; how long answers get at shutdown.
constexpr auto kLingerTime = 2s;
constexpr auto kShutdownGrace = 2s;
constexpr auto kSweepInterval = 100ms;
constexpr auto kAcceptPause = 100ms;
// Received at most per connection and wake-up, so one fast sender cannot starve the rest.
constexpr std::size_t kReadBurstBytes = 1 << 20;
// The content type of a TLS record that carries a handshake message (RFC 8446, 5.1).
constexpr char kTlsHandshakeRecord = 0x16;

const char* reasonPhrase(int status) {
    switch (status) {
    case 400:
        return "Bad Request";
    case 408:
        return "Request Timeout";
    case 413:
        return "Payload Too Large";
    case 415:
        return "Unsupported Media Type";
    case 417:
        return "Expectation Failed";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    }
    return "Error";
}

// The address as text; IPv4 clients of an IPv6 socket as plain IPv4.
std::pair<std::string, int> addressOf(const sockaddr_storage& address) {
    char text[INET6_ADDRSTRLEN] = {};
    if (address.ss_family == AF_INET) {
        const auto& v4 = reinterpret_cast<const sockaddr_in&>(address);
        ::inet_ntop(AF_INET, &v4.sin_addr, text, sizeof text);
        return {text, ntohs(v4.sin_port)};
    }
    const auto& v6 = reinterpret_cast<const sockaddr_in6&>(address);
    if (IN6_IS_ADDR_V4MAPPED(&v6.sin6_addr))
        ::inet_ntop(AF_INET, &v6.sin6_addr.s6_addr[12], text, sizeof text);
    else
        ::inet_ntop(AF_INET6, &v6.sin6_addr, text, sizeof text);
    return {text, ntohs(v6.sin6_port)};
}

} // namespace

struct HttpConnections::Connection {
    enum class Phase {
        Handshake, // an HTTPS connection before its TLS handshake is done
        Idle,      // between requests (or none yet)
        Head,     // the first bytes of a request are in
        Body,     // the head was read and accepted
        Working,  // a worker computes the answer
        Sending,  // the answer goes out
        Lingering // answered and closing: what still comes is read and dropped
    };

    int fd = -1;
    SSL* tls = nullptr; // an HTTPS connection's session
    bool tlsRecordSeen = false;
    std::string address;
    int port = 0;
    std::string localAddress;
    int localPort = 0;
    Phase phase = Phase::Idle;
    Clock::time_point phaseStart;
    unsigned watched = 0; // epoll events, 0 when not registered
    std::string input;
    std::size_t headScanned = 0;
    std::optional<RequestHead> head;
    std::size_t bodyLimit = 0;
    std::size_t bodyBytes = 0;      // received since the head
    std::size_t largeBodyBytes = 0; // reserved from the budget
    std::string largeBodyOwner;     // whose share holds it
    std::string largeBodyAddress;   // and which client address's
    std::optional<ChunkedBody> chunked;
    std::string output;
    std::size_t sent = 0;
    bool closeAfterSending = false;
    bool lastRequest = false;
    std::size_t requests = 0;
};

HttpConnections::HttpConnections(HttpLimits limits, int threads, Handler handler,
                                 BodyAdmission bodyAdmission,
                                 std::unordered_set<std::string> trustedProxies)
    : m_limits(limits), m_handler(std::move(handler)), m_bodyAdmission(std::move(bodyAdmission)),
      m_trustedProxies(std::move(trustedProxies)),
      m_pool(std::make_unique<httplib::ThreadPool>(static_cast<std::size_t>(threads))),
      m_epoll(::epoll_create1(EPOLL_CLOEXEC)), m_wake(::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC)) {
    m_limits.maxConnectionsPerAddress =
        std::min(m_limits.maxConnectionsPerAddress, m_limits.maxConnections);
}

HttpConnections::~HttpConnections() {
    if (!m_poolStopped)
        m_pool->shutdown();
    if (m_epoll >= 0)
        ::close(m_epoll);
    if (m_wake >= 0)
        ::close(m_wake);
}

void HttpConnections::setTls(std::shared_ptr<const TlsContext> tls) {
    std::lock_guard lock(m_tlsMutex);
    m_tls = std::move(tls);
}

void HttpConnections::serve(int listenSocket) {
    m_listen = listenSocket;
    epoll_event wake{EPOLLIN, {.ptr = &m_wake}};
    ::epoll_ctl(m_epoll, EPOLL_CTL_ADD, m_wake, &wake);
    const int flags = ::fcntl(m_listen, F_GETFL);
    ::fcntl(m_listen, F_SETFL, flags | O_NONBLOCK);
    epoll_event listen{EPOLLIN, {.ptr = &m_listen}};
    ::epoll_ctl(m_epoll, EPOLL_CTL_ADD, m_listen, &listen);
    m_accepting = true;
    m_serving = true;

    std::optional<Clock::time_point> shutdownDeadline;
    epoll_event events[256];
    while (true) {
        if (m_stopping && !shutdownDeadline) {
            shutdownDeadline = Clock::now() + kShutdownGrace;
            ::epoll_ctl(m_epoll, EPOLL_CTL_DEL, m_listen, nullptr);
            m_accepting = false;
            std::vector<Connection*> waiting;
            for (const auto& [key, c] : m_connections) {
                if (c->phase != Connection::Phase::Working &&
                    c->phase != Connection::Phase::Sending)
                    waiting.push_back(key);
            }
            for (Connection* c : waiting)
                close(*c);
        }
        if (shutdownDeadline && (m_connections.empty() || Clock::now() > *shutdownDeadline))
            break;
        const int n = ::epoll_wait(m_epoll, events, std::size(events),
                                   static_cast<int>(kSweepInterval.count()));
        for (int i = 0; i < n; ++i) {
            void* tag = events[i].data.ptr;
            if (tag == &m_listen) {
                acceptAll();
            } else if (tag == &m_wake) {
                eventfd_t drained;
                ::eventfd_read(m_wake, &drained);
                takeAnswers();
            } else {
                auto* c = static_cast<Connection*>(tag);
                if (!m_connections.count(c))
                    continue;
                if (c->phase == Connection::Phase::Handshake)
                    shakeHands(*c);
                else if (c->phase == Connection::Phase::Sending)
                    sendTo(*c);
                else
                    readFrom(*c);
            }
        }
        if (Clock::now() - m_lastSweep >= kSweepInterval)
            sweep();
    }
    // Past the grace, answers still being computed are dropped with their connections.
    m_pool->shutdown();
    m_poolStopped = true;
    takeAnswers();
    std::vector<Connection*> remaining;
    for (const auto& [key, c] : m_connections)
        remaining.push_back(key);
    for (Connection* c : remaining)
        close(*c);
    ::close(m_listen);
    m_serving = false;
}

void HttpConnections::stop() {
    m_stopping = true;
    ::eventfd_write(m_wake, 1);
}

void HttpConnections::acceptAll() {
    while (true) {
        sockaddr_storage peer{};
        socklen_t length = sizeof peer;
        const int fd = ::accept4(m_listen, reinterpret_cast<sockaddr*>(&peer), &length,
                                 SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd < 0) {
            if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM) {
                // Out of files: wait a little instead of spinning on the listener.
                ::epoll_ctl(m_epoll, EPOLL_CTL_DEL, m_listen, nullptr);
                m_accepting = false;
                m_acceptPausedUntil = Clock::now() + kAcceptPause;
                qCWarning(lcConnections) << "cannot accept a connection:" << std::strerror(errno);
            }
            return;
        }
        auto [address, port] = addressOf(peer);
        int& fromAddress = m_perAddress[address];
        if (static_cast<int>(m_connections.size()) >= m_limits.maxConnections ||
            (fromAddress >= m_limits.maxConnectionsPerAddress && !m_trustedProxies.count(address))) {
            if (fromAddress == 0)
                m_perAddress.erase(address);
            ::close(fd);
            continue;
        }
        ++fromAddress;
        const int one = 1;
        ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        auto connection = std::make_unique<Connection>();
        Connection& c = *connection;
        c.fd = fd;
        c.address = std::move(address);
        c.port = port;
        sockaddr_storage local{};
        length = sizeof local;
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&local), &length);
        std::tie(c.localAddress, c.localPort) = addressOf(local);
        c.phaseStart = Clock::now();
        std::shared_ptr<const TlsContext> tls;
        {
            std::lock_guard lock(m_tlsMutex);
            tls = m_tls;
        }
        if (tls) {
            c.tls = tls->accept(fd);
            c.phase = Connection::Phase::Handshake;
        }
        m_connections.emplace(&c, std::move(connection));
        if (tls && !c.tls) {
            close(c);
            continue;
        }
        watch(c, EPOLLIN | EPOLLRDHUP);
    }
}

void HttpConnections::shakeHands(Connection& c) {
    if (!c.tlsRecordSeen) {
        // A TLS connection opens with a handshake record; a plain HTTP request with a
        // method name. Someone who typed http:// is told what to type instead.
        char first = 0;
        const ssize_t n = ::recv(c.fd, &first, 1, MSG_PEEK);
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return;
        if (n == 1 && first != kTlsHandshakeRecord) {
            SSL_free(c.tls);
            c.tls = nullptr;
            return refuse(c, {400, ApiError::validation(QStringLiteral(
                                       "This server speaks HTTPS only: use an https:// address."))});
        }
        c.tlsRecordSeen = true;
    }
    ERR_clear_error();
    const int result = SSL_do_handshake(c.tls);
    if (result == 1) {
        c.phase = Connection::Phase::Idle;
        c.phaseStart = Clock::now();
        watch(c, EPOLLIN | EPOLLRDHUP);
        // The first request may have come with the end of the handshake.
        readFrom(c);
        return;
    }
    switch (SSL_get_error(c.tls, result)) {
    case SSL_ERROR_WANT_READ:
        watch(c, EPOLLIN | EPOLLRDHUP);
        return;
    case SSL_ERROR_WANT_WRITE:
        watch(c, EPOLLOUT);
        return;
    default:
        // Not TLS (plain HTTP to the HTTPS port), no protocol in common, or gone.
        qCDebug(lcConnections) << "TLS handshake with" << c.address.c_str() << "failed";
        close(c);
    }
}

ssize_t HttpConnections::receive(Connection& c, char* buffer, std::size_t size) {
    if (!c.tls)
        return ::recv(c.fd, buffer, size, 0);
    // OpenSSL reads no further ahead than the record it decrypts, and a whole record fits
    // in `buffer`: what is not read yet stays in the socket, where epoll sees it.
    ERR_clear_error();
    const int n = SSL_read(c.tls, buffer, static_cast<int>(size));
    if (n > 0)
        return n;
    switch (SSL_get_error(c.tls, n)) {
    case SSL_ERROR_WANT_READ:
    case SSL_ERROR_WANT_WRITE:
        errno = EAGAIN;
        return -1;
    case SSL_ERROR_ZERO_RETURN:
        return 0;
    default:
        errno = ECONNRESET;
        return -1;
    }
}

ssize_t HttpConnections::transmit(Connection& c, const char* data, std::size_t size) {
    if (!c.tls)
        return ::send(c.fd, data, size, MSG_NOSIGNAL);
    ERR_clear_error();
    const int n = SSL_write(c.tls, data, static_cast<int>(std::min<std::size_t>(size, 1 << 30)));
    if (n > 0)
        return n;
    if (SSL_get_error(c.tls, n) == SSL_ERROR_WANT_WRITE) {
        errno = EAGAIN;
        return -1;
    }
    errno = EPIPE;
    return -1;
}

void HttpConnections::readFrom(Connection& c) {
    char buffer[64 * 1024];
    std::size_t burst = 0;
    while (burst < kReadBurstBytes) {
        const ssize_t n = receive(c, buffer, sizeof buffer);
        if (n > 0) {
            burst += static_cast<std::size_t>(n);
            if (c.phase == Connection::Phase::Lingering)
                continue;
            c.input.append(buffer, static_cast<std::size_t>(n));
            if (c.phase == Connection::Phase::Body)
                c.bodyBytes += static_cast<std::size_t>(n);
            continue;
        }
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            break;
        if (n < 0 && errno == EINTR)
            continue;
        // The client is done sending: what it sent whole is still answered, then it goes.
        proceed(c);
        if (m_connections.count(&c) == 0)
            return;
        if (c.phase == Connection::Phase::Working)
            c.lastRequest = true;
        else if (c.phase != Connection::Phase::Sending)
            close(c);
        return;
    }
    proceed(c);
}

void HttpConnections::proceed(Connection& c) {
    using Phase = Connection::Phase;
    while (true) {
        switch (c.phase) {
        case Phase::Idle:
            if (c.input.empty())
                return;
            c.phase = Phase::Head;
            c.phaseStart = Clock::now();
            c.headScanned = 0;
            break;
        case Phase::Head: {
            const std::size_t from = c.headScanned >= 3 ? c.headScanned - 3 : 0;
            const std::size_t end = c.input.find("\r\n\r\n", from);
            if (end == std::string::npos) {
                if (c.input.size() > m_limits.maxHeadBytes)
                    return refuse(c, RequestHead::tooLarge());
                c.headScanned = c.input.size();
                return;
            }
            auto parsed =
                RequestHead::parse(std::string_view(c.input).substr(0, end + 4), m_limits);
            if (const auto* refusal = std::get_if<Refusal>(&parsed))
                return refuse(c, *refusal);
            c.input.erase(0, end + 4);
            c.head = std::move(std::get<RequestHead>(parsed));
            if (!startBody(c))
                return;
            break;
        }
        case Phase::Body: {
            const RequestHead& head = *c.head;
            std::string body;
            if (head.body() == RequestHead::Body::Length) {
                if (c.input.size() < head.contentLength())
                    return;
                body = c.input.substr(0, head.contentLength());
                c.input.erase(0, head.contentLength());
            } else if (head.body() == RequestHead::Body::Chunked) {
                switch (c.chunked->read(c.input)) {
                case ChunkedBody::State::Incomplete:
                    return;
                case ChunkedBody::State::TooLarge:
                    return refuse(c, {413, ApiError::payloadTooLarge(
                                               QStringLiteral("The request body is too large."))});
                case ChunkedBody::State::Malformed:
                    return refuse(c, {400, ApiError::validation(
                                               QStringLiteral("Malformed chunked request body."))});
                case ChunkedBody::State::Complete:
                    body = c.chunked->takeBody();
                    break;
                }
            }
            return dispatch(c, std::move(body));
        }
        case Phase::Handshake:
        case Phase::Working:
        case Phase::Sending:
        case Phase::Lingering:
            return;
        }
    }
}

bool HttpConnections::startBody(Connection& c) {
    const RequestHead& head = *c.head;
    c.phase = Connection::Phase::Body;
    c.phaseStart = Clock::now();
    c.bodyBytes = c.input.size();
    if (head.body() == RequestHead::Body::None)
        return true;
    auto admission = m_bodyAdmission(head);
    if (const auto* refusal = std::get_if<Refusal>(&admission)) {
        refuse(c, *refusal);
        return false;
    }
    const BodyAllowance& allowance = std::get<BodyAllowance>(admission);
    c.bodyLimit = allowance.maxBytes > 0 ? allowance.maxBytes : m_limits.maxJsonBodyBytes;
    if (head.body() == RequestHead::Body::Length && head.contentLength() > c.bodyLimit) {
        refuse(c,
               {413, ApiError::payloadTooLarge(QStringLiteral("The request body is too large."))});
        return false;
    }
    // What an upload in flight may hold in memory: what it announced, or its route's limit.
    const std::size_t holds =
        head.body() == RequestHead::Body::Length ? head.contentLength() : c.bodyLimit;
    if (holds > m_limits.maxJsonBodyBytes) {
        const std::string address = "address " + clientOf(c);
        const std::string owner = "owner " + allowance.owner;
        const auto heldBy = [this](const std::string& key) {
            const auto it = m_largeBodyBytesOf.find(key);
            return it == m_largeBodyBytesOf.end() ? std::size_t{0} : it->second;
        };
        // Uploads in flight hold the whole budget, or this uploader's share of it: try
        // again shortly (Retry-After).
        if (m_largeBodyBytes + holds > m_limits.largeBodyBudgetBytes ||
            heldBy(owner) + holds > m_limits.largeBodyShareBytes ||
            heldBy(address) + holds > m_limits.largeBodyShareBytes) {
            refuse(c, {429, ApiError::rateLimited(5)});
            return false;
        }
        m_largeBodyBytes += holds;
        m_largeBodyBytesOf[owner] += holds;
        m_largeBodyBytesOf[address] += holds;
        c.largeBodyBytes = holds;
        c.largeBodyOwner = owner;
        c.largeBodyAddress = address;
    }
    if (head.body() == RequestHead::Body::Chunked)
        c.chunked.emplace(c.bodyLimit);
    if (head.expectsContinue()) {
        static constexpr char kContinue[] = "HTTP/1.1 100 Continue\r\n\r\n";
        transmit(c, kContinue, sizeof kContinue - 1);
    }
    return true;
}

void HttpConnections::dispatch(Connection& c, std::string body) {
    c.phase = Connection::Phase::Working;
    watch(c, 0);
    c.lastRequest = ++c.requests >= m_limits.maxRequestsPerConnection || m_stopping;
    Request request{c.head->forwarded(body.size()),
                    std::move(body),
                    clientOf(c),
                    c.port,
                    c.localAddress,
                    c.localPort,
                    c.lastRequest};
    c.head.reset();
    c.chunked.reset();
    Connection* key = &c;
    m_pool->enqueue([this, key, request = std::move(request)] {
        Answer answer = m_handler(request);
        {
            std::lock_guard lock(m_answersMutex);
            m_answers.emplace_back(key, std::move(answer));
        }
        ::eventfd_write(m_wake, 1);
    });
}

std::string HttpConnections::clientOf(const Connection& c) const {
    if (!m_trustedProxies.count(c.address))
        return c.address;
    const std::string header = c.head->header("X-Forwarded-For");
    std::string_view forwarded = header;
    while (!forwarded.empty()) {
        const std::size_t comma = forwarded.rfind(',');
        std::string_view entry = comma == std::string_view::npos ? forwarded : forwarded.substr(comma + 1);
        forwarded = comma == std::string_view::npos ? std::string_view() : forwarded.substr(0, comma);
        while (!entry.empty() && entry.front() == ' ')
            entry.remove_prefix(1);
        while (!entry.empty() && entry.back() == ' ')
            entry.remove_suffix(1);
        const std::string address(entry);
        in6_addr parsed{};
        if (::inet_pton(AF_INET, address.c_str(), &parsed) != 1 &&
            ::inet_pton(AF_INET6, address.c_str(), &parsed) != 1)
            break;
        if (!m_trustedProxies.count(address))
            return address;
    }
    return c.address;
}

void HttpConnections::takeAnswers() {
    std::vector<std::pair<Connection*, Answer>> answers;
    {
        std::lock_guard lock(m_answersMutex);
        answers.swap(m_answers);
    }
    for (auto& [key, answer] : answers) {
        Connection& c = *key;
        releaseBody(c);
        c.output = std::move(answer.bytes);
        c.sent = 0;
        c.closeAfterSending = answer.close || c.lastRequest || m_stopping;
        c.phase = Connection::Phase::Sending;
        c.phaseStart = Clock::now();
        sendTo(c);
    }
}

void HttpConnections::sendTo(Connection& c) {
    while (c.sent < c.output.size()) {
        const ssize_t n = transmit(c, c.output.data() + c.sent, c.output.size() - c.sent);
        if (n > 0) {
            c.sent += static_cast<std::size_t>(n);
            continue;
        }
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            watch(c, EPOLLOUT);
            return;
        }
        if (n < 0 && errno == EINTR)
            continue;
        close(c);
        return;
    }
    std::string().swap(c.output);
    c.phaseStart = Clock::now();
    if (c.closeAfterSending) {
        // Closing at once would reset a connection the client is still sending on, and
        // the reset can destroy the answer before the client reads it.
        if (c.tls)
            SSL_shutdown(c.tls);
        ::shutdown(c.fd, SHUT_WR);
        c.phase = Connection::Phase::Lingering;
        c.input.clear();
        watch(c, EPOLLIN | EPOLLRDHUP);
        return;
    }
    c.phase = Connection::Phase::Idle;
    watch(c, EPOLLIN | EPOLLRDHUP);
    proceed(c);
}

void HttpConnections::refuse(Connection& c, const Refusal& refusal) {
    httplib::Request req;
    if (c.head)
        req.headers.emplace("Accept-Language", c.head->header("Accept-Language"));
    httplib::Response res;
    sendError(req, res, refusal.error);
    std::string bytes =
        "HTTP/1.1 " + std::to_string(refusal.status) + " " + reasonPhrase(refusal.status) + "\r\n";
    for (const auto& [name, value] : res.headers)
        bytes.append(name).append(": ").append(value).append("\r\n");
    bytes.append("Content-Length: ").append(std::to_string(res.body.size())).append("\r\n");
    bytes.append("Connection: close\r\n\r\n").append(res.body);
    releaseBody(c);
    c.head.reset();
    c.chunked.reset();
    c.output = std::move(bytes);
    c.sent = 0;
    c.closeAfterSending = true;
    c.phase = Connection::Phase::Sending;
    c.phaseStart = Clock::now();
    sendTo(c);
}

void HttpConnections::sweep() {
    const Clock::time_point now = Clock::now();
    m_lastSweep = now;
    if (!m_accepting && !m_stopping && now >= m_acceptPausedUntil) {
        epoll_event listen{EPOLLIN, {.ptr = &m_listen}};
        ::epoll_ctl(m_epoll, EPOLL_CTL_ADD, m_listen, &listen);
        m_accepting = true;
    }
    const auto allowance = [&](std::size_t bytes, std::size_t perSecond) {
        return m_limits.headTimeout + std::chrono::milliseconds(bytes * 1000 / perSecond);
    };
    std::vector<Connection*> expired;
    std::vector<Connection*> late;
    for (const auto& [key, c] : m_connections) {
        const auto age = now - c->phaseStart;
        switch (c->phase) {
        case Connection::Phase::Handshake:
            if (age > m_limits.headTimeout)
                expired.push_back(key);
            break;
        case Connection::Phase::Idle:
            if (age > m_limits.idleTimeout)
                expired.push_back(key);
            break;
        case Connection::Phase::Head:
            if (age > m_limits.headTimeout)
                late.push_back(key);
            break;
        case Connection::Phase::Body:
            if (age > allowance(c->bodyBytes, m_limits.minBodyBytesPerSecond))
                late.push_back(key);
            break;
        case Connection::Phase::Sending:
            if (age > allowance(c->output.size(), m_limits.minSendBytesPerSecond))
                expired.push_back(key);
            break;
        case Connection::Phase::Lingering:
            if (age > kLingerTime)
                expired.push_back(key);
            break;
        case Connection::Phase::Working:
            break;
        }
    }
    for (Connection* c : expired)
        close(*c);
    for (Connection* c : late)
        refuse(*c,
               {408, ApiError::validation(QStringLiteral("The request took too long to arrive."))});
}

void HttpConnections::watch(Connection& c, unsigned events) {
    if (events == c.watched)
        return;
    epoll_event event{events, {.ptr = &c}};
    const int op = c.watched == 0 ? EPOLL_CTL_ADD : events == 0 ? EPOLL_CTL_DEL : EPOLL_CTL_MOD;
    ::epoll_ctl(m_epoll, op, c.fd, &event);
    c.watched = events;
}

void HttpConnections::releaseBody(Connection& c) {
    if (c.largeBodyBytes == 0)
        return;
    m_largeBodyBytes -= c.largeBodyBytes;
    for (const std::string& key : {c.largeBodyOwner, c.largeBodyAddress}) {
        const auto it = m_largeBodyBytesOf.find(key);
        if ((it->second -= c.largeBodyBytes) == 0)
            m_largeBodyBytesOf.erase(it);
    }
    c.largeBodyBytes = 0;
}

void HttpConnections::close(Connection& c) {
    // A worker still holds the request: the connection goes when its answer comes.
    if (c.phase == Connection::Phase::Working) {
        c.lastRequest = true;
        return;
    }
    releaseBody(c);
    watch(c, 0);
    SSL_free(c.tls);
    ::close(c.fd);
    if (--m_perAddress[c.address] <= 0)
        m_perAddress.erase(c.address);
    m_connections.erase(&c);
}

} // namespace bitmarket::server
