// The demo catalogue a first run can start with (--demo): a few sellers and
// listings with real photos and 3D models from assets/demo, and what they did
// so that each has notifications to find: saved keywords that later listings
// match, a favorite whose price went down, a 3D model that is ready, and live
// auctions with bids from the other demo users that end from minutes on, and a few chats
// between them (text, a photo, an accepted meet-up), and a completed order (the first auction's close
// adds one waiting for payment). It only
// ever fills an empty database, so restarting with --demo changes nothing.
#pragma once

#include "auctions/AuctionService.h"
#include "auth/AuthService.h"
#include "chat/ChatService.h"
#include "market/ListingService.h"
#include "media/MediaStore.h"
#include "media/PhotoIngest.h"
#include "notifications/SavedKeywordService.h"
#include "orders/OrderService.h"

#include <QJsonArray>
#include <QSet>

namespace bitmarket::server {

class DemoCatalogue {
public:
    static constexpr const char* kPassword = "bitmarket-demo";

    DemoCatalogue(db::Database& db, AuthService& auth, ListingService& listings,
                  notifications::SavedKeywordService& keywords,
                  const SameTransactionEvents& effects, auctions::AuctionService& auctions,
                  chat::ChatService& chats, orders::OrderService& orders,
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
    // `tellSeller`: the seller hears that the model is ready (ModelFinished).
    Result<void> attachModel(const Listing& listing, const QString& glbPath,
                             const QString& previewPath, const QString& quality, qint64 triangles,
                             bool tellSeller);
    // One listing from a manifest entry, with the photos and model found in `dir`; its id.
    Result<QString> seedItem(const QString& sellerId, const QJsonObject& item, const QString& dir,
                             int index);
    // Orders between demo users, in person: one completed, one waiting for the meet-up (its
    // listing reserved). The first auction's close, minutes after a fresh start, adds an escrow
    // order waiting for payment; the other eleven listings stay on sale.
    Result<void> placeOrders(const QStringList& sellerIds, const QStringList& listingIds);
    // Saved keywords, before the listings they match are created.
    Result<void> saveKeywords(const QStringList& sellerIds);
    // Favorites whose sellers then lower the price.
    Result<void> dropPrices(const QStringList& sellerIds, const QStringList& listingIds,
                            const QJsonArray& items);
    // Bids on the auctions from the demo users who do not sell them.
    Result<void> placeBids(const QStringList& sellerIds, const QStringList& listingIds,
                           const QJsonArray& items);
    // Chats about fixed-price listings: junho and minji agree on a meet-up, sora sends junho a
    // photo he has not read yet, minji asks junho for a discount. Minji reads everything, so her
    // inbox keeps only what the rest of the demo left her.
    Result<void> startChats(const QStringList& sellerIds, const QStringList& listingIds,
                            const QString& photoPath);

    db::Database& m_db;
    AuthService& m_auth;
    ListingService& m_listings;
    notifications::SavedKeywordService& m_keywords;
    const SameTransactionEvents& m_effects;
    auctions::AuctionService& m_auctions;
    chat::ChatService& m_chats;
    orders::OrderService& m_orders;
    QSet<QString> m_sellersWithModel; // who has already been told of a ready model
    media::PhotoIngest& m_photos;
    media::MediaStore& m_store;
    QString m_assetsDir;
};

} // namespace bitmarket::server
