// What a listing may hold and the values its enumerated fields take: the
// numbers the server validates with and the client's sell form checks before
// sending, and the wire names of conditions, statuses and sale types.
#pragma once

#include "bitmarket/Money.h"

#include <QStringList>
#include <array>
#include <optional>

namespace bitmarket::listing {

constexpr int kTitleMinLength = 1;
constexpr int kTitleMaxLength = 100;
constexpr int kDescriptionMaxLength = 5000;
constexpr int kTagsMax = 10;
constexpr int kTagMaxLength = 30;
constexpr int kRegionMaxLength = 100;
constexpr int kCategoryIdMaxLength = 64;
constexpr int kPhotosMax = 20;
// In the currency's minor unit.
constexpr qint64 kPriceMin = 0;
constexpr qint64 kPriceMax = Money::kMaxAmount;

enum class Condition { New, LikeNew, Good, Fair, ForParts };
enum class Status { Active, Reserved, Sold, Ended, Removed };
enum class SaleType { Fixed, Auction };

inline constexpr std::array kConditionsInOrder = {
    Condition::New, Condition::LikeNew, Condition::Good, Condition::Fair, Condition::ForParts};
inline constexpr std::array kStatusesInOrder = {Status::Active, Status::Reserved, Status::Sold,
                                                Status::Ended, Status::Removed};
inline constexpr std::array kSaleTypesInOrder = {SaleType::Fixed, SaleType::Auction};
// What a seller may set by hand; `removed` is what deleting does.
inline constexpr std::array kSellerStatuses = {Status::Active, Status::Reserved, Status::Sold,
                                               Status::Ended};

// Wire names: "like_new", "reserved", "auction".
QString nameOf(Condition condition);
QString nameOf(Status status);
QString nameOf(SaleType saleType);
std::optional<Condition> conditionNamed(const QString& name);
std::optional<Status> statusNamed(const QString& name);
std::optional<SaleType> saleTypeNamed(const QString& name);

// The wire names of a list, for validating a JSON field against it.
template <typename List> QStringList namesOf(const List& values) {
    QStringList names;
    for (const auto value : values)
        names << nameOf(value);
    return names;
}

} // namespace bitmarket::listing
