#include "market/MediaSweeper.h"

#include "market/ListingRows.h"

#include <QDateTime>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <shared_mutex>

namespace bitmarket::server {

Q_LOGGING_CATEGORY(lcSweep, "bitmarket.media.sweep")

MediaSweeper::MediaSweeper(db::Database& db, media::MediaStore& store, std::chrono::seconds grace)
    : m_db(db), m_store(store), m_grace(grace) {
}

MediaSweeper::~MediaSweeper() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void MediaSweeper::keepAlso(std::function<QStringList(db::Connection&)> hashesInUse) {
    m_otherUses.push_back(std::move(hashesInUse));
}

Result<QSet<QString>> MediaSweeper::referencedHashes() {
    return m_db.read([this](db::Connection& c) -> Result<QSet<QString>> {
        QSet<QString> hashes;
        for (const auto& uses : m_otherUses) {
            for (const QString& hash : uses(c))
                hashes.insert(hash);
        }
        auto photos = c.query(
            std::string(
                "SELECT p.hash FROM photos p JOIN listings l ON l.id = p.listing_id WHERE ") +
            kListingIsVisible);
        while (photos.next())
            hashes.insert(photos.text(0));
        auto listings = c.query(std::string("SELECT l.thumb_url, m.url, m.preview_url FROM listings l "
                                            "LEFT JOIN listing_models m ON m.listing_id = l.id WHERE ") +
                                kListingIsVisible);
        while (listings.next()) {
            for (int column = 0; column < 3; ++column) {
                const QString hash = media::MediaStore::hashOfName(listings.text(column));
                if (!hash.isEmpty())
                    hashes.insert(hash);
            }
        }
        return hashes;
    });
}

Result<MediaSweepReport> MediaSweeper::sweep() {
    const QDateTime youngSince = QDateTime::currentDateTimeUtc().addSecs(-m_grace.count());
    auto isUnused = [&](const QFileInfo& file, const QSet<QString>& referenced) {
        if (file.lastModified() >= youngSince)
            return false;
        const QString hash = media::MediaStore::hashOfName(file.fileName());
        return hash.isEmpty() || !referenced.contains(hash);
    };

    MediaSweepReport report;
    QSet<QString> referenced;
    BITMARKET_TRY(referenced, referencedHashes());
    // Look for candidates without holding up uploads...
    QStringList candidates;
    QDirIterator files(m_store.root(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        files.next();
        if (isUnused(files.fileInfo(), referenced))
            candidates << files.filePath();
        else
            ++report.filesKept;
    }
    if (candidates.isEmpty())
        return report;

    // ...then decide again with uploads paused between storing and referencing,
    // against what the database says now.
    std::unique_lock pauseUploads(m_store.referencing());
    BITMARKET_TRY(referenced, referencedHashes());
    for (const QString& path : candidates) {
        const QFileInfo file(path);
        if (!file.exists())
            continue;
        if (!isUnused(file, referenced)) {
            ++report.filesKept;
            continue;
        }
        const qint64 size = file.size();
        if (QFile::remove(path)) {
            ++report.filesRemoved;
            report.bytesFreed += size;
        } else {
            qCWarning(lcSweep) << "cannot remove" << path;
        }
    }
    return report;
}

void MediaSweeper::startPeriodic(std::chrono::seconds interval) {
    m_thread = std::thread([this, interval] { runPeriodic(interval); });
}

void MediaSweeper::runPeriodic(std::chrono::seconds interval) {
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        lock.unlock();
        if (auto report = sweep(); !report) {
            qCWarning(lcSweep).noquote() << "media sweep failed:" << report.error().message;
        } else {
            qCInfo(lcSweep).noquote()
                << QStringLiteral("media sweep: removed %1 unused files (%2 KB), kept %3")
                       .arg(report->filesRemoved)
                       .arg(report->bytesFreed / 1024)
                       .arg(report->filesKept);
        }
        lock.lock();
        m_wake.wait_for(lock, interval, [this] { return m_stopping; });
    }
}

} // namespace bitmarket::server
