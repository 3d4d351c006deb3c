// Removes media that no live listing (nor chat, see keepAlso) shows any more: the photos of deleted
// listings, deleted photos, replaced 3D models and previews, and the leftovers
// of writes a crash interrupted. A seller who deletes a photo expects it gone,
// not merely unlinked.
//
// Files are shared by content, so a file stays while any live listing uses its
// hash. Files younger than the grace period stay too: an upload or a model job
// (possibly in a worker process) may have stored one and be about to commit the
// row that uses it; storing bytes that already exist refreshes the file's age.
#pragma once

#include "bitmarket/Result.h"
#include "db/Database.h"
#include "media/MediaStore.h"

#include <QSet>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <vector>
#include <mutex>
#include <thread>

namespace bitmarket::server {

struct MediaSweepReport {
    int filesRemoved = 0;
    qint64 bytesFreed = 0;
    int filesKept = 0;
};

class MediaSweeper {
public:
    MediaSweeper(db::Database& db, media::MediaStore& store, std::chrono::seconds grace);
    ~MediaSweeper();

    // Media other domains show (photos sent in chats): `hashesInUse` lists their content hashes,
    // read at every pass. Before the first pass.
    void keepAlso(std::function<QStringList(db::Connection&)> hashesInUse);

    // One pass over the media folder.
    Result<MediaSweepReport> sweep();

    // Sweeps now and then every `interval` on a thread of its own, until destroyed.
    void startPeriodic(std::chrono::seconds interval);

private:
    Result<QSet<QString>> referencedHashes();
    void runPeriodic(std::chrono::seconds interval);

    db::Database& m_db;
    media::MediaStore& m_store;
    std::chrono::seconds m_grace;
    std::vector<std::function<QStringList(db::Connection&)>> m_otherUses;

    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace bitmarket::server
