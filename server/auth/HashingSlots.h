// Password hashing is slow and memory-hard on purpose (scrypt, 32 MiB each):
// forty sign-ups at once would hold over a gigabyte. This bounds how many
// hashes run at once and how many callers wait for one; the others are told
// to come back (rate_limited with Retry-After) instead of piling up.
#pragma once

#include "bitmarket/Result.h"

#include <condition_variable>
#include <mutex>
#include <type_traits>

namespace bitmarket::server {

class HashingSlots {
public:
    struct Limits {
        int slots = 2;           // 2 x 32 MiB at most
        // Callers queued for a slot beyond those running. Each holds an HTTP worker
        // thread while it waits: kept well below the pool, so other requests find one.
        int waiting = 8;
        qint64 maxWaitMs = 5000; // a caller waiting longer is sent away
    };

    explicit HashingSlots(Limits limits) : m_limits(limits) {}

    // Runs `hash` in a slot, or returns rate_limited without running it.
    template <typename Hash> auto run(Hash&& hash) -> Result<std::invoke_result_t<Hash>> {
        if (auto entered = enter(); !entered)
            return entered.error();
        struct Leave {
            HashingSlots& slots;
            ~Leave() { slots.leave(); }
        } leave{*this};
        if constexpr (std::is_void_v<std::invoke_result_t<Hash>>) {
            hash();
            return {};
        } else {
            return hash();
        }
    }

private:
    Result<void> enter();
    void leave();

    Limits m_limits;
    std::mutex m_mutex;
    std::condition_variable m_freed;
    int m_running = 0;
    int m_waiting = 0;
};

} // namespace bitmarket::server
