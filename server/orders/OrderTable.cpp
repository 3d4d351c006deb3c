#include "orders/OrderTable.h"

#include "bitmarket/Ids.h"

namespace bitmarket::server::orders {

namespace {

constexpr const char* kColumns =
    "o.seq, o.id, l.id, l.title, l.thumb_url, o.buyer_id, o.seller_id, o.amount, o.currency, "
    "o.fee, o.method, o.source, o.status, o.created_at, o.updated_at, o.listing_seq, "
    "o.carrier, o.tracking_number, o.auto_confirm_at, o.buyer_confirmed, o.seller_confirmed, "
    "p.provider, p.status, coalesce(ub.display_name, ''), coalesce(us.display_name, '')";

// The order's payment as its parties see it: the paid (or refunded) one, else the latest.
constexpr const char* kFromOrders =
    " FROM orders o JOIN listings l ON l.seq = o.listing_seq "
    "LEFT JOIN payments p ON p.seq = (SELECT seq FROM payments WHERE order_id = o.id "
    "ORDER BY status IN ('paid', 'refunded') DESC, seq DESC LIMIT 1) "
    "LEFT JOIN users ub ON ub.id = o.buyer_id LEFT JOIN users us ON us.id = o.seller_id";

Order orderFromRow(const db::Query& q) {
    Order o;
    o.id = q.text(1);
    o.listingId = q.text(2);
    o.listingTitle = q.text(3);
    o.listingThumbUrl = q.text(4);
    o.buyerId = q.text(5);
    o.sellerId = q.text(6);
    o.amount = Money{q.integer(7), q.text(8)};
    o.fee = Money{q.integer(9), q.text(8)};
    o.method = q.text(10);
    o.source = q.text(11);
    o.status = q.text(12);
    o.createdAtMs = q.integer(13);
    o.updatedAtMs = q.integer(14);
    o.carrier = q.text(16);
    o.trackingNumber = q.text(17);
    o.autoConfirmAtMs = q.integer(18);
    o.buyerConfirmed = q.integer(19) != 0;
    o.sellerConfirmed = q.integer(20) != 0;
    o.paymentProvider = q.text(21);
    o.paymentStatus = q.text(22);
    o.buyerName = q.text(23);
    o.sellerName = q.text(24);
    return o;
}

void loadHistory(db::Connection& c, qint64 orderSeq, Order& o) {
    auto q = c.query("SELECT status, at FROM order_history WHERE order_seq = ?1 ORDER BY rowid");
    q.bind(orderSeq);
    while (q.next())
        o.history.append(Order::Step{q.text(0), q.integer(1)});
}

} // namespace

QString OrderTable::insert(db::Connection& c, const NewOrder& n, qint64 fee, qint64 nowMs) {
    const QString id = newId("ord");
    c.query("INSERT INTO orders (id, listing_seq, buyer_id, seller_id, amount, currency, method, "
            "source, status, fee, created_at, updated_at) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)")
        .bind(id, n.listingSeq, n.buyerId, n.sellerId, n.amount.amount, n.amount.currency, n.method,
              n.source, n.status, fee, nowMs)
        .run();
    c.query("INSERT INTO order_history (order_seq, status, at) VALUES (?1, ?2, ?3)")
        .bind(c.lastInsertRowId(), n.status, nowMs)
        .run();
    return id;
}

std::optional<Order> OrderTable::find(db::Connection& c, const QString& orderId) {
    auto stored = findStored(c, orderId);
    if (!stored)
        return std::nullopt;
    return stored->order;
}

std::optional<QString> OrderTable::statusOf(db::Connection& c, const QString& orderId) {
    auto q = c.query("SELECT status FROM orders WHERE id = ?1");
    q.bind(orderId);
    if (!q.next())
        return std::nullopt;
    return q.text(0);
}

std::optional<StoredOrder> OrderTable::findStored(db::Connection& c, const QString& orderId) {
    auto q = c.query(std::string("SELECT ") + kColumns + kFromOrders + " WHERE o.id = ?1");
    q.bind(orderId);
    if (!q.next())
        return std::nullopt;
    StoredOrder stored{q.integer(0), q.integer(15), orderFromRow(q)};
    loadHistory(c, stored.seq, stored.order);
    return stored;
}

void OrderTable::move(db::Connection& c, qint64 orderSeq, const QString& status, qint64 nowMs) {
    c.query("UPDATE orders SET status = ?2, updated_at = ?3 WHERE seq = ?1")
        .bind(orderSeq, status, nowMs)
        .run();
    c.query("INSERT INTO order_history (order_seq, status, at) VALUES (?1, ?2, ?3)")
        .bind(orderSeq, status, nowMs)
        .run();
}

void OrderTable::setShipment(db::Connection& c, qint64 orderSeq, const QString& carrier,
                             const QString& trackingNumber, qint64 autoConfirmAtMs) {
    c.query("UPDATE orders SET carrier = ?2, tracking_number = ?3, auto_confirm_at = ?4 "
            "WHERE seq = ?1")
        .bind(orderSeq, carrier, trackingNumber, autoConfirmAtMs)
        .run();
}

void OrderTable::setConfirmed(db::Connection& c, qint64 orderSeq, bool byBuyer, qint64 nowMs) {
    c.query(byBuyer ? "UPDATE orders SET buyer_confirmed = 1, updated_at = ?2 WHERE seq = ?1"
                    : "UPDATE orders SET seller_confirmed = 1, updated_at = ?2 WHERE seq = ?1")
        .bind(orderSeq, nowMs)
        .run();
}

void OrderTable::setCancelReason(db::Connection& c, qint64 orderSeq, const QString& reason) {
    c.query("UPDATE orders SET cancel_reason = ?2 WHERE seq = ?1").bind(orderSeq, reason).run();
}

bool OrderTable::liveOrderFor(db::Connection& c, qint64 listingSeq) {
    auto q = c.query("SELECT 1 FROM orders WHERE listing_seq = ?1 "
                     "AND status NOT IN ('cancelled', 'refunded')");
    q.bind(listingSeq);
    return q.next();
}

OrderTable::Page OrderTable::forUser(db::Connection& c, const QString& userId, const QString& role,
                                     const QString& status, qint64 beforeSeq, int limit) {
    const std::string party = role == u"seller" ? "o.seller_id" : "o.buyer_id";
    auto q = c.query(std::string("SELECT ") + kColumns + kFromOrders + " WHERE " + party +
                     " = ?1 AND (?2 = '' OR o.status = ?2) AND (?3 = 0 OR o.seq < ?3) "
                     "ORDER BY o.seq DESC LIMIT ?4");
    q.bind(userId, status, beforeSeq, limit + 1);
    Page page;
    QList<qint64> seqs;
    while (q.next()) {
        if (page.items.size() == limit) {
            page.nextBeforeSeq = seqs.last();
            break;
        }
        page.items.append(orderFromRow(q));
        seqs.append(q.integer(0));
    }
    for (qsizetype i = 0; i < page.items.size(); ++i)
        loadHistory(c, seqs[i], page.items[i]);
    return page;
}

} // namespace bitmarket::server::orders
