// Categories, listings, search and favorites over HTTP against the real
// server: validation of every field, owner-only changes, view counting,
// Korean substring search, filters, the five sorts, cursor pagination that
// stays stable while listings are added, and idempotent favorites.
#include "ApiTestSupport.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSet>
#include <QTest>
#include <QUrlQuery>

using namespace bitmarket::test;

namespace {
// How long a view may take to show: written once a second, with room for a sanitizer build
// beside another test (3 s was once just short).
constexpr int kViewsWritten = 10'000;
} // namespace

class ListingApiTest : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<ServerProcess> m_server;
    TestUser m_seller, m_other, m_viewer, m_rejecter;

    std::unique_ptr<HttpTestClient> as(const TestUser& u) {
        auto c = std::make_unique<HttpTestClient>(m_server->httpUrl());
        if (!u.accessToken.isEmpty())
            c->setAccessToken(u.accessToken);
        return c;
    }
    std::unique_ptr<HttpTestClient> anonymous() { return as(TestUser{}); }

    // Creates a listing as `u`; returns its JSON (empty on failure, with a warning).
    QJsonObject create(const TestUser& u, const QJsonObject& body) {
        const HttpResponse r = as(u)->post("/api/v1/listings", body);
        if (r.status != 201) {
            qWarning("create failed: %d %s", r.status, r.body.constData());
            return {};
        }
        return r.json();
    }

    // Every item of a search, following cursors; fails the test on a bad page.
    QStringList walk(const QString& query, int limit, int* pages = nullptr,
                     const std::function<void(int)>& betweenPages = {}) {
        QStringList ids;
        QString cursor;
        int page = 0;
        for (; page < 200; ++page) {
            QString path = "/api/v1/listings?" + query + "&limit=" + QString::number(limit);
            if (!cursor.isEmpty())
                path += "&cursor=" + QString::fromLatin1(QUrl::toPercentEncoding(cursor));
            const HttpResponse r = anonymous()->get(path);
            if (r.status != 200) {
                qWarning("page %d of %s: %d %s", page, qPrintable(query), r.status, r.body.constData());
                return {};
            }
            const QJsonArray items = r.json().value("items").toArray();
            if (items.size() > limit)
                return {QStringLiteral("<page of %1 items, limit %2>").arg(items.size()).arg(limit)};
            ids += idsOf(items);
            const QJsonValue next = r.json().value("nextCursor");
            if (!next.isString()) {
                if (!next.isNull())
                    return {QStringLiteral("<nextCursor neither string nor null>")};
                break;
            }
            cursor = next.toString();
            if (betweenPages)
                betweenPages(page);
        }
        if (pages)
            *pages = page + 1;
        return ids;
    }

    QStringList search(const QString& query) {
        const HttpResponse r = anonymous()->get("/api/v1/listings?" + query);
        if (r.status != 200) {
            qWarning("search %s: %d %s", qPrintable(query), r.status, r.body.constData());
            return {QStringLiteral("<error>")};
        }
        return idsOf(r.json().value("items").toArray());
    }

    static QString q(const QString& text) { return QString::fromLatin1(QUrl::toPercentEncoding(text)); }

