// Orders: a sale between a buyer and a seller. Other domains create them inside their own
// write (an auction's close, buy-now), so the cause and the order commit together; the
// parties read them here. Every order created is published as OrderChanged once committed.
#pragma once

#include "bitmarket/ApiTypes.h"
#include "db/Database.h"
#include "events/EventBus.h"
#include "orders/OrderTable.h"

namespace bitmarket::server::orders {

struct OrderPage {
    QList<Order> items;
    QString nextCursor;
};

struct OrderQuery {
    QString role = QStringLiteral("buyer"); // buyer, seller
    QString status;                         // empty: any
    QString cursor;
    int limit = 20;
};

class OrderService {
public:
    OrderService(db::Database& db, EventBus& events);

    // Inside the caller's write: conflict when the listing already has a live order.
    Result<Order> placeIn(db::Connection& c, const NewOrder& order, qint64 nowMs);

    // The order, for its buyer or seller only (not_found for anyone else).
    Result<Order> get(const QString& orderId, const QString& userId);
    Result<OrderPage> mine(const QString& userId, const OrderQuery& query);

private:
    db::Database& m_db;
    EventBus& m_events;
};

} // namespace bitmarket::server::orders
