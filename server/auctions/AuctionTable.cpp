#include "auctions/AuctionTable.h"

namespace bitmarket::server::auctions {

namespace {

std::optional<qint64> optionalInteger(const db::Query& q, int column) {
    return q.isNull(column) ? std::nullopt : std::optional<qint64>(q.integer(column));
}

} // namespace

void AuctionTable::start(db::Connection& c, qint64 listingSeq, qint64 endsAtMs, qint64 startPrice) {
    c.query("INSERT INTO auctions (listing_seq, ends_at, current_price) VALUES (?1, ?2, ?3)")
        .bind(listingSeq, endsAtMs, startPrice)
        .run();
}

void AuctionTable::restart(db::Connection& c, qint64 listingSeq, qint64 endsAtMs,
                           qint64 startPrice) {
    c.query("UPDATE auctions SET ends_at = ?2, current_price = ?3, extended = 0 "
            "WHERE listing_seq = ?1 AND bid_count = 0")
        .bind(listingSeq, endsAtMs, startPrice)
        .run();
}

namespace {

constexpr const char* kStandingSelect =
    "SELECT l.seq, l.id, l.title, l.seller_id, l.currency, a.start_price, a.min_increment, "
    "a.buy_now_price, a.reserve_price, u.state, u.ends_at, u.extended, u.current_price, "
    "u.bid_count, u.bidder_count, u.leader_id, u.leader_max, u.second_max, u.winner_id, "
    "u.final_price, u.order_id";
constexpr const char* kStandingTables =
    " FROM listings l JOIN auction_terms a ON a.listing_seq = l.seq "
    "JOIN auctions u ON u.listing_seq = l.seq";

AuctionStanding standingFromRow(const db::Query& q) {
    AuctionStanding s;
    s.listingSeq = q.integer(0);
    s.listingId = q.text(1);
    s.listingTitle = q.text(2);
    s.sellerId = q.text(3);
    s.currency = q.text(4);
    s.startPrice = q.integer(5);
    s.sellerIncrement = q.integer(6);
    s.buyNowPrice = optionalInteger(q, 7);
    s.reservePrice = optionalInteger(q, 8);
    s.state = q.text(9);
    s.endsAtMs = q.integer(10);
    s.extended = q.integer(11) != 0;
    s.price = q.integer(12);
    s.bidCount = q.integer(13);
    s.bidderCount = q.integer(14);
    s.leaderId = q.text(15);
    s.leaderMax = q.integer(16);
    s.secondMax = optionalInteger(q, 17);
    s.winnerId = q.text(18);
    s.finalPrice = optionalInteger(q, 19);
    s.orderId = q.text(20);
    return s;
}

} // namespace

std::optional<AuctionStanding> AuctionTable::load(db::Connection& c, const QString& listingId) {
    auto q = c.query(std::string(kStandingSelect) + kStandingTables +
                     " WHERE l.id = ?1 AND l.status != 'removed'");
    q.bind(listingId);
    if (!q.next())
        return std::nullopt;
    return standingFromRow(q);
}

std::optional<AuctionTable::ForBidder> AuctionTable::loadForBidder(db::Connection& c,
                                                                  const QString& listingId,
                                                                  const QString& bidderId) {
    // One read for the bid: the standing and the bidder's own maximum so far.
    auto q = c.query(std::string(kStandingSelect) + ", ab.max_amount" + kStandingTables +
                     " LEFT JOIN auction_bidders ab ON ab.listing_seq = l.seq AND ab.bidder_id = ?2"
                     " WHERE l.id = ?1 AND l.status != 'removed'");
    q.bind(listingId, bidderId);
    if (!q.next())
        return std::nullopt;
    return ForBidder{standingFromRow(q), optionalInteger(q, 21)};
}

qint64 AuctionTable::recordBid(db::Connection& c, const AuctionStanding& s, const QString& bidderId,
                               qint64 maxAmount, qint64 nowMs, bool endMoved) {
    c.query("INSERT INTO bids (listing_seq, bidder_id, max_amount, amount, created_at) "
            "VALUES (?1, ?2, ?3, ?4, ?5)")
        .bind(s.listingSeq, bidderId, maxAmount, s.price, nowMs)
        .run();
    const qint64 bidSeq = c.lastInsertRowId();
    c.query("INSERT INTO auction_bidders (listing_seq, bidder_id, max_amount, last_bid_seq) "
            "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (listing_seq, bidder_id) "
            "DO UPDATE SET max_amount = excluded.max_amount, last_bid_seq = excluded.last_bid_seq")
        .bind(s.listingSeq, bidderId, maxAmount, bidSeq)
        .run();
    c.query("UPDATE auctions SET current_price = ?2, bid_count = ?3, bidder_count = ?4, "
            "leader_id = ?5, leader_max = ?6, second_max = ?7 WHERE listing_seq = ?1")
        .bind(s.listingSeq, s.price, s.bidCount, s.bidderCount, s.leaderId, s.leaderMax, s.secondMax)
        .run();
    // Only a moved end touches the index the closer and "ending soon" walk.
    if (endMoved)
        c.query("UPDATE auctions SET ends_at = ?2, extended = 1 WHERE listing_seq = ?1")
            .bind(s.listingSeq, s.endsAtMs)
            .run();
    return bidSeq;
}

void AuctionTable::close(db::Connection& c, const AuctionStanding& s, qint64 nowMs) {
    c.query("UPDATE auctions SET state = ?2, winner_id = ?3, final_price = ?4, order_id = ?5, "
            "closed_at = ?6 WHERE listing_seq = ?1")
        .bind(s.listingSeq, s.state, s.winnerId.isEmpty() ? QVariant() : QVariant(s.winnerId),
              s.finalPrice, s.orderId.isEmpty() ? QVariant() : QVariant(s.orderId), nowMs)
        .run();
}

QStringList AuctionTable::dueListingIds(db::Connection& c, qint64 nowMs, int limit) {
    auto q = c.query("SELECT l.id FROM auctions u CROSS JOIN listings l ON l.seq = u.listing_seq "
                     "WHERE u.state = 'running' AND u.ends_at <= ?1 AND l.status != 'removed' "
                     "ORDER BY u.ends_at, u.listing_seq LIMIT ?2");
    q.bind(nowMs, limit);
    QStringList ids;
    while (q.next())
        ids.append(q.text(0));
    return ids;
}

std::optional<qint64> AuctionTable::nextEnd(db::Connection& c) {
    // A removed listing's auction (it had no bids) is gone with it.
    auto q = c.query("SELECT u.ends_at FROM auctions u CROSS JOIN listings l ON l.seq = u.listing_seq "
                     "WHERE u.state = 'running' AND l.status != 'removed' ORDER BY u.ends_at LIMIT 1");
    if (!q.next() || q.isNull(0))
        return std::nullopt;
    return q.integer(0);
}

QStringList AuctionTable::bidderIds(db::Connection& c, qint64 listingSeq) {
    auto q = c.query("SELECT bidder_id FROM auction_bidders WHERE listing_seq = ?1");
    q.bind(listingSeq);
    QStringList ids;
    while (q.next())
        ids.append(q.text(0));
    return ids;
}

QList<BidRecord> AuctionTable::history(db::Connection& c, qint64 listingSeq, qint64 beforeSeq,
                                       int limit) {
    auto q = c.query("SELECT b.seq, b.bidder_id, coalesce(us.display_name, ''), b.amount, "
                     "b.created_at, l.id, l.currency FROM bids b JOIN listings l ON l.seq = b.listing_seq "
                     "LEFT JOIN users us ON us.id = b.bidder_id "
                     "WHERE b.listing_seq = ?1 AND (?2 = 0 OR b.seq < ?2) ORDER BY b.seq DESC LIMIT ?3");
    q.bind(listingSeq, beforeSeq, limit);
    QList<BidRecord> out;
    while (q.next()) {
        BidRecord r;
        r.seq = q.integer(0);
        r.bid.id = QStringLiteral("bid_%1").arg(r.seq);
        r.bid.bidderId = q.text(1);
        r.bid.bidderName = q.text(2);
        r.bid.amount = Money{q.integer(3), q.text(6)};
        r.bid.createdAtMs = q.integer(4);
        r.bid.listingId = q.text(5);
        out.append(r);
    }
    return out;
}

QList<BidderEntry> AuctionTable::bidsOf(db::Connection& c, const QString& userId, qint64 beforeSeq,
                                        int limit) {
    auto q = c.query("SELECT ab.listing_seq, l.id, ab.max_amount, ab.last_bid_seq "
                     "FROM auction_bidders ab JOIN listings l ON l.seq = ab.listing_seq "
                     "WHERE ab.bidder_id = ?1 AND (?2 = 0 OR ab.last_bid_seq < ?2) "
                     "AND l.status != 'removed' ORDER BY ab.last_bid_seq DESC LIMIT ?3");
    q.bind(userId, beforeSeq, limit);
    QList<BidderEntry> out;
    while (q.next())
        out.append(BidderEntry{q.integer(0), q.text(1), q.integer(2), q.integer(3)});
    return out;
}

} // namespace bitmarket::server::auctions
