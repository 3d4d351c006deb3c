// Replies to client commands that other threads still owe (a chat.send waits for its durable
// write on the database's threads, with no thread of ours held). The endpoint waits for
// none to be left before it goes, as it waits for its command pool.
#pragma once

#include <condition_variable>
#include <mutex>

namespace bitmarket::server {

class RepliesInFlight {
public:
    void begin();
    // After the reply has been handed to the hub thread.
    void end();
    void waitForNone();

private:
    std::mutex m_mutex;
    std::condition_variable m_none;
    int m_count = 0;
};

} // namespace bitmarket::server
