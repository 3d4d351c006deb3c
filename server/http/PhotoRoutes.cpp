#include "http/PhotoRoutes.h"

#include "http/CallerIdentity.h"
#include "http/Responses.h"

namespace bitmarket::server {

namespace {

// Undoes the files of photos ingested by a request that then failed, unless
// another listing already shows the same content.
void discard(const QList<media::IngestedPhoto>& photos, ListingService& listings,
             media::MediaStore& store) {
    for (const media::IngestedPhoto& p : photos) {
        auto inUse = listings.photoHashInUse(p.hash);
        if (!inUse || inUse.value())
            continue;
        for (const QString& variant :
             {media::MediaStore::kFull, media::MediaStore::kMedium, media::MediaStore::kThumb})
            store.remove(p.hash, variant, QStringLiteral("jpg"));
    }
}

} // namespace

void addPhotoRoutes(Router& router, AuthService& auth, ListingService& listings,
                    media::PhotoIngest& ingest, media::MediaStore& store) {
    router.post("/api/v1/listings/{id}/photos", [&](const httplib::Request& req,
                                                    httplib::Response& res) {
        auto user = requireUser(auth, req);
        if (!user)
            return sendError(res, user.error());
        const QString listingId = pathParam(req, 1);
        if (auto owner = listings.requireOwner(listingId, user.value()); !owner)
            return sendError(res, owner.error());
        if (!req.is_multipart_form_data())
            return sendError(res, ApiError::unsupportedMediaType(
                                      QStringLiteral("Send photos as multipart/form-data.")));
        const auto [first, last] = req.files.equal_range("file");
        if (first == last)
            return sendError(res, ApiError::validation(
                                      QStringLiteral("Attach at least one photo."), "file"));
        if (std::distance(first, last) > ListingService::kMaxPhotos)
            return sendError(res, ApiError::validation(
                                      QStringLiteral("A listing has at most %1 photos.")
                                          .arg(ListingService::kMaxPhotos),
                                      "file"));
        QList<media::IngestedPhoto> ingested;
        for (auto it = first; it != last; ++it) {
            auto photo = ingest.ingest(QByteArray::fromStdString(it->second.content));
            if (!photo) {
                discard(ingested, listings, store);
                ApiError error = photo.error();
                error.message = QStringLiteral("%1: %2").arg(
                    QString::fromStdString(it->second.filename), error.message);
                error.field = QStringLiteral("file");
                return sendError(res, error);
            }
            ingested.append(photo.value());
        }
        QList<StoredPhoto> stored;
        for (const media::IngestedPhoto& p : ingested)
            stored.append(StoredPhoto{p.hash, p.url, p.thumbUrl, p.width, p.height});
        auto added = listings.addPhotos(listingId, user.value(), stored);
        if (!added)
            discard(ingested, listings, store);
        sendResult(res, 201, added, [](const QList<Photo>& photos) {
            QJsonArray items;
            for (const Photo& p : photos)
                items.append(p.toJson());
            return QJsonObject{{"items", items}};
        });
    });

    router.del("/api/v1/listings/{id}/photos/{photoId}", [&](const httplib::Request& req,
                                                             httplib::Response& res) {
        auto user = requireUser(auth, req);
        if (!user)
            return sendError(res, user.error());
        sendResult(res, listings.removePhoto(pathParam(req, 1), pathParam(req, 2), user.value()));
    });
}

} // namespace bitmarket::server
