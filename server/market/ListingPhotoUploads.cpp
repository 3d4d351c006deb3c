#include "market/ListingPhotoUploads.h"

#include <mutex>
#include <shared_mutex>

namespace bitmarket::server {

ListingPhotoUploads::ListingPhotoUploads(ListingService& listings, media::PhotoIngest& ingest,
                                         media::MediaStore& store)
    : m_listings(listings), m_ingest(ingest), m_store(store) {}

Result<QList<Photo>> ListingPhotoUploads::upload(const QString& listingId, const QString& userId,
                                                 const QList<PhotoUpload>& files) {
    if (auto owner = m_listings.requireOwner(listingId, userId); !owner)
        return owner.error();
    if (files.isEmpty())
        return ApiError::validation(QStringLiteral("Attach at least one photo."), "file");
    if (files.size() > ListingService::kMaxPhotos)
        return ApiError::validation(QStringLiteral("A listing has at most %1 photos."), "file")
            .arg(ListingService::kMaxPhotos);
    QList<media::IngestedPhoto> ingested;
    auto added = [&] {
        // Files are shared by content: hold off removals until the rows exist.
        std::shared_lock referencing(m_store.referencing());
        return ingestAndAttach(listingId, userId, files, ingested);
    }();
    if (!added)
        discardUnused(ingested);
    return added;
}

Result<QList<Photo>> ListingPhotoUploads::ingestAndAttach(const QString& listingId,
                                                          const QString& userId,
                                                          const QList<PhotoUpload>& files,
                                                          QList<media::IngestedPhoto>& ingested) {
    for (const PhotoUpload& file : files) {
        auto photo = m_ingest.ingest(file.bytes, userId);
        if (!photo) {
            ApiError error = photo.error();
            error.subject = file.fileName;
            error.field = QStringLiteral("file");
            return error;
        }
        ingested.append(photo.value());
    }
    QList<StoredPhoto> stored;
    for (const media::IngestedPhoto& p : ingested)
        stored.append(StoredPhoto{p.hash, p.url, p.thumbUrl, p.width, p.height});
    return m_listings.addPhotos(listingId, userId, stored);
}

void ListingPhotoUploads::discardUnused(const QList<media::IngestedPhoto>& photos) {
    std::unique_lock referencing(m_store.referencing());
    for (const media::IngestedPhoto& p : photos) {
        auto inUse = m_listings.photoHashInUse(p.hash);
        if (!inUse || inUse.value())
            continue;
        for (const QString& variant :
             {media::MediaStore::kFull, media::MediaStore::kMedium, media::MediaStore::kThumb})
            m_store.remove(p.hash, variant, QStringLiteral("jpg"));
        m_store.remove(p.hash, media::MediaStore::kCamera, QStringLiteral("json"));
    }
}

} // namespace bitmarket::server
