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

QString grouped(const QString& digits) {
    QString out;
    for (int i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0)
            out.append(u',');
        out.append(digits[i]);
    }
    return out;
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

Text textOf(const StoredNotification& n, bool korean) {
    if (n.type == notification::kKeywordMatch)
        return keywordMatch(n.data, korean);
    if (n.type == notification::kPriceDrop)
        return priceDrop(n.data, n.count, korean);
    if (n.type == notification::kModelReady)
        return modelReady(n.data, korean);
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
    const int digits = Money::minorDigits(money.currency);
    qint64 scale = 1;
    for (int i = 0; i < digits; ++i)
        scale *= 10;
    QString amount = grouped(QString::number(money.amount / scale));
    if (digits > 0)
        amount += u'.' + QString::number(money.amount % scale).rightJustified(digits, u'0');
    if (money.currency == u"KRW")
        return language == Language::Korean ? amount + QStringLiteral("원")
                                            : QStringLiteral("₩") + amount;
    return amount + u' ' + money.currency;
}

} // namespace bitmarket::server::notifications
