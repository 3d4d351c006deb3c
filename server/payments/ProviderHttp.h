// Blocking HTTPS calls to a payment provider from any thread: the requests run on a Qt network
// thread of their own (HTTP and HTTPS alike) and the caller waits for the answer. A Qt network
// manager opens at most six connections to one host, so calls are spread over several: as many
// calls as there are callers (payment workers, HTTP threads) can be under way at once.
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QThread>
#include <QUrl>

#include <atomic>
#include <vector>

class QNetworkAccessManager;

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
    static constexpr int kManagers = 6; // 36 connections to the provider

    int m_timeoutMs;
    QThread m_thread;
    std::vector<QNetworkAccessManager*> m_networks; // live on m_thread
    std::atomic<unsigned> m_next = 0;
};

} // namespace bitmarket::server::payments
