// Blocking HTTPS calls to a payment provider from any thread: the requests run on a Qt network
// thread of their own (HTTP and HTTPS alike) and the caller waits for the answer.
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QThread>
#include <QUrl>

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
    int m_timeoutMs;
    QThread m_thread;
    QNetworkAccessManager* m_network; // lives on m_thread
};

} // namespace bitmarket::server::payments