private Q_SLOTS:
    void initTestCase() {
        m_server = std::make_unique<ServerProcess>();
        QVERIFY(m_server->start());
        auto http = anonymous();
        m_seller = registerUser(*http, "seller");
        m_other = registerUser(*http, "other");
        m_viewer = registerUser(*http, "viewer");
        m_rejecter = registerUser(*http, "rejecter");
        QVERIFY(m_seller.ok() && m_other.ok() && m_viewer.ok() && m_rejecter.ok());
    }

    void cleanupTestCase() {
        if (m_server)
            QCOMPARE(m_server->stop(), 0);
    }

    void categoriesAreATree() {
        const HttpResponse r = anonymous()->get("/api/v1/categories");
        BM_EXPECT_STATUS(r, 200);
        const QJsonArray items = r.json().value("items").toArray();
        QVERIFY(items.size() >= 5);
        QHash<QString, QJsonValue> parentOf;
        for (const QJsonValue& v : items) {
            const QJsonObject c = v.toObject();
            QVERIFY(!c.value("id").toString().isEmpty());
            QVERIFY(!c.value("name").toString().isEmpty());
            QVERIFY(c.contains("parentId"));
            parentOf.insert(c.value("id").toString(), c.value("parentId"));
        }
        QVERIFY(parentOf.contains("electronics"));
        QVERIFY(parentOf.value("electronics").isNull());
        QCOMPARE(parentOf.value("phones").toString(), QStringLiteral("electronics"));
        for (const QJsonValue& parent : parentOf) {
            if (!parent.isNull())
                QVERIFY2(parentOf.contains(parent.toString()), "parentId names no category");
        }
    }

    void createFixedPriceListing() {
        QJsonObject body = listingDraft(QStringLiteral("Leica M6 필름 카메라"), 2'350'000, "cameras");
        body.insert("condition", "like_new");
        body.insert("tags", QJsonArray{"film", "leica", "film"});
        body.insert("region", QStringLiteral("서울 마포구"));
        const HttpResponse r = as(m_seller)->post("/api/v1/listings", body);
        BM_EXPECT_STATUS(r, 201);
        const QJsonObject l = r.json();
        QVERIFY(!l.value("id").toString().isEmpty());
        QCOMPARE(l.value("title").toString(), QStringLiteral("Leica M6 필름 카메라"));
        QCOMPARE(l.value("description").toString(), body.value("description").toString());
        QCOMPARE(l.value("categoryId").toString(), QStringLiteral("cameras"));
        QCOMPARE(l.value("price").toObject(),
                 (QJsonObject{{"amount", 2'350'000}, {"currency", "KRW"}}));
        QCOMPARE(l.value("condition").toString(), QStringLiteral("like_new"));
        QCOMPARE(l.value("tags").toArray(), (QJsonArray{"film", "leica"}));
        QCOMPARE(l.value("region").toString(), QStringLiteral("서울 마포구"));
        QCOMPARE(l.value("saleType").toString(), QStringLiteral("fixed"));
        QCOMPARE(l.value("status").toString(), QStringLiteral("active"));
        QCOMPARE(l.value("sellerId").toString(), m_seller.id);
        QVERIFY(l.value("thumbUrl").isNull());
        QCOMPARE(l.value("favoriteCount").toInt(), 0);
        QVERIFY(!l.contains("auction"));
        const QDateTime created = QDateTime::fromString(l.value("createdAt").toString(), Qt::ISODateWithMs);
        QVERIFY(created.isValid());
        QVERIFY(qAbs(created.msecsTo(QDateTime::currentDateTimeUtc())) < 60'000);
        QCOMPARE(l.value("updatedAt").toString(), l.value("createdAt").toString());

        // Stored: the detail shows the same.
        const HttpResponse d = anonymous()->get("/api/v1/listings/" + l.value("id").toString());
        BM_EXPECT_STATUS(d, 200);
        for (const char* key : {"title", "description", "categoryId", "price", "condition", "tags",
                                "region", "saleType", "status", "sellerId", "createdAt"})
            QCOMPARE(d.json().value(key), l.value(key));
    }

    void createAuctionListing() {
        QJsonObject body = auctionDraft("Auction: vintage radio", 50'000, 3 * 3600 * 1000);
        QJsonObject terms = body.value("auction").toObject();
        terms.insert("buyNowPrice", QJsonObject{{"amount", 120'000}, {"currency", "KRW"}});
        terms.insert("reservePrice", QJsonObject{{"amount", 80'000}, {"currency", "KRW"}});
        body.insert("auction", terms);
        const HttpResponse r = as(m_seller)->post("/api/v1/listings", body);
        BM_EXPECT_STATUS(r, 201);
        const QJsonObject l = r.json();
        QCOMPARE(l.value("saleType").toString(), QStringLiteral("auction"));
        QCOMPARE(l.value("price").toObject().value("amount").toInteger(), 50'000);
        const QJsonObject a = l.value("auction").toObject();
        QCOMPARE(a.value("startPrice").toObject().value("amount").toInteger(), 50'000);
        QCOMPARE(a.value("minIncrement").toObject().value("amount").toInteger(), 1'000);
        QCOMPARE(a.value("buyNowPrice").toObject().value("amount").toInteger(), 120'000);
        QCOMPARE(a.value("reservePrice").toObject().value("amount").toInteger(), 80'000);
        const QDateTime ends = QDateTime::fromString(a.value("endsAt").toString(), Qt::ISODateWithMs);
        const QDateTime asked = QDateTime::fromString(terms.value("endsAt").toString(), Qt::ISODateWithMs);
        QVERIFY(ends.isValid());
        QVERIFY(qAbs(ends.msecsTo(asked)) < 1000);
        QCOMPARE(a.value("reserveMet"), QJsonValue(false));
        // Everyone else sees the same terms but the reserve itself.
        const HttpResponse d = anonymous()->get("/api/v1/listings/" + l.value("id").toString());
        BM_EXPECT_STATUS(d, 200);
        QJsonObject publicTerms = a;
        publicTerms.remove("reservePrice");
        QCOMPARE(d.json().value("auction").toObject(), publicTerms);
    }

    void reservePriceIsTheSellersSecret() {
        const QJsonObject body = auctionDraft("Auction: a reserve nobody may see", 10'000, 2 * 3600 * 1000, 90'000);
        const HttpResponse created = as(m_seller)->post("/api/v1/listings", body);
        BM_EXPECT_STATUS(created, 201);
        const QString id = created.json().value("id").toString();
        const auto reserveIn = [&](const QJsonObject& listing) {
            return listing.value("auction").toObject().value("reservePrice").toObject().value("amount").toInteger();
        };
        const auto listingIn = [&](const HttpResponse& page) {
            for (const QJsonValue& item : page.json().value("items").toArray()) {
                if (item.toObject().value("id").toString() == id)
                    return item.toObject();
            }
            return QJsonObject();
        };
        BM_EXPECT_STATUS(as(m_viewer)->put("/api/v1/listings/" + id + "/favorite"), 200);
        const QString search = "/api/v1/listings?saleType=auction&sellerId=" + m_seller.id + "&limit=100";

        // The seller sees it wherever the listing appears.
        QCOMPARE(reserveIn(created.json()), 90'000);
        QCOMPARE(reserveIn(as(m_seller)->get("/api/v1/listings/" + id).json()), 90'000);
        QCOMPARE(reserveIn(as(m_seller)->patch("/api/v1/listings/" + id, QJsonObject{{"region", "Daegu"}}).json()), 90'000);
        QCOMPARE(reserveIn(listingIn(as(m_seller)->get(search))), 90'000);

        // Nobody else does, signed in or not: only whether it is met (not before a bid).
        const QList<QJsonObject> seen = {anonymous()->get("/api/v1/listings/" + id).json(),
                                         as(m_viewer)->get("/api/v1/listings/" + id).json(),
                                         listingIn(anonymous()->get(search)), listingIn(as(m_viewer)->get(search)),
                                         listingIn(as(m_viewer)->get("/api/v1/me/favorites"))};
        for (const QJsonObject& listing : seen) {
            const QJsonObject auction = listing.value("auction").toObject();
            QVERIFY2(!auction.isEmpty(), qPrintable(QJsonDocument(listing).toJson()));
            QVERIFY2(!auction.contains("reservePrice"), qPrintable(QJsonDocument(auction).toJson()));
            QCOMPARE(auction.value("reserveMet"), QJsonValue(false));
        }
        QVERIFY(!anonymous()->get("/api/v1/listings/" + id).body.contains("90000"));
    }

    void auctionPriceIsItsStartPrice() {
        // An auction's shown price is where bidding starts; a seller cannot make it
        // look cheaper (or dearer) in search than its terms.
        QJsonObject body = auctionDraft("Auction with a made-up price", 500'000, 2 * 3600 * 1000);
        body.insert("price", QJsonObject{{"amount", 1}, {"currency", "KRW"}});
        const HttpResponse r = as(m_seller)->post("/api/v1/listings", body);
        if (r.status == 201) {
            QCOMPARE(r.json().value("price").toObject().value("amount").toInteger(), 500'000);
        } else {
            BM_EXPECT_ERROR(r, 400, "validation_failed");
            QCOMPARE(errorField(r), QStringLiteral("price"));
        }
        QVERIFY(search("maxPrice=1&saleType=auction&sellerId=" + m_seller.id).isEmpty());
    }

    void createRejectsBadInput_data() {
        QTest::addColumn<QByteArray>("changes"); // merged into a valid fixed-price draft; null removes
        QTest::addColumn<QString>("base");       // "fixed" or "auction"
        QTest::addColumn<QString>("field");
        const auto row = [](const char* name, const char* changes, const char* base, const char* field) {
            QTest::newRow(name) << QByteArray(changes) << QString::fromLatin1(base) << QString::fromLatin1(field);
        };
        row("title missing", R"({"title":null})", "fixed", "title");
        row("title empty", R"({"title":""})", "fixed", "title");
        row("title blank", R"({"title":"   "})", "fixed", "title");
        row("title number", R"({"title":42})", "fixed", "title");
        row("description number", R"({"description":7})", "fixed", "description");
        row("categoryId missing", R"({"categoryId":null})", "fixed", "categoryId");
        row("categoryId unknown", R"({"categoryId":"spaceships"})", "fixed", "categoryId");
        row("categoryId number", R"({"categoryId":3})", "fixed", "categoryId");
        row("price missing", R"({"price":null})", "fixed", "price");
        row("price is a number", R"({"price":1000})", "fixed", "price");
        row("price is a string", R"({"price":"1000"})", "fixed", "price");
        row("price negative", R"({"price":{"amount":-1,"currency":"KRW"}})", "fixed", "price.amount");
        row("price fractional", R"({"price":{"amount":10.5,"currency":"KRW"}})", "fixed", "price.amount");
        row("price amount string", R"({"price":{"amount":"1000","currency":"KRW"}})", "fixed", "price.amount");
        row("price unknown currency", R"({"price":{"amount":1000,"currency":"XYZ"}})", "fixed", "price.currency");
        row("price too large", R"({"price":{"amount":1e15,"currency":"KRW"}})", "fixed", "price.amount");
        row("condition missing", R"({"condition":null})", "fixed", "condition");
        row("condition unknown", R"({"condition":"broken"})", "fixed", "condition");
        row("tags not an array", R"({"tags":"a,b"})", "fixed", "tags");
        row("tags with a number", R"({"tags":["a",1]})", "fixed", "tags");
        row("tags with an empty one", R"({"tags":["a",""]})", "fixed", "tags");
        row("tags too many", R"({"tags":["1","2","3","4","5","6","7","8","9","10","11"]})", "fixed", "tags");
        row("region number", R"({"region":5})", "fixed", "region");
        row("saleType unknown", R"({"saleType":"barter"})", "fixed", "saleType");
        row("fixed with auction terms",
            R"({"auction":{"startPrice":{"amount":1000},"minIncrement":{"amount":100},"endsAt":"2099-01-01T00:00:00Z"}})",
            "fixed", "auction");
        row("auction without terms", R"({"auction":null})", "auction", "auction");
        row("auction terms not an object", R"({"auction":"soon"})", "auction", "auction");
        row("auction start missing", R"({"auction":{"startPrice":null}})", "auction",
            "auction.startPrice");
        row("auction zero increment", R"({"auction":{"minIncrement":{"amount":0,"currency":"KRW"}}})", "auction",
            "auction.minIncrement");
        row("auction buy-now at start", R"({"auction":{"buyNowPrice":{"amount":50000,"currency":"KRW"}}})", "auction",
            "auction.buyNowPrice");
        row("auction reserve below start", R"({"auction":{"reservePrice":{"amount":49999,"currency":"KRW"}}})",
            "auction", "auction.reservePrice");
        row("auction mixed currencies", R"({"auction":{"minIncrement":{"amount":100,"currency":"USD"}}})", "auction",
            "auction");
        row("auction ended", R"({"auction":{"endsAt":"2020-01-01T00:00:00Z"}})", "auction", "auction.endsAt");
        row("auction too long", R"({"auction":{"endsAt":"+31d"}})", "auction", "auction.endsAt");
        row("auction in 10 seconds", R"({"auction":{"endsAt":"+10s"}})", "auction", "auction.endsAt");
        row("auction end not a time", R"({"auction":{"endsAt":"next friday"}})", "auction", "auction.endsAt");
        row("auction end without zone", R"({"auction":{"endsAt":"local+1h"}})", "auction", "auction.endsAt");
        row("auction end number", R"({"auction":{"endsAt":1893456000}})", "auction", "auction.endsAt");
    }

    void createRejectsBadInput() {
        QFETCH(QByteArray, changes);
        QFETCH(QString, base);
        QFETCH(QString, field);
        QJsonObject body = base == "auction" ? auctionDraft("Rejected auction", 50'000, 2 * 3600 * 1000)
                                             : listingDraft("Rejected listing");
        const QJsonObject delta = QJsonDocument::fromJson(changes).object();
        QVERIFY(!delta.isEmpty());
        const auto relativeTime = [](const QJsonValue& v) -> QJsonValue {
            const QString s = v.toString();
            if (s == "+1h") return rfc3339FromNow(3600 * 1000);
            if (s == "+31d") return rfc3339FromNow(31LL * 24 * 3600 * 1000);
            if (s == "+10s") return rfc3339FromNow(10 * 1000);
            if (s == "local+1h")
                return QDateTime::currentDateTimeUtc().addSecs(3600).toString("yyyy-MM-ddTHH:mm:ss");
            return v;
        };
        for (auto it = delta.begin(); it != delta.end(); ++it) {
            if (it.value().isNull()) {
                body.remove(it.key());
            } else if (it.key() == "auction" && it.value().isObject() && base == "auction") {
                QJsonObject terms = body.value("auction").toObject();
                const QJsonObject d = it.value().toObject();
                for (auto t = d.begin(); t != d.end(); ++t) {
                    if (t.value().isNull())
                        terms.remove(t.key());
                    else
                        terms.insert(t.key(), t.key() == "endsAt" ? relativeTime(t.value()) : t.value());
                }
                body.insert("auction", terms);
            } else {
                body.insert(it.key(), it.value());
            }
        }
        const HttpResponse r = as(m_rejecter)->post("/api/v1/listings", body);
        BM_EXPECT_ERROR(r, 400, "validation_failed");
        QCOMPARE(errorField(r), field);
        // Nothing was stored for this seller.
        QCOMPARE(search("sellerId=" + m_rejecter.id + "&limit=100"), QStringList());
    }

    void createRejectsLongFields_data() {
        QTest::addColumn<QString>("key");
        QTest::addColumn<int>("length");
        QTest::newRow("title 101") << "title" << 101;
        QTest::newRow("description 5001") << "description" << 5001;
        QTest::newRow("region 101") << "region" << 101;
    }

    void createRejectsLongFields() {
        QFETCH(QString, key);
        QFETCH(int, length);
        QJsonObject body = listingDraft("Too long");
        body.insert(key, QString(length, QChar(u'가')));
        const HttpResponse r = as(m_rejecter)->post("/api/v1/listings", body);
        BM_EXPECT_ERROR(r, 400, "validation_failed");
        QCOMPARE(errorField(r), key);
        // One less is fine (then removed again).
        body.insert(key, QString(length - 1, QChar(u'가')));
        const HttpResponse ok = as(m_rejecter)->post("/api/v1/listings", body);
        BM_EXPECT_STATUS(ok, 201);
        BM_EXPECT_STATUS(as(m_rejecter)->del("/api/v1/listings/" + ok.json().value("id").toString()), 204);
    }

    void createRejectsMalformedBodiesAndStrangers() {
        auto c = as(m_rejecter);
        BM_EXPECT_ERROR(c->send("POST", "/api/v1/listings", "{\"title\":"), 400, "validation_failed");
        BM_EXPECT_ERROR(c->send("POST", "/api/v1/listings", "[]"), 400, "validation_failed");
        BM_EXPECT_ERROR(c->send("POST", "/api/v1/listings", ""), 400, "validation_failed");
        BM_EXPECT_ERROR(anonymous()->post("/api/v1/listings", listingDraft("anonymous")), 401, "unauthorized");
        QCOMPARE(search("sellerId=" + m_rejecter.id + "&limit=100"), QStringList());
        QCOMPARE(search("q=anonymous"), QStringList());
    }

    void detailShowsPartsAndCountsViewsOncePerViewerPerHour() {
        const QJsonObject l = create(m_seller, listingDraft("Viewed lamp", 15'000, "home"));
        QVERIFY(!l.isEmpty());
        const QString path = "/api/v1/listings/" + l.value("id").toString();

        HttpResponse r = as(m_viewer)->get(path);
        BM_EXPECT_STATUS(r, 200);
        QJsonObject d = r.json();
        QVERIFY(d.value("photos").isArray());
        QCOMPARE(d.value("photos").toArray().size(), 0);
        const QJsonObject seller = d.value("seller").toObject();
        QCOMPARE(seller.value("id").toString(), m_seller.id);
        QCOMPARE(seller.value("username").toString(), QStringLiteral("seller"));
        QCOMPARE(seller.value("displayName").toString(), QStringLiteral("SELLER"));
        QVERIFY(!seller.contains("email"));
        QVERIFY(!r.body.contains("seller@test.local"));
        QCOMPARE(d.value("favoriteCount").toInt(), 0);
        QCOMPARE(d.value("isFavorite").toBool(true), false);
        QCOMPARE(d.value("viewCount").toInt(), 1);

        // Views may be recorded in the background, so later counts are read
        // (eventually) by viewers whose view already counted.
        const auto viewsSeenBy = [&](const TestUser& u) { return as(u)->get(path).json().value("viewCount").toInt(); };
        // The same viewer again: still one view.
        QTRY_COMPARE_WITH_TIMEOUT(viewsSeenBy(m_viewer), 1, kViewsWritten);
        QTest::qWait(200);
        QCOMPARE(viewsSeenBy(m_viewer), 1);
        // Another signed-in viewer: two.
        r = as(m_other)->get(path);
        BM_EXPECT_STATUS(r, 200);
        QTRY_COMPARE_WITH_TIMEOUT(viewsSeenBy(m_other), 2, kViewsWritten);
        QTest::qWait(200);
        QCOMPARE(viewsSeenBy(m_other), 2);
        QCOMPARE(viewsSeenBy(m_viewer), 2);
        // Anonymous viewers count by address: once.
        r = anonymous()->get(path);
        BM_EXPECT_STATUS(r, 200);
        QCOMPARE(r.json().value("isFavorite").toBool(true), false);
        QTRY_COMPARE_WITH_TIMEOUT(viewsSeenBy(TestUser{}), 3, kViewsWritten);
        QTest::qWait(200);
        QCOMPARE(viewsSeenBy(TestUser{}), 3);
        // Forwarded-for headers do not make new anonymous viewers.
        for (int i = 0; i < 3; ++i) {
            auto spoofed = anonymous();
            spoofed->setHeader("X-Forwarded-For", QByteArray("192.0.2.") + QByteArray::number(i + 1));
            BM_EXPECT_STATUS(spoofed->get(path), 200);
        }
        QTest::qWait(200);
        QCOMPARE(viewsSeenBy(TestUser{}), 3);
        // One more viewer opening it in several tabs at once: one view.
        const QUrl base = m_server->httpUrl();
        const QString token = m_rejecter.accessToken;
        for (const HttpResponse& v : concurrently(5, [&](int) {
                 HttpTestClient c(base);
                 c.setAccessToken(token);
                 return c.get(path);
             }))
            BM_EXPECT_STATUS(v, 200);
        QTRY_COMPARE_WITH_TIMEOUT(viewsSeenBy(m_rejecter), 4, kViewsWritten);
        QTest::qWait(200);
        QCOMPARE(viewsSeenBy(m_viewer), 4);
        // The count is what search shows too.
        const HttpResponse s = anonymous()->get("/api/v1/listings?sellerId=" + m_seller.id + "&limit=100");
        for (const QJsonValue& v : s.json().value("items").toArray()) {
            if (v.toObject().value("id") == l.value("id"))
                QCOMPARE(v.toObject().value("viewCount").toInt(), 4);
        }
    }

    void detailOfUnknownListingIsNotFound() {
        BM_EXPECT_ERROR(anonymous()->get("/api/v1/listings/l_doesnotexist00000000"), 404, "not_found");
        BM_EXPECT_ERROR(anonymous()->get("/api/v1/listings/%27%20OR%201=1--"), 404, "not_found");
        // A bad token on a public read is still refused rather than ignored.
        auto forged = anonymous();
        forged->setAccessToken("garbage.token.here");
        BM_EXPECT_ERROR(forged->get("/api/v1/listings/l_doesnotexist00000000"), 401, "unauthorized");
    }

    void patchByOwner() {
        const QJsonObject l = create(m_seller, listingDraft("Patch me", 10'000, "books"));
        QVERIFY(!l.isEmpty());
        const QString path = "/api/v1/listings/" + l.value("id").toString();
        QTest::qWait(5);
        const HttpResponse r = as(m_seller)->patch(
            path, QJsonObject{{"title", "Patched title"},
                              {"price", QJsonObject{{"amount", 8'000}, {"currency", "KRW"}}},
                              {"tags", QJsonArray{"sale"}},
                              {"condition", "fair"},
                              {"region", "Busan"},
                              {"description", ""},
                              {"categoryId", "art"},
                              {"status", "reserved"}});
        BM_EXPECT_STATUS(r, 200);
        const QJsonObject p = r.json();
        QCOMPARE(p.value("title").toString(), QStringLiteral("Patched title"));
        QCOMPARE(p.value("price").toObject().value("amount").toInteger(), 8'000);
        QCOMPARE(p.value("tags").toArray(), QJsonArray{"sale"});
        QCOMPARE(p.value("condition").toString(), QStringLiteral("fair"));
        QCOMPARE(p.value("region").toString(), QStringLiteral("Busan"));
        QCOMPARE(p.value("description").toString(), QString());
        QCOMPARE(p.value("categoryId").toString(), QStringLiteral("art"));
        QCOMPARE(p.value("status").toString(), QStringLiteral("reserved"));
        QCOMPARE(p.value("createdAt"), l.value("createdAt"));
        QVERIFY(QDateTime::fromString(p.value("updatedAt").toString(), Qt::ISODateWithMs) >
                QDateTime::fromString(l.value("updatedAt").toString(), Qt::ISODateWithMs));
        const HttpResponse d = anonymous()->get(path);
        QCOMPARE(d.json().value("title").toString(), QStringLiteral("Patched title"));
        QCOMPARE(d.json().value("status").toString(), QStringLiteral("reserved"));

        // Status filter: reserved ones are not among active results, but can be asked for.
        QVERIFY(!search("sellerId=" + m_seller.id + "&limit=100").contains(l.value("id").toString()));
        QVERIFY(search("sellerId=" + m_seller.id + "&status=reserved&limit=100").contains(l.value("id").toString()));
        // Search follows the new words, not the old ones.
        QVERIFY(search("status=reserved&q=" + q("Patched")).contains(l.value("id").toString()));
        QVERIFY(!search("status=reserved&q=" + q("Patch me")).contains(l.value("id").toString()));
        // Only the changed fields change.
        const HttpResponse again = as(m_seller)->patch(path, QJsonObject{{"status", "active"}});
        BM_EXPECT_STATUS(again, 200);
        QCOMPARE(again.json().value("title").toString(), QStringLiteral("Patched title"));
        QCOMPARE(again.json().value("region").toString(), QStringLiteral("Busan"));
    }

    void patchRejectsStrangersAndBadInput() {
        const QJsonObject l = create(m_seller, listingDraft("Not yours", 10'000, "toys"));
        QVERIFY(!l.isEmpty());
        const QString path = "/api/v1/listings/" + l.value("id").toString();
        const QJsonObject change{{"title", "Stolen"}};
        BM_EXPECT_ERROR(as(m_other)->patch(path, change), 403, "forbidden");
        BM_EXPECT_ERROR(anonymous()->patch(path, change), 401, "unauthorized");
        BM_EXPECT_ERROR(as(m_seller)->patch("/api/v1/listings/l_doesnotexist00000000", change), 404, "not_found");

        struct Bad {
            QJsonObject body;
            QString field;
        };
        const QList<Bad> bad = {
            {QJsonObject{}, ""},
            {QJsonObject{{"sellerId", m_other.id}}, "sellerId"},
            {QJsonObject{{"id", "l_x"}}, "id"},
            {QJsonObject{{"viewCount", 1000}}, "viewCount"},
            {QJsonObject{{"title", ""}}, "title"},
            {QJsonObject{{"title", 5}}, "title"},
            {QJsonObject{{"price", QJsonObject{{"amount", -5}}}}, "price.amount"},
            {QJsonObject{{"price", QJsonObject{{"amount", 5}, {"currency", "USD"}}}}, "price"},
            {QJsonObject{{"status", "removed"}}, "status"},
            {QJsonObject{{"status", "deleted"}}, "status"},
            {QJsonObject{{"categoryId", "spaceships"}}, "categoryId"},
            {QJsonObject{{"condition", "mint"}}, "condition"},
            {QJsonObject{{"tags", "x"}}, "tags"},
            {QJsonObject{{"title", "Fine"}, {"saleType", "auction"}}, "saleType"},
        };
        for (const Bad& b : bad) {
            const HttpResponse r = as(m_seller)->patch(path, b.body);
            BM_EXPECT_ERROR(r, 400, "validation_failed");
            if (!b.field.isEmpty())
                QCOMPARE(errorField(r), b.field);
        }
        BM_EXPECT_ERROR(as(m_seller)->send("PATCH", path, "{\"title\":"), 400, "validation_failed");
        // None of it changed anything.
        const HttpResponse d = anonymous()->get(path);
        BM_EXPECT_STATUS(d, 200);
        QCOMPARE(d.json().value("title").toString(), QStringLiteral("Not yours"));
        QCOMPARE(d.json().value("price").toObject().value("amount").toInteger(), 10'000);
        QCOMPARE(d.json().value("status").toString(), QStringLiteral("active"));
        QCOMPARE(d.json().value("sellerId").toString(), m_seller.id);
        QCOMPARE(d.json().value("updatedAt"), l.value("updatedAt"));
    }

    void patchCannotChangeAuctionPrice() {
        const QJsonObject l = create(m_seller, auctionDraft("Auction price fixed by bids", 30'000, 2 * 3600 * 1000));
        QVERIFY(!l.isEmpty());
        const QString path = "/api/v1/listings/" + l.value("id").toString();
        const HttpResponse r =
            as(m_seller)->patch(path, QJsonObject{{"price", QJsonObject{{"amount", 1}, {"currency", "KRW"}}}});
        BM_EXPECT_ERROR(r, 400, "validation_failed");
        QCOMPARE(errorField(r), QStringLiteral("price"));
        QCOMPARE(anonymous()->get(path).json().value("price").toObject().value("amount").toInteger(), 30'000);
    }

    void deleteByOwnerOnly() {
        const QJsonObject l = create(m_seller, listingDraft(QStringLiteral("Zebracorn figurine 얼룩말"), 7'000, "toys"));
        QVERIFY(!l.isEmpty());
        const QString id = l.value("id").toString();
        const QString path = "/api/v1/listings/" + id;
        BM_EXPECT_STATUS(as(m_other)->put(path + "/favorite"), 200);
        QVERIFY(search("q=zebracorn").contains(id));
        QVERIFY(idsOf(as(m_other)->get("/api/v1/me/favorites").json().value("items").toArray()).contains(id));

        BM_EXPECT_ERROR(as(m_other)->del(path), 403, "forbidden");
        BM_EXPECT_ERROR(anonymous()->del(path), 401, "unauthorized");
        BM_EXPECT_ERROR(as(m_seller)->del("/api/v1/listings/l_doesnotexist00000000"), 404, "not_found");
        BM_EXPECT_STATUS(anonymous()->get(path), 200); // still there

        const HttpResponse r = as(m_seller)->del(path);
        BM_EXPECT_STATUS(r, 204);
        QVERIFY(r.body.isEmpty());
        BM_EXPECT_ERROR(anonymous()->get(path), 404, "not_found");
        BM_EXPECT_ERROR(as(m_seller)->get(path), 404, "not_found");
        QVERIFY(!search("q=zebracorn").contains(id));
        QVERIFY(!search(QStringLiteral("q=") + q(QStringLiteral("얼룩말"))).contains(id));
        QVERIFY(!search("sellerId=" + m_seller.id + "&limit=100").contains(id));
        for (const QString& status : {QStringLiteral("reserved"), QStringLiteral("sold"), QStringLiteral("ended")})
            QVERIFY(!search("status=" + status + "&limit=100").contains(id));
        BM_EXPECT_ERROR(anonymous()->get("/api/v1/listings?status=removed"), 400, "validation_failed");
        QVERIFY(!idsOf(as(m_other)->get("/api/v1/me/favorites").json().value("items").toArray()).contains(id));
        // Gone for writes too.
        BM_EXPECT_ERROR(as(m_seller)->del(path), 404, "not_found");
        BM_EXPECT_ERROR(as(m_seller)->patch(path, QJsonObject{{"status", "active"}}), 404, "not_found");
        BM_EXPECT_ERROR(as(m_viewer)->put(path + "/favorite"), 404, "not_found");
    }

    void categoryNamesFollowTheCallersLanguage() {
        const auto namesIn = [&](const char* language) {
            auto http = anonymous();
            http->setHeader("Accept-Language", language);
            const HttpResponse r = http->get("/api/v1/categories");
            QHash<QString, QString> names;
            for (const QJsonValue& v : r.json().value("items").toArray())
                names.insert(v.toObject().value("id").toString(), v.toObject().value("name").toString());
            return names;
        };
        const auto korean = namesIn("ko-KR, en;q=0.5");
        const auto english = namesIn("en");
        QCOMPARE(korean.value("cameras"), QStringLiteral("카메라"));
        QCOMPARE(korean.value("electronics"), QStringLiteral("전자기기"));
        QCOMPARE(english.value("cameras"), QStringLiteral("Cameras"));
        QCOMPARE(korean.keys().size(), english.keys().size());
        for (auto it = korean.cbegin(); it != korean.cend(); ++it)
            QVERIFY2(it.value() != english.value(it.key()), qPrintable(it.key() + " is not in Korean"));
    }

    void searchFindsACategoryByItsNameInEitherLanguage() {
        // Nothing in their text says camera, but they are filed under Cameras.
        const QString body = create(m_seller, listingDraft(QStringLiteral("Nikon FM2 body only"), 380'000, "cameras"))
                                 .value("id").toString();
        const QString lens = create(m_seller, listingDraft(QStringLiteral("Nikkor 50mm f/1.4"), 150'000, "cameras"))
                                 .value("id").toString();
        const QString bag = create(m_seller, listingDraft(QStringLiteral("Leather camera bag"), 60'000, "fashion"))
                                .value("id").toString();
        const QString chair = create(m_seller, listingDraft(QStringLiteral("Oak chair"), 40'000, "furniture"))
                                  .value("id").toString();
        QVERIFY(!body.isEmpty() && !lens.isEmpty() && !bag.isEmpty() && !chair.isEmpty());
        const auto find = [&](const QString& text) { return search("limit=100&q=" + q(text)); };
        for (const QString& word : {QStringLiteral("카메라"), QStringLiteral("cameras"),
                                    QStringLiteral("camera"), QStringLiteral("CAMERA")}) {
            const QStringList r = find(word);
            QVERIFY2(r.contains(body) && r.contains(lens), qPrintable(word + ": " + r.join(',')));
            // The bag is found by its text ("camera"), not by a category.
            QCOMPARE(r.contains(bag), word.toLower() == QStringLiteral("camera"));
            QVERIFY(!r.contains(chair));
        }
        // A parent's name finds what is filed under its children.
        QStringList r = find(QStringLiteral("전자기기"));
        QVERIFY(r.contains(body) && !r.contains(chair));
        // Every word must match, one by its category, one by the text.
        r = find(QStringLiteral("카메라 nikkor"));
        QVERIFY2(r.contains(lens) && !r.contains(body), qPrintable(r.join(',')));
        // Part of a category's name is not its name.
        QVERIFY(!find(QStringLiteral("카메")).contains(body));
        QVERIFY(!find(QStringLiteral("came")).contains(body));
    }

    void aCategoryWordPagesThroughEachListingOnce() {
        // Found by its text, by its category, or both: each one once, in the page's order,
        // whatever the sort and however small the pages.
        const TestUser s = registerUser(*anonymous(), "camera_seller");
        QVERIFY(s.ok());
        struct Made {
            QString id;
            qint64 price;
        };
        QList<Made> found;
        const auto make = [&](const QString& title, qint64 price, const char* category) {
            const QString id = create(s, listingDraft(title, price, category)).value("id").toString();
            QVERIFY(!id.isEmpty());
            if (category == QLatin1String("cameras") || title.contains(QLatin1String("camera")))
                found.append({id, price});
        };
        make(QStringLiteral("Pentax body"), 41'000, "cameras");
        make(QStringLiteral("camera strap"), 12'000, "fashion");
        make(QStringLiteral("Lamp"), 9'000, "home");
        make(QStringLiteral("Old camera, works"), 77'000, "cameras");
        make(QStringLiteral("Tripod"), 33'000, "cameras");
        make(QStringLiteral("camera cube insert"), 18'000, "home");
        make(QStringLiteral("Chair"), 25'000, "furniture");
        make(QStringLiteral("Compact camera"), 64'000, "cameras");
        QCOMPARE(found.size(), 6);
        QStringList newest;
        for (auto it = found.crbegin(); it != found.crend(); ++it)
            newest.append(it->id);
        QList<Made> cheapest = found;
        std::stable_sort(cheapest.begin(), cheapest.end(),
                         [](const Made& a, const Made& b) { return a.price < b.price; });
        QStringList priceAsc;
        for (const Made& m : cheapest)
            priceAsc.append(m.id);
        QStringList priceDesc = priceAsc;
        std::reverse(priceDesc.begin(), priceDesc.end());
        for (const QString& word : {QStringLiteral("camera"), QStringLiteral("카메라")}) {
            const QString query = "sellerId=" + s.id + "&q=" + q(word) + "&sort=";
            // 카메라 names the category only: the strap and the cube are not filed there.
            const auto expected = [&](QStringList ids) {
                if (word != QLatin1String("camera"))
                    ids.removeIf([&](const QString& id) { return id == found[1].id || id == found[4].id; });
                return ids;
            };
            for (int limit : {1, 2, 5}) {
                QCOMPARE(walk(query + "newest", limit), expected(newest));
                QCOMPARE(walk(query + "popular", limit), expected(newest)); // no hearts: newest first
                QCOMPARE(walk(query + "price_asc", limit), expected(priceAsc));
                QCOMPARE(walk(query + "price_desc", limit), expected(priceDesc));
            }
        }
    }

    void searchFindsKoreanBySubstring() {
        const QString mini = create(m_seller, listingDraft(QStringLiteral("아이폰 13 미니 128GB"), 450'000))
                                 .value("id").toString();
        const QString pad = create(m_seller, listingDraft(QStringLiteral("아이패드 프로 11"), 700'000))
                                .value("id").toString();
        const QString galaxy = create(m_seller, listingDraft(QStringLiteral("Samsung Galaxy S23 Ultra"), 900'000))
                                   .value("id").toString();
        QJsonObject tagged = listingDraft(QStringLiteral("Plain desk"), 30'000, "furniture");
        tagged.insert("description", QStringLiteral("원목 책상, 상태 좋아요"));
        tagged.insert("tags", QJsonArray{QStringLiteral("quartersawn")});
        const QString desk = create(m_seller, tagged).value("id").toString();
        QVERIFY(!mini.isEmpty() && !pad.isEmpty() && !galaxy.isEmpty() && !desk.isEmpty());

        const auto find = [&](const QString& text) { return search("limit=100&q=" + q(text)); };
        QStringList r = find(QStringLiteral("폰 13"));
        QVERIFY2(r.contains(mini), qPrintable(r.join(',')));
        QVERIFY(!r.contains(pad) && !r.contains(galaxy));
        r = find(QStringLiteral("아이폰"));
        QVERIFY(r.contains(mini));
        QVERIFY(!r.contains(pad));
        r = find(QStringLiteral("아이"));
        QVERIFY(r.contains(mini) && r.contains(pad));
        QVERIFY(find(QStringLiteral("13 미니")).contains(mini));
        QVERIFY(find(QStringLiteral("이폰 13 미")).contains(mini));
        QVERIFY(find(QStringLiteral("galaxy")).contains(galaxy));
        QVERIFY(find(QStringLiteral("GALAXY s23")).contains(galaxy));
        QVERIFY(find(QStringLiteral("ultra")).contains(galaxy));
        QVERIFY(find(QStringLiteral("laxy")).contains(galaxy));
        QVERIFY(!find(QStringLiteral("galaxy")).contains(mini));
        QVERIFY(find(QStringLiteral("책상")).contains(desk));
        QVERIFY(find(QStringLiteral("quartersawn")).contains(desk));
        QCOMPARE(find(QStringLiteral("존재하지않는상품")), QStringList());
        QCOMPARE(find(QStringLiteral("아이폰 14")), QStringList());
        // Odd input is not an error and is not a query language.
        for (const QString& odd : {QStringLiteral("\"\""), QStringLiteral("%"), QStringLiteral("_"),
                                   QStringLiteral("a OR b"), QStringLiteral("NEAR(x y)"),
                                   QStringLiteral("*"), QStringLiteral("' OR 1=1 --")}) {
            const HttpResponse sr = anonymous()->get("/api/v1/listings?q=" + q(odd));
            BM_EXPECT_STATUS(sr, 200);
        }
        QCOMPARE(find(QStringLiteral("%")), QStringList());
        BM_EXPECT_ERROR(anonymous()->get("/api/v1/listings?q=" + q(QString(201, u'x'))), 400, "validation_failed");
        // Two characters outside the BMP (four UTF-16 units) are still a short term.
        const QString party = create(m_seller, listingDraft(QStringLiteral("Party set 🎉🎈 balloons"), 9'000, "toys"))
                                  .value("id").toString();
        QVERIFY(!party.isEmpty());
        QVERIFY2(find(QStringLiteral("🎉🎈")).contains(party), "two emoji find nothing");
        QVERIFY(find(QStringLiteral("🎈")).contains(party));
        QVERIFY(find(QStringLiteral("🎉🎈 ball")).contains(party));
    }

    void searchFilters() {
        const TestUser s = registerUser(*anonymous(), "filter_seller");
        QVERIFY(s.ok());
        const QString a = create(s, listingDraft("Filter phone", 100'000, "phones")).value("id").toString();
        const QString b = create(s, listingDraft("Filter laptop", 200'000, "computers")).value("id").toString();
        const QString c = create(s, listingDraft("Filter chair", 50'000, "furniture")).value("id").toString();
        QJsonObject camera = auctionDraft("Filter camera auction", 150'000, 2 * 3600 * 1000);
        camera.insert("categoryId", "cameras");
        const QString d = create(s, camera).value("id").toString();
        QVERIFY(!a.isEmpty() && !b.isEmpty() && !c.isEmpty() && !d.isEmpty());
        const QString scope = "limit=100&sellerId=" + s.id;
        const auto set = [&](const QString& filter) {
            const QStringList ids = search(scope + "&" + filter);
            return QSet<QString>(ids.begin(), ids.end());
        };
        QCOMPARE(set("category=phones"), (QSet<QString>{a}));
        QCOMPARE(set("category=electronics"), (QSet<QString>{a, b, d}));
        QCOMPARE(set("category=furniture"), (QSet<QString>{c}));
        QCOMPARE(set("category=books"), QSet<QString>());
        QCOMPARE(set("category=spaceships"), QSet<QString>());
        QCOMPARE(set("minPrice=100000"), (QSet<QString>{a, b, d}));
        QCOMPARE(set("maxPrice=100000"), (QSet<QString>{a, c}));
        QCOMPARE(set("minPrice=60000&maxPrice=160000"), (QSet<QString>{a, d}));
        QCOMPARE(set("minPrice=300000"), QSet<QString>());
        QCOMPARE(set("saleType=auction"), (QSet<QString>{d}));
        QCOMPARE(set("saleType=fixed"), (QSet<QString>{a, b, c}));
        QCOMPARE(set("category=electronics&saleType=fixed&maxPrice=150000"), (QSet<QString>{a}));
        QCOMPARE(set("q=Filter&category=electronics"), (QSet<QString>{a, b, d}));

        for (const QString& bad : {QStringLiteral("minPrice=-1"), QStringLiteral("minPrice=abc"),
                                   QStringLiteral("maxPrice=1.5"), QStringLiteral("saleType=barter"),
                                   QStringLiteral("status=bogus"), QStringLiteral("status=removed"),
                                   QStringLiteral("sort=cheapest"), QStringLiteral("limit=0"),
                                   QStringLiteral("limit=101"), QStringLiteral("limit=ten")}) {
            const HttpResponse r = anonymous()->get("/api/v1/listings?" + bad);
            BM_EXPECT_ERROR(r, 400, "validation_failed");
            QCOMPARE(errorField(r), bad.section('=', 0, 0));
        }
    }

    void searchSorts() {
        const TestUser s = registerUser(*anonymous(), "sort_seller");
        QVERIFY(s.ok());
        const QString l1 = create(s, listingDraft("Sort one", 30'000)).value("id").toString();
        const QString l2 = create(s, auctionDraft("Sort two", 10'000, 3 * 3600 * 1000)).value("id").toString();
        const QString l3 = create(s, listingDraft("Sort three", 50'000)).value("id").toString();
        const QString l4 = create(s, auctionDraft("Sort four", 20'000, 2 * 3600 * 1000)).value("id").toString();
        const QString l5 = create(s, auctionDraft("Sort five", 40'000, 5 * 3600 * 1000)).value("id").toString();
        QVERIFY(!l1.isEmpty() && !l2.isEmpty() && !l3.isEmpty() && !l4.isEmpty() && !l5.isEmpty());
        BM_EXPECT_STATUS(as(m_other)->put("/api/v1/listings/" + l3 + "/favorite"), 200);
        BM_EXPECT_STATUS(as(m_viewer)->put("/api/v1/listings/" + l3 + "/favorite"), 200);
        BM_EXPECT_STATUS(as(m_other)->put("/api/v1/listings/" + l1 + "/favorite"), 200);

        const QString scope = "sellerId=" + s.id + "&sort=";
        const QList<QPair<QString, QStringList>> expected = {
            {"newest", {l5, l4, l3, l2, l1}},
            {"price_asc", {l2, l4, l1, l5, l3}},
            {"price_desc", {l3, l5, l1, l4, l2}},
            {"popular", {l3, l1, l5, l4, l2}},
            {"ending_soon", {l4, l2, l5}},
        };
        for (const auto& [sort, order] : expected) {
            QCOMPARE(search(scope + sort + "&limit=100"), order);
            // The same order across pages of every size.
            for (int limit : {1, 2, 4})
                QCOMPARE(walk(scope + sort, limit), order);
        }
        // Default sort is newest.
        QCOMPARE(search("sellerId=" + s.id), expected[0].second);
    }

    void cursorPaginationIsStable() {
        const TestUser s = registerUser(*anonymous(), "page_seller");
        QVERIFY(s.ok());
        QStringList created;
        for (int i = 0; i < 10; ++i) {
            const QString id = create(s, listingDraft(QStringLiteral("Page item %1").arg(i), 1000 * (i % 4 + 1)))
                                   .value("id").toString();
            QVERIFY(!id.isEmpty());
            created.append(id);
        }
        for (const QString& sort : {QStringLiteral("newest"), QStringLiteral("price_asc"), QStringLiteral("price_desc"), QStringLiteral("popular")}) {
            QStringList added;
            int pages = 0;
            const QStringList seen = walk("sellerId=" + s.id + "&sort=" + sort, 3, &pages, [&](int page) {
                // New listings arrive while the user pages: nothing shifts.
                if (page < 2)
                    added.append(create(s, listingDraft("Arrived meanwhile " + sort, 2500)).value("id").toString());
            });
            QVERIFY2(!seen.isEmpty(), qPrintable(sort));
            QCOMPARE(QSet<QString>(seen.begin(), seen.end()).size(), seen.size()); // no duplicates
            for (const QString& id : created)
                QVERIFY2(seen.contains(id), qPrintable(sort + ": missing " + id));
            for (const QString& id : seen)
                QVERIFY2(created.contains(id) || added.contains(id), qPrintable(sort + ": stranger " + id));
            QVERIFY(pages >= 4);
            created += added; // later walks see them as existing
        }
        // A page exactly at the end says there is no more.
        const HttpResponse all = anonymous()->get("/api/v1/listings?limit=100&sellerId=" + s.id);
        BM_EXPECT_STATUS(all, 200);
        QCOMPARE(all.json().value("items").toArray().size(), created.size());
        QVERIFY(all.json().value("nextCursor").isNull());
        const HttpResponse exact =
            anonymous()->get(QStringLiteral("/api/v1/listings?sellerId=%1&limit=%2").arg(s.id).arg(created.size()));
        QVERIFY(exact.json().value("nextCursor").isNull());
        // Default page size is 20.
        const HttpResponse def = anonymous()->get("/api/v1/listings?limit=100");
        if (def.json().value("items").toArray().size() > 20)
            QCOMPARE(anonymous()->get("/api/v1/listings").json().value("items").toArray().size(), 20);
    }

    void textSearchPaginates() {
        const TestUser s = registerUser(*anonymous(), "text_pager");
        QVERIFY(s.ok());
        QStringList newestFirst;
        QStringList cheapestFirst;
        for (int i = 0; i < 7; ++i) {
            const QString id = create(s, listingDraft(QStringLiteral("빈티지 카메라 렌즈 %1").arg(i), 10'000 * (7 - i), "cameras"))
                                   .value("id").toString();
            QVERIFY(!id.isEmpty());
            newestFirst.prepend(id);
            cheapestFirst.prepend(id);
        }
        create(s, listingDraft(QStringLiteral("Unrelated toaster"), 5'000, "home"));
        for (const QString& text : {QStringLiteral("카메라 렌즈"), QStringLiteral("빈티지"), QStringLiteral("렌즈")}) {
            QCOMPARE(walk("sellerId=" + s.id + "&q=" + q(text), 2), newestFirst);
            QCOMPARE(walk("sellerId=" + s.id + "&sort=price_asc&q=" + q(text), 3), cheapestFirst);
            // Without the seller filter, among everything else on the server.
            const QStringList everywhere = walk("q=" + q(text), 2);
            for (const QString& id : newestFirst)
                QVERIFY(everywhere.contains(id));
            QCOMPARE(QSet<QString>(everywhere.begin(), everywhere.end()).size(), everywhere.size());
        }
    }

    void concurrentFavoritesCountOnce() {
        const QJsonObject l = create(m_seller, listingDraft("Hotly favorited", 99'000, "audio"));
        QVERIFY(!l.isEmpty());
        const QString path = "/api/v1/listings/" + l.value("id").toString() + "/favorite";
        const QUrl base = m_server->httpUrl();
        const QList<TestUser> fans = {m_other, m_viewer};
        QList<HttpResponse> answers = concurrently(8, [&](int i) {
            HttpTestClient c(base);
            c.setAccessToken(fans[i % 2].accessToken);
            return c.put(path);
        });
        for (const HttpResponse& r : answers)
            BM_EXPECT_STATUS(r, 200);
        QCOMPARE(anonymous()->get("/api/v1/listings/" + l.value("id").toString()).json().value("favoriteCount").toInt(), 2);
        answers = concurrently(8, [&](int i) {
            HttpTestClient c(base);
            c.setAccessToken(fans[i % 2].accessToken);
            return i < 4 ? c.del(path) : c.del(path);
        });
        for (const HttpResponse& r : answers)
            BM_EXPECT_STATUS(r, 200);
        QCOMPARE(anonymous()->get("/api/v1/listings/" + l.value("id").toString()).json().value("favoriteCount").toInt(), 0);
    }

    void badCursorsAreRejected() {
        const HttpResponse first = anonymous()->get("/api/v1/listings?limit=1&sort=price_asc");
        BM_EXPECT_STATUS(first, 200);
        const QString priceCursor = first.json().value("nextCursor").toString();
        QVERIFY(!priceCursor.isEmpty());
        const QByteArray notJson = QByteArray("hello world").toBase64(QByteArray::Base64UrlEncoding);
        const QByteArray wrongShape = QByteArray(R"({"s":"newest","k":["a"]})").toBase64(QByteArray::Base64UrlEncoding);
        for (const QString& bad : {QStringLiteral("garbage!!"), QStringLiteral("%%%"), QString::fromLatin1(notJson),
                                   QString::fromLatin1(wrongShape), QString(2000, u'A')}) {
            const HttpResponse r = anonymous()->get("/api/v1/listings?cursor=" + q(bad));
            BM_EXPECT_ERROR(r, 400, "validation_failed");
            QCOMPARE(errorField(r), QStringLiteral("cursor"));
        }
        // A cursor belongs to its sort.
        const HttpResponse r = anonymous()->get("/api/v1/listings?sort=newest&cursor=" + q(priceCursor));
        BM_EXPECT_ERROR(r, 400, "validation_failed");
        QCOMPARE(errorField(r), QStringLiteral("cursor"));
        BM_EXPECT_STATUS(anonymous()->get("/api/v1/listings?sort=price_asc&cursor=" + q(priceCursor)), 200);
    }

    void favoritesAreIdempotentWithCounts() {
        const QJsonObject l = create(m_seller, listingDraft("Favorite bike", 250'000, "sports"));
        QVERIFY(!l.isEmpty());
        const QString path = "/api/v1/listings/" + l.value("id").toString();
        HttpResponse r = as(m_other)->put(path + "/favorite");
        BM_EXPECT_STATUS(r, 200);
        QCOMPARE(r.json().value("isFavorite").toBool(), true);
        QCOMPARE(r.json().value("favoriteCount").toInt(), 1);
        r = as(m_other)->put(path + "/favorite");
        BM_EXPECT_STATUS(r, 200);
        QCOMPARE(r.json().value("favoriteCount").toInt(), 1);
        r = as(m_viewer)->put(path + "/favorite");
        QCOMPARE(r.json().value("favoriteCount").toInt(), 2);

        QJsonObject d = as(m_other)->get(path).json();
        QCOMPARE(d.value("isFavorite").toBool(), true);
        QCOMPARE(d.value("favoriteCount").toInt(), 2);
        d = as(m_seller)->get(path).json();
        QCOMPARE(d.value("isFavorite").toBool(true), false);
        QCOMPARE(d.value("favoriteCount").toInt(), 2);

        r = as(m_other)->del(path + "/favorite");
        BM_EXPECT_STATUS(r, 200);
        QCOMPARE(r.json().value("isFavorite").toBool(true), false);
        QCOMPARE(r.json().value("favoriteCount").toInt(), 1);
        r = as(m_other)->del(path + "/favorite");
        BM_EXPECT_STATUS(r, 200);
        QCOMPARE(r.json().value("favoriteCount").toInt(), 1);
        QCOMPARE(as(m_other)->get(path).json().value("isFavorite").toBool(true), false);
        QCOMPARE(anonymous()->get(path).json().value("favoriteCount").toInt(), 1);

        BM_EXPECT_ERROR(anonymous()->put(path + "/favorite"), 401, "unauthorized");
        BM_EXPECT_ERROR(anonymous()->del(path + "/favorite"), 401, "unauthorized");
        BM_EXPECT_ERROR(as(m_other)->put("/api/v1/listings/l_doesnotexist00000000/favorite"), 404, "not_found");
        QCOMPARE(anonymous()->get(path).json().value("favoriteCount").toInt(), 1);
    }

    void searchResultsShowTheCallersHearts() {
        // The home grid is a search: its hearts must show what this user favorited.
        const TestUser fan = registerUser(*anonymous(), "heartfan");
        QVERIFY(fan.ok());
        const QString liked = create(m_seller, listingDraft("Hearted lamp zq7")).value("id").toString();
        const QString other = create(m_seller, listingDraft("Plain lamp zq7")).value("id").toString();
        QVERIFY(!liked.isEmpty() && !other.isEmpty());
        BM_EXPECT_STATUS(as(fan)->put("/api/v1/listings/" + liked + "/favorite"), 200);

        auto heartsIn = [&](const HttpResponse& page) {
            QMap<QString, QJsonValue> hearts;
            for (const QJsonValue& v : page.json().value("items").toArray())
                hearts.insert(v.toObject().value("id").toString(), v.toObject().value("isFavorite"));
            return hearts;
        };
        const auto mine = heartsIn(as(fan)->get("/api/v1/listings?q=" + q("lamp zq7")));
        QCOMPARE(mine.size(), 2);
        QCOMPARE(mine.value(liked), QJsonValue(true));
        QCOMPARE(mine.value(other), QJsonValue(false));
        // Someone else sees their own hearts, not the fan's; anonymous callers get none.
        QCOMPARE(heartsIn(as(m_viewer)->get("/api/v1/listings?q=" + q("lamp zq7"))).value(liked),
                 QJsonValue(false));
        QVERIFY(heartsIn(anonymous()->get("/api/v1/listings?q=" + q("lamp zq7"))).value(liked).isUndefined());
    }

    void searchHeartsAreRightOnEveryPage() {
        // Hearts come from one lookup per page: each page must mark exactly the
        // caller's favourites among its own items, whatever the sort or filter.
        const TestUser s = registerUser(*anonymous(), "heart_pager");
        const TestUser fan = registerUser(*anonymous(), "heart_pager_fan");
        QVERIFY(s.ok() && fan.ok());
        QSet<QString> liked;
        QStringList all;
        for (int i = 0; i < 11; ++i) {
            const QString id =
                create(s, listingDraft(QStringLiteral("Heart pager vase %1").arg(i), 1000 + 100 * i,
                                       i % 2 ? "home" : "furniture"))
                    .value("id").toString();
            QVERIFY(!id.isEmpty());
            all.append(id);
            if (i % 3 != 1) {
                BM_EXPECT_STATUS(as(fan)->put("/api/v1/listings/" + id + "/favorite"), 200);
                liked.insert(id);
            }
        }
        // Someone else's heart on a listing the fan did not like changes nothing for the fan.
        BM_EXPECT_STATUS(as(m_other)->put("/api/v1/listings/" + all[1] + "/favorite"), 200);
        for (const QString& query :
             {"sellerId=" + s.id, "sellerId=" + s.id + "&sort=price_asc",
              "sellerId=" + s.id + "&q=" + q("pager vase"), "q=" + q("Heart pager vase"),
              "sellerId=" + s.id + "&category=furniture&sort=popular"}) {
            QSet<QString> seen;
            QString cursor;
            int pages = 0;
            do {
                const HttpResponse page = as(fan)->get(
                    "/api/v1/listings?limit=3&" + query + (cursor.isEmpty() ? "" : "&cursor=" + q(cursor)));
                BM_EXPECT_STATUS(page, 200);
                for (const QJsonValue& v : page.json().value("items").toArray()) {
                    const QString id = v.toObject().value("id").toString();
                    QVERIFY2(v.toObject().value("isFavorite").isBool(), qPrintable(query + ": " + id));
                    QCOMPARE(v.toObject().value("isFavorite").toBool(), liked.contains(id));
                    seen.insert(id);
                }
                cursor = page.json().value("nextCursor").toString();
                ++pages;
            } while (!cursor.isEmpty() && pages < 20);
            QVERIFY2(pages >= 2, qPrintable(query));
            QVERIFY2(!seen.isEmpty() && seen.size() <= all.size(), qPrintable(query));
        }
    }

    void myFavoritesList() {
        const TestUser fan = registerUser(*anonymous(), "fan");
        QVERIFY(fan.ok());
        BM_EXPECT_STATUS(as(fan)->get("/api/v1/me/favorites"), 200);
        QCOMPARE(as(fan)->get("/api/v1/me/favorites").json().value("items").toArray().size(), 0);
        QStringList ids;
        for (int i = 0; i < 3; ++i) {
            const QString id = create(m_seller, listingDraft(QStringLiteral("Fan item %1").arg(i))).value("id").toString();
            QVERIFY(!id.isEmpty());
            BM_EXPECT_STATUS(as(fan)->put("/api/v1/listings/" + id + "/favorite"), 200);
            ids.prepend(id); // newest favorite first
            QTest::qWait(3);
        }
        const HttpResponse all = as(fan)->get("/api/v1/me/favorites");
        BM_EXPECT_STATUS(all, 200);
        QCOMPARE(idsOf(all.json().value("items").toArray()), ids);
        for (const QJsonValue& v : all.json().value("items").toArray())
            QCOMPARE(v.toObject().value("isFavorite").toBool(), true);
        QVERIFY(all.json().value("nextCursor").isNull());

        const HttpResponse p1 = as(fan)->get("/api/v1/me/favorites?limit=2");
        QCOMPARE(idsOf(p1.json().value("items").toArray()), ids.mid(0, 2));
        const QString cursor = p1.json().value("nextCursor").toString();
        QVERIFY(!cursor.isEmpty());
        const HttpResponse p2 = as(fan)->get("/api/v1/me/favorites?limit=2&cursor=" + q(cursor));
        BM_EXPECT_STATUS(p2, 200);
        QCOMPARE(idsOf(p2.json().value("items").toArray()), ids.mid(2));
        QVERIFY(p2.json().value("nextCursor").isNull());

        BM_EXPECT_ERROR(anonymous()->get("/api/v1/me/favorites"), 401, "unauthorized");
        BM_EXPECT_ERROR(as(fan)->get("/api/v1/me/favorites?limit=0"), 400, "validation_failed");
        BM_EXPECT_ERROR(as(fan)->get("/api/v1/me/favorites?cursor=garbage!!"), 400, "validation_failed");
        // Someone else's favorites are not mine.
        QVERIFY(!idsOf(as(m_viewer)->get("/api/v1/me/favorites").json().value("items").toArray()).contains(ids[0]));
    }

    void everythingSurvivesARestart() {
        const QJsonObject l = create(m_seller, listingDraft(QStringLiteral("재시작 후에도 남는 물건"), 12'345, "art"));
        QVERIFY(!l.isEmpty());
        const QString path = "/api/v1/listings/" + l.value("id").toString();
        BM_EXPECT_STATUS(as(m_other)->put(path + "/favorite"), 200);
        QCOMPARE(as(m_viewer)->get(path).json().value("viewCount").toInt(), 1);
        QCOMPARE(m_server->stop(), 0);
        QVERIFY(m_server->start());
        const HttpResponse d = as(m_other)->get(path);
        BM_EXPECT_STATUS(d, 200);
        QCOMPARE(d.json().value("title").toString(), QStringLiteral("재시작 후에도 남는 물건"));
        QCOMPARE(d.json().value("favoriteCount").toInt(), 1);
        QCOMPARE(d.json().value("isFavorite").toBool(), true);
        QCOMPARE(d.json().value("viewCount").toInt(), 2);
        QVERIFY(search("q=" + q(QStringLiteral("재시작"))).contains(l.value("id").toString()));
        // The viewer's view this hour is remembered too.
        QTRY_COMPARE_WITH_TIMEOUT(as(m_viewer)->get(path).json().value("viewCount").toInt(), 2, kViewsWritten);
    }

    void viewsAreStoredWithinSecondsEvenIfTheServerDies() {
        const QJsonObject l = create(m_seller, listingDraft(QStringLiteral("Watched kettle"), 8'000, "home"));
        QVERIFY(!l.isEmpty());
        const QString path = "/api/v1/listings/" + l.value("id").toString();
        QCOMPARE(as(m_viewer)->get(path).json().value("viewCount").toInt(), 1);
        QCOMPARE(as(m_other)->get(path).json().value("viewCount").toInt(), 2);
        // Views wait in memory for about a second, then are written together.
        QTest::qWait(2500);
        m_server->kill();
        QVERIFY(m_server->start());
        QCOMPARE(anonymous()->get("/api/v1/listings?sellerId=" + m_seller.id + "&q=" + q("Watched kettle"))
                     .json().value("items").toArray().first().toObject().value("viewCount").toInt(),
                 2);
        // Both viewers' marks for the hour were written with the counts: no second count.
        QCOMPARE(as(m_viewer)->get(path).json().value("viewCount").toInt(), 2);
        QCOMPARE(as(m_other)->get(path).json().value("viewCount").toInt(), 2);
    }
};

QTEST_GUILESS_MAIN(ListingApiTest)
#include "ListingApiTest.moc"
