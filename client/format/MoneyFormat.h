// Prices as people in the market read them: "150,000원" in Korean, "₩150,000"
// in English, and the right number of decimals for each currency.
#pragma once

#include "bitmarket/Money.h"

#include <QLocale>
#include <QString>

namespace MoneyFormat {

QString format(const bitmarket::Money& money, const QLocale& locale = QLocale());
// The number alone, grouped as a seller types it into a price field ("150,000").
QString amountText(const bitmarket::Money& money, const QLocale& locale = QLocale());
// Parses what a seller typed ("150,000", "12.50") into minor units; -1 if it is not a price.
qint64 parse(const QString& text, const QString& currency);

} // namespace MoneyFormat
