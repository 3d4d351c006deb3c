// The fast JSON writer (shared/bitmarket/JsonWriter) and the listing JSON it
// writes: byte for byte what the QJsonObject form serialises to, for listings
// with unicode, quotes, control characters, big numbers and missing optional
// parts, and valid JSON (RFC 8259) for any string, even broken UTF-8.
#include "bitmarket/ApiTypes.h"
#include "bitmarket/JsonWriter.h"
#include "bitmarket/Timestamp.h"

#include <QJsonDocument>
#include <QTest>

#include <limits>

using namespace bitmarket;

Q_DECLARE_METATYPE(bitmarket::Listing)

namespace {

QByteArray viaQJson(const Listing& l) {
    return QJsonDocument(l.toJson()).toJson(QJsonDocument::Compact);
}

QByteArray viaWriter(const Listing& l) {
    std::string out;
    JsonWriter w(out);
    l.writeJson(w);
    return QByteArray::fromStdString(out);
}

QByteArray written(const std::function<void(JsonWriter&)>& write) {
    std::string out;
    JsonWriter w(out);
    write(w);
    return QByteArray::fromStdString(out);
}

QByteArray quoted(const QByteArray& text) { return "\"" + text + "\""; }

Listing plainListing() {
    Listing l;
    l.id = "l_plain";
    l.title = "Desk chair";
    l.description = "Sturdy.";
    l.categoryId = "furniture";
    l.price = Money{25000, "KRW"};
    l.condition = "good";
    l.region = "Busan";
    l.saleType = "fixed";
    l.status = "active";
    l.sellerId = "u_1";
    l.createdAtMs = 1700000000000;
    l.updatedAtMs = 1700000000999;
    return l;
}

Listing everythingListing() {
    Listing l = plainListing();
    l.id = "l_everything";
    l.title = QStringLiteral("아이폰 13 미니 \"급처\" ✓ 😀");
    l.description = QStringLiteral("Line one\nLine\ttwo\r\\back\\slash\b\f") + QChar(0x01) +
                    QChar(0x1f) + QChar(0x7f) + QStringLiteral(" </script> é ß 日本");
    l.tags = {"apple", QStringLiteral("미니"), QStringLiteral("q\"uote"), QString()};
    l.price = Money{std::numeric_limits<qint64>::max(), "USD"};
    l.saleType = "auction";
    Auction a;
    a.startPrice = Money{1000000000000, "USD"};
    a.minIncrement = Money{1, "USD"};
    a.buyNowPrice = Money{9007199254740993LL, "USD"}; // above 2^53: no double may round it
    a.reservePrice = Money{0, "USD"};
    a.endsAtMs = 253402300799999; // 9999-12-31T23:59:59.999Z
    a.state = "ended";
    a.currentPrice = Money{1000000000001, "USD"};
    a.bidCount = 3;
    a.bidderCount = 2;
    a.leaderId = QStringLiteral("u_\"lead\"");
    a.minNextBid = Money{1000000000002, "USD"};
    a.reserveMet = true;
    a.extended = true;
    a.winnerId = "u_win";
    a.finalPrice = Money{1000000000001, "USD"};
    a.orderId = "ord_1";
    a.yourMax = Money{1000000000009, "USD"};
    l.auction = a;
    l.thumbUrl = "/media/ab/ab_320.jpg";
    l.favoriteCount = std::numeric_limits<qint64>::min();
    l.viewCount = 4294967296;
    l.hasModel = true;
    l.photos = {Photo{"p_1", "/media/a.jpg", "/media/a_320.jpg", 1200, 1600},
                Photo{"p_2", QStringLiteral("/media/ü.jpg"), "/media/b_320.jpg", 0, -1}};
    l.model = ModelInfo{"done", "/media/m.glb", "/media/m.png", "full", 50000, "j_1", {}};
    l.seller = SellerSummary{"u_1", "seller", QStringLiteral("판매자 \"별\"")};
    l.isFavorite = false;
    return l;
}

} // namespace

class JsonWriterTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void listingTextIsTheSameAsTheQJsonForm_data() {
        QTest::addColumn<Listing>("listing");
        QTest::newRow("every optional part missing") << plainListing();
        QTest::newRow("everything, with unicode, quotes and control characters")
            << everythingListing();

        Listing detailNoPhotos = plainListing();
        detailNoPhotos.seller = SellerSummary{"u_1", "", ""}; // a detail has photos: []
        detailNoPhotos.isFavorite = true;
        QTest::newRow("detail without photos") << detailNoPhotos;

        Listing failedModel = plainListing();
        failedModel.model = ModelInfo{"failed", {}, {}, {}, 0, "j_2", "Too few photos."};
        failedModel.createdAtMs = 0;
        failedModel.updatedAtMs = 951782400000; // 2000-02-29
        QTest::newRow("failed model, epoch and leap day") << failedModel;

        Listing auctionOnly = plainListing();
        auctionOnly.auction = Auction{Money{100, "KRW"}, Money{10, "KRW"}, true, {}, {}, 86399999};
        QTest::newRow("auction without buy-now or reserve") << auctionOnly;

