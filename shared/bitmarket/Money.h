// An amount in the currency's minor unit plus its ISO 4217 code; never floating point.
#pragma once

#include "bitmarket/JsonWriter.h"
#include "bitmarket/Result.h"

#include <QJsonObject>
#include <QString>

namespace bitmarket {

struct Money {
    // A sanity bound: no listing costs more.
    static constexpr qint64 kMaxAmount = 1'000'000'000'000LL;

    qint64 amount = 0;
    QString currency = QStringLiteral("KRW");

    QJsonObject toJson() const;
    // The same JSON as toJson(), written straight to text.
    void writeJson(JsonWriter& w) const;
    // Validates shape, a non-negative amount and a known currency code.
    static Result<Money> fromJson(const QJsonValue& value, const QString& field);
    // Digits after the decimal point for a currency (KRW 0, USD 2, ...).
    static int minorDigits(const QString& currency);
    static bool isKnownCurrency(const QString& currency);
    // "10,500", "12.50": the amount with its thousands grouped and its minor digits.
    QString digitsText() const;
    // "10,500 KRW", "12.50 USD": the same in every language, for messages that name an amount.
    QString plainText() const;

    friend bool operator==(const Money&, const Money&) = default;
};

} // namespace bitmarket
