#include "CatalogueSeeder.h"

#include "bitmarket/ApiTypes.h"
#include "bitmarket/Ids.h"
#include "bitmarket/Timestamp.h"
#include "db/Database.h"

#include <QRandomGenerator>

namespace bitmarket::bench {

namespace {
const QStringList kBrands = {"Apple",  "Samsung", "LG",    "Sony",   "Canon", "Nikon", "IKEA",
                             "Nike",   "Adidas",  "Fender", "Yamaha", "Dyson", "Lego",  "Muji"};
const QStringList kItems = {"iPhone 13 mini", "Galaxy S22", "laptop",      "camera",
                            "headphones",     "desk chair", "bookshelf",   "sneakers",
                            "guitar",         "road bike",  "rice cooker", "vacuum",
                            "아이폰 13 미니", "갤럭시 버즈", "전기밥솥",  "원목 책상",
                            "캠핑 의자",      "자전거",     "노트북 가방", "유모차"};
const QStringList kAdjectives = {"barely used", "mint", "vintage", "like new", "with box",
                                 "급처",        "새상품", "정품",  "풀박스", "상태 좋음"};
const QStringList kCategories = {"phones", "computers", "cameras", "audio", "furniture",
                                 "home",   "fashion",   "books",   "sports", "toys"};

QStringList searchTerms() {
    return {"iphone", "camera", "guitar", "sneakers", "아이폰", "자전거",
            "폰 13", "vintage", "노트북", "chair"};
}
} // namespace

SeededCatalogue seedCatalogue(const QString& dataDir, int listings) {
    server::db::Database db({dataDir + QStringLiteral("/bitmarket.db"), 1});
    SeededCatalogue out;
    auto* rng = QRandomGenerator::global();
    const QString sellerId = newId("u");
    const qint64 now = nowMs();
    auto seeded = db.write([&](server::db::Connection& c) -> Result<bool> {
        c.query("INSERT INTO users (id, username, username_key, email, email_key, display_name, "
                "password_hash, created_at) VALUES (?1, 'bench', 'bench', 'bench@example.com', "
                "'bench@example.com', 'Bench Seller', 'scrypt$disabled', ?2)")
            .bind(sellerId, now)
            .run();
        for (int i = 0; i < listings; ++i) {
            const QString id = newId("l");
            const QString title = kBrands[rng->bounded(kBrands.size())] + u' ' +
                                  kItems[rng->bounded(kItems.size())] + u' ' +
                                  kAdjectives[rng->bounded(kAdjectives.size())];
            c.query("INSERT INTO listings (id, seller_id, title, description, category_id, "
                    "price_amount, currency, condition, tags, region, sale_type, status, "
                    "created_at, updated_at, favorite_count) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
                    "'KRW', ?7, '[]', 'Seoul', 'fixed', 'active', ?8, ?8, ?9)")
                .bind(id, sellerId, title,
                      QStringLiteral("Selling my %1. Works perfectly, pick-up in Seoul.").arg(title),
                      kCategories[rng->bounded(kCategories.size())],
                      static_cast<qint64>(rng->bounded(1000, 3'000'000)),
                      bitmarket::kConditions[rng->bounded(bitmarket::kConditions.size())],
                      now - static_cast<qint64>(listings - i) * 1000,
                      static_cast<qint64>(rng->bounded(50)))
                .run();
            out.listingIds.append(id);
        }
        return true;
    });
    if (!seeded)
        qFatal("seeding failed: %s", qPrintable(seeded.error().message));
    out.searchTerms = searchTerms();
    return out;
}

SeededCatalogue loadCatalogue(const QString& dataDir) {
    // Read-only and without migrating: the server under test (maybe an older
    // build, see BITMARKET_SERVER_BINARY) migrates its database itself.
    server::db::Connection c(dataDir + QStringLiteral("/bitmarket.db"),
                             server::db::Connection::Mode::ReadOnly);
    SeededCatalogue out;
    auto q = c.query("SELECT id FROM listings");
    while (q.next())
        out.listingIds.append(q.text(0));
    out.searchTerms = searchTerms();
    return out;
}

} // namespace bitmarket::bench
