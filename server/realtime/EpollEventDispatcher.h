// The hub thread's event loop over epoll. Qt's own dispatchers (glib's, and the poll() one)
// hand the kernel every socket on every pass: with a thousand sockets and ten thousand chat
// messages a second, asking which of them are ready cost the hub more than the messages did.
// epoll keeps the set in the kernel and answers with only the ready ones.
//
// Sockets (read, write and exception notifiers), timers (to the millisecond; every type is
// treated as precise), events posted from other threads, wakeUp() and interrupt(); for one
// thread, set before it starts (QThread::setEventDispatcher).
#pragma once

#include <QAbstractEventDispatcher>

#include <sys/epoll.h>

#include <atomic>
#include <set>
#include <utility>
#include <unordered_map>
#include <vector>

class QSocketNotifier;

namespace bitmarket::server {

class EpollEventDispatcher : public QAbstractEventDispatcher {
public:
    explicit EpollEventDispatcher(QObject* parent = nullptr);
    ~EpollEventDispatcher() override;

    bool processEvents(QEventLoop::ProcessEventsFlags flags) override;

    void registerSocketNotifier(QSocketNotifier* notifier) override;
    void unregisterSocketNotifier(QSocketNotifier* notifier) override;

    void registerTimer(int timerId, qint64 intervalMs, Qt::TimerType timerType,
                       QObject* object) override;
    bool unregisterTimer(int timerId) override;
    bool unregisterTimers(QObject* object) override;
    QList<TimerInfo> registeredTimers(QObject* object) const override;
    int remainingTime(int timerId) override;

    void wakeUp() override;
    void interrupt() override;

private:
    // The notifiers of one file descriptor, by type (read, write, exception).
    struct Watched {
        QSocketNotifier* notifiers[3] = {nullptr, nullptr, nullptr};
        bool inEpoll = false;
    };
    struct Timer {
        qint64 intervalMs = 0;
        Qt::TimerType type = Qt::CoarseTimer;
        QObject* object = nullptr;
        qint64 dueMs = 0;
        bool firing = false; // its event is being delivered: a nested loop must not fire it again
    };

    // Unregisters one timer.
    void forget(std::unordered_map<int, Timer>::iterator timer);

    void watch(int fd, Watched& watched);
    // Sends the ready sockets their notifications; true when any was sent.
    bool activateSockets(int ready);
    // Sends the due timers their events; true when any was sent.
    bool fireTimers();
    // Milliseconds until the next timer is due (0 if one is), -1 without timers.
    int msUntilNextTimer() const;
    void drainWakeUps();

    int m_epoll = -1;
    int m_wakeUps = -1; // an eventfd: written by wakeUp() from any thread
    // Set by the wakeUp() that wrote the eventfd, cleared before posted events are sent: the
    // events posted in between are sent with them, so one write wakes the loop for all of them.
    std::atomic<bool> m_wakeUpPending = false;
    std::atomic<bool> m_interrupted = false;
    std::unordered_map<int, Watched> m_watched;
    std::unordered_map<int, Timer> m_timers;   // by id
    std::set<std::pair<qint64, int>> m_dueTimers; // (due ms, id) of the timers not firing
    std::vector<epoll_event> m_ready;
};

} // namespace bitmarket::server
