#include "api/PhotosApi.h"

#include "api/ApiClient.h"
#include "api/Page.h"

using bitmarket::Photo;
using Request = ApiCall::Request;

ApiCall* PhotosApi::upload(const QString& listingId, const UploadFile& file, QObject* context,
                           Answer<Photo> answer) {
    return deliver(
        m_client->send(Request::upload(
            "photos.upload", QStringLiteral("/listings/%1/photos").arg(listingId), {file})),
        context, std::move(answer), [](const QJsonObject& body) {
            const Page<Photo> stored = Page<Photo>::fromJson(body);
            return stored.items.isEmpty() ? Photo{} : stored.items.first();
        });
}

ApiCall* PhotosApi::remove(const QString& listingId, const QString& photoId, QObject* context,
                           Answer<void> answer) {
    return deliver(
        m_client->send(Request::del(
            "photos.remove", QStringLiteral("/listings/%1/photos/%2").arg(listingId, photoId))),
        context, std::move(answer));
}
