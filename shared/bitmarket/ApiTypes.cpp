#include "bitmarket/ApiTypes.h"

#include "bitmarket/Timestamp.h"

#include <QJsonDocument>

namespace bitmarket {

namespace {
void insertIfSet(QJsonObject& o, const char* key, const QString& value) {
    if (!value.isEmpty())
        o.insert(QLatin1String(key), value);
}

void writeIfSet(JsonWriter& w, const char* key, const QString& value) {
    if (!value.isEmpty())
        w.key(key).string(value);
}

Money moneyOf(const QJsonValue& v) {
    const QJsonObject o = v.toObject();
    return Money{o.value("amount").toInteger(), o.value("currency").toString("KRW")};
}

qint64 timeOf(const QJsonValue& v) {
    return fromRfc3339(v.toString()).value_or(0);
}
} // namespace

QJsonObject User::toJson(bool includePrivate) const {
    QJsonObject o{{"id", id},
                  {"username", username},
                  {"displayName", displayName},
                  {"createdAt", toRfc3339(createdAtMs)}};
    if (includePrivate) {
        o.insert("email", email);
        o.insert("roles", QJsonArray::fromStringList(roles));
    }
    return o;
}

User User::fromJson(const QJsonObject& o) {
    return User{o.value("id").toString(),     o.value("username").toString(),
                o.value("email").toString(),  o.value("displayName").toString(),
                timeOf(o.value("createdAt")), o.value("roles").toVariant().toStringList()};
}

QJsonObject SellerSummary::toJson() const {
    return QJsonObject{{"id", id}, {"username", username}, {"displayName", displayName}};
}

void SellerSummary::writeJson(JsonWriter& w) const {
    w.beginObject().key("displayName").string(displayName).key("id").string(id);
    w.key("username").string(username).endObject();
}

SellerSummary SellerSummary::fromJson(const QJsonObject& o) {
    return SellerSummary{o.value("id").toString(), o.value("username").toString(),
                         o.value("displayName").toString()};
}

QJsonObject Category::toJson() const {
    return QJsonObject{{"id", id},
                       {"name", name},
                       {"parentId", parentId.isEmpty() ? QJsonValue() : QJsonValue(parentId)}};
}

Category Category::fromJson(const QJsonObject& o) {
    return Category{o.value("id").toString(), o.value("name").toString(),
                    o.value("parentId").toString()};
}

QJsonObject Photo::toJson() const {
    return QJsonObject{
        {"id", id}, {"url", url}, {"thumbUrl", thumbUrl}, {"width", width}, {"height", height}};
}

void Photo::writeJson(JsonWriter& w) const {
    w.beginObject().key("height").integer(height).key("id").string(id);
    w.key("thumbUrl").string(thumbUrl).key("url").string(url).key("width").integer(width);
    w.endObject();
}

Photo Photo::fromJson(const QJsonObject& o) {
    return Photo{o.value("id").toString(), o.value("url").toString(),
                 o.value("thumbUrl").toString(), o.value("width").toInt(),
                 o.value("height").toInt()};
}

QJsonObject ModelInfo::toJson() const {
    QJsonObject o{{"status", status}};
    insertIfSet(o, "url", url);
    insertIfSet(o, "previewUrl", previewUrl);
    insertIfSet(o, "quality", quality);
    insertIfSet(o, "jobId", jobId);
    insertIfSet(o, "error", error);
    if (triangles > 0)
        o.insert("triangles", triangles);
    return o;
}

void ModelInfo::writeJson(JsonWriter& w) const {
    w.beginObject();
    writeIfSet(w, "error", error);
    writeIfSet(w, "jobId", jobId);
    writeIfSet(w, "previewUrl", previewUrl);
    writeIfSet(w, "quality", quality);
    w.key("status").string(status);
    if (triangles > 0)
        w.key("triangles").integer(triangles);
    writeIfSet(w, "url", url);
    w.endObject();
}

ModelInfo ModelInfo::fromJson(const QJsonObject& o) {
    return ModelInfo{o.value("status").toString(),     o.value("url").toString(),
                     o.value("previewUrl").toString(), o.value("quality").toString(),
                     o.value("triangles").toInteger(), o.value("jobId").toString(),
                     o.value("error").toString()};
}

QJsonObject Notification::toJson() const {
    return QJsonObject{{"id", id},
                       {"type", type},
                       {"title", title},
                       {"body", body},
                       {"data", data},
                       {"count", count},
                       {"createdAt", toRfc3339(createdAtMs)},
                       {"readAt", readAtMs > 0 ? QJsonValue(toRfc3339(readAtMs)) : QJsonValue()}};
}

Notification Notification::fromJson(const QJsonObject& o) {
    Notification n;
    n.id = o.value("id").toString();
    n.type = o.value("type").toString();
    n.title = o.value("title").toString();
    n.body = o.value("body").toString();
    n.data = o.value("data").toObject();
    n.count = o.value("count").toInt(1);
    n.createdAtMs = timeOf(o.value("createdAt"));
    n.readAtMs = o.value("readAt").isString() ? timeOf(o.value("readAt")) : 0;
    return n;
}

QJsonObject SavedKeyword::toJson() const {
    return QJsonObject{{"id", id},
                       {"keyword", keyword},
                       {"categoryId", categoryId.isEmpty() ? QJsonValue() : QJsonValue(categoryId)},
                       {"maxPrice", maxPrice ? QJsonValue(maxPrice->toJson()) : QJsonValue()}};
}

SavedKeyword SavedKeyword::fromJson(const QJsonObject& o) {
    SavedKeyword k;
    k.id = o.value("id").toString();
    k.keyword = o.value("keyword").toString();
    k.categoryId = o.value("categoryId").toString();
    if (o.value("maxPrice").isObject())
        k.maxPrice = moneyOf(o.value("maxPrice"));
    return k;
}

QJsonObject Job::toJson() const {
    QJsonObject o{{"id", id},
                  {"kind", kind},
                  {"status", status},
                  {"progress", progress},
                  {"stage", stage},
                  {"attempts", attempts},
                  {"createdAt", toRfc3339(createdAtMs)},
                  {"updatedAt", toRfc3339(updatedAtMs)}};
    insertIfSet(o, "error", error);
    insertIfSet(o, "listingId", listingId);
    return o;
}

Job Job::fromJson(const QJsonObject& o) {
    Job j;
    j.id = o.value("id").toString();
    j.kind = o.value("kind").toString();
    j.status = o.value("status").toString();
    j.progress = o.value("progress").toDouble();
    j.stage = o.value("stage").toString();
    j.error = o.value("error").toString();
    j.listingId = o.value("listingId").toString();
    j.attempts = o.value("attempts").toInt();
    j.createdAtMs = timeOf(o.value("createdAt"));
    j.updatedAtMs = timeOf(o.value("updatedAt"));
    return j;
}

QJsonObject Auction::toJson() const {
    QJsonObject o{{"startPrice", startPrice.toJson()},
                  {"minIncrement", minIncrement.toJson()},
                  {"tieredIncrement", tieredIncrement},
                  {"endsAt", toRfc3339(endsAtMs)},
                  {"state", state},
                  {"currentPrice", currentPrice.toJson()},
                  {"bidCount", bidCount},
                  {"bidderCount", bidderCount},
                  {"leaderId", leaderId.isEmpty() ? QJsonValue() : QJsonValue(leaderId)},
                  {"minNextBid", minNextBid.toJson()},
                  {"reserveMet", reserveMet},
                  {"extended", extended}};
    if (buyNowPrice)
        o.insert("buyNowPrice", buyNowPrice->toJson());
    if (reservePrice)
        o.insert("reservePrice", reservePrice->toJson());
    insertIfSet(o, "winnerId", winnerId);
    if (finalPrice)
        o.insert("finalPrice", finalPrice->toJson());
    insertIfSet(o, "orderId", orderId);
    if (yourMax)
        o.insert("yourMax", yourMax->toJson());
    return o;
}

// Keys in sorted order, as QJsonObject keeps them, so the text is the same as toJson()'s.
void Auction::writeJson(JsonWriter& w) const {
    w.beginObject();
    w.key("bidCount").integer(bidCount);
    w.key("bidderCount").integer(bidderCount);
    if (buyNowPrice)
        buyNowPrice->writeJson(w.key("buyNowPrice"));
    currentPrice.writeJson(w.key("currentPrice"));
    w.key("endsAt").timestamp(endsAtMs);
    w.key("extended").boolean(extended);
    if (finalPrice)
        finalPrice->writeJson(w.key("finalPrice"));
    w.key("leaderId");
    if (leaderId.isEmpty())
        w.null();
    else
        w.string(leaderId);
    minIncrement.writeJson(w.key("minIncrement"));
    minNextBid.writeJson(w.key("minNextBid"));
    writeIfSet(w, "orderId", orderId);
    w.key("reserveMet").boolean(reserveMet);
    if (reservePrice)
        reservePrice->writeJson(w.key("reservePrice"));
    startPrice.writeJson(w.key("startPrice"));
    w.key("state").string(state);
    w.key("tieredIncrement").boolean(tieredIncrement);
    writeIfSet(w, "winnerId", winnerId);
    if (yourMax)
        yourMax->writeJson(w.key("yourMax"));
    w.endObject();
}

Auction Auction::fromJson(const QJsonObject& o) {
    Auction a;
    a.startPrice = moneyOf(o.value("startPrice"));
    a.minIncrement = moneyOf(o.value("minIncrement"));
    a.tieredIncrement = o.value("tieredIncrement").toBool();
    if (o.contains("buyNowPrice"))
        a.buyNowPrice = moneyOf(o.value("buyNowPrice"));
    if (o.contains("reservePrice"))
        a.reservePrice = moneyOf(o.value("reservePrice"));
    a.endsAtMs = timeOf(o.value("endsAt"));
    a.state = o.value("state").toString();
    a.currentPrice = moneyOf(o.value("currentPrice"));
    a.bidCount = o.value("bidCount").toInteger();
    a.bidderCount = o.value("bidderCount").toInteger();
    a.leaderId = o.value("leaderId").toString();
    a.minNextBid = moneyOf(o.value("minNextBid"));
    a.reserveMet = o.value("reserveMet").toBool();
    a.extended = o.value("extended").toBool();
    a.winnerId = o.value("winnerId").toString();
    if (o.contains("finalPrice"))
        a.finalPrice = moneyOf(o.value("finalPrice"));
    a.orderId = o.value("orderId").toString();
    if (o.contains("yourMax"))
        a.yourMax = moneyOf(o.value("yourMax"));
    return a;
}

QJsonObject Bid::toJson() const {
    return QJsonObject{{"id", id},
                       {"listingId", listingId},
                       {"bidder", QJsonObject{{"id", bidderId}, {"displayName", bidderName}}},
                       {"amount", amount.toJson()},
                       {"createdAt", toRfc3339(createdAtMs)}};
}

Bid Bid::fromJson(const QJsonObject& o) {
    const QJsonObject bidder = o.value("bidder").toObject();
    return Bid{o.value("id").toString(),           o.value("listingId").toString(),
               bidder.value("id").toString(),      bidder.value("displayName").toString(),
               moneyOf(o.value("amount")),         timeOf(o.value("createdAt"))};
}

QJsonObject Listing::toJson() const {
    QJsonObject o{{"id", id},
                  {"title", title},
                  {"description", description},
                  {"categoryId", categoryId},
                  {"price", price.toJson()},
                  {"condition", condition},
                  {"tags", QJsonArray::fromStringList(tags)},
                  {"region", region},
                  {"saleType", saleType},
                  {"status", status},
                  {"sellerId", sellerId},
                  {"createdAt", toRfc3339(createdAtMs)},
                  {"updatedAt", toRfc3339(updatedAtMs)},
                  {"thumbUrl", thumbUrl.isEmpty() ? QJsonValue() : QJsonValue(thumbUrl)},
                  {"favoriteCount", favoriteCount},
                  {"viewCount", viewCount},
                  {"hasModel", hasModel}};
    if (auction)
        o.insert("auction", auction->toJson());
    if (!photos.isEmpty() || seller) {
        QJsonArray items;
        for (const Photo& p : photos)
            items.append(p.toJson());
        o.insert("photos", items);
    }
    if (model)
        o.insert("model", model->toJson());
    if (seller)
        o.insert("seller", seller->toJson());
    if (isFavorite)
        o.insert("isFavorite", *isFavorite);
    return o;
}

// Keys in sorted order, as QJsonObject keeps them, so the text is the same as toJson()'s.
void Listing::writeJson(JsonWriter& w) const {
    w.beginObject();
    if (auction)
        auction->writeJson(w.key("auction"));
    w.key("categoryId").string(categoryId);
    w.key("condition").string(condition);
    w.key("createdAt").timestamp(createdAtMs);
    w.key("description").string(description);
    w.key("favoriteCount").integer(favoriteCount);
    w.key("hasModel").boolean(hasModel);
    w.key("id").string(id);
    if (isFavorite)
        w.key("isFavorite").boolean(*isFavorite);
    if (model)
        model->writeJson(w.key("model"));
    if (!photos.isEmpty() || seller) {
        w.key("photos").beginArray();
        for (const Photo& p : photos)
            p.writeJson(w);
        w.endArray();
    }
    price.writeJson(w.key("price"));
    w.key("region").string(region);
    w.key("saleType").string(saleType);
    if (seller)
        seller->writeJson(w.key("seller"));
    w.key("sellerId").string(sellerId);
    w.key("status").string(status);
    w.key("tags").beginArray();
    for (const QString& tag : tags)
        w.string(tag);
    w.endArray();
    w.key("thumbUrl");
    if (thumbUrl.isEmpty())
        w.null();
    else
        w.string(thumbUrl);
    w.key("title").string(title);
    w.key("updatedAt").timestamp(updatedAtMs);
    w.key("viewCount").integer(viewCount);
    w.endObject();
}

Listing Listing::fromJson(const QJsonObject& o) {
    Listing l;
    l.id = o.value("id").toString();
    l.title = o.value("title").toString();
    l.description = o.value("description").toString();
    l.categoryId = o.value("categoryId").toString();
    l.price = moneyOf(o.value("price"));
    l.condition = o.value("condition").toString();
    for (const QJsonValue& t : o.value("tags").toArray())
        l.tags.append(t.toString());
    l.region = o.value("region").toString();
    l.saleType = o.value("saleType").toString();
    l.status = o.value("status").toString();
    l.sellerId = o.value("sellerId").toString();
    l.createdAtMs = timeOf(o.value("createdAt"));
    l.updatedAtMs = timeOf(o.value("updatedAt"));
    l.thumbUrl = o.value("thumbUrl").toString();
    l.favoriteCount = o.value("favoriteCount").toInteger();
    l.viewCount = o.value("viewCount").toInteger();
    l.hasModel = o.value("hasModel").toBool();
    if (o.value("auction").isObject())
        l.auction = Auction::fromJson(o.value("auction").toObject());
    for (const QJsonValue& p : o.value("photos").toArray())
        l.photos.append(Photo::fromJson(p.toObject()));
    if (o.value("model").isObject())
        l.model = ModelInfo::fromJson(o.value("model").toObject());
    if (o.value("seller").isObject())
        l.seller = SellerSummary::fromJson(o.value("seller").toObject());
    if (o.value("isFavorite").isBool())
        l.isFavorite = o.value("isFavorite").toBool();
    return l;
}

// Keys in sorted order, as a QJsonObject of the same answer has them.
void PlacedBid::writeJson(JsonWriter& w) const {
    w.beginObject();
    auction.writeJson(w.key("auction"));
    w.key("leading").boolean(leading);
    yourMax.writeJson(w.key("yourMax"));
    w.endObject();
}

PlacedBid PlacedBid::fromJson(const QJsonObject& o) {
    PlacedBid bid;
    bid.leading = o.value("leading").toBool();
    bid.yourMax = moneyOf(o.value("yourMax"));
    bid.auction = Auction::fromJson(o.value("auction").toObject());
    bid.auction.yourMax = bid.yourMax;
    return bid;
}

QJsonObject MyBid::toJson() const {
    return QJsonObject{{"listing", listing.toJson()}, {"yourMax", yourMax.toJson()}, {"status", status}};
}

MyBid MyBid::fromJson(const QJsonObject& o) {
    return MyBid{Listing::fromJson(o.value("listing").toObject()), moneyOf(o.value("yourMax")),
                 o.value("status").toString()};
}

QJsonObject Order::toJson() const {
    QJsonArray steps;
    for (const Step& s : history)
        steps.append(QJsonObject{{"status", s.status}, {"at", toRfc3339(s.atMs)}});
    QJsonObject json{
        {"id", id},
        {"listing",
         QJsonObject{{"id", listingId},
                     {"title", listingTitle},
                     {"thumbUrl", listingThumbUrl.isEmpty() ? QJsonValue() : QJsonValue(listingThumbUrl)}}},
        {"buyerId", buyerId},
        {"sellerId", sellerId},
        {"buyerName", buyerName},
        {"sellerName", sellerName},
        {"amount", amount.toJson()},
        {"fee", fee.toJson()},
        {"method", method},
        {"source", source},
        {"status", status},
        {"createdAt", toRfc3339(createdAtMs)},
        {"updatedAt", toRfc3339(updatedAtMs)},
        {"history", steps}};
    if (!paymentProvider.isEmpty())
        json.insert("payment", QJsonObject{{"provider", paymentProvider}, {"status", paymentStatus}});
    if (!carrier.isEmpty())
        json.insert("shipment", QJsonObject{{"carrier", carrier}, {"trackingNumber", trackingNumber}});
    if (autoConfirmAtMs)
        json.insert("autoConfirmAt", toRfc3339(autoConfirmAtMs));
    if (method == u"in_person")
        json.insert("confirmedBy", QJsonObject{{"buyer", buyerConfirmed}, {"seller", sellerConfirmed}});
    return json;
}

Order Order::fromJson(const QJsonObject& o) {
    Order order;
    order.id = o.value("id").toString();
    const QJsonObject listing = o.value("listing").toObject();
    order.listingId = listing.value("id").toString();
    order.listingTitle = listing.value("title").toString();
    order.listingThumbUrl = listing.value("thumbUrl").toString();
    order.buyerId = o.value("buyerId").toString();
    order.sellerId = o.value("sellerId").toString();
    order.buyerName = o.value("buyerName").toString();
    order.sellerName = o.value("sellerName").toString();
    order.amount = moneyOf(o.value("amount"));
    order.fee = moneyOf(o.value("fee"));
    order.method = o.value("method").toString();
    order.source = o.value("source").toString();
    order.status = o.value("status").toString();
    order.createdAtMs = timeOf(o.value("createdAt"));
    order.updatedAtMs = timeOf(o.value("updatedAt"));
    for (const QJsonValue& v : o.value("history").toArray())
        order.history.append(Step{v.toObject().value("status").toString(),
                                  timeOf(v.toObject().value("at"))});
    const QJsonObject payment = o.value("payment").toObject();
    order.paymentProvider = payment.value("provider").toString();
    order.paymentStatus = payment.value("status").toString();
    const QJsonObject shipment = o.value("shipment").toObject();
    order.carrier = shipment.value("carrier").toString();
    order.trackingNumber = shipment.value("trackingNumber").toString();
    order.autoConfirmAtMs = timeOf(o.value("autoConfirmAt"));
    const QJsonObject confirmed = o.value("confirmedBy").toObject();
    order.buyerConfirmed = confirmed.value("buyer").toBool();
    order.sellerConfirmed = confirmed.value("seller").toBool();
    return order;
}

QJsonObject Appointment::toJson() const {
    return QJsonObject{{"at", toRfc3339(atMs)}, {"place", place}, {"status", status}};
}

Appointment Appointment::fromJson(const QJsonObject& o) {
    return Appointment{timeOf(o.value("at")), o.value("place").toString(),
                       o.value("status").toString(QStringLiteral("proposed"))};
}

QJsonObject ChatMessage::toJson() const {
    QJsonObject o{{"id", id},
                  {"chatId", chatId},
                  {"seq", seq},
                  {"senderId", senderId.isEmpty() ? QJsonValue() : QJsonValue(senderId)},
                  {"kind", kind},
                  {"createdAt", toRfc3339(createdAtMs)}};
    insertIfSet(o, "text", text);
    insertIfSet(o, "clientId", clientId);
    if (image)
        o.insert("image", image->toJson());
    if (appointment)
        o.insert("appointment", appointment->toJson());
    if (!system.isEmpty())
        o.insert("system", system);
    return o;
}

void ChatMessage::writeJson(JsonWriter& w) const {
    // Rarer parts (a photo, a card, a system event) go through their QJson form.
    const auto compactText = [](const QJsonObject& o) {
        return QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString();
    };
    w.beginObject();
    if (appointment)
        w.key("appointment").raw(compactText(appointment->toJson()));
    w.key("chatId").string(chatId);
    if (!clientId.isEmpty())
        w.key("clientId").string(clientId);
    w.key("createdAt").timestamp(createdAtMs);
    w.key("id").string(id);
    if (image)
        w.key("image").raw(compactText(image->toJson()));
    w.key("kind").string(kind);
    if (senderId.isEmpty())
        w.key("senderId").null();
    else
        w.key("senderId").string(senderId);
    w.key("seq").integer(seq);
    if (!system.isEmpty())
        w.key("system").raw(compactText(system));
    if (!text.isEmpty())
        w.key("text").string(text);
    w.endObject();
}

ChatMessage ChatMessage::fromJson(const QJsonObject& o) {
    ChatMessage m;
    m.id = o.value("id").toString();
    m.chatId = o.value("chatId").toString();
    m.seq = o.value("seq").toInteger();
    m.senderId = o.value("senderId").toString();
    m.kind = o.value("kind").toString();
    m.text = o.value("text").toString();
    if (o.value("image").isObject())
        m.image = Photo::fromJson(o.value("image").toObject());
    if (o.value("appointment").isObject())
        m.appointment = Appointment::fromJson(o.value("appointment").toObject());
    m.system = o.value("system").toObject();
    m.clientId = o.value("clientId").toString();
    m.createdAtMs = timeOf(o.value("createdAt"));
    return m;
}

QJsonObject ChatRoom::toJson() const {
    return QJsonObject{
        {"id", id},
        {"listing", QJsonObject{{"id", listing.id},
                                {"title", listing.title},
                                {"thumbUrl", listing.thumbUrl.isEmpty() ? QJsonValue()
                                                                        : QJsonValue(listing.thumbUrl)},
                                {"price", listing.price.toJson()},
                                {"status", listing.status}}},
        {"buyerId", buyerId},
        {"sellerId", sellerId},
        {"counterpart", QJsonObject{{"id", counterpartId}, {"displayName", counterpartName}}},
        {"lastMessage", lastMessage ? QJsonValue(lastMessage->toJson()) : QJsonValue()},
        {"lastSeq", lastSeq},
        {"unreadCount", unreadCount},
        {"yourReadSeq", yourReadSeq},
        {"otherReadSeq", otherReadSeq},
        {"blockedByYou", blockedByYou},
        {"blockedYou", blockedYou},
        {"createdAt", toRfc3339(createdAtMs)},
        {"updatedAt", toRfc3339(updatedAtMs)}};
}

ChatRoom ChatRoom::fromJson(const QJsonObject& o) {
    ChatRoom r;
    r.id = o.value("id").toString();
    const QJsonObject l = o.value("listing").toObject();
    r.listing = ListingPart{l.value("id").toString(), l.value("title").toString(),
                            l.value("thumbUrl").toString(), moneyOf(l.value("price")),
                            l.value("status").toString()};
    r.buyerId = o.value("buyerId").toString();
    r.sellerId = o.value("sellerId").toString();
    const QJsonObject counterpart = o.value("counterpart").toObject();
    r.counterpartId = counterpart.value("id").toString();
    r.counterpartName = counterpart.value("displayName").toString();
    if (o.value("lastMessage").isObject())
        r.lastMessage = ChatMessage::fromJson(o.value("lastMessage").toObject());
    r.lastSeq = o.value("lastSeq").toInteger();
    r.unreadCount = o.value("unreadCount").toInteger();
    r.yourReadSeq = o.value("yourReadSeq").toInteger();
    r.otherReadSeq = o.value("otherReadSeq").toInteger();
    r.blockedByYou = o.value("blockedByYou").toBool();
    r.blockedYou = o.value("blockedYou").toBool();
    r.createdAtMs = timeOf(o.value("createdAt"));
    r.updatedAtMs = timeOf(o.value("updatedAt"));
    return r;
}

QJsonObject AuthSession::toJson() const {
    return QJsonObject{{"user", user.toJson(true)},
                       {"accessToken", accessToken},
                       {"refreshToken", refreshToken},
                       {"expiresIn", expiresIn}};
}

AuthSession AuthSession::fromJson(const QJsonObject& o) {
    return AuthSession{User::fromJson(o.value("user").toObject()),
                       o.value("accessToken").toString(), o.value("refreshToken").toString(),
                       o.value("expiresIn").toInt()};
}

} // namespace bitmarket
