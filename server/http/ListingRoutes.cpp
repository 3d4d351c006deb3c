#include "http/ListingRoutes.h"

#include "bitmarket/Timestamp.h"
#include "http/Responses.h"

namespace bitmarket::server {

namespace {

// Lists and details are the hottest answers: written straight to text (the
// same JSON as Listing::toJson gives, see JsonWriter).
std::string listingPageJson(const ListingPage& page) {
    std::string out;
    out.reserve(64 + 768 * page.items.size());
    JsonWriter w(out);
    w.beginObject().key("items").beginArray();
    for (const Listing& l : page.items)
        l.writeJson(w);
    w.endArray().key("nextCursor");
    if (page.nextCursor.isEmpty())
        w.null();
    else
        w.string(page.nextCursor);
    w.endObject();
    return out;
}

std::string listingJson(const Listing& l) {
    std::string out;
    out.reserve(1024);
    JsonWriter w(out);
    l.writeJson(w);
    return out;
}

Result<ListingQuery> listingQueryFrom(const httplib::Request& req) {
    ListingQuery q;
    q.text = queryParam(req, "q").trimmed();
    q.categoryId = queryParam(req, "category");
    BITMARKET_TRY(q.minPrice, integerParam(req, "minPrice", 0, 1'000'000'000'000LL));
    BITMARKET_TRY(q.maxPrice, integerParam(req, "maxPrice", 0, 1'000'000'000'000LL));
    q.saleType = queryParam(req, "saleType");
    if (req.has_param("status"))
        q.status = queryParam(req, "status");
    q.sellerId = queryParam(req, "sellerId");
    if (req.has_param("sort"))
        q.sort = queryParam(req, "sort");
    q.cursor = queryParam(req, "cursor");
    BITMARKET_TRY(q.limit, pageLimit(req));
    return q;
}

// Anonymous viewers are told apart by address, signed-in ones by account.
QString viewerKey(const QString& userId, const httplib::Request& req) {
    return userId.isEmpty() ? QStringLiteral("addr:") + clientAddress(req)
                            : QStringLiteral("user:") + userId;
}

} // namespace

void addListingRoutes(Router& router, ListingService& listings, CategoryService& categories,
                      auctions::AuctionService& auctions) {
    router.get("/api/v1/categories", Access::Anyone,
               [&categories](const httplib::Request& req, httplib::Response& res, const Caller&) {
                   sendResult(req, res, 200, categories.all(languageOf(req)),
                              [](const QList<Category>& all) {
                       QJsonArray items;
                       for (const Category& c : all)
                           items.append(c.toJson());
                       return QJsonObject{{"items", items}};
                   });
               });

    router.get("/api/v1/listings", Access::OptionalUser,
               [&](const httplib::Request& req, httplib::Response& res, const Caller& caller) {
                   auto query = listingQueryFrom(req);
                   if (!query)
                       return sendError(req, res, query.error());
                   sendResult(req, res, 200, listings.search(query.value(), caller.userId),
                              listingPageJson);
               });

    router.post("/api/v1/listings", Access::SignedIn,
                [&](const httplib::Request& req, httplib::Response& res, const Caller& caller) {
                    auto body = jsonBody(req);
                    if (!body)
                        return sendError(req, res, body.error());
                    auto draft = ListingInput::draft(body.value(), nowMs(),
                                                     auctions.shortestAuctionMs());
                    if (!draft)
                        return sendError(req, res, draft.error());
                    sendResult(req, res, 201, listings.create(caller.userId, draft.value()),
                               listingJson);
                });

    router.get("/api/v1/listings/{id}", Access::OptionalUser,
               [&](const httplib::Request& req, httplib::Response& res, const Caller& caller) {
                   auto detail = listings.detail(pathParam(req, 1), caller.userId,
                                                 viewerKey(caller.userId, req));
                   if (detail && detail->auction && !caller.userId.isEmpty()) {
                       auto mine = auctions.yourMax(detail->id, caller.userId);
                       if (!mine)
                           return sendError(req, res, mine.error());
                       detail->auction->yourMax = *mine;
                   }
                   sendResult(req, res, 200, detail, listingJson);
               });

    router.patch("/api/v1/listings/{id}", Access::SignedIn,
                 [&](const httplib::Request& req, httplib::Response& res, const Caller& caller) {
                     auto body = jsonBody(req);
                     if (!body)
                         return sendError(req, res, body.error());
                     auto patch = ListingInput::patch(body.value());
                     if (!patch)
                         return sendError(req, res, patch.error());
                     sendResult(req, res, 200,
                                listings.update(pathParam(req, 1), caller.userId, patch.value()),
                                listingJson);
                 });

    router.del("/api/v1/listings/{id}", Access::SignedIn,
               [&](const httplib::Request& req, httplib::Response& res, const Caller& caller) {
                   sendResult(req, res, listings.remove(pathParam(req, 1), caller.userId));
               });

    const auto favorite = [&](bool on) {
        return [&, on](const httplib::Request& req, httplib::Response& res, const Caller& caller) {
            sendResult(req, res, 200, listings.setFavorite(pathParam(req, 1), caller.userId, on),
                       [on](qint64 count) {
                           return QJsonObject{{"isFavorite", on}, {"favoriteCount", count}};
                       });
        };
    };
    router.put("/api/v1/listings/{id}/favorite", Access::SignedIn, favorite(true));
    router.del("/api/v1/listings/{id}/favorite", Access::SignedIn, favorite(false));

    router.get("/api/v1/me/favorites", Access::SignedIn,
               [&](const httplib::Request& req, httplib::Response& res, const Caller& caller) {
                   auto limit = pageLimit(req);
                   if (!limit)
                       return sendError(req, res, limit.error());
                   sendResult(req, res, 200,
                              listings.favorites(caller.userId, queryParam(req, "cursor"), *limit),
                              listingPageJson);
               });
}

} // namespace bitmarket::server
