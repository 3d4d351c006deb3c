// Request bodies of the JSON routes, read as their handlers read them: the
// body as one object (jsonBody), then registration (registrationFrom and
// AuthService::validate), the sign-in, refresh and sign-out fields, and a
// listing draft and patch (ListingInput). Whatever the body, each reader gives
// a value or a field error, and what it accepts keeps the listing rules.
#include "FuzzCheck.h"

#include "bitmarket/JsonFields.h"
#include "bitmarket/ListingRules.h"
#include "http/AuthRoutes.h"
#include "market/ListingInput.h"

#include <QJsonObject>
#include <QSet>

using namespace bitmarket;
using namespace bitmarket::server;
using bitmarket::fuzz::check;
using bitmarket::fuzz::checkError;

namespace {

// A fixed "now", so that a crash reproduces whenever it is replayed.
constexpr qint64 kNowMs = 1'780'000'000'000LL;

template <typename T> bool accepted(const Result<T>& result) {
    if (!result)
        checkError(result.error());
    return bool(result);
}

void checkMoney(const Money& money) {
    check(money.amount >= listing::kPriceMin && money.amount <= listing::kPriceMax,
          "amount within the price range");
    check(Money::isKnownCurrency(money.currency), "known currency");
}

void checkTags(const QStringList& tags) {
    check(tags.size() <= listing::kTagsMax, "at most kTagsMax tags");
    check(QSet<QString>(tags.begin(), tags.end()).size() == tags.size(), "tags are distinct");
    for (const QString& tag : tags)
        check(!tag.isEmpty() && tag.size() <= listing::kTagMaxLength && tag == tag.trimmed(),
              "a tag is trimmed and 1 to kTagMaxLength long");
}

void readRegistration(const QJsonObject& body) {
    const auto read = registrationFrom(body);
    if (!accepted(read))
        return;
    const auto valid = AuthService::validate(read.value());
    if (!accepted(valid))
        return;
    const Registration& r = valid.value();
    check(r.username.size() >= 3 && r.username.size() <= 32, "username of 3 to 32 characters");
    check(!r.displayName.isEmpty() && r.displayName.size() <= 50, "display name of 1 to 50");
    check(r.password.size() >= 8 && r.password.size() <= 256, "password of 8 to 256");
}

// The sign-in, refresh and sign-out handlers read their fields with these calls.
void readSessionFields(const QJsonObject& body) {
    if (const auto login = json::requireString(body, "login", 1, 254); accepted(login))
        check(login->size() >= 1 && login->size() <= 254, "login of 1 to 254 characters");
    if (const auto token = json::requireString(body, "refreshToken", 1, 256); accepted(token))
        check(token->size() >= 1 && token->size() <= 256, "refresh token of 1 to 256 characters");
    accepted(json::optionalBool(body, "all"));
}

void readDraft(const QJsonObject& body) {
    const auto draft = ListingInput::draft(body, kNowMs);
    if (!accepted(draft))
        return;
    const ListingDraft& d = draft.value();
    check(d.title.size() >= listing::kTitleMinLength && d.title.size() <= listing::kTitleMaxLength,
          "title within its limits");
    check(d.description.size() <= listing::kDescriptionMaxLength, "description within its limit");
    check(listing::conditionNamed(d.condition).has_value(), "a known condition");
    check(listing::saleTypeNamed(d.saleType).has_value(), "a known sale type");
    checkTags(d.tags);
    checkMoney(d.price);
    check(d.auction.has_value() == (d.saleType == QLatin1String("auction")),
          "auction terms exactly for auctions");
    if (const auto& a = d.auction) {
        checkMoney(a->startPrice);
        checkMoney(a->minIncrement);
        check(a->minIncrement.amount > 0, "increment above zero");
        check(d.price == a->startPrice, "an auction's price is its start price");
        check(!a->buyNowPrice || a->buyNowPrice->amount > a->startPrice.amount,
              "buy-now above the start");
        check(!a->reservePrice || a->reservePrice->amount >= a->startPrice.amount,
              "reserve at least the start");
        check(a->endsAtMs >= kNowMs + auction::kShortestMs &&
                  a->endsAtMs <= kNowMs + auction::kLongestMs,
              "an auction runs 1 hour to 14 days");
    }
}

void readPatch(const QJsonObject& body) {
    const auto patch = ListingInput::patch(body);
    if (!accepted(patch))
        return;
    const ListingPatch& p = patch.value();
    check(!body.isEmpty(), "a patch changes something");
    if (p.price)
        checkMoney(*p.price);
    if (p.tags)
        checkTags(*p.tags);
    if (p.status)
        check(listing::statusNamed(*p.status) != listing::Status::Removed,
              "a patch cannot remove a listing");
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    bitmarket::fuzz::quietQtLog();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const auto body = json::parseObject(
        QByteArray(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size)));
    if (!accepted(body))
        return 0;
    readRegistration(body.value());
    readSessionFields(body.value());
    readDraft(body.value());
    readPatch(body.value());
    return 0;
}
