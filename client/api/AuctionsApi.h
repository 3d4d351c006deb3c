// The auctions part of the API (docs/api.md "Auctions") as typed calls: bids, the public bid
// history, buy-now, the seller's change of terms and cancel, and the caller's own bids. The only client code that
// knows their paths. Bids and buy-now carry an Idempotency-Key: the caller makes one per user
// action and sends the same again when it retries that action.
#pragma once

#include "api/ApiAnswer.h"
#include "api/Page.h"
#include "bitmarket/ApiTypes.h"

#include <QPointer>

class ApiClient;

class AuctionsApi {
public:
    explicit AuctionsApi(ApiClient* client) : m_client(client) {}

    ApiCall* placeBid(const QString& listingId, const bitmarket::Money& maxAmount,
                      const QString& idempotencyKey, QObject* context, Answer<bitmarket::PlacedBid> answer);
    // Newest first.
    ApiCall* bids(const QString& listingId, int limit, const QString& cursor, QObject* context,
                  Answer<Page<bitmarket::Bid>> answer);
    ApiCall* buyNow(const QString& listingId, const QString& idempotencyKey, QObject* context,
                    Answer<bitmarket::Order> answer);
    // Seller only, before the first bid: new terms ({startPrice, minIncrement?, reservePrice?,
    // buyNowPrice?, endsAt}, as the sell form makes them).
    ApiCall* changeTerms(const QString& listingId, const QJsonObject& terms, QObject* context,
                         Answer<bitmarket::Listing> answer);
    // Seller only, before the first bid.
    ApiCall* cancel(const QString& listingId, QObject* context, Answer<bitmarket::Listing> answer);
    ApiCall* myBids(int limit, const QString& cursor, QObject* context,
                    Answer<Page<bitmarket::MyBid>> answer);

    // A fresh key for one user action.
    static QString newIdempotencyKey();

private:
    QPointer<ApiClient> m_client;
};
