#include "notifications/NotificationText.h"

#include "bitmarket/NotificationRules.h"

namespace bitmarket::server::notifications {

namespace {

struct Text {
    QString title;
    QString body;
};

Money moneyIn(const QJsonObject& data, const char* key) {
    const QJsonObject o = data.value(QLatin1String(key)).toObject();
    return Money{o.value("amount").toInteger(), o.value("currency").toString("KRW")};
}

Text keywordMatch(const QJsonObject& d, bool korean) {
    const QString keyword = d.value("keyword").toString();
    const QString title = d.value("listingTitle").toString();
    const QString price =
        NotificationText::money(moneyIn(d, "price"), korean ? Language::Korean : Language::English);
    if (korean)
        return {QStringLiteral("‘%1’ 새 매물").arg(keyword), QStringLiteral("%1 · %2").arg(title, price)};
    return {QStringLiteral("New listing for ‘%1’").arg(keyword),
            QStringLiteral("%1 · %2").arg(title, price)};
}

Text priceDrop(const QJsonObject& d, int count, bool korean) {
    const Language language = korean ? Language::Korean : Language::English;
    const QString title = d.value("listingTitle").toString();
    const QString now = NotificationText::money(moneyIn(d, "newPrice"), language);
    const QString before = NotificationText::money(moneyIn(d, "oldPrice"), language);
    if (korean)
        return {count > 1 ? QStringLiteral("관심 상품 가격이 또 내렸어요")
                          : QStringLiteral("관심 상품 가격이 내렸어요"),
                QStringLiteral("%1: %2 → %3").arg(title, before, now)};
    return {count > 1 ? QStringLiteral("A favorite dropped its price again")
                      : QStringLiteral("A favorite dropped its price"),
            QStringLiteral("%1: %2 → %3").arg(title, before, now)};
}

Text modelReady(const QJsonObject& d, bool korean) {
    const QString title = d.value("listingTitle").toString();
    if (korean)
        return {QStringLiteral("3D 모델이 완성됐어요"),
                QStringLiteral("‘%1’에서 돌려 보세요.").arg(title)};
    return {QStringLiteral("Your 3D model is ready"),
            QStringLiteral("Spin it on ‘%1’.").arg(title)};
}

Text modelFailed(const QJsonObject& d, bool korean) {
    const QString title = d.value("listingTitle").toString();
    if (korean)
        return {QStringLiteral("3D 모델을 만들지 못했어요"),
                QStringLiteral("‘%1’: 여러 방향에서 찍은 사진을 더해 다시 시도해 보세요.").arg(title)};
    return {QStringLiteral("Your 3D model could not be made"),
            QStringLiteral("‘%1’: add photos from more sides and try again.").arg(title)};
}

Text auctionOutbid(const QJsonObject& d, bool korean) {
    const Language language = korean ? Language::Korean : Language::English;
    const QString title = d.value("listingTitle").toString();
    const QString price = NotificationText::money(moneyIn(d, "price"), language);
    const QString next = NotificationText::money(moneyIn(d, "minNextBid"), language);
    if (korean)
        return {QStringLiteral("다른 사람이 더 높게 입찰했어요"),
                QStringLiteral("‘%1’ 현재 %2 · %3부터 입찰할 수 있어요.").arg(title, price, next)};
    return {QStringLiteral("You were outbid"),
            QStringLiteral("‘%1’ is at %2 · bid %3 or more to lead.").arg(title, price, next)};
}

Text auctionEnd(const StoredNotification& n, bool korean) {
    const Language language = korean ? Language::Korean : Language::English;
    const QString title = n.data.value("listingTitle").toString();
    const QString price = NotificationText::money(moneyIn(n.data, "price"), language);
    if (n.type == notification::kAuctionWon)
        return korean ? Text{QStringLiteral("낙찰됐어요"),
                             QStringLiteral("‘%1’을(를) %2에 낙찰받았어요. 결제를 진행해 주세요.").arg(title, price)}
                      : Text{QStringLiteral("You won the auction"),
                             QStringLiteral("‘%1’ is yours for %2. Pay to complete the order.").arg(title, price)};
    if (n.type == notification::kAuctionSold)
        return korean ? Text{QStringLiteral("경매가 낙찰로 끝났어요"),
                             QStringLiteral("‘%1’이(가) %2에 팔렸어요.").arg(title, price)}
                      : Text{QStringLiteral("Your auction sold"),
                             QStringLiteral("‘%1’ sold for %2.").arg(title, price)};
    if (n.type == notification::kAuctionUnsold)
        return korean ? Text{QStringLiteral("경매가 유찰됐어요"),
                             QStringLiteral("‘%1’: 최저 낙찰가에 닿은 입찰이 없었어요.").arg(title)}
                      : Text{QStringLiteral("Your auction ended unsold"),
                             QStringLiteral("‘%1’: no bid reached your terms.").arg(title)};
    return korean ? Text{QStringLiteral("경매가 끝났어요"),
                         QStringLiteral("‘%1’은(는) 다른 사람에게 돌아갔어요.").arg(title)}
                  : Text{QStringLiteral("An auction you bid on ended"),
                         QStringLiteral("‘%1’ went to someone else.").arg(title)};
}

Text chatMessage(const StoredNotification& n, bool korean) {
    const QString sender = n.data.value("senderName").toString();
    const QString kind = n.data.value("kind").toString();
    QString body = n.data.value("text").toString();
    if (kind == u"image")
        body = korean ? QStringLiteral("사진을 보냈어요.") : QStringLiteral("Sent a photo.");
    else if (kind == u"appointment")
        body = korean ? QStringLiteral("약속을 제안했어요.") : QStringLiteral("Proposed a meet-up.");
    if (korean)
        return {n.count > 1 ? QStringLiteral("%1님의 새 메시지 %2개").arg(sender).arg(n.count)
                            : QStringLiteral("%1님의 새 메시지").arg(sender),
                body};
    return {n.count > 1 ? QStringLiteral("%1 new messages from %2").arg(n.count).arg(sender)
                        : QStringLiteral("New message from %1").arg(sender),
            body};
}

Text orderUpdated(const QJsonObject& d, bool korean) {
    const QString title = d.value("listingTitle").toString();
    const QString status = d.value("status").toString();
    struct Words {
        const char* status;
        QString english;
        QString korean;
    };
    const Words words[] = {
        {"awaiting_payment", QStringLiteral("‘%1’ was ordered; waiting for payment."),
         QStringLiteral("‘%1’ 주문이 들어왔어요. 결제를 기다리고 있어요.")},
        {"awaiting_meetup", QStringLiteral("‘%1’ was ordered; meet up to trade."),
         QStringLiteral("‘%1’ 주문이 들어왔어요. 만나서 거래해 주세요.")},
        {"paid", QStringLiteral("‘%1’ is paid; ship it."),
         QStringLiteral("‘%1’ 결제가 끝났어요. 상품을 보내 주세요.")},
        {"shipped", QStringLiteral("‘%1’ is on its way."),
         QStringLiteral("‘%1’ 상품이 발송됐어요.")},
        {"completed", QStringLiteral("‘%1’: the sale is complete."),
         QStringLiteral("‘%1’ 거래가 완료됐어요.")},
        {"cancelled", QStringLiteral("‘%1’: the order was cancelled."),
         QStringLiteral("‘%1’ 주문이 취소됐어요.")},
        {"refunded", QStringLiteral("‘%1’: the order was cancelled and refunded."),
         QStringLiteral("‘%1’ 주문이 취소되고 환불됐어요.")},
    };
    for (const Words& w : words)
        if (status == QLatin1String(w.status) && !d.value("oneSideConfirmed").toBool())
            return korean ? Text{QStringLiteral("주문 진행 상황"), w.korean.arg(title)}
                          : Text{QStringLiteral("Order update"), w.english.arg(title)};
    // In person, one side confirmed the meet-up and the other has yet to.
    return korean ? Text{QStringLiteral("주문 진행 상황"),
                         QStringLiteral("‘%1’ 상대방이 거래를 확인했어요.").arg(title)}
                  : Text{QStringLiteral("Order update"),
                         QStringLiteral("‘%1’: the other side confirmed the trade.").arg(title)};
}

Text textOf(const StoredNotification& n, bool korean) {
    if (n.type == notification::kOrderUpdated)
        return orderUpdated(n.data, korean);
    if (n.type == notification::kChatMessage)
        return chatMessage(n, korean);
    if (n.type == notification::kKeywordMatch)
        return keywordMatch(n.data, korean);
    if (n.type == notification::kPriceDrop)
        return priceDrop(n.data, n.count, korean);
    if (n.type == notification::kModelReady)
        return modelReady(n.data, korean);
    if (n.type == notification::kAuctionOutbid)
        return auctionOutbid(n.data, korean);
    if (n.type == notification::kAuctionWon || n.type == notification::kAuctionLost ||
        n.type == notification::kAuctionSold || n.type == notification::kAuctionUnsold)
        return auctionEnd(n, korean);
    return modelFailed(n.data, korean);
}

} // namespace

Notification NotificationText::render(const StoredNotification& stored, Language language) {
    const Text text = textOf(stored, language == Language::Korean);
    Notification n;
    n.id = stored.id;
    n.type = stored.type;
    n.title = text.title;
    n.body = text.body;
    n.data = stored.data;
    n.count = stored.count;
    n.createdAtMs = stored.createdAtMs;
    n.readAtMs = stored.readAtMs;
    return n;
}

QString NotificationText::money(const Money& money, Language language) {
    const QString amount = money.digitsText();
    if (money.currency == u"KRW")
        return language == Language::Korean ? amount + QStringLiteral("원")
                                            : QStringLiteral("₩") + amount;
    return amount + u' ' + money.currency;
}

} // namespace bitmarket::server::notifications
