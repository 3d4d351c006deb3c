// The API's resources as C++ values, with the JSON the contract fixes
// (see docs/openapi.json). Server writes them, client reads them.
#pragma once

#include "bitmarket/JsonWriter.h"
#include "bitmarket/ListingRules.h"
#include "bitmarket/Money.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QStringList>
#include <optional>

namespace bitmarket {

struct User {
    QString id;
    QString username;
    QString email; // only in the owner's own view
    QString displayName;
    qint64 createdAtMs = 0;
    QStringList roles; // only in the owner's own view: "moderator", "admin"

    QJsonObject toJson(bool includePrivate) const;
    static User fromJson(const QJsonObject& o);
};

struct SellerSummary {
    QString id;
    QString username;
    QString displayName;

    QJsonObject toJson() const;
    // The same JSON as toJson(), written straight to text.
    void writeJson(JsonWriter& w) const;
    static SellerSummary fromJson(const QJsonObject& o);
};

struct Category {
    QString id;
    QString name;
    QString parentId;

    QJsonObject toJson() const;
    static Category fromJson(const QJsonObject& o);
};

struct Photo {
    QString id;
    QString url;
    QString thumbUrl;
    int width = 0;
    int height = 0;

    QJsonObject toJson() const;
    // The same JSON as toJson(), written straight to text.
    void writeJson(JsonWriter& w) const;
    static Photo fromJson(const QJsonObject& o);
};

struct ModelInfo {
    QString status; // none, queued, running, done, failed
    QString url;
    QString previewUrl;
    QString quality; // full, approximate
    qint64 triangles = 0;
    QString jobId;
    QString error;

    QJsonObject toJson() const;
    // The same JSON as toJson(), written straight to text.
    void writeJson(JsonWriter& w) const;
    static ModelInfo fromJson(const QJsonObject& o);
};

struct Job {
    QString id;
    QString kind;
    QString status; // queued, running, done, failed
    double progress = 0;
    QString stage;
    QString error;
    QString listingId;
    int attempts = 0;
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;

    QJsonObject toJson() const;
    static Job fromJson(const QJsonObject& o);
};

// A listing's auction: the terms its seller set and how it stands. Listings,
// bid answers and the auction.* frames all carry this one object.
struct Auction {
    // The terms, frozen after the first bid.
    Money startPrice;
    Money minIncrement;           // the seller's, or the tier in force at the current price
    bool tieredIncrement = false; // the seller left the increment to the tiered table
    std::optional<Money> buyNowPrice;
    std::optional<Money> reservePrice; // in answers, only to the seller
    qint64 endsAtMs = 0;               // moves when a late bid extends the auction

    // How it stands (answers only).
    QString state = QStringLiteral("running"); // running, ended, cancelled
    Money currentPrice;
    qint64 bidCount = 0;
    qint64 bidderCount = 0;
    QString leaderId; // empty before the first bid
    Money minNextBid;
    bool reserveMet = false; // the leader's maximum reached the reserve (false before a bid)
    bool extended = false;   // a late bid moved the end at least once
    QString winnerId;        // once ended with a sale
    std::optional<Money> finalPrice;
    QString orderId;
    std::optional<Money> yourMax; // the caller's own maximum, only for the caller

    QJsonObject toJson() const;
    // The same JSON as toJson(), written straight to text.
    void writeJson(JsonWriter& w) const;
    static Auction fromJson(const QJsonObject& o);
};

// One accepted bid in an auction's public history: `amount` is the visible
// price the bid produced; nobody's maximum is shown.
struct Bid {
    QString id;
    QString listingId;
    QString bidderId;
    QString bidderName;
    Money amount;
    qint64 createdAtMs = 0;

    QJsonObject toJson() const;
    static Bid fromJson(const QJsonObject& o);
};

struct Listing {
    QString id;
    QString title;
    QString description;
    QString categoryId;
    Money price;
    QString condition; // new, like_new, good, fair, for_parts
    QStringList tags;
    QString region;
    QString saleType; // fixed, auction
    QString status;   // active, reserved, sold, ended, removed
    QString sellerId;
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;
    QString thumbUrl;
    std::optional<Auction> auction;
    qint64 favoriteCount = 0;
    qint64 viewCount = 0;
    bool hasModel = false;

    // Detail-only parts.
    QList<Photo> photos;
    std::optional<ModelInfo> model;
    std::optional<SellerSummary> seller;
    std::optional<bool> isFavorite;

    QJsonObject toJson() const;
    // The same JSON as toJson(), written straight to text: the list and detail
    // answers use it because building the QJsonObject costs more than the query.
    void writeJson(JsonWriter& w) const;
    static Listing fromJson(const QJsonObject& o);
};

// The answer to a bid: whether the bidder leads, their maximum, and the auction as it stands
// after the bid (with their own maximum). A retried bid gets the same answer again.
struct PlacedBid {
    bool leading = false;
    Money yourMax;
    Auction auction;

