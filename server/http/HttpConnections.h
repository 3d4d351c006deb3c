// The server's HTTP connections, in front of cpp-httplib. One thread watches every
// socket (epoll): it accepts, reads each request whole (head, then body) under
// HttpLimits and the header deadline, keeps idle keep-alive connections, and
// writes the answers. Only a complete, checked request reaches a worker thread,
// and the worker only computes the answer: a slow, idle or silent client holds
// a file and a few kilobytes, never a worker. (httplib 0.11 gives each connection
// a worker for its whole life, so 32 slow clients stopped the server.)
// With a TlsContext the connections are HTTPS: the same thread does each TLS handshake
// (under the header deadline) and en- and decrypts; workers see plain requests.
#pragma once

#include "http/HttpLimits.h"
#include "http/RequestHead.h"
#include "http/TlsContext.h"

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <sys/types.h>
#include <unordered_map>
#include <unordered_set>
#include <variant>
#include <vector>

namespace httplib {
class ThreadPool;
}

namespace bitmarket::server {

class HttpConnections {
public:
    // A whole request as a worker gets it.
    struct Request {
        std::string head; // RequestHead::forwarded
        std::string body;
        std::string remoteAddress;
        int remotePort = 0;
        std::string localAddress;
        int localPort = 0;
        bool lastOnConnection = false; // the answer must close the connection
    };
    struct Answer {
        std::string bytes; // the whole HTTP response
        bool close = false;
    };
    // Runs on a worker thread.
    using Handler = std::function<Answer(const Request&)>;
    // What a request's route lets its body be, decided on the head before the body is read.
    struct BodyAllowance {
        std::size_t maxBytes = 0; // 0: HttpLimits::maxJsonBodyBytes
        // Whom a body larger than the JSON limit counts against (the signed-in caller of a
        // file route), so that no one account holds more than its share of the budget.
        std::string owner;
    };
    // The allowance, or the answer to give instead (a file route's 401 or 403).
    using BodyAdmission = std::function<std::variant<BodyAllowance, Refusal>(const RequestHead&)>;

    // Requests from `trustedProxies` are from the client their X-Forwarded-For names, and
    // those proxies are not held to the per-address connection cap.
    HttpConnections(HttpLimits limits, int threads, Handler handler, BodyAdmission bodyAdmission,
                    std::unordered_set<std::string> trustedProxies);
    ~HttpConnections();
    HttpConnections(const HttpConnections&) = delete;
    HttpConnections& operator=(const HttpConnections&) = delete;

    // From now on, new connections are HTTPS with `tls` (nullptr: plain HTTP). Callable
    // from any thread, while serving too: a renewed certificate applies to new connections.
    void setTls(std::shared_ptr<const TlsContext> tls);
    // Serves the listening socket until stop(), on the calling thread; closes it at the end.
    void serve(int listenSocket);
    bool isServing() const { return m_serving; }
    // Stops accepting and closes idle connections; requests in workers are answered first.
    void stop();

private:
    struct Connection;
    using Clock = std::chrono::steady_clock;

    void acceptAll();
    void shakeHands(Connection& c);
    void readFrom(Connection& c);
    // recv and send, through TLS on an HTTPS connection: > 0 bytes, 0 when the client has
    // ended (receive only), -1 with errno EAGAIN when it would block, -1 on an error.
    ssize_t receive(Connection& c, char* buffer, std::size_t size);
    ssize_t transmit(Connection& c, const char* data, std::size_t size);
    // Advances `c` through what it has received: head, body, then a worker.
    void proceed(Connection& c);
    bool startBody(Connection& c);
    void dispatch(Connection& c, std::string body);
    void takeAnswers();
    void sendTo(Connection& c);
    void refuse(Connection& c, const Refusal& refusal);
    void sweep();
    void watch(Connection& c, unsigned events);
    void close(Connection& c);
    void releaseBody(Connection& c);
    // The client a request is from: its peer, or for a trusted proxy the last address in
    // X-Forwarded-For that is not a trusted proxy itself.
    std::string clientOf(const Connection& c) const;

    HttpLimits m_limits;
    Handler m_handler;
    BodyAdmission m_bodyAdmission;
    std::unordered_set<std::string> m_trustedProxies;
    std::mutex m_tlsMutex;
    std::shared_ptr<const TlsContext> m_tls;
    std::unique_ptr<httplib::ThreadPool> m_pool;
    bool m_poolStopped = false;
    int m_epoll = -1;
    int m_wake = -1;
    int m_listen = -1;
    bool m_accepting = false;
    Clock::time_point m_acceptPausedUntil;
    Clock::time_point m_lastSweep;
    std::atomic<bool> m_serving{false};
    std::atomic<bool> m_stopping{false};
    std::unordered_map<Connection*, std::unique_ptr<Connection>> m_connections;
    std::unordered_map<std::string, int> m_perAddress;
    std::size_t m_largeBodyBytes = 0;
    // What each owner and each client address holds of it.
    std::unordered_map<std::string, std::size_t> m_largeBodyBytesOf;

    std::mutex m_answersMutex;
    std::vector<std::pair<Connection*, Answer>> m_answers;
};

} // namespace bitmarket::server
