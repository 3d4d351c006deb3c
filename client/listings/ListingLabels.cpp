#include "listings/ListingLabels.h"

#include <QCoreApplication>
#include <QEvent>
#include <QVariantMap>

using namespace bitmarket::listing;

namespace {
template <typename List> QVariantList choices(const List& values) {
    QVariantList out;
    for (const auto value : values)
        out.append(QVariantMap{{"value", nameOf(value)}, {"text", ListingLabels::text(value)}});
    return out;
}
} // namespace

ListingLabels::ListingLabels(QObject* parent) : QObject(parent) {
    QCoreApplication::instance()->installEventFilter(this);
}

bool ListingLabels::eventFilter(QObject* watched, QEvent* event) {
    if (watched == QCoreApplication::instance() && event->type() == QEvent::LanguageChange)
        emit languageChanged();
    return QObject::eventFilter(watched, event);
}

QString ListingLabels::text(Condition condition) {
    switch (condition) {
    case Condition::New:
        return tr("New");
    case Condition::LikeNew:
        return tr("Like new");
    case Condition::Good:
        return tr("Good");
    case Condition::Fair:
        return tr("Fair");
    case Condition::ForParts:
        return tr("For parts");
    }
    return {};
}

QString ListingLabels::text(Status status) {
    switch (status) {
    case Status::Active:
        return tr("On sale");
    case Status::Reserved:
        return tr("Reserved");
    case Status::Sold:
        return tr("Sold");
    case Status::Ended:
        return tr("Ended");
    case Status::Removed:
        return tr("Removed");
    }
    return {};
}

QString ListingLabels::text(SaleType saleType) {
    switch (saleType) {
    case SaleType::Fixed:
        return tr("Fixed price");
    case SaleType::Auction:
        return tr("Auction");
    }
    return {};
}

QString ListingLabels::conditionText(const QString& name) {
    const auto condition = conditionNamed(name);
    return condition ? text(*condition) : name;
}

QString ListingLabels::statusText(const QString& name) {
    const auto status = statusNamed(name);
    return status ? text(*status) : name;
}

QVariantList ListingLabels::conditions() const {
    return choices(kConditionsInOrder);
}

QVariantList ListingLabels::saleTypes() const {
    return choices(kSaleTypesInOrder);
}

QVariantList ListingLabels::sellerStatuses() const {
    return choices(kSellerStatuses);
}
