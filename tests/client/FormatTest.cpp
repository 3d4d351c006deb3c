// How prices and ages read in the two UI languages.
#include "format/MoneyFormat.h"
#include "format/RelativeTime.h"

#include <QTest>
#include <QTranslator>

class FormatTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        // The English plural forms ("1 hour", "2 days") come from the English translation.
        QVERIFY(m_english.load(":/i18n/bitmarket_en.qm"));
        QCoreApplication::installTranslator(&m_english);
    }

    void pricesPerCurrencyAndLanguage() {
        const QLocale en(QLocale::English, QLocale::UnitedStates);
        const QLocale ko(QLocale::Korean, QLocale::SouthKorea);
        QCOMPARE(MoneyFormat::format({150000, "KRW"}, en), QString::fromUtf8("₩150,000"));
        QCOMPARE(MoneyFormat::format({150000, "KRW"}, ko), QString::fromUtf8("150,000원"));
        QCOMPARE(MoneyFormat::format({1250, "USD"}, en), QString("$12.50"));
    }

    void typedPricesBecomeMinorUnits() {
        QCOMPARE(MoneyFormat::parse("25,000", "KRW"), 25000);
        QCOMPARE(MoneyFormat::parse(" 12.5 ", "USD"), 1250);
        QCOMPARE(MoneyFormat::parse("12.345", "USD"), -1);
        QCOMPARE(MoneyFormat::parse("abc", "KRW"), -1);
        QCOMPARE(MoneyFormat::parse("", "KRW"), -1);
    }

    void ages() {
        const qint64 now = 1'700'000'000'000;
        QCOMPARE(RelativeTime::since(now - 5'000, now), QString("just now"));
        QCOMPARE(RelativeTime::since(now - 3 * 60'000, now), QString("3 minutes ago"));
        QCOMPARE(RelativeTime::since(now - 3600'000, now), QString("1 hour ago"));
        QCOMPARE(RelativeTime::since(now - 2 * 86400'000LL, now), QString("2 days ago"));
        QVERIFY(RelativeTime::since(0, now).isEmpty());
    }

private:
    QTranslator m_english;
};

QTEST_GUILESS_MAIN(FormatTest)
#include "FormatTest.moc"
