#include "db/Poller.h"

namespace bitmarket::server::db {

Poller::Poller(std::chrono::milliseconds interval, std::function<void()> poll)
    : m_interval(interval), m_poll(std::move(poll)) {
}

Poller::~Poller() { stop(); }

void Poller::start() {
    std::lock_guard lock(m_mutex);
    if (m_thread.joinable())
        return;
    m_stopping = false;
    m_thread = std::thread([this] {
        std::unique_lock lock(m_mutex);
        while (!m_stopping) {
            lock.unlock();
            m_poll();
            lock.lock();
            m_wake.wait_for(lock, m_interval, [this] { return m_stopping; });
        }
    });
}

void Poller::stop() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

} // namespace bitmarket::server::db
