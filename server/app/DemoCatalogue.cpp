#include "app/DemoCatalogue.h"

#include "bitmarket/AuctionRules.h"

#include "bitmarket/Timestamp.h"
#include "models/ListingModelState.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>

namespace bitmarket::server {

Q_LOGGING_CATEGORY(lcDemo, "bitmarket.demo")

namespace {

struct DemoSeller {
    const char* username;
    const char* displayName;
};
constexpr DemoSeller kSellers[] = {
    {"minji", "Minji Kim"},
    {"junho", "Junho Park"},
    {"sora", "Sora Lee"},
};

// The demo's auctions in the order the catalogue meets them: when each ends, its terms, and the
// maximums the other demo users bid (as shares of the item's price; 0: no bid).
struct DemoAuction {
    qint64 endsInMinutes;
    bool reserve;
    bool buyNow;
    int firstBidPercent;
    int secondBidPercent;
};
constexpr DemoAuction kAuctions[] = {
    {4, false, false, 70, 85},      // closes minutes after a fresh start, sold
    {15, true, false, 60, 75},      // a reserve the bids have not met yet
    {180, false, true, 0, 0},       // buy-now still offered: nobody bid
    {2 * 24 * 60, false, false, 55, 65},
};

// Who saves which keyword (the index into kSellers), for items of the others.
struct DemoKeyword {
    int user;
    const char* keyword;
};
constexpr DemoKeyword kKeywords[] = {
    {0, "guitar"}, {0, "plant"}, {1, "camera"}, {1, "keyboard"}, {2, "speaker"}, {2, "hat"},
};

// A user keeps a fixed-price listing of another (by manifest index), whose seller then
// lowers the price by a tenth. Minji, whom the client's tests sign in as, keeps none: her
// favorites start empty.
struct DemoPriceDrop {
    int user;
    int item;
};
constexpr DemoPriceDrop kPriceDrops[] = {{1, 3}, {2, 4}, {2, 1}};

Result<QByteArray> readFile(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return ApiError::internal(QStringLiteral("Cannot read demo asset %1.").arg(path));
    return f.readAll();
}

} // namespace

DemoCatalogue::DemoCatalogue(db::Database& db, AuthService& auth, ListingService& listings,
                             notifications::SavedKeywordService& keywords,
                             const SameTransactionEvents& effects,
                             auctions::AuctionService& auctions, chat::ChatService& chats,
                             orders::OrderService& orders, media::PhotoIngest& photos, media::MediaStore& store, QString assetsDir)
    : m_db(db), m_auth(auth), m_listings(listings), m_keywords(keywords), m_effects(effects),
      m_auctions(auctions), m_chats(chats), m_orders(orders), m_photos(photos), m_store(store), m_assetsDir(std::move(assetsDir)) {}

QString DemoCatalogue::findAssetsDir(const QString& configured) {
    const QStringList candidates = {
        configured,
        QCoreApplication::applicationDirPath() + QStringLiteral("/../share/bitmarket/demo"),
        QStringLiteral(BITMARKET_SOURCE_DIR "/assets/demo"),
    };
    for (const QString& dir : candidates) {
        if (!dir.isEmpty() && QFile::exists(dir + QStringLiteral("/items/manifest.json")))
            return QDir(dir).absolutePath();
    }
    return {};
}

Result<QString> DemoCatalogue::createSeller(const QString& username, const QString& displayName) {
    auto session = m_auth.registerUser(Registration{
        username, username + QStringLiteral("@demo.bitmarket.local"), QString::fromLatin1(kPassword),
        displayName});
    if (!session)
        return session.error();
    return session->user.id;
}

Result<void> DemoCatalogue::attachPhotos(const QString& sellerId, const QString& listingId,
                                         const QStringList& files) {
    QList<StoredPhoto> stored;
    for (const QString& file : files) {
        QByteArray bytes;
        BITMARKET_TRY(bytes, readFile(file));
        media::IngestedPhoto photo;
        BITMARKET_TRY(photo, m_photos.ingest(bytes));
        stored.append(StoredPhoto{photo.hash, photo.url, photo.thumbUrl, photo.width, photo.height});
    }
    auto added = m_listings.addPhotos(listingId, sellerId, stored);
    if (!added)
        return added.error();
    return {};
}

Result<void> DemoCatalogue::attachModel(const Listing& listing, const QString& glbPath,
                                        const QString& previewPath, const QString& quality,
                                        qint64 triangles, bool tellSeller) {
    QByteArray glb, preview;
    BITMARKET_TRY(glb, readFile(glbPath));
    BITMARKET_TRY(preview, readFile(previewPath));
    media::StoredFile model, previewFile;
    BITMARKET_TRY(model, m_store.storeFile(glb, QStringLiteral("glb")));
    BITMARKET_TRY(previewFile, m_store.storeFile(preview, QStringLiteral("png")));
    const ModelInfo info{QStringLiteral("done"), model.urlPath, previewFile.urlPath, quality,
                         triangles, {}, {}};
    return m_db.write([&](db::Connection& c) -> Result<void> {
        models::ListingModelState::attach(c, listing.id, info);
        if (!tellSeller)
            return {};
        return m_effects.record(
            c, ModelFinished{listing.id, listing.title, listing.sellerId, {}, true, {}});
    });
}

Result<Listing> DemoCatalogue::createListing(const QString& sellerId, const QJsonObject& item,
                                             int index) {
    ListingDraft d;
    d.title = item.value("title").toString();
    d.description = item.value("description").toString();
    d.categoryId = item.value("category").toString();
    d.price = Money{item.value("priceKrw").toInteger(), QStringLiteral("KRW")};
    d.condition = item.value("condition").toString();
    for (const QJsonValue& t : item.value("tags").toArray())
        d.tags.append(t.toString());
    d.region = item.value("region").toString();
    d.saleType = QStringLiteral("fixed");
    // Every third item is an auction, ending at staggered times from the first minutes on, so
    // a newcomer sees bids, a reserve, buy-now and a close happen.
    if (index % 3 == 2) {
        const DemoAuction& plan = kAuctions[(index / 3) % std::size(kAuctions)];
        d.saleType = QStringLiteral("auction");
        Auction a;
        a.startPrice = Money{d.price.amount / 2, d.price.currency};
        a.tieredIncrement = true;
        a.minIncrement = auction::tieredIncrement(a.startPrice);
        if (plan.reserve)
            a.reservePrice = d.price;
        if (plan.buyNow)
            a.buyNowPrice = Money{d.price.amount + d.price.amount / 5, d.price.currency};
        a.endsAtMs = nowMs() + plan.endsInMinutes * 60'000;
        d.auction = a;
        d.price = a.startPrice;
    }
    return m_listings.create(sellerId, d);
}

Result<QString> DemoCatalogue::seedItem(const QString& sellerId, const QJsonObject& item,
                                        const QString& dir, int index) {
    Listing listing;
    BITMARKET_TRY(listing, createListing(sellerId, item, index));
    QStringList photos;
    for (const QString& name : QDir(dir).entryList(
             {QStringLiteral("photo-*.jpg"), QStringLiteral("IMG_*.jpg")}, QDir::Files, QDir::Name))
        photos.append(dir + u'/' + name);
    if (auto ok = attachPhotos(sellerId, listing.id, photos); !ok)
        return ok.error();
    if (!QFile::exists(dir + QStringLiteral("/model.glb")))
        return listing.id;
    const QJsonObject model = item.value("model").toObject();
    const bool firstModel = !m_sellersWithModel.contains(sellerId);
    m_sellersWithModel.insert(sellerId);
    if (auto ok = attachModel(listing, dir + QStringLiteral("/model.glb"),
                              dir + QStringLiteral("/preview.png"),
                              model.value("quality").toString(QStringLiteral("full")),
                              item.value("triangles").toInteger(model.value("triangles").toInteger()),
                              firstModel);
        !ok)
        return ok.error();
    return listing.id;
}

Result<void> DemoCatalogue::saveKeywords(const QStringList& sellerIds) {
    for (const DemoKeyword& k : kKeywords) {
        SavedKeyword keyword;
        keyword.keyword = QString::fromLatin1(k.keyword);
        if (auto saved = m_keywords.add(sellerIds[k.user], keyword); !saved)
            return saved.error();
    }
    return {};
}

Result<void> DemoCatalogue::dropPrices(const QStringList& sellerIds,
                                       const QStringList& listingIds, const QJsonArray& items) {
    for (const DemoPriceDrop& d : kPriceDrops) {
        const QString& listingId = listingIds[d.item];
        if (auto kept = m_listings.setFavorite(listingId, sellerIds[d.user], true); !kept)
            return kept.error();
        const qint64 price = items[d.item].toObject().value("priceKrw").toInteger();
        ListingPatch patch;
        patch.price = Money{price - price / 10, QStringLiteral("KRW")};
        const QString sellerId = sellerIds[d.item % sellerIds.size()];
        if (auto lowered = m_listings.update(listingId, sellerId, patch); !lowered)
            return lowered.error();
    }
    return {};
}

Result<void> DemoCatalogue::placeBids(const QStringList& sellerIds, const QStringList& listingIds,
                                      const QJsonArray& items) {
    for (int i = 2; i < listingIds.size(); i += 3) {
        const DemoAuction& plan = kAuctions[(i / 3) % std::size(kAuctions)];
        const qint64 price = items[i].toObject().value("priceKrw").toInteger();
        // The two demo users who are not the seller bid, one after the other, taking turns at
        // being first (and so at being outbid).
        const int turn = (i / 3) % 2;
        const QString first = sellerIds[(i + 1 + turn) % sellerIds.size()];
        const QString second = sellerIds[(i + 2 - turn) % sellerIds.size()];
        for (const auto& [bidder, percent] :
             {std::pair{first, plan.firstBidPercent}, std::pair{second, plan.secondBidPercent}}) {
            if (percent == 0)
                continue;
            const Money max{price * percent / 100, QStringLiteral("KRW")};
            if (auto placed = m_auctions.placeBid(listingIds[i], bidder, max, {}); !placed)
                return placed.error();
        }
    }
    return {};
}

Result<void> DemoCatalogue::startChats(const QStringList& sellerIds, const QStringList& listingIds,
                                       const QString& photoPath) {
    const QString& minji = sellerIds[0];
    const QString& junho = sellerIds[1];
    const QString& sora = sellerIds[2];
    struct Line {
        const QString& from;
        const char* text;
    };
    const auto converse = [this](const QString& chatId, std::initializer_list<Line> lines) -> Result<qint64> {
        qint64 last = 0;
        for (const Line& line : lines) {
            chat::SentMessage sent;
            BITMARKET_TRY(sent, m_chats.sendText(chatId, line.from, QString::fromUtf8(line.text), {}));
            last = sent.message.seq;
        }
        return last;
    };
    const auto open = [this](const QString& listingId, const QString& buyerId) -> Result<QString> {
        chat::OpenedChat opened;
        BITMARKET_TRY(opened, m_chats.open(listingId, buyerId));
        return opened.room.id;
    };

    // Junho and minji agree on a meet-up for minji's mug, tomorrow afternoon.
    QString mug;
    BITMARKET_TRY(mug, open(listingIds[0], junho));
    if (auto said = converse(mug, {{junho, "안녕하세요! 머그컵 아직 있나요?"},
                                   {minji, "네, 아직 있어요."},
                                   {junho, "내일 오후 3시에 홍대입구역 2번 출구 괜찮으세요?"},
                                   {minji, "좋아요, 그때 봬요!"}});
        !said)
        return said.error();
    const QDateTime tomorrow(QDate::currentDate().addDays(1), QTime(15, 0));
    ChatMessage card;
    BITMARKET_TRY(card, m_chats.proposeAppointment(mug, junho, tomorrow.toMSecsSinceEpoch(),
                                                   QStringLiteral("홍대입구역 2번 출구")));
    if (auto accepted = m_chats.answerAppointment(mug, card.id, minji, true); !accepted)
        return accepted.error();
    for (const QString& member : {minji, junho}) {
        if (auto read = m_chats.markRead(mug, member, card.seq + 1); !read)
            return read.error();
    }

    // Sora asks junho about his guitar and sends a photo; junho has not read it yet.
    QString guitar;
    BITMARKET_TRY(guitar, open(listingIds[4], sora));
    if (auto said = converse(guitar, {{sora, "Hi! Is the guitar still available?"},
                                      {junho, "Yes, it is. Happy to show it."}});
        !said)
        return said.error();
    QByteArray photo;
    BITMARKET_TRY(photo, readFile(photoPath));
    if (auto sent = m_chats.sendImage(guitar, sora, photo); !sent)
        return sent.error();
    if (auto said = converse(guitar, {{sora, "Is this the scratch you mentioned?"}}); !said)
        return said.error();

    // Minji asks junho for a discount on his vase; both have read it.
    QString vase;
    BITMARKET_TRY(vase, open(listingIds[1], minji));
    qint64 seq = 0;
    BITMARKET_TRY(seq, converse(vase, {{minji, "Could you do a little less?"},
                                       {junho, "Sorry, the price is firm."},
                                       {minji, "No problem, thanks!"}}));
    for (const QString& member : {minji, junho}) {
        if (auto read = m_chats.markRead(vase, member, seq); !read)
            return read.error();
    }
    return {};
}

Result<void> DemoCatalogue::placeOrders(const QStringList& sellerIds, const QStringList& listingIds) {
    const QString& minji = sellerIds[0];
    const QString& junho = sellerIds[1];
    const QString inPerson = QStringLiteral("in_person");
    // Minji bought Junho's basketball and both confirmed the meet-up.
    Order ball;
    BITMARKET_TRY(ball, m_orders.buy(listingIds[7], minji, inPerson, {}));
    for (const QString& side : {junho, minji})
        if (auto confirmed = m_orders.confirm(ball.id, side); !confirmed)
            return confirmed.error();
    // Junho bought Minji's mug, to be handed over at the meet-up they agreed in the chat.
    if (auto mug = m_orders.buy(listingIds[0], junho, inPerson, {}); !mug)
        return mug.error();
    return {};
}

Result<int> DemoCatalogue::seedIfEmpty() {
    auto empty = m_db.read([](db::Connection& c) -> Result<bool> {
        auto q = c.query("SELECT NOT EXISTS (SELECT 1 FROM users)");
        q.next();
        return q.integer(0) != 0;
    });
    if (!empty)
        return empty.error();
    if (!empty.value())
        return 0;
    if (m_assetsDir.isEmpty())
        return ApiError::internal(QStringLiteral("No demo assets found (set --demo-assets)."));

    QByteArray manifestBytes;
    BITMARKET_TRY(manifestBytes, readFile(m_assetsDir + QStringLiteral("/items/manifest.json")));
    const QJsonArray items = QJsonDocument::fromJson(manifestBytes).array();
    if (items.isEmpty())
        return ApiError::internal(QStringLiteral("The demo manifest lists no items."));

    QStringList sellerIds;
    for (const DemoSeller& s : kSellers) {
        QString id;
        BITMARKET_TRY(id, createSeller(QString::fromLatin1(s.username),
                                       QString::fromLatin1(s.displayName)));
        sellerIds.append(id);
    }
    if (auto ok = saveKeywords(sellerIds); !ok)
        return ok.error();
    QStringList listingIds;
    for (int i = 0; i < items.size(); ++i) {
        const QJsonObject item = items[i].toObject();
        const QString dir = m_assetsDir + QStringLiteral("/items/") + item.value("slug").toString();
        QString listingId;
        BITMARKET_TRY(listingId, seedItem(sellerIds[i % sellerIds.size()], item, dir, i));
        listingIds.append(listingId);
    }
    int created = static_cast<int>(listingIds.size());
    if (auto ok = dropPrices(sellerIds, listingIds, items); !ok)
        return ok.error();
    if (auto ok = placeBids(sellerIds, listingIds, items); !ok)
        return ok.error();
    const QString guitarPhoto = m_assetsDir + QStringLiteral("/items/") +
                                items[4].toObject().value("slug").toString() +
                                QStringLiteral("/photo-1.jpg");
    if (auto ok = startChats(sellerIds, listingIds, guitarPhoto); !ok)
        return ok.error();
    if (auto ok = placeOrders(sellerIds, listingIds); !ok)
        return ok.error();
    // The monstree photos are real phone shots: a listing made the way a seller would.
    const QString monstree = m_assetsDir + QStringLiteral("/monstree");
    if (QFile::exists(monstree + QStringLiteral("/listing.json"))) {
        QByteArray bytes;
        BITMARKET_TRY(bytes, readFile(monstree + QStringLiteral("/listing.json")));
        if (auto ok = seedItem(sellerIds.first(), QJsonDocument::fromJson(bytes).object(), monstree,
                               0);
            !ok)
            return ok.error();
        ++created;
    }
    qCInfo(lcDemo).noquote() << "demo catalogue:" << created << "listings; sign in as"
                             << QStringList{"minji", "junho", "sora"}.join(", ")
                             << "with password" << kPassword;
    return created;
}

} // namespace bitmarket::server
