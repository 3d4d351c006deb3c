#include "auctions/BidOutcome.h"

namespace bitmarket::server::auctions {

QJsonObject BidOutcome::toJson() const {
    return QJsonObject{{"leading", leading}, {"yourMax", yourMax.toJson()}, {"auction", auction.toJson()}};
}

BidOutcome BidOutcome::fromJson(const QJsonObject& o) {
    const QJsonObject max = o.value("yourMax").toObject();
    return BidOutcome{o.value("leading").toBool(),
                      Money{max.value("amount").toInteger(), max.value("currency").toString()},
                      Auction::fromJson(o.value("auction").toObject())};
}

} // namespace bitmarket::server::auctions
