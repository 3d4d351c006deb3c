#include "format/MoneyFormat.h"

#include <cmath>

namespace MoneyFormat {

namespace {
QString symbolOf(const QString& currency) {
    if (currency == QLatin1String("KRW"))
        return QStringLiteral("₩");
    if (currency == QLatin1String("USD"))
        return QStringLiteral("$");
    if (currency == QLatin1String("EUR"))
        return QStringLiteral("€");
    if (currency == QLatin1String("JPY"))
        return QStringLiteral("¥");
    if (currency == QLatin1String("GBP"))
        return QStringLiteral("£");
    return currency + QLatin1Char(' ');
}
} // namespace

QString amountText(const bitmarket::Money& money, const QLocale& locale) {
    const int digits = bitmarket::Money::minorDigits(money.currency);
    const double value = static_cast<double>(money.amount) / std::pow(10.0, digits);
    return locale.toString(value, 'f', digits);
}

QString format(const bitmarket::Money& money, const QLocale& locale) {
    const QString number = amountText(money, locale);
    if (money.currency == QLatin1String("KRW") && locale.language() == QLocale::Korean)
        return number + QStringLiteral("원");
    return symbolOf(money.currency) + number;
}

qint64 parse(const QString& text, const QString& currency) {
    QString cleaned;
    for (QChar c : text) {
        if (c.isDigit() || c == QLatin1Char('.'))
            cleaned.append(c);
        else if (c != QLatin1Char(',') && !c.isSpace())
            return -1;
    }
    if (cleaned.isEmpty())
        return -1;
    const int digits = bitmarket::Money::minorDigits(currency);
    const qsizetype dot = cleaned.indexOf(QLatin1Char('.'));
    const QString whole = dot < 0 ? cleaned : cleaned.left(dot);
    QString fraction = dot < 0 ? QString() : cleaned.mid(dot + 1);
    if (fraction.contains(QLatin1Char('.')) || fraction.size() > digits)
        return -1;
    fraction = fraction.leftJustified(digits, QLatin1Char('0'));
    bool ok = false;
    const qint64 amount = (QStringLiteral("0") + whole + fraction).toLongLong(&ok);
    return ok ? amount : -1;
}

} // namespace MoneyFormat
