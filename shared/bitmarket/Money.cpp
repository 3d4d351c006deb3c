#include "bitmarket/Money.h"

#include <QJsonValue>

namespace bitmarket {

namespace {
struct CurrencyInfo {
    const char* code;
    int digits;
};
constexpr CurrencyInfo kCurrencies[] = {
    {"KRW", 0}, {"JPY", 0}, {"USD", 2}, {"EUR", 2}, {"GBP", 2},
};
} // namespace

QJsonObject Money::toJson() const {
    return QJsonObject{{"amount", amount}, {"currency", currency}};
}

void Money::writeJson(JsonWriter& w) const {
    w.beginObject().key("amount").integer(amount).key("currency").string(currency).endObject();
}

bool Money::isKnownCurrency(const QString& currency) {
    for (const auto& c : kCurrencies) {
        if (currency == QLatin1String(c.code))
            return true;
    }
    return false;
}

int Money::minorDigits(const QString& currency) {
    for (const auto& c : kCurrencies) {
        if (currency == QLatin1String(c.code))
            return c.digits;
    }
    return 2;
}

Result<Money> Money::fromJson(const QJsonValue& value, const QString& field) {
    if (!value.isObject())
        return ApiError::validation(QStringLiteral("Must be an object {amount, currency}."), field);
    const QJsonObject o = value.toObject();
    const QJsonValue amount = o.value("amount");
    if (!amount.isDouble() || amount.toDouble() != static_cast<double>(amount.toInteger()))
        return ApiError::validation(QStringLiteral("Amount must be a whole number of minor units."),
                                    field + QStringLiteral(".amount"));
    Money m;
    m.amount = amount.toInteger();
    if (m.amount < 0 || m.amount > kMaxAmount)
        return ApiError::validation(QStringLiteral("Amount is out of range."),
                                    field + QStringLiteral(".amount"));
    const QJsonValue currency = o.value("currency");
    if (!currency.isUndefined()) {
        if (!currency.isString() || !isKnownCurrency(currency.toString()))
            return ApiError::validation(QStringLiteral("Unknown currency."),
                                        field + QStringLiteral(".currency"));
        m.currency = currency.toString();
    }
    return m;
}

QString Money::digitsText() const {
    const int digits = minorDigits(currency);
    qint64 scale = 1;
    for (int i = 0; i < digits; ++i)
        scale *= 10;
    const QString whole = QString::number(amount / scale);
    QString grouped;
    for (qsizetype i = 0; i < whole.size(); ++i) {
        if (i > 0 && (whole.size() - i) % 3 == 0)
            grouped.append(u',');
        grouped.append(whole[i]);
    }
    if (digits > 0)
        grouped += u'.' + QString::number(amount % scale).rightJustified(digits, u'0');
    return grouped;
}

QString Money::plainText() const {
    return digitsText() + u' ' + currency;
}

} // namespace bitmarket
