#include "AddressedClient.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTcpSocket>
#include <QThread>

namespace bitmarket::test {

QHostAddress loopback(int n) {
    return QHostAddress(QStringLiteral("127.0.0.%1").arg(n));
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
    QDeadlineTimer deadline(timeoutMs);
    QTcpSocket socket;
    if (!socket.bind(m_source))
        return {};
    socket.connectToHost(m_baseUrl.host(), quint16(m_baseUrl.port()));
    if (!socket.waitForConnected(int(deadline.remainingTime())))
        return {};
    QByteArray request = method + ' ' + path.toUtf8() + " HTTP/1.1\r\nHost: " +
                         m_baseUrl.authority().toUtf8() + "\r\nConnection: close\r\n";
    if (!m_token.isEmpty())
        request += "Authorization: Bearer " + m_token.toUtf8() + "\r\n";
    if (!contentType.isEmpty())
        request += "Content-Type: " + contentType + "\r\n";
    if (!body.isEmpty() || method == "POST" || method == "PUT" || method == "PATCH")
        request += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    socket.write(request + "\r\n" + body);
    QByteArray raw;
    while (socket.state() == QAbstractSocket::ConnectedState && !deadline.hasExpired()) {
        if (socket.waitForReadyRead(int(std::max<qint64>(1, deadline.remainingTime()))))
            raw += socket.readAll();
    }
    raw += socket.readAll();
    const qsizetype headEnd = raw.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return {};
    HttpResponse response;
    const QList<QByteArray> lines = raw.left(headEnd).split('\n');
    const QList<QByteArray> statusLine = lines.first().trimmed().split(' ');
    response.status = statusLine.size() >= 2 ? statusLine[1].toInt() : 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon > 0)
            response.headers.append({lines[i].left(colon).trimmed(), lines[i].mid(colon + 1).trimmed()});
    }
    response.body = raw.mid(headEnd + 4);
    return response;
}

ResponsivenessProbe::ResponsivenessProbe(QUrl baseUrl, QHostAddress source, QString path) {
    m_thread = std::thread([this, client = AddressedClient(std::move(baseUrl), std::move(source)),
                            path = std::move(path)]() mutable {
        while (m_running) {
            QElapsedTimer t;
            t.start();
            const HttpResponse r = client.get(path);
            m_slowestMs = std::max<qint64>(m_slowestMs, r.status == 200 ? t.elapsed() : 99'999);
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
