#include "realtime/EpollEventDispatcher.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QSocketNotifier>
#include <QTimerEvent>

#include <sys/eventfd.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>

Q_LOGGING_CATEGORY(lcEpollDispatcher, "bitmarket.realtime.dispatcher")

namespace bitmarket::server {

namespace {

constexpr int kReadyAtOnce = 256;

// What wakes each type of notifier (QSocketNotifier::Read, Write, Exception). A hang-up wakes
// the writer too: the kernel reports it whatever was asked, and a socket with only its write
// notifier left must learn it or the loop would spin on it.
constexpr uint32_t kWakes[3] = {EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR,
                                EPOLLOUT | EPOLLHUP | EPOLLERR, EPOLLPRI | EPOLLERR};
constexpr uint32_t kAsks[3] = {EPOLLIN, EPOLLOUT, EPOLLPRI};

qint64 nowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

} // namespace

EpollEventDispatcher::EpollEventDispatcher(QObject* parent)
    : QAbstractEventDispatcher(parent), m_epoll(::epoll_create1(EPOLL_CLOEXEC)),
      m_wakeUps(::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC)), m_ready(kReadyAtOnce) {
    if (m_epoll < 0 || m_wakeUps < 0)
        qFatal("epoll event dispatcher: %s", std::strerror(errno));
    epoll_event event{};
    event.events = EPOLLIN;
    event.data.fd = m_wakeUps;
    ::epoll_ctl(m_epoll, EPOLL_CTL_ADD, m_wakeUps, &event);
}

EpollEventDispatcher::~EpollEventDispatcher() {
    ::close(m_wakeUps);
    ::close(m_epoll);
}

bool EpollEventDispatcher::processEvents(QEventLoop::ProcessEventsFlags flags) {
    m_interrupted = false;
    Q_EMIT awake();
    QCoreApplication::sendPostedEvents();

    const bool withTimers = !flags.testFlag(QEventLoop::X11ExcludeTimers);
    const bool withSockets = !flags.testFlag(QEventLoop::ExcludeSocketNotifiers);
    const bool mayWait = flags.testFlag(QEventLoop::WaitForMoreEvents) && !m_interrupted;
    if (mayWait)
        Q_EMIT aboutToBlock();
    if (m_interrupted)
        return false;

    // An event posted from now on writes the eventfd, so the wait below returns for it.
    int timeoutMs = 0;
    if (mayWait)
        timeoutMs = withTimers ? msUntilNextTimer() : -1;
    int ready = ::epoll_wait(m_epoll, m_ready.data(), static_cast<int>(m_ready.size()), timeoutMs);
    if (ready < 0) {
        if (errno != EINTR)
            qCWarning(lcEpollDispatcher) << "epoll_wait:" << std::strerror(errno);
        ready = 0;
    }
    bool any = false;
    if (withSockets)
        any = activateSockets(ready);
    else if (ready > 0)
        drainWakeUps();
    if (withTimers)
        any = fireTimers() || any;
    return any;
}

bool EpollEventDispatcher::activateSockets(int ready) {
    bool any = false;
    for (int i = 0; i < ready; ++i) {
        const int fd = m_ready[static_cast<size_t>(i)].data.fd;
        const uint32_t happened = m_ready[static_cast<size_t>(i)].events;
        if (fd == m_wakeUps) {
            drainWakeUps();
            continue;
        }
        for (int type = 0; type < 3; ++type) {
            // Looked up again for each: the previous notification may have closed the socket.
            const auto it = m_watched.find(fd);
            if (it == m_watched.end())
                break;
            QSocketNotifier* notifier = it->second.notifiers[type];
            if (!notifier || !(happened & kWakes[type]))
                continue;
            QEvent event(QEvent::SockAct);
            QCoreApplication::sendEvent(notifier, &event);
            any = true;
        }
    }
    return any;
}

void EpollEventDispatcher::drainWakeUps() {
    eventfd_t count = 0;
    ::eventfd_read(m_wakeUps, &count);
}

void EpollEventDispatcher::watch(int fd, Watched& watched) {
    epoll_event event{};
    event.data.fd = fd;
    for (int type = 0; type < 3; ++type) {
        if (watched.notifiers[type])
            event.events |= kAsks[type];
    }
    if (event.events == 0) {
        if (watched.inEpoll)
            ::epoll_ctl(m_epoll, EPOLL_CTL_DEL, fd, nullptr);
        watched.inEpoll = false;
        return;
    }
    int rc = ::epoll_ctl(m_epoll, watched.inEpoll ? EPOLL_CTL_MOD : EPOLL_CTL_ADD, fd, &event);
    // The descriptor was closed and reused without its notifiers being told: start afresh.
    if (rc != 0 && errno == ENOENT)
        rc = ::epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &event);
    else if (rc != 0 && errno == EEXIST)
        rc = ::epoll_ctl(m_epoll, EPOLL_CTL_MOD, fd, &event);
    if (rc != 0)
        qCWarning(lcEpollDispatcher) << "cannot watch socket" << fd << ":" << std::strerror(errno);
    watched.inEpoll = rc == 0;
}

