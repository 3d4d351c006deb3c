// The listings part of the API (docs/api.md "Listings", "Favorites",
// "Categories") as typed calls: the only client code that knows their paths.
#pragma once

#include "api/ApiAnswer.h"
#include "api/Page.h"
#include "bitmarket/ApiTypes.h"

#include <QPointer>
#include <optional>

class ApiClient;

// A search as the server takes it; empty strings and unset prices are left out.
struct ListingQuery {
    QString text;
    QString categoryId;
    QString saleType;
    QString sort;
    QString sellerId;
    std::optional<qint64> minPrice; // minor units
    std::optional<qint64> maxPrice;
    int limit = 20;
};

// The heart of one listing as the server has it after a change.
struct FavoriteState {
    bool favorite = false;
    qint64 favoriteCount = 0;
};

class ListingsApi {
public:
    explicit ListingsApi(ApiClient* client) : m_client(client) {}

    ApiCall* search(const ListingQuery& query, const QString& cursor, QObject* context,
                    Answer<Page<bitmarket::Listing>> answer);
    // The signed-in user's favorites, newest first.
    ApiCall* favorites(int limit, const QString& cursor, QObject* context,
                       Answer<Page<bitmarket::Listing>> answer);
    ApiCall* detail(const QString& listingId, QObject* context, Answer<bitmarket::Listing> answer);
    ApiCall* create(const QJsonObject& fields, QObject* context, Answer<bitmarket::Listing> answer);
    ApiCall* update(const QString& listingId, const QJsonObject& fields, QObject* context,
                    Answer<bitmarket::Listing> answer);
    ApiCall* remove(const QString& listingId, QObject* context, Answer<void> answer);
    ApiCall* setFavorite(const QString& listingId, bool favorite, QObject* context,
                         Answer<FavoriteState> answer);
    ApiCall* categories(QObject* context, Answer<Page<bitmarket::Category>> answer);

private:
    QPointer<ApiClient> m_client;
};
