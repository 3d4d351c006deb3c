// What a seller may send to create or change a listing, validated field by
// field so the client can show each error next to its field.
#pragma once

#include "bitmarket/ApiTypes.h"
#include "bitmarket/AuctionRules.h"
#include "bitmarket/Result.h"

#include <QJsonObject>

#include <optional>

namespace bitmarket::server {

struct ListingDraft {
    QString title;
    QString description;
    QString categoryId;
    Money price;
    QString condition;
    QStringList tags;
    QString region;
    QString saleType;
    std::optional<Auction> auction;
};

struct ListingPatch {
    std::optional<QString> title;
    std::optional<QString> description;
    std::optional<QString> categoryId;
    std::optional<Money> price;
    std::optional<QString> condition;
    std::optional<QStringList> tags;
    std::optional<QString> region;
    std::optional<QString> status;
    // Not a field of the listing: when the seller reserves it from a chat, the buyer it is
    // reserved for, told in that chat (ListingTermsChanged::reservedForId).
    QString reservedForId;

    bool changesPrice() const { return price.has_value(); }
};

class ListingInput {
public:
    // An auction must run at least `shortestAuctionMs` (the server's --min-auction-seconds).
    static Result<ListingDraft> draft(const QJsonObject& body, qint64 nowMs,
                                      qint64 shortestAuctionMs = auction::kShortestMs);
    static Result<ListingPatch> patch(const QJsonObject& body);
    // An auction's terms, as a listing's `auction` carries them on create.
    static Result<Auction> auctionTerms(const QJsonValue& value, qint64 nowMs, qint64 shortestMs);
};

} // namespace bitmarket::server
