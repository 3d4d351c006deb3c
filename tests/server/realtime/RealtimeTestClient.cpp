#include "RealtimeTestClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkRequest>
#include <QTest>

namespace bitmarket::test {

RealtimeTestClient::RealtimeTestClient(QObject* parent) : QObject(parent) {
    m_clock.start();
    connect(&m_socket, &QWebSocket::textMessageReceived, this, [this](const QString& text) {
        m_frames.append(QJsonDocument::fromJson(text.toUtf8()).object());
        m_arrivedMs.append(m_clock.elapsed());
    });
    connect(&m_socket, &QWebSocket::disconnected, this, [this] { m_disconnected = true; });
    connect(&m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this, [this] {
        if (m_socket.state() != QAbstractSocket::ConnectedState)
            m_failedToConnect = true;
    });
}

void RealtimeTestClient::open(const QUrl& url, const QByteArray& authorization,
                              const QByteArray& acceptLanguage) {
    QNetworkRequest request(url);
    if (!authorization.isEmpty())
        request.setRawHeader("Authorization", authorization);
    if (!acceptLanguage.isEmpty())
        request.setRawHeader("Accept-Language", acceptLanguage);
    m_socket.open(request);
}

bool RealtimeTestClient::waitForConnected(int timeoutMs) {
    return QTest::qWaitFor([this] { return isConnected() || m_disconnected; }, timeoutMs) &&
           isConnected();
}

bool RealtimeTestClient::waitForDisconnected(int timeoutMs) {
    return QTest::qWaitFor([this] { return m_disconnected || m_failedToConnect; }, timeoutMs);
}

bool RealtimeTestClient::isConnected() const {
    return m_socket.state() == QAbstractSocket::ConnectedState;
}

void RealtimeTestClient::close() {
    m_socket.close();
}

void RealtimeTestClient::send(const QJsonObject& frame) {
    sendText(QString::fromUtf8(QJsonDocument(frame).toJson(QJsonDocument::Compact)));
}

void RealtimeTestClient::sendText(const QString& text) {
    m_socket.sendTextMessage(text);
}

void RealtimeTestClient::sendBinary(const QByteArray& data) {
    m_socket.sendBinaryMessage(data);
}

QJsonObject RealtimeTestClient::request(const QString& type, const QJsonObject& data) {
    const QString id = QStringLiteral("r%1").arg(m_nextId++);
    send({{QStringLiteral("type"), type},
          {QStringLiteral("id"), id},
          {QStringLiteral("data"), data}});
    return waitForFrame([&id](const QJsonObject& frame) { return frame.value("id") == id; });
}

QJsonObject RealtimeTestClient::subscribe(const QStringList& topics) {
    return request(QStringLiteral("subscribe"),
                   {{QStringLiteral("topics"), QJsonArray::fromStringList(topics)}});
}

QJsonObject RealtimeTestClient::unsubscribe(const QStringList& topics) {
    return request(QStringLiteral("unsubscribe"),
                   {{QStringLiteral("topics"), QJsonArray::fromStringList(topics)}});
}

QJsonObject RealtimeTestClient::waitForFrame(const std::function<bool(const QJsonObject&)>& matches,
                                             int timeoutMs) {
    qsizetype found = -1;
    QTest::qWaitFor([&] { return (found = indexOf(matches)) >= 0; }, timeoutMs);
    return found >= 0 ? m_frames[found] : QJsonObject();
}

QJsonObject RealtimeTestClient::waitForEvent(const QString& topic, int timeoutMs) {
    return waitForFrame(
        [&topic](const QJsonObject& frame) { return frame.value("topic").toString() == topic; },
        timeoutMs);
}

QList<QJsonObject> RealtimeTestClient::eventsOn(const QString& topic) const {
    QList<QJsonObject> events;
    for (const QJsonObject& frame : m_frames) {
        if (frame.value("topic").toString() == topic)
            events.append(frame);
    }
    return events;
}

qint64 RealtimeTestClient::arrivedAtMs(const std::function<bool(const QJsonObject&)>& matches) const {
    const qsizetype found = indexOf(matches);
    return found >= 0 ? m_arrivedMs[found] : -1;
}

qsizetype RealtimeTestClient::indexOf(const std::function<bool(const QJsonObject&)>& matches) const {
    for (qsizetype i = 0; i < m_frames.size(); ++i) {
        if (matches(m_frames[i]))
            return i;
    }
    return -1;
}

} // namespace bitmarket::test
