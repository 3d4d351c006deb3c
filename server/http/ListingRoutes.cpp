#include "http/ListingRoutes.h"

#include "bitmarket/Timestamp.h"
#include "http/CallerIdentity.h"
#include "http/Responses.h"

namespace bitmarket::server {

namespace {

QJsonObject pageJson(const ListingPage& page) {
    QJsonArray items;
    for (const Listing& l : page.items)
        items.append(l.toJson());
    return QJsonObject{{"items", items},
                       {"nextCursor",
                        page.nextCursor.isEmpty() ? QJsonValue() : QJsonValue(page.nextCursor)}};
}

QJsonObject listingJson(const Listing& l) { return l.toJson(); }

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
    std::optional<qint64> limit;
    BITMARKET_TRY(limit, integerParam(req, "limit", 1, 100));
    q.limit = static_cast<int>(limit.value_or(20));
    return q;
}

// Anonymous viewers are told apart by address, signed-in ones by account.
QString viewerKey(const QString& userId, const httplib::Request& req) {
    return userId.isEmpty() ? QStringLiteral("addr:") + clientAddress(req)
                            : QStringLiteral("user:") + userId;
}

} // namespace

void addListingRoutes(Router& router, AuthService& auth, ListingService& listings,
                      CategoryService& categories) {
    router.get("/api/v1/categories", [&categories](const httplib::Request&,
                                                   httplib::Response& res) {
        sendResult(res, 200, categories.all(), [](const QList<Category>& all) {
            QJsonArray items;
            for (const Category& c : all)
                items.append(c.toJson());
            return QJsonObject{{"items", items}};
        });
    });

    router.get("/api/v1/listings", [&](const httplib::Request& req, httplib::Response& res) {
        auto caller = optionalUser(auth, req);
        if (!caller)
            return sendError(res, caller.error());
        auto query = listingQueryFrom(req);
        if (!query)
            return sendError(res, query.error());
        sendResult(res, 200, listings.search(query.value(), caller.value()), pageJson);
    });

    router.post("/api/v1/listings", [&](const httplib::Request& req, httplib::Response& res) {
        auto user = requireUser(auth, req);
        if (!user)
            return sendError(res, user.error());
        auto body = jsonBody(req);
        if (!body)
            return sendError(res, body.error());
        auto draft = ListingInput::draft(body.value(), nowMs());
        if (!draft)
            return sendError(res, draft.error());
        sendResult(res, 201, listings.create(user.value(), draft.value()), listingJson);
    });

    router.get("/api/v1/listings/{id}", [&](const httplib::Request& req, httplib::Response& res) {
        auto caller = optionalUser(auth, req);
        if (!caller)
            return sendError(res, caller.error());
        sendResult(res, 200,
                   listings.detail(pathParam(req, 1), caller.value(),
                                   viewerKey(caller.value(), req)),
                   listingJson);
    });

    router.patch("/api/v1/listings/{id}", [&](const httplib::Request& req,
                                              httplib::Response& res) {
        auto user = requireUser(auth, req);
        if (!user)
            return sendError(res, user.error());
        auto body = jsonBody(req);
        if (!body)
            return sendError(res, body.error());
        auto patch = ListingInput::patch(body.value());
        if (!patch)
            return sendError(res, patch.error());
        sendResult(res, 200, listings.update(pathParam(req, 1), user.value(), patch.value()),
                   listingJson);
    });

    router.del("/api/v1/listings/{id}", [&](const httplib::Request& req, httplib::Response& res) {
        auto user = requireUser(auth, req);
        if (!user)
            return sendError(res, user.error());
        sendResult(res, listings.remove(pathParam(req, 1), user.value()));
    });

    const auto favorite = [&](bool on) {
        return [&, on](const httplib::Request& req, httplib::Response& res) {
            auto user = requireUser(auth, req);
            if (!user)
                return sendError(res, user.error());
            sendResult(res, 200, listings.setFavorite(pathParam(req, 1), user.value(), on),
                       [on](qint64 count) {
                           return QJsonObject{{"isFavorite", on}, {"favoriteCount", count}};
                       });
        };
    };
    router.put("/api/v1/listings/{id}/favorite", favorite(true));
    router.del("/api/v1/listings/{id}/favorite", favorite(false));

    router.get("/api/v1/me/favorites", [&](const httplib::Request& req, httplib::Response& res) {
        auto user = requireUser(auth, req);
        if (!user)
            return sendError(res, user.error());
        auto limit = integerParam(req, "limit", 1, 100);
        if (!limit)
            return sendError(res, limit.error());
        sendResult(res, 200,
                   listings.favorites(user.value(), queryParam(req, "cursor"),
                                      static_cast<int>(limit.value().value_or(20))),
                   pageJson);
    });
}

} // namespace bitmarket::server