void EpollEventDispatcher::registerSocketNotifier(QSocketNotifier* notifier) {
    const int fd = static_cast<int>(notifier->socket());
    const int type = static_cast<int>(notifier->type());
    Watched& watched = m_watched[fd];
    if (watched.notifiers[type] && watched.notifiers[type] != notifier)
        qCWarning(lcEpollDispatcher) << "socket" << fd << "already has a notifier of type" << type;
    watched.notifiers[type] = notifier;
    watch(fd, watched);
}

void EpollEventDispatcher::unregisterSocketNotifier(QSocketNotifier* notifier) {
    const int fd = static_cast<int>(notifier->socket());
    const auto it = m_watched.find(fd);
    if (it == m_watched.end())
        return;
    const int type = static_cast<int>(notifier->type());
    if (it->second.notifiers[type] != notifier)
        return;
    it->second.notifiers[type] = nullptr;
    watch(fd, it->second);
    if (!it->second.inEpoll)
        m_watched.erase(it);
}

void EpollEventDispatcher::registerTimer(int timerId, qint64 intervalMs, Qt::TimerType timerType,
                                         QObject* object) {
    m_timers.push_back(Timer{timerId, intervalMs, timerType, object, nowMs() + intervalMs, false});
}

bool EpollEventDispatcher::unregisterTimer(int timerId) {
    const auto it = std::find_if(m_timers.begin(), m_timers.end(),
                                 [timerId](const Timer& t) { return t.id == timerId; });
    if (it == m_timers.end())
        return false;
    m_timers.erase(it);
    return true;
}

bool EpollEventDispatcher::unregisterTimers(QObject* object) {
    const auto before = m_timers.size();
    std::erase_if(m_timers, [object](const Timer& t) { return t.object == object; });
    return m_timers.size() != before;
}

QList<QAbstractEventDispatcher::TimerInfo>
EpollEventDispatcher::registeredTimers(QObject* object) const {
    QList<TimerInfo> timers;
    for (const Timer& t : m_timers) {
        if (t.object == object)
            timers.append(TimerInfo(t.id, static_cast<int>(t.intervalMs), t.type));
    }
    return timers;
}

int EpollEventDispatcher::remainingTime(int timerId) {
    for (const Timer& t : m_timers) {
        if (t.id == timerId)
            return static_cast<int>(std::max<qint64>(0, t.dueMs - nowMs()));
    }
    return -1;
}

int EpollEventDispatcher::msUntilNextTimer() const {
    qint64 next = -1;
    for (const Timer& t : m_timers) {
        if (!t.firing && (next < 0 || t.dueMs < next))
            next = t.dueMs;
    }
    if (next < 0)
        return -1;
    return static_cast<int>(std::max<qint64>(0, next - nowMs()));
}

bool EpollEventDispatcher::fireTimers() {
    const qint64 now = nowMs();
    std::vector<int> due;
    for (const Timer& t : m_timers) {
        if (!t.firing && t.dueMs <= now)
            due.push_back(t.id);
    }
    const auto find = [this](int id) {
        return std::find_if(m_timers.begin(), m_timers.end(), [id](const Timer& t) { return t.id == id; });
    };
    for (const int id : due) {
        // Looked up again each time: a timer's event may start or stop others, this one too.
        auto it = find(id);
        if (it == m_timers.end() || it->firing)
            continue;
        // The next due time keeps to the interval's beat, and skips beats missed while busy.
        it->dueMs += it->intervalMs;
        if (it->dueMs <= now)
            it->dueMs = now + it->intervalMs;
        it->firing = true;
        QObject* object = it->object;
        QTimerEvent event(id);
        QCoreApplication::sendEvent(object, &event);
        it = find(id);
        if (it != m_timers.end())
            it->firing = false;
    }
    return !due.empty();
}

void EpollEventDispatcher::wakeUp() {
    ::eventfd_write(m_wakeUps, 1);
}

void EpollEventDispatcher::interrupt() {
    m_interrupted = true;
    wakeUp();
}

} // namespace bitmarket::server
