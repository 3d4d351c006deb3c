#include "AddressedClient.h"

#include "support/RawConnection.h"

#include <QJsonDocument>
#include <QThread>

namespace bitmarket::test {

QByteArray loopback(int n) {
    return "127.0.0." + QByteArray::number(n);
}

HttpResponse AddressedClient::get(const QString& path) {
    return send("GET", path, {}, {});
}

HttpResponse AddressedClient::post(const QString& path, const QJsonObject& body) {
    return send("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

HttpResponse AddressedClient::send(const QByteArray& method, const QString& path,
                                   const QByteArray& body, const QByteArray& contentType,
                                   int timeoutMs) {
    RawConnection connection;
    if (!connection.open(m_baseUrl, m_source))
        return {};
    QByteArray request = method + ' ' + path.toUtf8() + " HTTP/1.1\r\nHost: " +
                         m_baseUrl.authority().toUtf8() + "\r\nConnection: close\r\n";
    if (!m_token.isEmpty())
        request += "Authorization: Bearer " + m_token.toUtf8() + "\r\n";
    if (!contentType.isEmpty())
        request += "Content-Type: " + contentType + "\r\n";
    if (!body.isEmpty() || method == "POST" || method == "PUT" || method == "PATCH")
        request += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    if (!connection.send(request + "\r\n" + body))
        return {};
    const RawResponse raw = connection.readResponse(timeoutMs);
    HttpResponse response;
    response.status = raw.status;
    response.body = raw.body;
    const QList<QByteArray> lines = raw.head.split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon > 0)
            response.headers.append({lines[i].left(colon).trimmed(), lines[i].mid(colon + 1).trimmed()});
    }
    return response;
}

ResponsivenessProbe::ResponsivenessProbe(QUrl baseUrl, QByteArray source, QByteArray path) {
    m_thread = std::thread([this, baseUrl = std::move(baseUrl), source = std::move(source),
                            path = std::move(path)] {
        while (m_running) {
            const qint64 ms = timeToAnswer(baseUrl, source, path, 10'000);
            m_slowestMs = std::max<qint64>(m_slowestMs, ms < 0 ? 99'999 : ms);
            QThread::msleep(50);
        }
    });
}

ResponsivenessProbe::~ResponsivenessProbe() {
    stop();
}

qint64 ResponsivenessProbe::stop() {
    m_running = false;
    if (m_thread.joinable())
        m_thread.join();
    return m_slowestMs;
}

} // namespace bitmarket::test
