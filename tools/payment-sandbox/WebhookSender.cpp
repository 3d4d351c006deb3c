#include "WebhookSender.h"

#include "PaymentBook.h"

#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QUrl>

#include <httplib.h>

#include <algorithm>

namespace sandbox {

WebhookSender::WebhookSender(Options options, Misbehaviour& misbehaviour)
    : m_options(std::move(options)), m_misbehaviour(misbehaviour) {}

WebhookSender::~WebhookSender() { stop(); }

void WebhookSender::start() {
    for (int i = 0; i < kSenders; ++i)
        m_threads.emplace_back([this] { run(); });
}

void WebhookSender::stop() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    for (std::thread& thread : m_threads)
        thread.join();
    m_threads.clear();
}

void WebhookSender::setUrl(const QString& url) {
    {
        std::lock_guard lock(m_mutex);
        m_options.url = url;
    }
    m_wake.notify_all();
}

QString WebhookSender::url() const {
    std::lock_guard lock(m_mutex);
    return m_options.url;
}

QByteArray WebhookSender::signatureHeader(const QByteArray& secret, qint64 unixSeconds,
                                          const QByteArray& body) {
    const QByteArray t = QByteArray::number(unixSeconds);
    const QByteArray mac =
        QMessageAuthenticationCode::hash(t + '.' + body, secret, QCryptographicHash::Sha256);
    return "t=" + t + ",v1=" + mac.toHex();
}

void WebhookSender::send(const QJsonObject& event) {
    const Switches switches = m_misbehaviour.now();
    const qint64 now = nowMs();
    Delivery d{event.value("id").toString(), event.value("type").toString(),
               QJsonDocument(event).toJson(QJsonDocument::Compact), 0, now};
    {
        std::lock_guard lock(m_mutex);
        if (switches.outOfOrderWebhooks) {
            auto held = std::find_if(m_queue.begin(), m_queue.end(), [this](const Delivery& q) {
                return q.eventId == m_heldEventId && q.attempts == 0;
            });
            if (held != m_queue.end()) {
                // The newer event goes first, the held one right after it.
                held->dueMs = now + 20;
                m_heldEventId.clear();
            } else {
                d.dueMs = now + m_options.holdMs;
                m_heldEventId = d.eventId;
            }
        }
        m_queue.push_back(d);
        if (switches.duplicateWebhooks) {
            d.dueMs += 10;
            m_queue.push_back(d);
        }
    }
    m_wake.notify_all();
}

void WebhookSender::sendAndWait(const QJsonObject& event, int timeoutMs) {
    const QString id = event.value("id").toString();
    send(event);
    std::unique_lock lock(m_mutex);
    m_answered.wait_for(lock, std::chrono::milliseconds(timeoutMs),
                        [&] { return m_delivered.contains(id) || m_stopping; });
}

QJsonArray WebhookSender::deliveries() const {
    std::lock_guard lock(m_mutex);
    return m_log;
}

int WebhookSender::attempt(const Delivery& d, std::unique_ptr<httplib::Client>& client,
                           QString& clientUrl) {
    const QString current = this->url();
    const QUrl url(current);
    const std::string path = url.path(QUrl::FullyEncoded).toStdString();
    // A kept connection the merchant has closed meanwhile fails at once: one more try on a new
    // connection, and only a new connection failing counts as the endpoint not answering.
    for (;;) {
        const bool fresh = !client || clientUrl != current;
        if (fresh) {
            client = std::make_unique<httplib::Client>(url.host().toStdString(), url.port(80));
            client->set_keep_alive(true);
            client->set_tcp_nodelay(true);
            client->set_connection_timeout(2, 0);
            client->set_read_timeout(10, 0);
            clientUrl = current;
        }
        const QByteArray signature = signatureHeader(m_options.secret, nowMs() / 1000, d.body);
        httplib::Headers headers{{"Sandbox-Signature", signature.toStdString()}};
        auto res = client->Post(path.empty() ? "/" : path, headers, d.body.toStdString(),
                                "application/json");
        if (res)
            return res->status;
        client.reset();
        if (fresh)
            return 0;
    }
}

void WebhookSender::run() {
    std::unique_ptr<httplib::Client> client;
    QString clientUrl;
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        if (m_queue.empty() || m_misbehaviour.now().webhooksPaused) {
            m_wake.wait_for(lock, std::chrono::milliseconds(100));
            continue;
        }
        auto next = std::min_element(m_queue.begin(), m_queue.end(),
                                     [](const Delivery& a, const Delivery& b) {
                                         return a.dueMs < b.dueMs;
                                     });
        const qint64 wait = next->dueMs - nowMs();
        if (wait > 0) {
            m_wake.wait_for(lock, std::chrono::milliseconds(std::min<qint64>(wait, 100)));
            continue;
        }
        Delivery d = *next;
        m_queue.erase(next);
        lock.unlock();
        const int status = attempt(d, client, clientUrl);
        lock.lock();
        ++d.attempts;
        m_log.append(QJsonObject{{"eventId", d.eventId},
                                 {"type", d.type},
                                 {"attempt", d.attempts},
                                 {"status", status},
                                 {"at", nowMs()}});
        if (status >= 200 && status < 300) {
            m_delivered.insert(d.eventId);
            m_answered.notify_all();
            continue;
        }
        const qint64 backoff = std::min(m_options.retryMaxMs,
                                        m_options.retryBaseMs << std::min(d.attempts - 1, 20));
        d.dueMs = nowMs() + backoff;
        m_queue.push_back(d);
    }
}

} // namespace sandbox
