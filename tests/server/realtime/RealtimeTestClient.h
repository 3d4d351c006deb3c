// A client of the hub as the desktop app would be: a real QWebSocket that records every frame
// and how the connection ended, with waits that keep the test's event loop running.
#pragma once

#include <QElapsedTimer>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QUrl>
#include <QWebSocket>
#include <functional>

namespace bitmarket::test {

class RealtimeTestClient : public QObject {
    Q_OBJECT

public:
    static constexpr int kWaitMs = 5000;

    explicit RealtimeTestClient(QObject* parent = nullptr);

    // `authorization` is the raw Authorization header value, `acceptLanguage` the
    // Accept-Language one, if any.
    void open(const QUrl& url, const QByteArray& authorization = {},
              const QByteArray& acceptLanguage = {});
    bool waitForConnected(int timeoutMs = kWaitMs);
    bool waitForDisconnected(int timeoutMs = kWaitMs);
    bool isConnected() const;
    // Starts the closing handshake, as a client that is done does.
    void close();

    void send(const QJsonObject& frame);
    void sendText(const QString& text);
    void sendBinary(const QByteArray& data);

    // Sends {"type", "id", "data"} with a fresh id and returns the frame answering it, or an
    // empty object if none came in time.
    QJsonObject request(const QString& type, const QJsonObject& data = {});
    QJsonObject subscribe(const QStringList& topics);
    QJsonObject unsubscribe(const QStringList& topics);

    // The first received frame that matches, waiting for it if needed; empty on timeout.
    QJsonObject waitForFrame(const std::function<bool(const QJsonObject&)>& matches,
                             int timeoutMs = kWaitMs);
    QJsonObject waitForEvent(const QString& topic, int timeoutMs = kWaitMs);
    // Events received so far on `topic`, in arrival order.
    QList<QJsonObject> eventsOn(const QString& topic) const;
    // When the first received frame that matches arrived, in milliseconds since this client
    // was made; -1 if none did.
    qint64 arrivedAtMs(const std::function<bool(const QJsonObject&)>& matches) const;

    QWebSocketProtocol::CloseCode closeCode() const { return m_socket.closeCode(); }
    QString closeReason() const { return m_socket.closeReason(); }
    bool failedToConnect() const { return m_failedToConnect; }

private:
    // The first received frame that matches; -1 if none did.
    qsizetype indexOf(const std::function<bool(const QJsonObject&)>& matches) const;

    QWebSocket m_socket;
    QList<QJsonObject> m_frames;
    QList<qint64> m_arrivedMs; // of each frame
    QElapsedTimer m_clock;
    int m_nextId = 1;
    bool m_disconnected = false;
    bool m_failedToConnect = false;
};

} // namespace bitmarket::test
