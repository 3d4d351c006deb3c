// Owns orders and order_history: a sale's row, what happened to it and the statuses it went
// through.
#pragma once

#include "bitmarket/ApiTypes.h"
#include "db/Connection.h"

#include <optional>

namespace bitmarket::server::orders {

struct NewOrder {
    qint64 listingSeq = 0;
    QString buyerId;
    QString sellerId;
    Money amount;
    QString method; // in_person, escrow
    QString source; // purchase, buy_now, auction
    QString status; // the first status: awaiting_payment or awaiting_meetup
};

// An order with the row numbers a write needs.
struct StoredOrder {
    qint64 seq = 0;
    qint64 listingSeq = 0;
    Order order;
};

class OrderTable {
public:
    // The order's id. The caller has checked that the listing has no live order.
    static QString insert(db::Connection& c, const NewOrder& order, qint64 fee, qint64 nowMs);
    static std::optional<Order> find(db::Connection& c, const QString& orderId);
    static std::optional<StoredOrder> findStored(db::Connection& c, const QString& orderId);
    // Only the order's status (what deciding about a payment needs), without loading the order.
    static std::optional<QString> statusOf(db::Connection& c, const QString& orderId);
    // A new status, recorded in the order's history.
    static void move(db::Connection& c, qint64 orderSeq, const QString& status, qint64 nowMs);
    static void setShipment(db::Connection& c, qint64 orderSeq, const QString& carrier,
                            const QString& trackingNumber, qint64 autoConfirmAtMs);
    // In person: the buyer's or the seller's confirmation of the meet-up.
    static void setConfirmed(db::Connection& c, qint64 orderSeq, bool byBuyer, qint64 nowMs);
    static void setCancelReason(db::Connection& c, qint64 orderSeq, const QString& reason);
    // Whether the listing has an order that is neither cancelled nor refunded.
    static bool liveOrderFor(db::Connection& c, qint64 listingSeq);

    struct Page {
        QList<Order> items;
        std::optional<qint64> nextBeforeSeq; // the last item's seq when more follow
    };
    // The user's orders as buyer or seller (`role`), newest first, before `beforeSeq` (0: from
    // the newest), optionally of one status.
    static Page forUser(db::Connection& c, const QString& userId, const QString& role,
                        const QString& status, qint64 beforeSeq, int limit);
};

} // namespace bitmarket::server::orders
