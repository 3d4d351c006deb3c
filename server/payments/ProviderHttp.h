// Blocking HTTP and HTTPS calls to a payment provider from any thread, on the calling thread
// (payment workers, HTTP threads). Connections are kept open and reused by the next call to
// the same origin; a few are kept idle, and as many are open at once as there are callers.
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace httplib {
class Client;
}

namespace bitmarket::server::payments {

struct HttpReply {
    int status = 0; // 0: no answer (refused, timed out)
    QByteArray body;
    QString error; // why there was no answer
};

class ProviderHttp {
public:
    explicit ProviderHttp(int timeoutMs);
    ~ProviderHttp();
    ProviderHttp(const ProviderHttp&) = delete;
    ProviderHttp& operator=(const ProviderHttp&) = delete;

    using Headers = QList<QPair<QByteArray, QByteArray>>;
    HttpReply send(const QByteArray& method, const QUrl& url, const Headers& headers,
                   const QByteArray& body = {});

private:
    // Idle connections kept for the next calls; each holds one of the provider's threads.
    static constexpr size_t kKeptIdle = 16;

    struct Kept {
        std::string origin; // scheme://host:port
        std::unique_ptr<httplib::Client> client;
    };
    // A kept connection to the origin, or a new one; whether it was kept.
    std::pair<std::unique_ptr<httplib::Client>, bool> take(const std::string& origin);
    void keep(std::string origin, std::unique_ptr<httplib::Client> client);

    int m_timeoutMs;
    std::mutex m_mutex;
    std::vector<Kept> m_idle; // guarded by m_mutex
};

} // namespace bitmarket::server::payments
