#include "http/PhotoRoutes.h"

#include "http/CallerIdentity.h"
#include "http/Responses.h"

namespace bitmarket::server {

void addPhotoRoutes(Router& router, AuthService& auth, ListingService& listings,
                    ListingPhotoUploads& uploads) {
    router.post("/api/v1/listings/{id}/photos", [&](const httplib::Request& req,
                                                    httplib::Response& res) {
        auto user = requireUser(auth, req);
        if (!user)
            return sendError(res, user.error());
        if (!req.is_multipart_form_data())
            return sendError(res, ApiError::unsupportedMediaType(
                                      QStringLiteral("Send photos as multipart/form-data.")));
        QList<PhotoUpload> files;
        const auto [first, last] = req.files.equal_range("file");
        for (auto it = first; it != last; ++it)
            files.append(PhotoUpload{QString::fromStdString(it->second.filename),
                                     QByteArray::fromStdString(it->second.content)});
        sendResult(res, 201, uploads.upload(pathParam(req, 1), user.value(), files),
                   [](const QList<Photo>& photos) {
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
