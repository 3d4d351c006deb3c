// The shared API types and their JSON (shared/bitmarket): every type survives
// a round trip, optional parts appear only when set, Money is validated, and
// cursors decode only what encode produced.
#include "bitmarket/ApiError.h"
#include "bitmarket/ApiTypes.h"
#include "bitmarket/Cursor.h"
#include "bitmarket/Ids.h"
#include "bitmarket/JsonFields.h"
#include "bitmarket/Money.h"
#include "bitmarket/Timestamp.h"

#include <QJsonDocument>
#include <QSet>
#include <QTest>

using namespace bitmarket;

namespace {
// Through text and back, as the wire does.
QJsonObject overTheWire(const QJsonObject& o) {
    return QJsonDocument::fromJson(QJsonDocument(o).toJson(QJsonDocument::Compact)).object();
}

constexpr qint64 kT1 = 1'763'700'000'123; // 2025-11-21 with milliseconds
constexpr qint64 kT2 = 1'763'786'400'456;

Listing fullListing() {
    Listing l;
    l.id = "l_abc";
    l.title = QStringLiteral("아이폰 13 미니");
    l.description = QStringLiteral("Line one\nLine \"two\" ✓");
    l.categoryId = "phones";
    l.price = Money{450'000, "KRW"};
    l.condition = "like_new";
    l.tags = {"apple", QStringLiteral("미니")};
    l.region = QStringLiteral("서울");
    l.saleType = "auction";
    l.status = "active";
    l.sellerId = "u_seller";
    l.createdAtMs = kT1;
    l.updatedAtMs = kT2;
    l.thumbUrl = "/media/ab/ab_320.jpg";
    Auction a;
    a.startPrice = Money{400'000, "KRW"};
    a.minIncrement = Money{5'000, "KRW"};
    a.buyNowPrice = Money{600'000, "KRW"};
    a.reservePrice = Money{450'000, "KRW"};
    a.endsAtMs = kT2 + 3'600'000;
    a.currentPrice = Money{455'000, "KRW"};
    a.bidCount = 4;
    a.bidderCount = 3;
    a.leaderId = "u_leader";
    a.minNextBid = Money{460'000, "KRW"};
    a.reserveMet = true;
    a.extended = true;
    a.yourMax = Money{470'000, "KRW"};
    l.auction = a;
    l.favoriteCount = 7;
    l.viewCount = 1234;
    l.hasModel = true;
    l.photos = {Photo{"p_1", "/media/ab/1.jpg", "/media/ab/1_320.jpg", 1200, 1600},
                Photo{"p_2", "/media/cd/2.jpg", "/media/cd/2_320.jpg", 2048, 1536}};
    l.model = ModelInfo{"done", "/media/ef/m.glb", "/media/ef/m.png", "approximate", 5000, "j_1", {}};
    l.seller = SellerSummary{"u_seller", "seller", QStringLiteral("판매자")};
    l.isFavorite = true;
    return l;
}

void compareListings(const Listing& a, const Listing& b) {
    QCOMPARE(a.id, b.id);
    QCOMPARE(a.title, b.title);
    QCOMPARE(a.description, b.description);
    QCOMPARE(a.categoryId, b.categoryId);
    QCOMPARE(a.price, b.price);
    QCOMPARE(a.condition, b.condition);
    QCOMPARE(a.tags, b.tags);
    QCOMPARE(a.region, b.region);
    QCOMPARE(a.saleType, b.saleType);
    QCOMPARE(a.status, b.status);
    QCOMPARE(a.sellerId, b.sellerId);
    QCOMPARE(a.createdAtMs, b.createdAtMs);
    QCOMPARE(a.updatedAtMs, b.updatedAtMs);
    QCOMPARE(a.thumbUrl, b.thumbUrl);
    QCOMPARE(a.favoriteCount, b.favoriteCount);
    QCOMPARE(a.viewCount, b.viewCount);
    QCOMPARE(a.hasModel, b.hasModel);
    QCOMPARE(a.auction.has_value(), b.auction.has_value());
    if (a.auction) {
        QCOMPARE(a.auction->startPrice, b.auction->startPrice);
        QCOMPARE(a.auction->minIncrement, b.auction->minIncrement);
        QCOMPARE(a.auction->buyNowPrice, b.auction->buyNowPrice);
        QCOMPARE(a.auction->reservePrice, b.auction->reservePrice);
        QCOMPARE(a.auction->endsAtMs, b.auction->endsAtMs);
        QCOMPARE(a.auction->state, b.auction->state);
        QCOMPARE(a.auction->currentPrice, b.auction->currentPrice);
        QCOMPARE(a.auction->bidCount, b.auction->bidCount);
        QCOMPARE(a.auction->bidderCount, b.auction->bidderCount);
        QCOMPARE(a.auction->leaderId, b.auction->leaderId);
        QCOMPARE(a.auction->minNextBid, b.auction->minNextBid);
        QCOMPARE(a.auction->reserveMet, b.auction->reserveMet);
        QCOMPARE(a.auction->extended, b.auction->extended);
        QCOMPARE(a.auction->yourMax, b.auction->yourMax);
    }
    QCOMPARE(a.photos.size(), b.photos.size());
    for (int i = 0; i < a.photos.size(); ++i)
        QCOMPARE(a.photos[i].toJson(), b.photos[i].toJson());
    QCOMPARE(a.model.has_value(), b.model.has_value());
    if (a.model)
        QCOMPARE(a.model->toJson(), b.model->toJson());
    QCOMPARE(a.seller.has_value(), b.seller.has_value());
    if (a.seller)
        QCOMPARE(a.seller->toJson(), b.seller->toJson());
    QCOMPARE(a.isFavorite, b.isFavorite);
}
} // namespace

class SharedTypesTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void userRoundTripAndPrivacy() {
        const User u{"u_1", "alice", "alice@example.com", QStringLiteral("앨리스"), kT1};
        const QJsonObject mine = overTheWire(u.toJson(true));
        QCOMPARE(mine.value("email").toString(), u.email);
        QCOMPARE(mine.value("createdAt").toString(), QStringLiteral("2025-11-21T04:40:00.123Z"));
        const User back = User::fromJson(mine);
        QCOMPARE(back.id, u.id);
        QCOMPARE(back.username, u.username);
        QCOMPARE(back.email, u.email);
        QCOMPARE(back.displayName, u.displayName);
        QCOMPARE(back.createdAtMs, u.createdAtMs);
        // Others never see the email.
        QVERIFY(!u.toJson(false).contains("email"));
    }

    void authSessionRoundTrip() {
        const AuthSession s{User{"u_1", "bob", "bob@example.com", "Bob", kT1}, "a.b.c", "refresh", 900};
        const QJsonObject o = overTheWire(s.toJson());
        QCOMPARE(o.value("expiresIn").toInt(), 900);
        QVERIFY(o.value("user").toObject().contains("email"));
        const AuthSession back = AuthSession::fromJson(o);
        QCOMPARE(back.accessToken, s.accessToken);
        QCOMPARE(back.refreshToken, s.refreshToken);
        QCOMPARE(back.expiresIn, s.expiresIn);
        QCOMPARE(back.user.email, s.user.email);
    }

    void smallTypesRoundTrip() {
        const SellerSummary seller{"u_1", "carol", "Carol"};
        QCOMPARE(SellerSummary::fromJson(overTheWire(seller.toJson())).toJson(), seller.toJson());
        const Photo photo{"p_1", "/media/a.jpg", "/media/a_320.jpg", 1200, 1600};
        QCOMPARE(Photo::fromJson(overTheWire(photo.toJson())).toJson(), photo.toJson());

        const Category root{"electronics", "Electronics", {}};
        const QJsonObject rootJson = overTheWire(root.toJson());
        QVERIFY(rootJson.contains("parentId"));
        QVERIFY(rootJson.value("parentId").isNull());
        QCOMPARE(Category::fromJson(rootJson).parentId, QString());
        const Category child{"phones", "Phones", "electronics"};
        QCOMPARE(Category::fromJson(overTheWire(child.toJson())).parentId, QStringLiteral("electronics"));
    }

    void modelInfoAndJobRoundTrip() {
        const ModelInfo none{"none", {}, {}, {}, 0, {}, {}};
        QCOMPARE(overTheWire(none.toJson()), (QJsonObject{{"status", "none"}}));
        const ModelInfo done{"done", "/m.glb", "/m.png", "full", 123456, "j_1", {}};
        const QJsonObject doneJson = overTheWire(done.toJson());
        QCOMPARE(doneJson.value("triangles").toInteger(), 123456);
        QCOMPARE(ModelInfo::fromJson(doneJson).toJson(), done.toJson());
        const ModelInfo failed{"failed", {}, {}, {}, 0, "j_2", "too few photos"};
        QCOMPARE(ModelInfo::fromJson(overTheWire(failed.toJson())).error, QStringLiteral("too few photos"));

        Job j;
        j.id = "j_1";
        j.kind = "model";
        j.status = "running";
        j.progress = 0.375;
        j.stage = "depth";
        j.listingId = "l_1";
        j.attempts = 2;
        j.createdAtMs = kT1;
        j.updatedAtMs = kT2;
        const Job back = Job::fromJson(overTheWire(j.toJson()));
        QCOMPARE(back.toJson(), j.toJson());
        QCOMPARE(back.progress, 0.375);
        QCOMPARE(back.updatedAtMs, kT2);
        QVERIFY(!j.toJson().contains("error"));
    }

    void chatTypesRoundTrip() {
        ChatMessage card;
        card.id = "cm_1";
        card.chatId = "ch_1";
        card.seq = 7;
        card.senderId = "u_1";
        card.kind = "appointment";
        card.appointment = Appointment{kT2, QStringLiteral("홍대입구역 2번 출구"), "accepted"};
        card.clientId = "c-7";
        card.createdAtMs = kT1;
        const QJsonObject cardJson = overTheWire(card.toJson());
        QCOMPARE(cardJson.value("appointment").toObject().value("place").toString(), QStringLiteral("홍대입구역 2번 출구"));
        QVERIFY(!cardJson.contains("text") && !cardJson.contains("image") && !cardJson.contains("system"));
        QCOMPARE(ChatMessage::fromJson(cardJson).toJson(), card.toJson());

        ChatMessage system;
        system.id = "cm_2";
        system.chatId = "ch_1";
        system.seq = 8;
        system.kind = "system";
        system.system = QJsonObject{{"event", "listing_sold"}};
        system.createdAtMs = kT2;
        const QJsonObject systemJson = overTheWire(system.toJson());
        QVERIFY(systemJson.value("senderId").isNull());
        QVERIFY(!systemJson.contains("clientId"));

        ChatRoom room;
        room.id = "ch_1";
        room.listing = ChatRoom::ListingPart{"l_1", "Desk", {}, Money{70'000, "KRW"}, "sold"};
        room.buyerId = "u_1";
        room.sellerId = "u_2";
        room.counterpartId = "u_2";
        room.counterpartName = QStringLiteral("판매자");
        room.lastMessage = system;
        room.lastSeq = 8;
        room.unreadCount = 3;
        room.yourReadSeq = 5;
        room.otherReadSeq = 8;
        room.blockedYou = true;
        room.createdAtMs = kT1;
        room.updatedAtMs = kT2;
        const QJsonObject roomJson = overTheWire(room.toJson());
        QVERIFY(roomJson.value("listing").toObject().value("thumbUrl").isNull());
        QCOMPARE(ChatRoom::fromJson(roomJson).toJson(), room.toJson());
        room.lastMessage.reset();
        QVERIFY(overTheWire(room.toJson()).value("lastMessage").isNull());
    }

    void listingWithAuctionRoundTrip() {
        const Listing l = fullListing();
        const QJsonObject o = overTheWire(l.toJson());
        QCOMPARE(o.value("price").toObject(), (QJsonObject{{"amount", 450000}, {"currency", "KRW"}}));
        QCOMPARE(o.value("auction").toObject().value("buyNowPrice").toObject().value("amount").toInteger(), 600000);
        QCOMPARE(o.value("photos").toArray().size(), 2);
        QCOMPARE(o.value("isFavorite").toBool(), true);
        QCOMPARE(o.value("seller").toObject().value("displayName").toString(), QStringLiteral("판매자"));
        compareListings(Listing::fromJson(o), l);
    }

    void listingSummaryOmitsDetailParts() {
        Listing l = fullListing();
        l.photos.clear();
        l.model.reset();
        l.seller.reset();
        l.isFavorite.reset();
        l.thumbUrl.clear();
        l.auction->buyNowPrice.reset();
        l.auction->reservePrice.reset();
        l.saleType = "fixed";
        l.auction.reset();
        const QJsonObject o = overTheWire(l.toJson());
        for (const char* key : {"photos", "model", "seller", "isFavorite", "auction"})
            QVERIFY2(!o.contains(key), key);
        QVERIFY(o.contains("thumbUrl"));
        QVERIFY(o.value("thumbUrl").isNull());
        compareListings(Listing::fromJson(o), l);
    }

    void auctionWithoutOptionalPrices() {
        Auction a;
        a.startPrice = Money{1000, "USD"};
        a.minIncrement = Money{50, "USD"};
        a.endsAtMs = kT2;
        const QJsonObject o = overTheWire(a.toJson());
        QVERIFY(!o.contains("buyNowPrice"));
        QVERIFY(!o.contains("reservePrice"));
        const Auction back = Auction::fromJson(o);
        QVERIFY(!back.buyNowPrice);
        QVERIFY(!back.reservePrice);
        QCOMPARE(back.startPrice, a.startPrice);
        QCOMPARE(back.endsAtMs, kT2);
    }

    void moneyAcceptsValidAmounts() {
        auto m = Money::fromJson(QJsonObject{{"amount", 150000}, {"currency", "KRW"}}, "price");
        QVERIFY(m.ok());
        QCOMPARE(m.value(), (Money{150000, "KRW"}));
        m = Money::fromJson(QJsonObject{{"amount", 0}}, "price");
        QVERIFY(m.ok());
        QCOMPARE(m->currency, QStringLiteral("KRW")); // the default
        m = Money::fromJson(QJsonObject{{"amount", 1'000'000'000'000LL}, {"currency", "USD"}}, "price");
        QVERIFY(m.ok());
        QCOMPARE(Money::fromJson(Money{1999, "EUR"}.toJson(), "x").value(), (Money{1999, "EUR"}));
        QCOMPARE(Money::minorDigits("KRW"), 0);
        QCOMPARE(Money::minorDigits("JPY"), 0);
        QCOMPARE(Money::minorDigits("USD"), 2);
        QVERIFY(Money::isKnownCurrency("KRW"));
        QVERIFY(!Money::isKnownCurrency("krw"));
        QVERIFY(!Money::isKnownCurrency("XYZ"));
    }

    void moneyRejectsBadShapes_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("field");
        QTest::newRow("number") << QByteArray("1000") << "price";
        QTest::newRow("string") << QByteArray(R"("1000")") << "price";
        QTest::newRow("null") << QByteArray("null") << "price";
        QTest::newRow("array") << QByteArray("[1000]") << "price";
        QTest::newRow("amount missing") << QByteArray(R"({"currency":"KRW"})") << "price.amount";
        QTest::newRow("amount string") << QByteArray(R"({"amount":"1000"})") << "price.amount";
        QTest::newRow("amount fractional") << QByteArray(R"({"amount":10.5})") << "price.amount";
        QTest::newRow("amount negative") << QByteArray(R"({"amount":-1})") << "price.amount";
        QTest::newRow("amount huge") << QByteArray(R"({"amount":1e13})") << "price.amount";
        QTest::newRow("amount bool") << QByteArray(R"({"amount":true})") << "price.amount";
        QTest::newRow("currency unknown") << QByteArray(R"({"amount":1,"currency":"XYZ"})") << "price.currency";
        QTest::newRow("currency lower case") << QByteArray(R"({"amount":1,"currency":"krw"})") << "price.currency";
        QTest::newRow("currency number") << QByteArray(R"({"amount":1,"currency":410})") << "price.currency";
        QTest::newRow("currency null") << QByteArray(R"({"amount":1,"currency":null})") << "price.currency";
    }

    void moneyRejectsBadShapes() {
        QFETCH(QByteArray, json);
        QFETCH(QString, field);
        const QJsonValue value =
            QJsonDocument::fromJson("{\"v\":" + json + "}").object().value("v");
        const auto m = Money::fromJson(value, "price");
        QVERIFY(!m.ok());
        QCOMPARE(m.error().code, ErrorCode::ValidationFailed);
        QCOMPARE(m.error().field, field);
        QVERIFY(!m.error().message.isEmpty());
    }

    void cursorRoundTrip() {
        const Cursor c{"price_asc", QJsonArray{150000, 42}};
        const QString text = c.encode();
        QVERIFY(!text.contains('='));
        QVERIFY(!text.contains('+') && !text.contains('/'));
        const auto back = Cursor::decode(text);
        QVERIFY(back.has_value());
        QCOMPARE(back->sort, c.sort);
        QCOMPARE(back->keys, c.keys);
        // Large keys survive (millisecond timestamps, 64-bit sequence numbers).
        const Cursor big{"newest", QJsonArray{kT2, 9'007'199'254'740'000LL}};
        QCOMPARE(Cursor::decode(big.encode())->keys, big.keys);
    }

    void cursorRejectsGarbage_data() {
        QTest::addColumn<QString>("text");
        const auto b64 = [](const QByteArray& s) {
            return QString::fromLatin1(s.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
        };
        QTest::newRow("empty") << QString();
        QTest::newRow("not base64") << "!!!***";
        QTest::newRow("spaces") << "abc def";
        QTest::newRow("base64 of text") << b64("hello world");
        QTest::newRow("json array") << b64("[1,2]");
        QTest::newRow("sort missing") << b64(R"({"k":[1,2]})");
        QTest::newRow("sort not string") << b64(R"({"s":1,"k":[1,2]})");
        QTest::newRow("keys missing") << b64(R"({"s":"newest"})");
        QTest::newRow("keys not array") << b64(R"({"s":"newest","k":"1,2"})");
        QTest::newRow("keys empty") << b64(R"({"s":"newest","k":[]})");
        QTest::newRow("too long") << QString(2000, u'A');
        QTest::newRow("non-latin") << QStringLiteral("커서");
    }

    void cursorRejectsGarbage() {
        QFETCH(QString, text);
        QVERIFY(!Cursor::decode(text).has_value());
    }

    void timestamps() {
        QCOMPARE(toRfc3339(kT1), QStringLiteral("2025-11-21T04:40:00.123Z"));
        QCOMPARE(fromRfc3339(toRfc3339(kT1)), std::optional<qint64>(kT1));
        QCOMPARE(fromRfc3339("2025-11-21T13:40:00.123+09:00"), std::optional<qint64>(kT1));
        QCOMPARE(fromRfc3339("2025-11-21T04:40:00Z"), std::optional<qint64>(kT1 - 123));
        QVERIFY(!fromRfc3339("2025-11-21T04:40:00").has_value()); // no offset: ambiguous
        QVERIFY(!fromRfc3339("yesterday").has_value());
        QVERIFY(!fromRfc3339("").has_value());
        QVERIFY(qAbs(nowMs() - QDateTime::currentMSecsSinceEpoch()) < 1000);
    }

    void apiErrorsMapToStatusesAndJson_data() {
        QTest::addColumn<int>("code");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("name");
        QTest::newRow("validation") << int(ErrorCode::ValidationFailed) << 400 << "validation_failed";
        QTest::newRow("unauthorized") << int(ErrorCode::Unauthorized) << 401 << "unauthorized";
        QTest::newRow("forbidden") << int(ErrorCode::Forbidden) << 403 << "forbidden";
        QTest::newRow("not found") << int(ErrorCode::NotFound) << 404 << "not_found";
        QTest::newRow("conflict") << int(ErrorCode::Conflict) << 409 << "conflict";
        QTest::newRow("too large") << int(ErrorCode::PayloadTooLarge) << 413 << "payload_too_large";
        QTest::newRow("media type") << int(ErrorCode::UnsupportedMediaType) << 415 << "unsupported_media_type";
        QTest::newRow("rate limited") << int(ErrorCode::RateLimited) << 429 << "rate_limited";
        QTest::newRow("internal") << int(ErrorCode::Internal) << 500 << "internal";
    }

    void apiErrorsMapToStatusesAndJson() {
        QFETCH(int, code);
        QFETCH(int, status);
        QFETCH(QString, name);
        const ApiError e{static_cast<ErrorCode>(code), "Something", "field.x"};
        QCOMPARE(e.httpStatus(), status);
        QCOMPARE(e.codeName(), name);
        const QJsonObject o = overTheWire(e.toJson());
        QCOMPARE(o.value("error").toObject().value("code").toString(), name);
        QCOMPARE(o.value("error").toObject().value("message").toString(), QStringLiteral("Something"));
        QCOMPARE(o.value("error").toObject().value("field").toString(), QStringLiteral("field.x"));
        const ApiError back = ApiError::fromJson(o, status);
        QCOMPARE(int(back.code), code);
        QCOMPARE(back.field, e.field);
        // An unknown code name falls back on the status.
        QCOMPARE(int(ApiError::fromJson(QJsonObject{{"error", QJsonObject{{"code", "weird"}}}}, status).code), code);
    }

    void errorWithoutFieldOmitsIt() {
        QVERIFY(!ApiError::notFound().toJson().value("error").toObject().contains("field"));
        QCOMPARE(ApiError::rateLimited(30).retryAfterSeconds, 30);
        QCOMPARE(int(ApiError::fromJson(QJsonObject{}, 502).code), int(ErrorCode::Internal));
    }

    void idsAreOpaqueUniqueAndUrlSafe() {
        QSet<QString> seen;
        for (int i = 0; i < 1000; ++i) {
            const QString id = newId("l");
            QVERIFY(id.startsWith("l_"));
            QVERIFY(looksLikeId(id));
            QCOMPARE(QUrl::toPercentEncoding(id), id.toLatin1());
            seen.insert(id);
        }
        QCOMPARE(seen.size(), 1000);
        QVERIFY(!looksLikeId("a"));
        QVERIFY(!looksLikeId("../etc/passwd"));
        QVERIFY(!looksLikeId("l_ab cd"));
        QVERIFY(!looksLikeId(QStringLiteral("l_가나다")));
        QVERIFY(!looksLikeId(QString(65, u'a')));
    }

    void orderedIdsSortByTimeAndStayUnique() {
        QSet<QString> seen;
        QString previous;
        const qint64 start = 1'796'000'000'000; // December 2026
        for (qint64 i = 0; i < 2000; ++i) {
            // Two ids a millisecond: the time orders them across milliseconds, never inside one.
            const QString id = newOrderedId("cm", start + i / 2);
            QVERIFY(id.startsWith("cm_"));
            QCOMPARE(id.size(), 19);
            QVERIFY(looksLikeId(id));
            QCOMPARE(QUrl::toPercentEncoding(id), id.toLatin1());
            if (i % 2 == 0 && !previous.isEmpty())
                QVERIFY2(previous < id, qPrintable(previous + " !< " + id));
            previous = id;
            seen.insert(id);
        }
        QCOMPARE(seen.size(), 2000);
        // A later time sorts after, whatever the random part says.
        QVERIFY(newOrderedId("n", start) < newOrderedId("n", start + 1));
        QVERIFY(newOrderedId("n", start + 63) < newOrderedId("n", start + 64));
    }

    void jsonFieldHelpers() {
        const QJsonObject o{{"s", "  padded  "}, {"n", 5}, {"b", true}, {"list", QJsonArray{"a", "a", " b "}}};
        QCOMPARE(json::requireString(o, "s", 1, 10).value(), QStringLiteral("padded"));
        QCOMPARE(json::requireString(o, "n", 1, 10).error().field, QStringLiteral("n"));
        QCOMPARE(json::requireString(o, "missing", 1, 10).error().field, QStringLiteral("missing"));
        QVERIFY(!json::requireString(o, "s", 7, 10).ok());
        QVERIFY(!json::optionalString(o, "missing", 1, 10).value().has_value());
        QCOMPARE(json::requireInteger(o, "n", 0, 10).value(), 5);
        QVERIFY(!json::requireInteger(o, "n", 6, 10).ok());
        QVERIFY(!json::optionalBool(o, "n").ok());
        QCOMPARE(json::optionalBool(o, "b").value(), std::optional<bool>(true));
        QCOMPARE(json::stringList(o, "list", 5, 5).value(), (QStringList{"a", "b"}));
        QVERIFY(!json::stringList(o, "list", 1, 5).ok());
        QVERIFY(!json::requireEnum(o, "s", {"x", "y"}).ok());
        QVERIFY(!json::parseObject("[1]").ok());
        QVERIFY(!json::parseObject("{").ok());
        QVERIFY(json::parseObject("{}").ok());
    }
};

QTEST_GUILESS_MAIN(SharedTypesTest)
#include "SharedTypesTest.moc"
