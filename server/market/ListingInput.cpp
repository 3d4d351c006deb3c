#include "market/ListingInput.h"

#include "bitmarket/AuctionRules.h"
#include "bitmarket/JsonFields.h"
#include "bitmarket/ListingRules.h"
#include "bitmarket/Timestamp.h"

namespace bitmarket::server {

namespace {
using namespace listing;

const QStringList kPatchable = {"title",     "description", "categoryId", "price",
                                "condition", "tags",        "region",     "status"};
const QStringList kSellerStatusNames = namesOf(listing::kSellerStatuses);

// The default shortest auction is named as people say it; a shorter one (demos, tests) in seconds.
ApiError durationError(qint64 shortestMs) {
    if (shortestMs == auction::kShortestMs)
        return ApiError::validation(QStringLiteral("An auction runs from 1 hour to 14 days."),
                                    "auction.endsAt");
    return ApiError::validation(QStringLiteral("An auction runs from %1 seconds to 14 days."),
                                "auction.endsAt")
        .arg(shortestMs / 1000);
}

} // namespace

Result<Auction> ListingInput::auctionTerms(const QJsonValue& value, qint64 nowMs,
                                           qint64 shortestMs) {
    if (!value.isObject())
        return ApiError::validation(QStringLiteral("An auction needs its terms."), "auction");
    const QJsonObject o = value.toObject();
    Auction terms;
    BITMARKET_TRY(terms.startPrice, Money::fromJson(o.value("startPrice"), "auction.startPrice"));
    terms.tieredIncrement = !o.contains("minIncrement") || o.value("minIncrement").isNull();
    if (terms.tieredIncrement) {
        terms.minIncrement = auction::tieredIncrement(terms.startPrice);
    } else {
        BITMARKET_TRY(terms.minIncrement,
                      Money::fromJson(o.value("minIncrement"), "auction.minIncrement"));
        if (terms.minIncrement.amount <= 0)
            return ApiError::validation(QStringLiteral("The increment must be above zero."),
                                        "auction.minIncrement");
    }
    if (o.contains("buyNowPrice") && !o.value("buyNowPrice").isNull()) {
        Money buyNow;
        BITMARKET_TRY(buyNow, Money::fromJson(o.value("buyNowPrice"), "auction.buyNowPrice"));
        if (buyNow.amount <= terms.startPrice.amount)
            return ApiError::validation(QStringLiteral("Buy-now must be above the start price."),
                                        "auction.buyNowPrice");
        terms.buyNowPrice = buyNow;
    }
    if (o.contains("reservePrice") && !o.value("reservePrice").isNull()) {
        Money reserve;
        BITMARKET_TRY(reserve, Money::fromJson(o.value("reservePrice"), "auction.reservePrice"));
        if (reserve.amount < terms.startPrice.amount)
            return ApiError::validation(QStringLiteral("Reserve must be at least the start price."),
                                        "auction.reservePrice");
        terms.reservePrice = reserve;
    }
    for (const auto* money : {&terms.minIncrement, terms.buyNowPrice ? &*terms.buyNowPrice : nullptr,
                              terms.reservePrice ? &*terms.reservePrice : nullptr}) {
        if (money && money->currency != terms.startPrice.currency)
            return ApiError::validation(QStringLiteral("All auction amounts need one currency."),
                                        "auction");
    }
    const auto endsAt = fromRfc3339(o.value("endsAt").toString());
    if (!endsAt)
        return ApiError::validation(QStringLiteral("Give the end as an RFC 3339 UTC time."),
                                    "auction.endsAt");
    if (*endsAt < nowMs + shortestMs || *endsAt > nowMs + auction::kLongestMs)
        return durationError(shortestMs);
    terms.endsAtMs = *endsAt;
    return terms;
}

Result<ListingDraft> ListingInput::draft(const QJsonObject& body, qint64 nowMs,
                                         qint64 shortestAuctionMs) {
    ListingDraft d;
    BITMARKET_TRY(d.title, json::requireString(body, "title", kTitleMinLength, kTitleMaxLength));
    std::optional<QString> description;
    BITMARKET_TRY(description, json::optionalString(body, "description", 0, kDescriptionMaxLength));
    d.description = description.value_or(QString());
    BITMARKET_TRY(d.categoryId, json::requireString(body, "categoryId", 1, kCategoryIdMaxLength));
    BITMARKET_TRY(d.condition, json::requireEnum(body, "condition", kConditions));
    BITMARKET_TRY(d.tags, json::stringList(body, "tags", kTagsMax, kTagMaxLength));
    std::optional<QString> region;
    BITMARKET_TRY(region, json::optionalString(body, "region", 0, kRegionMaxLength));
    d.region = region.value_or(QString());
    d.saleType = QStringLiteral("fixed");
    if (body.contains("saleType"))
        BITMARKET_TRY(d.saleType, json::requireEnum(body, "saleType", kSaleTypes));
    if (d.saleType == QLatin1String("auction")) {
        Auction terms;
        BITMARKET_TRY(terms, auctionTerms(body.value("auction"), nowMs, shortestAuctionMs));
        d.auction = terms;
        // An auction's price is its start price until bids move it.
        d.price = terms.startPrice;
        if (body.contains("price") && !body.value("price").isNull()) {
            Money given;
            BITMARKET_TRY(given, Money::fromJson(body.value("price"), "price"));
            if (given != terms.startPrice)
                return ApiError::validation(
                    QStringLiteral("An auction's price is its start price."), "price");
        }
    } else {
        if (body.contains("auction") && !body.value("auction").isNull())
            return ApiError::validation(QStringLiteral("Only auctions take auction terms."),
                                        "auction");
        BITMARKET_TRY(d.price, Money::fromJson(body.value("price"), "price"));
    }
    return d;
}

Result<ListingPatch> ListingInput::patch(const QJsonObject& body) {
    for (auto it = body.begin(); it != body.end(); ++it) {
        if (!kPatchable.contains(it.key()))
            return ApiError::validation(QStringLiteral("This field cannot be changed."), it.key());
    }
    if (body.isEmpty())
        return ApiError::validation(QStringLiteral("Nothing to change."));
    ListingPatch p;
    if (body.contains("title"))
        BITMARKET_TRY(p.title,
                      json::requireString(body, "title", kTitleMinLength, kTitleMaxLength));
    if (body.contains("description"))
        BITMARKET_TRY(p.description,
                      json::requireString(body, "description", 0, kDescriptionMaxLength));
    if (body.contains("categoryId"))
        BITMARKET_TRY(p.categoryId,
                      json::requireString(body, "categoryId", 1, kCategoryIdMaxLength));
    if (body.contains("price"))
        BITMARKET_TRY(p.price, Money::fromJson(body.value("price"), "price"));
    if (body.contains("condition"))
        BITMARKET_TRY(p.condition, json::requireEnum(body, "condition", kConditions));
    if (body.contains("tags"))
        BITMARKET_TRY(p.tags, json::stringList(body, "tags", kTagsMax, kTagMaxLength));
    if (body.contains("region"))
        BITMARKET_TRY(p.region, json::requireString(body, "region", 0, kRegionMaxLength));
    if (body.contains("status"))
        BITMARKET_TRY(p.status, json::requireEnum(body, "status", kSellerStatusNames));
    return p;
}

} // namespace bitmarket::server
