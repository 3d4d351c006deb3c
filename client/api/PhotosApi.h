// A listing's photos (docs/api.md "Photos"): upload one file, delete one.
#pragma once

#include "api/ApiAnswer.h"
#include "bitmarket/ApiTypes.h"

#include <QPointer>

class ApiClient;

class PhotosApi {
public:
    explicit PhotosApi(ApiClient* client) : m_client(client) {}

    // The call reports upload progress; the answer is the stored photo.
    ApiCall* upload(const QString& listingId, const UploadFile& file, QObject* context,
                    Answer<bitmarket::Photo> answer);
    ApiCall* remove(const QString& listingId, const QString& photoId, QObject* context,
                    Answer<void> answer);

private:
    QPointer<ApiClient> m_client;
};
