#include "api/AuctionsApi.h"

#include "api/ApiClient.h"

#include <QUuid>

using bitmarket::Auction;
using bitmarket::Bid;
using bitmarket::Listing;
using bitmarket::Money;
using bitmarket::MyBid;
using bitmarket::Order;
using Request = ApiCall::Request;

namespace {

Request withKey(Request request, const QString& idempotencyKey) {
    if (!idempotencyKey.isEmpty())
        request.headers.append({"Idempotency-Key", idempotencyKey.toLatin1()});
    return request;
}

QString listingPath(const QString& listingId, const char* rest) {
    return QStringLiteral("/listings/") + listingId + QLatin1String(rest);
}

// The seller's answers carry the listing as it now stands.
Listing listingOf(const QJsonObject& body) {
    return Listing::fromJson(body.value("listing").isObject() ? body.value("listing").toObject()
                                                              : body);
}

} // namespace

QString AuctionsApi::newIdempotencyKey() {
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

ApiCall* AuctionsApi::placeBid(const QString& listingId, const Money& maxAmount,
                               const QString& idempotencyKey, QObject* context,
                               Answer<bitmarket::PlacedBid> answer) {
    Request request = Request::json("auctions.bid", "POST", listingPath(listingId, "/bids"),
                                    {{"maxAmount", maxAmount.toJson()}});
    return deliver(m_client->send(withKey(std::move(request), idempotencyKey)), context,
                   std::move(answer), &bitmarket::PlacedBid::fromJson);
}

ApiCall* AuctionsApi::bids(const QString& listingId, int limit, const QString& cursor,
                           QObject* context, Answer<Page<Bid>> answer) {
    return deliver(m_client->send(Request::get("auctions.bids", listingPath(listingId, "/bids"),
                                               pageQuery(limit, cursor))),
                   context, std::move(answer), &Page<Bid>::fromJson);
}

ApiCall* AuctionsApi::buyNow(const QString& listingId, const QString& idempotencyKey,
                             QObject* context, Answer<Order> answer) {
    Request request =
        Request::json("auctions.buyNow", "POST", listingPath(listingId, "/buy-now"), {});
    return deliver(
        m_client->send(withKey(std::move(request), idempotencyKey)), context, std::move(answer),
        [](const QJsonObject& body) { return Order::fromJson(body.value("order").toObject()); });
}

ApiCall* AuctionsApi::changeTerms(const QString& listingId, const QJsonObject& terms,
                                 QObject* context, Answer<Listing> answer) {
    return deliver(m_client->send(Request::json("auctions.changeTerms", "PUT",
                                                listingPath(listingId, "/auction"),
                                                {{"auction", terms}})),
                   context, std::move(answer), &listingOf);
}

ApiCall* AuctionsApi::cancel(const QString& listingId, QObject* context, Answer<Listing> answer) {
    return deliver(m_client->send(Request::json("auctions.cancel", "POST",
                                                listingPath(listingId, "/auction/cancel"), {})),
                   context, std::move(answer), &listingOf);
}

ApiCall* AuctionsApi::myBids(int limit, const QString& cursor, QObject* context,
                             Answer<Page<MyBid>> answer) {
    return deliver(
        m_client->send(Request::get("auctions.myBids", "/me/bids", pageQuery(limit, cursor))),
        context, std::move(answer), &Page<MyBid>::fromJson);
}
