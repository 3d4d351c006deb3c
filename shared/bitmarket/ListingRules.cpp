#include "bitmarket/ListingRules.h"

namespace bitmarket::listing {

namespace {
template <typename Enum, typename List>
std::optional<Enum> named(const List& values, const QString& name) {
    for (const Enum value : values) {
        if (nameOf(value) == name)
            return value;
    }
    return std::nullopt;
}
} // namespace

QString nameOf(Condition condition) {
    switch (condition) {
    case Condition::New:
        return QStringLiteral("new");
    case Condition::LikeNew:
        return QStringLiteral("like_new");
    case Condition::Good:
        return QStringLiteral("good");
    case Condition::Fair:
        return QStringLiteral("fair");
    case Condition::ForParts:
        return QStringLiteral("for_parts");
    }
    return {};
}

QString nameOf(Status status) {
    switch (status) {
    case Status::Active:
        return QStringLiteral("active");
    case Status::Reserved:
        return QStringLiteral("reserved");
    case Status::Sold:
        return QStringLiteral("sold");
    case Status::Ended:
        return QStringLiteral("ended");
    case Status::Removed:
        return QStringLiteral("removed");
    }
    return {};
}

QString nameOf(SaleType saleType) {
    switch (saleType) {
    case SaleType::Fixed:
        return QStringLiteral("fixed");
    case SaleType::Auction:
        return QStringLiteral("auction");
    }
    return {};
}

std::optional<Condition> conditionNamed(const QString& name) {
    return named<Condition>(kConditionsInOrder, name);
}

std::optional<Status> statusNamed(const QString& name) {
    return named<Status>(kStatusesInOrder, name);
}

std::optional<SaleType> saleTypeNamed(const QString& name) {
    return named<SaleType>(kSaleTypesInOrder, name);
}

} // namespace bitmarket::listing
