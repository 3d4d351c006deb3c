#include "media/DecodeSlots.h"

#include <algorithm>

namespace bitmarket::server::media {

DecodeSlots::DecodeSlots(int count) : m_free(std::max(1, count)) {
}

void DecodeSlots::acquire(const QString& uploader) {
    std::unique_lock lock(m_mutex);
    m_freed.wait(lock, [&] {
        return m_free > 0 && (uploader.isEmpty() || !m_decoding.contains(uploader));
    });
    --m_free;
    if (!uploader.isEmpty())
        m_decoding.insert(uploader);
}

void DecodeSlots::release(const QString& uploader) {
    {
        std::lock_guard lock(m_mutex);
        ++m_free;
        m_decoding.remove(uploader);
    }
    // Waiters differ in what they wait for (any slot, or their own upload's), so all look.
    m_freed.notify_all();
}

DecodeSlots::Slot::Slot(DecodeSlots& slots, QString uploader)
    : m_slots(slots), m_uploader(std::move(uploader)) {
    m_slots.acquire(m_uploader);
}

DecodeSlots::Slot::~Slot() {
    m_slots.release(m_uploader);
}

} // namespace bitmarket::server::media