    // Written straight to text: the answer on the hottest write path.
    void writeJson(JsonWriter& w) const;
    static PlacedBid fromJson(const QJsonObject& o);
};

// An auction the caller bid on, as GET /me/bids lists it.
struct MyBid {
    Listing listing;
    Money yourMax;
    QString status; // leading, outbid, won, lost

    QJsonObject toJson() const;
    static MyBid fromJson(const QJsonObject& o);
};

// A sale between a buyer and a seller: bought at a fixed price, bought now, or won.
struct Order {
    struct Step {
        QString status;
        qint64 atMs = 0;
    };
    QString id;
    QString listingId;
    QString listingTitle;
    QString listingThumbUrl;
    QString buyerId;
    QString sellerId;
    QString buyerName; // display names, so each side sees who the other is
    QString sellerName;
    Money amount;
    Money fee;
    QString method; // in_person, escrow
    QString source; // purchase, buy_now, auction
    QString status; // awaiting_payment, paid, shipped, completed, cancelled, refunded; awaiting_meetup
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;
    QList<Step> history;
    QString paymentProvider; // empty: no payment asked for yet
    QString paymentStatus;   // pending, authorized, paid, declined, expired, refunded, cancelled
    QString carrier;         // empty: not shipped
    QString trackingNumber;
    qint64 autoConfirmAtMs = 0; // a shipped order confirms itself then; 0: not shipped
    bool buyerConfirmed = false;  // in person: each side confirms the meet-up
    bool sellerConfirmed = false;

    QJsonObject toJson() const;
    static Order fromJson(const QJsonObject& o);
};

// One entry of a user's inbox. `title` and `body` are in the reader's language, rendered from
// `type` and `data` when read; `count` is how many events a grouped notification stands for.
struct Notification {
    QString id;
    QString type;
    QString title;
    QString body;
    QJsonObject data; // the ids a client needs to open what it is about (listingId, ...)
    int count = 1;
    qint64 createdAtMs = 0; // of the latest event it groups
    qint64 readAtMs = 0;    // 0: unread

    QJsonObject toJson() const;
    static Notification fromJson(const QJsonObject& o);
};

// A saved search for keyword alerts.
struct SavedKeyword {
    QString id;
    QString keyword;
    QString categoryId;            // empty: any category
    std::optional<Money> maxPrice; // none: any price

    QJsonObject toJson() const;
    static SavedKeyword fromJson(const QJsonObject& o);
};

// A meet-up one chat member proposes and the other accepts or declines.
struct Appointment {
    qint64 atMs = 0;
    QString place;
    QString status = QStringLiteral("proposed"); // proposed, accepted, declined

    QJsonObject toJson() const;
    static Appointment fromJson(const QJsonObject& o);
};

// One message of a chat. `seq` counts 1, 2, 3... inside its chat. A system message has no
// sender and says in `system` what happened ({"event": "listing_sold", ...}).
struct ChatMessage {
    QString id;
    QString chatId;
    qint64 seq = 0;
    QString senderId; // empty for system messages
    QString kind;     // text, image, system, appointment
    QString text;
    std::optional<Photo> image;
    std::optional<Appointment> appointment;
    QJsonObject system;
    QString clientId;
    qint64 createdAtMs = 0;

    QJsonObject toJson() const;
    // The same JSON as toJson(), written straight to text (every chat message is sent twice).
    void writeJson(JsonWriter& w) const;
    static ChatMessage fromJson(const QJsonObject& o);
};

// A chat as one of its members sees it: one room per (listing, buyer) with the listing's seller.
struct ChatRoom {
    struct ListingPart {
        QString id;
        QString title;
        QString thumbUrl;
        Money price;
        QString status;
    };
    QString id;
    ListingPart listing;
    QString buyerId;
    QString sellerId;
    QString counterpartId;
    QString counterpartName;
    std::optional<ChatMessage> lastMessage;
    qint64 lastSeq = 0;
    qint64 unreadCount = 0;
    qint64 yourReadSeq = 0;
    qint64 otherReadSeq = 0;
    bool blockedByYou = false; // you blocked the other member
    bool blockedYou = false;   // the other member blocked you
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;

    QJsonObject toJson() const;
    static ChatRoom fromJson(const QJsonObject& o);
};

struct AuthSession {
    User user;
    QString accessToken;
    QString refreshToken;
    int expiresIn = 0;

    QJsonObject toJson() const;
    static AuthSession fromJson(const QJsonObject& o);
};

inline const QStringList kConditions = listing::namesOf(listing::kConditionsInOrder);
inline const QStringList kListingStatuses = listing::namesOf(listing::kStatusesInOrder);
inline const QStringList kSaleTypes = listing::namesOf(listing::kSaleTypesInOrder);
inline const QStringList kListingSorts = {"newest", "price_asc", "price_desc", "popular",
                                          "ending_soon"};

} // namespace bitmarket
