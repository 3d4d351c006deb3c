// HTTP/1.1 with JSON from a chosen loopback address (127.0.0.2, 127.0.0.3, ...):
// the server's per-address limits see each as a different client. One request
// per connection (RawConnection), blocking; usable from any thread.
#pragma once

#include "support/HttpTestClient.h"

#include <QUrl>

#include <atomic>
#include <thread>

namespace bitmarket::test {

class AddressedClient {
public:
    AddressedClient(QUrl baseUrl, QByteArray source) : m_baseUrl(std::move(baseUrl)), m_source(std::move(source)) {}

    void setAccessToken(const QString& token) { m_token = token; }

    HttpResponse get(const QString& path);
    HttpResponse post(const QString& path, const QJsonObject& body);
    // status 0 when the connection failed or no answer came within timeoutMs.
    HttpResponse send(const QByteArray& method, const QString& path, const QByteArray& body,
                      const QByteArray& contentType = "application/json", int timeoutMs = 30'000);

private:
    QUrl m_baseUrl;
    QByteArray m_source;
    QString m_token;
};

// "127.0.0.<n>", for n in 2..254.
QByteArray loopback(int n);

// Another client going about its business while an attack runs: from its own
// address it GETs `path` over and over (every 50 ms) until stopped, and
// remembers the slowest answer (a missing one counts as 99 999 ms).
class ResponsivenessProbe {
public:
    ResponsivenessProbe(QUrl baseUrl, QByteArray source, QByteArray path);
    ~ResponsivenessProbe();
    ResponsivenessProbe(const ResponsivenessProbe&) = delete;
    ResponsivenessProbe& operator=(const ResponsivenessProbe&) = delete;

    // Stops probing; the slowest answer seen.
    qint64 stop();

private:
    std::atomic<bool> m_running = true;
    std::atomic<qint64> m_slowestMs = 0;
    std::thread m_thread;
};

} // namespace bitmarket::test
