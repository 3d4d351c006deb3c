#include "auctions/AuctionCloser.h"

#include "bitmarket/Timestamp.h"

#include <QLoggingCategory>

#include <chrono>

Q_LOGGING_CATEGORY(lcCloser, "bitmarket.auctions.closer")

namespace bitmarket::server::auctions {

namespace {
// Closes share a write in groups this large, so a backlog after downtime commits quickly.
constexpr int kClosesPerWrite = 100;
// With nothing running, or after a failed close, it looks again this often.
constexpr qint64 kIdleMs = 60'000;
constexpr qint64 kRetryMs = 1'000;
} // namespace

AuctionCloser::AuctionCloser(AuctionService& auctions) : m_auctions(auctions) {
}

AuctionCloser::~AuctionCloser() {
    stop();
}

void AuctionCloser::start() {
    m_thread = std::thread([this] { run(); });
}

void AuctionCloser::stop() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_changed.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void AuctionCloser::wake() {
    {
        std::lock_guard lock(m_mutex);
        m_woken = true;
    }
    m_changed.notify_all();
}

void AuctionCloser::run() {
    for (;;) {
        qint64 waitMs = kIdleMs;
        auto closed = m_auctions.closeDue(kClosesPerWrite);
        if (!closed) {
            qCWarning(lcCloser).noquote() << "closing auctions failed:" << closed.error().message;
            waitMs = kRetryMs;
        } else if (*closed == kClosesPerWrite) {
            waitMs = 0; // more are due
        } else if (auto next = m_auctions.nextEnd(); !next) {
            waitMs = kRetryMs;
        } else if (*next) {
            waitMs = std::clamp<qint64>(**next - nowMs(), 0, kIdleMs);
        }
        std::unique_lock lock(m_mutex);
        m_changed.wait_for(lock, std::chrono::milliseconds(waitMs),
                           [this] { return m_stopping || m_woken; });
        if (m_stopping)
            return;
        m_woken = false;
    }
}

} // namespace bitmarket::server::auctions
