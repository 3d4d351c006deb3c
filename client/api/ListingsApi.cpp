#include "api/ListingsApi.h"

#include "api/ApiClient.h"

using bitmarket::Category;
using bitmarket::Listing;
using Request = ApiCall::Request;

namespace {

Listing readListing(const QJsonObject& body) {
    // Some servers wrap the resource ({"listing": {...}}); accept both shapes.
    return Listing::fromJson(body.value("listing").isObject() ? body.value("listing").toObject()
                                                              : body);
}

} // namespace

ApiCall* ListingsApi::search(const ListingQuery& query, const QString& cursor, QObject* context,
                             Answer<Page<Listing>> answer) {
    QUrlQuery q = pageQuery(query.limit, cursor);
    const auto addIfSet = [&q](const char* key, const QString& value) {
        if (!value.trimmed().isEmpty())
            q.addQueryItem(QLatin1String(key), value.trimmed());
    };
    addIfSet("q", query.text);
    addIfSet("category", query.categoryId);
    addIfSet("saleType", query.saleType);
    addIfSet("sort", query.sort);
    addIfSet("sellerId", query.sellerId);
    if (query.minPrice)
        q.addQueryItem("minPrice", QString::number(*query.minPrice));
    if (query.maxPrice)
        q.addQueryItem("maxPrice", QString::number(*query.maxPrice));
    return deliver(m_client->send(Request::get("listings.search", "/listings", q)), context,
                   std::move(answer), &Page<Listing>::fromJson);
}

ApiCall* ListingsApi::favorites(int limit, const QString& cursor, QObject* context,
                                Answer<Page<Listing>> answer) {
    return deliver(
        m_client->send(Request::get("favorites.list", "/me/favorites", pageQuery(limit, cursor))),
        context, std::move(answer), &Page<Listing>::fromJson);
}

ApiCall* ListingsApi::detail(const QString& listingId, QObject* context, Answer<Listing> answer) {
    return deliver(m_client->send(Request::get("listings.detail", "/listings/" + listingId)),
                   context, std::move(answer), &readListing);
}

ApiCall* ListingsApi::create(const QJsonObject& fields, QObject* context, Answer<Listing> answer) {
    return deliver(m_client->send(Request::json("listings.create", "POST", "/listings", fields)),
                   context, std::move(answer), &readListing);
}

ApiCall* ListingsApi::update(const QString& listingId, const QJsonObject& fields, QObject* context,
                             Answer<Listing> answer) {
    return deliver(
        m_client->send(Request::json("listings.update", "PATCH", "/listings/" + listingId, fields)),
        context, std::move(answer), &readListing);
}

ApiCall* ListingsApi::remove(const QString& listingId, QObject* context, Answer<void> answer) {
    return deliver(m_client->send(Request::del("listings.remove", "/listings/" + listingId)),
                   context, std::move(answer));
}

ApiCall* ListingsApi::setFavorite(const QString& listingId, bool favorite, QObject* context,
                                  Answer<FavoriteState> answer) {
    const QString path = QStringLiteral("/listings/%1/favorite").arg(listingId);
    Request request = favorite ? Request::json("favorites.add", "PUT", path, {})
                               : Request::del("favorites.remove", path);
    return deliver(m_client->send(std::move(request)), context, std::move(answer),
                   [favorite](const QJsonObject& body) {
                       return FavoriteState{body.value("isFavorite").toBool(favorite),
                                            body.value("favoriteCount").toInteger(-1)};
                   });
}

ApiCall* ListingsApi::categories(QObject* context, Answer<Page<Category>> answer) {
    return deliver(m_client->send(Request::get("categories.list", "/categories")), context,
                   std::move(answer), &Page<Category>::fromJson);
}