        Listing loneSurrogate = plainListing();
        loneSurrogate.title = QStringLiteral("broken ") + QChar(0xD800) + QStringLiteral(" pair") +
                              QChar(0xDC00);
        QTest::newRow("lone surrogates") << loneSurrogate;

        Listing ancient = plainListing();
        ancient.createdAtMs = -62135596800001; // before year 1: Qt's own format
        ancient.updatedAtMs = 253402300800000; // year 10000
        QTest::newRow("timestamps beyond four-digit years") << ancient;
    }

    void listingTextIsTheSameAsTheQJsonForm() {
        QFETCH(Listing, listing);
        const QByteArray expected = viaQJson(listing);
        QCOMPARE(viaWriter(listing), expected);
        QJsonParseError error;
        QJsonDocument::fromJson(viaWriter(listing), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
    }

    void timestampsAreRfc3339InUtcWithMilliseconds() {
        for (const qint64 ms : {qint64(0), qint64(1), qint64(999), qint64(1763700000123),
                                qint64(-1), qint64(951868799999), qint64(4102444800000)}) {
            QCOMPARE(written([&](JsonWriter& w) { w.timestamp(ms); }),
                     quoted(toRfc3339(ms).toUtf8()));
        }
    }

    void stringsAreEscapedPerRfc8259() {
        QCOMPARE(written([](JsonWriter& w) { w.string(std::string_view("a\"b\\c/d")); }),
                 QByteArray("\"a\\\"b\\\\c/d\""));
        QCOMPARE(written([](JsonWriter& w) { w.string(std::string_view("\b\f\n\r\t", 5)); }),
                 QByteArray("\"\\b\\f\\n\\r\\t\""));
        QCOMPARE(written([](JsonWriter& w) { w.string(std::string_view("\x00\x01\x1f\x7f", 4)); }),
                 QByteArray("\"\\u0000\\u0001\\u001f\x7f\""));
        // Non-ASCII stays UTF-8, from UTF-8 and from UTF-16 alike.
        QCOMPARE(written([](JsonWriter& w) { w.string(std::string_view("한글 😀")); }),
                 QByteArray("\"한글 😀\""));
        QCOMPARE(written([](JsonWriter& w) { w.string(QStringLiteral("한글 😀")); }),
                 QByteArray("\"한글 😀\""));
    }

    void brokenUtf8BecomesReplacementCharacters() {
        // A lone continuation byte, a truncated sequence, an overlong '/', a surrogate, 0xFF.
        const std::string_view broken("a\x80 b\xE2\x82 c\xC0\xAF d\xED\xA0\x80 e\xFF");
        const QByteArray text = written([&](JsonWriter& w) { w.string(broken); });
        QVERIFY(QString::fromUtf8(text).toUtf8() == text); // valid UTF-8 throughout
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson("[" + text + "]", &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        const QString value = doc.array().at(0).toString();
        QVERIFY(value.startsWith(QStringLiteral("a\uFFFD b\uFFFD")));
        QVERIFY(value.endsWith(QStringLiteral("e\uFFFD")));
        // Exactly what QString::fromUtf8 makes of a lone bad byte.
        QCOMPARE(written([](JsonWriter& w) { w.string(std::string_view("x\xFFy")); }),
                 quoted(QString::fromUtf8("x\xFFy").toUtf8()));
    }

    void chatMessageTextIsTheSameAsTheQJsonForm() {
        ChatMessage text;
        text.id = "m_1";
        text.chatId = "c_1";
        text.seq = 7;
        text.senderId = "u_1";
        text.kind = "text";
        text.text = QStringLiteral("내일 3시 \"홍대\"\n좋아요 ") + QChar(0xD800);
        text.clientId = "client-1";
        text.createdAtMs = 1763700000123;
        ChatMessage card = text;
        card.kind = "appointment";
        card.text.clear();
        card.clientId.clear();
        card.appointment = Appointment{1763790000000, QStringLiteral("도서관 앞"), "accepted"};
        ChatMessage photo = card;
        photo.kind = "image";
        photo.appointment.reset();
        photo.image = Photo{"p_1", "/media/a.jpg", "/media/a_t.jpg", 640, 480};
        ChatMessage system = card;
        system.kind = "system";
        system.senderId.clear();
        system.appointment.reset();
        system.system = QJsonObject{{"event", "reserved"}, {"by", "u_2"}};
        for (const ChatMessage& m : {text, card, photo, system}) {
            const QByteArray viaWriter = written([&m](JsonWriter& w) { m.writeJson(w); });
            QCOMPARE(viaWriter, QJsonDocument(m.toJson()).toJson(QJsonDocument::Compact));
        }
    }

    void commasSeparateMembersAndElements() {
        const QByteArray text = written([](JsonWriter& w) {
            w.beginObject().key("a").beginArray().integer(1).boolean(true).null();
            w.beginObject().endObject().beginArray().endArray().endArray();
            w.key("b").integer(-2).key("c").string(std::string_view()).endObject();
        });
        QCOMPARE(text, QByteArray("{\"a\":[1,true,null,{},[]],\"b\":-2,\"c\":\"\"}"));
    }
};

QTEST_GUILESS_MAIN(JsonWriterTest)
#include "JsonWriterTest.moc"
