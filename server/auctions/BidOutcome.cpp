#include "auctions/BidOutcome.h"

namespace bitmarket::server::auctions {

QJsonObject BidOutcome::toJson() const {
    return QJsonObject{{"leading", leading}, {"yourMax", yourMax.toJson()}, {"auction", auction.toJson()}};
}

// Keys in sorted order, as the QJsonObject form has them.
std::string BidOutcome::jsonText() const {
    std::string out;
    out.reserve(640);
    JsonWriter w(out);
    w.beginObject();
    auction.writeJson(w.key("auction"));
    w.key("leading").boolean(leading);
    yourMax.writeJson(w.key("yourMax"));
    w.endObject();
    return out;
}

BidOutcome BidOutcome::fromJson(const QJsonObject& o) {
    const QJsonObject max = o.value("yourMax").toObject();
    return BidOutcome{o.value("leading").toBool(),
                      Money{max.value("amount").toInteger(), max.value("currency").toString()},
                      Auction::fromJson(o.value("auction").toObject())};
}

} // namespace bitmarket::server::auctions
