// The live side: one WebSocket to the URL /healthz names, authenticated with
// the current access token. It reconnects with exponential backoff (1 s up to
// 30 s), subscribes again to every topic someone still wants, and tells the
// UI whether the app is online. When the server closes the socket because its
// access token expired (4001) or its session ended (4003), it renews the token
// through ApiClient first and reconnects at once with whatever token that leaves.
#pragma once

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>
#include <QtQml/qqmlregistration.h>

class ApiClient;

class RealtimeClient : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The application provides one as Realtime")
    Q_PROPERTY(bool online READ online NOTIFY onlineChanged)
    Q_PROPERTY(int reconnectInSeconds READ reconnectInSeconds NOTIFY onlineChanged)

public:
    explicit RealtimeClient(ApiClient* api, QObject* parent = nullptr);
    ~RealtimeClient() override;

    bool online() const { return m_online; }
    int reconnectInSeconds() const;

    // Topics are reference-counted: two pages watching one listing share a subscription.
    void subscribe(const QString& topic);
    void unsubscribe(const QString& topic);

    // Starts (or restarts after a server or token change) the connection.
    Q_INVOKABLE void start();
    void stop();
    Q_INVOKABLE void reconnectNow();

    // A command the server answers (chat.send, chat.typing): sent with a fresh id, which the
    // answer carries back in replied(). Empty, and nothing sent, while the socket is not open.
    QString request(const QString& type, const QJsonObject& data);

signals:
    void onlineChanged();
    void eventReceived(const QString& type, const QString& topic, const QJsonObject& data);
    // The answer to request() `id`: its reply type, or "error" with {code, message}.
    void replied(const QString& id, const QString& type, const QJsonObject& data);

private:
    void discoverAndConnect();
    void openSocket();
    void onConnected();
    void onDisconnected();
    void renewTokenAndReconnect();
    void onMessage(const QString& text);
    void scheduleReconnect();
    void send(const QString& type, const QJsonObject& data, const QString& id = {});
    void setOnline(bool online);

    ApiClient* m_api;
    QWebSocket m_socket;
    QTimer m_reconnectTimer;
    QTimer m_pingTimer;
    QUrl m_wsUrl;
    QString m_socketToken; // the access token the socket was opened with
    QHash<QString, int> m_topics;
    int m_attempt = 0;
    bool m_online = false;
    bool m_running = false;
    int m_generation = 0;
    qint64 m_lastRequestId = 0;
};
