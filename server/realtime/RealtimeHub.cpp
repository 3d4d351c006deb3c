#include "realtime/RealtimeHub.h"

#include "realtime/EpollEventDispatcher.h"
#include "realtime/EventRelay.h"
#include "realtime/RealtimeEndpoint.h"

#include <QMetaObject>

namespace bitmarket::server {

namespace {

// An empty string when the options make sense.
QString problemWith(const RealtimeHub::Options& options) {
    if (options.pingIntervalMs <= 0 || options.idleTimeoutMs <= 0)
        return QStringLiteral("Ping interval and idle timeout must be positive.");
    // A live client only proves it is alive by answering a ping, so it must be pinged at least
    // once before it counts as idle.
    if (options.pingIntervalMs >= options.idleTimeoutMs)
        return QStringLiteral("The ping interval must be shorter than the idle timeout.");
    if (options.maxTopicsPerSocket <= 0)
        return QStringLiteral("A socket must be allowed at least one topic.");
    return {};
}

} // namespace

RealtimeHub::RealtimeHub(EventBus& bus, Authenticator authenticate, ConnectedUsers& connected,
                         Options options)
    : m_bus(bus), m_authenticate(std::move(authenticate)), m_connected(connected),
      m_options(std::move(options)) {
    m_thread.setObjectName(QStringLiteral("realtime-hub"));
}

RealtimeHub::~RealtimeHub() {
    stop();
}

bool RealtimeHub::start(QString* error) {
    std::lock_guard lock(m_lifecycle);
    const auto fail = [error](const QString& message) {
        if (error)
            *error = message;
        return false;
    };
    if (m_endpoint)
        return fail(QStringLiteral("The realtime hub is already running."));
    if (const QString problem = problemWith(m_options); !problem.isEmpty())
        return fail(problem);

    auto* endpoint = new RealtimeEndpoint(m_options, m_authenticate, m_connections, m_connected);
    endpoint->moveToThread(&m_thread);
    // Deleted on the hub thread as it finishes, so its sockets and timers die where they live.
    QObject::connect(&m_thread, &QThread::finished, endpoint, &QObject::deleteLater);
    // Direct: the caller of stop() is blocked in wait() and runs no event loop to queue onto.
    QObject::connect(endpoint, &RealtimeEndpoint::closed, &m_thread, &QThread::quit,
                     Qt::DirectConnection);
    // Set before each start: a finished thread deletes its dispatcher.
    m_thread.setEventDispatcher(new EpollEventDispatcher);
    m_thread.start();

    std::optional<Result<quint16>> listening;
    QMetaObject::invokeMethod(
        endpoint, [&] { listening.emplace(endpoint->listen()); }, Qt::BlockingQueuedConnection);
    if (!listening->ok()) {
        m_thread.quit();
        m_thread.wait();
        return fail(listening->error().message);
    }

    m_endpoint = endpoint;
    m_port = listening->value();
    m_relay = std::make_shared<EventRelay>(endpoint);
    m_subscription =
        m_bus.subscribe([relay = m_relay](const DomainEvent& event) { relay->forward(event); });
    return true;
}

quint16 RealtimeHub::port() const {
    return m_port;
}

void RealtimeHub::stop() {
    Q_ASSERT_X(QThread::currentThread() != &m_thread, "RealtimeHub::stop",
               "would wait for its own thread");
    std::lock_guard lock(m_lifecycle);
    if (!m_endpoint)
        return;
    m_bus.unsubscribe(m_subscription);
    // The bus may still run a handler it copied before unsubscribe(); the relay drops those.
    m_relay->detach();
    QMetaObject::invokeMethod(m_endpoint, &RealtimeEndpoint::shutdown, Qt::QueuedConnection);
    m_thread.wait();
    m_endpoint = nullptr;
    m_relay.reset();
    m_port = 0;
    m_connections = 0;
}

void RealtimeHub::setTls(const QSslConfiguration& tls) {
    std::lock_guard lock(m_lifecycle);
    if (m_endpoint)
        QMetaObject::invokeMethod(m_endpoint, [endpoint = m_endpoint, tls] { endpoint->setTls(tls); },
                                  Qt::QueuedConnection);
}

int RealtimeHub::connectionCount() const {
    return m_connections;
}

} // namespace bitmarket::server
