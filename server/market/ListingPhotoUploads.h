// Adding uploaded photos to a listing: each file is ingested (checked,
// uprighted, stripped, stored) and then attached; when any step fails, the
// files this upload stored are removed again unless a listing shows them.
#pragma once

#include "market/ListingService.h"
#include "media/MediaStore.h"
#include "media/PhotoIngest.h"

namespace bitmarket::server {

struct PhotoUpload {
    QString fileName;
    QByteArray bytes;
};

class ListingPhotoUploads {
public:
    ListingPhotoUploads(ListingService& listings, media::PhotoIngest& ingest,
                        media::MediaStore& store);

    // Owner only; at most ListingService::kMaxPhotos per listing.
    Result<QList<Photo>> upload(const QString& listingId, const QString& userId,
                                const QList<PhotoUpload>& files);

private:
    Result<QList<Photo>> ingestAndAttach(const QString& listingId, const QString& userId,
                                         const QList<PhotoUpload>& files,
                                         QList<media::IngestedPhoto>& ingested);
    void discardUnused(const QList<media::IngestedPhoto>& photos);

    ListingService& m_listings;
    media::PhotoIngest& m_ingest;
    media::MediaStore& m_store;
};

} // namespace bitmarket::server
