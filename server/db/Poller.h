// Runs a function now and then every interval on a thread of its own, until stop():
// how a server process hears of what other processes wrote to the same database
// (the job and notification relays).
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace bitmarket::server::db {

class Poller {
public:
    Poller(std::chrono::milliseconds interval, std::function<void()> poll);
    ~Poller();
    Poller(const Poller&) = delete;
    Poller& operator=(const Poller&) = delete;

    void start(); // idempotent
    void stop();  // waits for a poll in progress; idempotent

private:
    std::chrono::milliseconds m_interval;
    std::function<void()> m_poll;
    std::mutex m_mutex;
    bool m_stopping = false;
    std::condition_variable m_wake;
    std::thread m_thread;
};

} // namespace bitmarket::server::db
