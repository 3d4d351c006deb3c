#include "payments/ProviderHttp.h"

#include <httplib.h>

namespace bitmarket::server::payments {

namespace {
constexpr auto kStaleFailsWithin = std::chrono::milliseconds(500);
}

ProviderHttp::ProviderHttp(int timeoutMs) : m_timeoutMs(timeoutMs) {}

ProviderHttp::~ProviderHttp() = default;

std::pair<std::unique_ptr<httplib::Client>, bool> ProviderHttp::take(const std::string& origin) {
    {
        std::lock_guard lock(m_mutex);
        for (auto it = m_idle.begin(); it != m_idle.end(); ++it)
            if (it->origin == origin) {
                std::unique_ptr<httplib::Client> client = std::move(it->client);
                m_idle.erase(it);
                return {std::move(client), true};
            }
    }
    auto client = std::make_unique<httplib::Client>(origin);
    const auto timeout = std::chrono::milliseconds(m_timeoutMs);
    client->set_connection_timeout(timeout);
    client->set_read_timeout(timeout);
    client->set_write_timeout(timeout);
    client->set_keep_alive(true);
    client->set_tcp_nodelay(true);
    return {std::move(client), false};
}

void ProviderHttp::keep(std::string origin, std::unique_ptr<httplib::Client> client) {
    std::lock_guard lock(m_mutex);
    if (m_idle.size() < kKeptIdle)
        m_idle.push_back({std::move(origin), std::move(client)});
}

HttpReply ProviderHttp::send(const QByteArray& method, const QUrl& url, const Headers& headers,
                             const QByteArray& body) {
    const std::string origin =
        url.adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment).toString().toStdString();
    httplib::Request request;
    request.method = method.toStdString();
    request.path = url.path(QUrl::FullyEncoded).toStdString();
    if (request.path.empty())
        request.path = "/";
    if (url.hasQuery())
        request.path += "?" + url.query(QUrl::FullyEncoded).toStdString();
    for (const auto& [name, value] : headers)
        request.headers.emplace(name.toStdString(), value.toStdString());
    request.body = body.toStdString();
    // A kept connection the provider closed meanwhile fails at once: then the call is made
    // again on a new one. A call that failed later (a timeout) or on a new connection is the
    // provider not answering.
    for (;;) {
        auto [client, kept] = take(origin);
        const auto started = std::chrono::steady_clock::now();
        const httplib::Result result = client->send(request);
        if (result) {
            HttpReply reply{result->status, QByteArray::fromStdString(result->body), {}};
            keep(origin, std::move(client));
            return reply;
        }
        if (!kept || std::chrono::steady_clock::now() - started > kStaleFailsWithin)
            return HttpReply{0, {}, QString::fromStdString(httplib::to_string(result.error()))};
    }
}

} // namespace bitmarket::server::payments
