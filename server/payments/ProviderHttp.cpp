#include "payments/ProviderHttp.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

#include <future>
#include <memory>

namespace bitmarket::server::payments {

ProviderHttp::ProviderHttp(int timeoutMs) : m_timeoutMs(timeoutMs) {
    m_thread.setObjectName(QStringLiteral("payment-provider"));
    for (int i = 0; i < kManagers; ++i) {
        m_networks.push_back(new QNetworkAccessManager);
        m_networks.back()->moveToThread(&m_thread);
    }
    m_thread.start();
}

ProviderHttp::~ProviderHttp() {
    QMetaObject::invokeMethod(
        m_networks.front(), [networks = m_networks] { qDeleteAll(networks); },
        Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

HttpReply ProviderHttp::send(const QByteArray& method, const QUrl& url, const Headers& headers,
                             const QByteArray& body) {
    auto answer = std::make_shared<std::promise<HttpReply>>();
    std::future<HttpReply> reply = answer->get_future();
    QNetworkAccessManager* network = m_networks[m_next++ % m_networks.size()];
    QMetaObject::invokeMethod(
        network,
        [this, network, answer, method, url, headers, body] {
            QNetworkRequest request(url);
            request.setTransferTimeout(m_timeoutMs);
            for (const auto& [name, value] : headers)
                request.setRawHeader(name, value);
            QNetworkReply* r = network->sendCustomRequest(request, method, body);
            QObject::connect(r, &QNetworkReply::finished, r, [r, answer] {
                HttpReply out;
                out.status = r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                out.body = r->readAll();
                if (out.status == 0)
                    out.error = r->errorString();
                answer->set_value(out);
                r->deleteLater();
            });
        },
        Qt::QueuedConnection);
    return reply.get();
}

} // namespace bitmarket::server::payments
