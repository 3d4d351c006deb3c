#include "http/PhotoRoutes.h"

#include "http/Responses.h"

namespace bitmarket::server {

void addPhotoRoutes(Router& router, ListingService& listings, ListingPhotoUploads& uploads,
                    std::size_t maxUploadBytes) {
    router.postFiles(
        "/api/v1/listings/{id}/photos", Access::SignedIn, maxUploadBytes,
        [&](const httplib::Request& req, httplib::Response& res, const Caller& caller) {
            if (!req.is_multipart_form_data())
                return sendError(req, res,
                                 ApiError::unsupportedMediaType(
                                     QStringLiteral("Send photos as multipart/form-data.")));
            QList<PhotoUpload> files;
            const auto [first, last] = req.files.equal_range("file");
            for (auto it = first; it != last; ++it)
                files.append(PhotoUpload{QString::fromStdString(it->second.filename),
                                         QByteArray::fromStdString(it->second.content)});
            sendResult(req, res, 201, uploads.upload(pathParam(req, 1), caller.userId, files),
                       [](const QList<Photo>& photos) {
                           QJsonArray items;
                           for (const Photo& p : photos)
                               items.append(p.toJson());
                           return QJsonObject{{"items", items}};
                       });
        });

    router.del("/api/v1/listings/{id}/photos/{photoId}", Access::SignedIn,
               [&](const httplib::Request& req, httplib::Response& res, const Caller& caller) {
                   sendResult(
                       req, res,
                       listings.removePhoto(pathParam(req, 1), pathParam(req, 2), caller.userId));
               });
}

} // namespace bitmarket::server
