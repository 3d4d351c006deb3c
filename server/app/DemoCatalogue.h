// The demo catalogue a first run can start with (--demo): a few sellers and
// listings with real photos and 3D models from assets/demo. It only ever
// fills an empty database, so restarting with --demo changes nothing.
#pragma once

#include "auth/AuthService.h"
#include "market/ListingService.h"
#include "media/MediaStore.h"
#include "media/PhotoIngest.h"

namespace bitmarket::server {

class DemoCatalogue {
public:
    static constexpr const char* kPassword = "bitmarket-demo";

    DemoCatalogue(db::Database& db, AuthService& auth, ListingService& listings,
                  media::PhotoIngest& photos, media::MediaStore& store, QString assetsDir);

    // Number of listings created (0 when the database already had users).
    Result<int> seedIfEmpty();

    // The first existing folder of: the configured one, the installed share
    // folder, the source tree's assets/demo.
    static QString findAssetsDir(const QString& configured);

private:
    Result<QString> createSeller(const QString& username, const QString& displayName);
    Result<Listing> createListing(const QString& sellerId, const QJsonObject& item, int index);
    Result<void> attachPhotos(const QString& sellerId, const QString& listingId,
                              const QStringList& files);
    Result<void> attachModel(const QString& listingId, const QString& glbPath,
                             const QString& previewPath, const QString& quality, qint64 triangles);
    // One listing from a manifest entry, with the photos and model found in `dir`.
    Result<void> seedItem(const QString& sellerId, const QJsonObject& item, const QString& dir,
                          int index);

    db::Database& m_db;
    AuthService& m_auth;
    ListingService& m_listings;
    media::PhotoIngest& m_photos;
    media::MediaStore& m_store;
    QString m_assetsDir;
};

} // namespace bitmarket::server
