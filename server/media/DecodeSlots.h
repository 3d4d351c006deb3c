// The photo decodes that may run at once (each can hold hundreds of MB), shared
// fairly: an uploader holds at most one slot, so however many uploads one
// account sends at once, the other slots stay free for everyone else.
#pragma once

#include <QSet>
#include <QString>

#include <condition_variable>
#include <mutex>

namespace bitmarket::server::media {

class DecodeSlots {
public:
    explicit DecodeSlots(int count);

    // Holds a slot from construction (waiting for one) to destruction.
    class Slot {
    public:
        Slot(DecodeSlots& slots, QString uploader);
        ~Slot();
        Slot(const Slot&) = delete;
        Slot& operator=(const Slot&) = delete;

    private:
        DecodeSlots& m_slots;
        QString m_uploader;
    };

private:
    friend class Slot;
    // An empty uploader (the server's own work, the demo catalogue) is not held to one slot.
    void acquire(const QString& uploader);
    void release(const QString& uploader);

    std::mutex m_mutex;
    std::condition_variable m_freed;
    int m_free;
    QSet<QString> m_decoding;
};

} // namespace bitmarket::server::media
