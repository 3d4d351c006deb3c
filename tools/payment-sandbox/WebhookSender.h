// Delivers events to the merchant's webhook URL from threads of its own: signed, retried with
// exponential backoff until answered 2xx, and (when the switches say so) twice or out of order.
// Signature header: `Sandbox-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`
// with the webhook secret; the timestamp is that of the attempt.
#pragma once

#include "Misbehaviour.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QString>

#include <condition_variable>
#include <list>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace httplib {
class Client;
}

namespace sandbox {

class WebhookSender {
public:
    // Deliveries under way at once, as a provider's many senders would be.
    static constexpr int kSenders = 8;

    struct Options {
        QString url;
        QByteArray secret;
        qint64 retryBaseMs = 1000; // the wait after the first failed attempt; doubles after each
        qint64 retryMaxMs = 60'000;
        qint64 holdMs = 500; // out of order: how long an event waits for the next one
    };

    WebhookSender(Options options, Misbehaviour& misbehaviour);
    ~WebhookSender();

    void start();
    void stop();
    void setUrl(const QString& url);
    QString url() const;

    // Queues the event ({id, type, createdAt, data}); returns at once.
    void send(const QJsonObject& event);
    // The same, then waits (at most timeoutMs) until its first attempt was answered 2xx.
    void sendAndWait(const QJsonObject& event, int timeoutMs);
    // Every attempt so far: {eventId, type, attempt, status (0: no answer), at}.
    QJsonArray deliveries() const;

    static QByteArray signatureHeader(const QByteArray& secret, qint64 unixSeconds,
                                      const QByteArray& body);

private:
    struct Delivery {
        QString eventId;
        QString type;
        QByteArray body;
        int attempts = 0;
        qint64 dueMs = 0;
    };

    void run();
    // One attempt over the sending thread's connection (opened again when the URL changed).
    int attempt(const Delivery& d, std::unique_ptr<httplib::Client>& client, QString& clientUrl);

    Options m_options;
    Misbehaviour& m_misbehaviour;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_answered;
    std::list<Delivery> m_queue;
    QString m_heldEventId; // out of order: the event waiting for the next one
    QSet<QString> m_delivered;
    QJsonArray m_log;
    bool m_stopping = false;
    std::vector<std::thread> m_threads;
};

} // namespace sandbox
