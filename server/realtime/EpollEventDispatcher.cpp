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
    m_wakeUpPending = false;
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
    Watched& watched = it->second;
    watched.notifiers[type] = nullptr;
    watch(fd, watched);
    if (!watched.notifiers[0] && !watched.notifiers[1] && !watched.notifiers[2])
        m_watched.erase(it);
}

void EpollEventDispatcher::registerTimer(int timerId, qint64 intervalMs, Qt::TimerType timerType,
                                         QObject* object) {
    const qint64 due = nowMs() + intervalMs;
    m_timers[timerId] = Timer{intervalMs, timerType, object, due, false};
    m_dueTimers.insert({due, timerId});
}

void EpollEventDispatcher::forget(std::unordered_map<int, Timer>::iterator timer) {
    // A firing timer is out of the due order until its event has been delivered.
    if (!timer->second.firing)
        m_dueTimers.erase({timer->second.dueMs, timer->first});
    m_timers.erase(timer);
}

bool EpollEventDispatcher::unregisterTimer(int timerId) {
    const auto it = m_timers.find(timerId);
    if (it == m_timers.end())
        return false;
    forget(it);
    return true;
}

bool EpollEventDispatcher::unregisterTimers(QObject* object) {
    bool any = false;
    for (auto it = m_timers.begin(); it != m_timers.end();) {
        const auto next = std::next(it);
        if (it->second.object == object) {
            forget(it);
            any = true;
        }
        it = next;
    }
    return any;
}

QList<QAbstractEventDispatcher::TimerInfo>
EpollEventDispatcher::registeredTimers(QObject* object) const {
    QList<TimerInfo> timers;
    for (const auto& [id, t] : m_timers) {
        if (t.object == object)
            timers.append(TimerInfo(id, static_cast<int>(t.intervalMs), t.type));
    }
    return timers;
}

int EpollEventDispatcher::remainingTime(int timerId) {
    const auto it = m_timers.find(timerId);
    if (it == m_timers.end())
        return -1;
    return static_cast<int>(std::max<qint64>(0, it->second.dueMs - nowMs()));
}

int EpollEventDispatcher::msUntilNextTimer() const {
    if (m_dueTimers.empty())
        return -1;
    return static_cast<int>(std::max<qint64>(0, m_dueTimers.begin()->first - nowMs()));
}

bool EpollEventDispatcher::fireTimers() {
    const qint64 now = nowMs();
    // Taken out of the due order first, with their next due time set: a timer due again at
    // once (interval 0) fires on the next pass, not forever in this one.
    std::vector<int> due;
    while (!m_dueTimers.empty() && m_dueTimers.begin()->first <= now) {
        const int id = m_dueTimers.begin()->second;
        m_dueTimers.erase(m_dueTimers.begin());
        Timer& t = m_timers.at(id);
        // The next due time keeps to the interval's beat, and skips beats missed while busy.
        t.dueMs += t.intervalMs;
        if (t.dueMs <= now)
            t.dueMs = now + t.intervalMs;
        t.firing = true;
        due.push_back(id);
    }
    for (const int id : due) {
        // Looked up again each time: a timer's event may stop or start others, this one too
        // (a timer registered anew under the same id is not firing).
        auto it = m_timers.find(id);
        if (it == m_timers.end() || !it->second.firing)
            continue;
        QTimerEvent event(id);
        QCoreApplication::sendEvent(it->second.object, &event);
        it = m_timers.find(id);
        if (it != m_timers.end() && it->second.firing) {
            it->second.firing = false;
            m_dueTimers.insert({it->second.dueMs, id});
        }
    }
    return !due.empty();
}

void EpollEventDispatcher::wakeUp() {
    // The commit thread answers a batch with a post per write: while the loop has not yet sent
    // them, one write of the eventfd is enough.
    if (!m_wakeUpPending.exchange(true))
        ::eventfd_write(m_wakeUps, 1);
}

void EpollEventDispatcher::interrupt() {
    m_interrupted = true;
    ::eventfd_write(m_wakeUps, 1);
}

} // namespace bitmarket::server
