// Ends auctions on time: a thread that sleeps until the next running auction's end, closes
// every auction whose end has come in the order they end, and sleeps again. At start it
// first closes those that came due while the server was down. It reads the ends from the
// database, so a late bid's extension needs no message; a new auction wakes it (its end
// may be the earliest). Closing checks the auction's state in its own write, so a second
// server process on the same database closes nothing twice.
#pragma once

#include "auctions/AuctionService.h"

#include <condition_variable>
#include <mutex>
#include <thread>

namespace bitmarket::server::auctions {

class AuctionCloser {
public:
    explicit AuctionCloser(AuctionService& auctions);
    ~AuctionCloser();

    void start();
    void stop(); // idempotent
    // A new auction: look at the ends again.
    void wake();

private:
    void run();

    AuctionService& m_auctions;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    bool m_woken = false;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace bitmarket::server::auctions
