#include "http/AuctionRoutes.h"

#include "bitmarket/Timestamp.h"
#include "http/Responses.h"
#include "http/RetryKeys.h"
#include "market/ListingInput.h"

namespace bitmarket::server {

namespace {

QJsonObject orderJson(const Order& order) {
    return QJsonObject{{"order", order.toJson()}};
}

} // namespace

void addAuctionRoutes(Router& router, auctions::AuctionService& auctions) {
    router.post("/api/v1/listings/{id}/bids", Access::SignedIn,
                [&](const httplib::Request& req, httplib::Response& res, const Caller& caller) {
                    auto key = retryKeyOf(req);
                    if (!key)
                        return sendError(req, res, key.error());
                    auto body = jsonBody(req);
                    if (!body)
                        return sendError(req, res, body.error());
                    auto max = Money::fromJson(body->value("maxAmount"), "maxAmount");
                    if (!max)
                        return sendError(req, res, max.error());
                    sendResult(req, res, 201,
                               auctions.placeBid(pathParam(req, 1), caller.userId, *max, *key),
                               [](const PlacedBid& placed) {
                                   std::string out;
                                   out.reserve(640);
                                   JsonWriter w(out);
                                   placed.writeJson(w);
                                   return out;
                               });
                });

    router.get("/api/v1/listings/{id}/bids", Access::Anyone,
               [&](const httplib::Request& req, httplib::Response& res, const Caller&) {
                   auto limit = pageLimit(req);
                   if (!limit)
                       return sendError(req, res, limit.error());
                   sendResult(req, res, 200,
                              auctions.history(pathParam(req, 1), queryParam(req, "cursor"), *limit),
                              pageJson<auctions::BidPage>);
               });

    router.post("/api/v1/listings/{id}/buy-now", Access::SignedIn,
                [&](const httplib::Request& req, httplib::Response& res, const Caller& caller) {
                    auto key = retryKeyOf(req);
                    if (!key)
                        return sendError(req, res, key.error());
                    sendResult(req, res, 201, auctions.buyNow(pathParam(req, 1), caller.userId, *key),
                               orderJson);
                });

    router.post("/api/v1/listings/{id}/auction/cancel", Access::SignedIn,
                [&](const httplib::Request& req, httplib::Response& res, const Caller& caller) {
                    sendResult(req, res, 200, auctions.cancel(pathParam(req, 1), caller.userId),
                               [](const Listing& l) { return QJsonObject{{"listing", l.toJson()}}; });
                });

    router.put("/api/v1/listings/{id}/auction", Access::SignedIn,
               [&](const httplib::Request& req, httplib::Response& res, const Caller& caller) {
                   auto body = jsonBody(req);
                   if (!body)
                       return sendError(req, res, body.error());
                   auto terms = ListingInput::auctionTerms(body->value("auction"), nowMs(),
                                                           auctions.shortestAuctionMs());
                   if (!terms)
                       return sendError(req, res, terms.error());
                   sendResult(req, res, 200,
                              auctions.changeTerms(pathParam(req, 1), caller.userId, terms.value()),
                              [](const Listing& l) { return QJsonObject{{"listing", l.toJson()}}; });
               });

    router.get("/api/v1/me/bids", Access::SignedIn,
               [&](const httplib::Request& req, httplib::Response& res, const Caller& caller) {
                   auto limit = pageLimit(req);
                   if (!limit)
                       return sendError(req, res, limit.error());
                   sendResult(req, res, 200,
                              auctions.bidsOf(caller.userId, queryParam(req, "cursor"), *limit),
                              pageJson<auctions::MyBidPage>);
               });
}

} // namespace bitmarket::server
