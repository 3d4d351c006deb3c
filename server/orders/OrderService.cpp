#include "orders/OrderService.h"

#include "bitmarket/Cursor.h"

namespace bitmarket::server::orders {

namespace {
const QString kCursorSort = QStringLiteral("orders");
}

OrderService::OrderService(db::Database& db, EventBus& events) : m_db(db), m_events(events) {
}

Result<Order> OrderService::placeIn(db::Connection& c, const NewOrder& order, qint64 nowMs) {
    if (OrderTable::liveOrderFor(c, order.listingSeq))
        return ApiError::conflict(QStringLiteral("This listing already has an order."));
    const QString id = OrderTable::insert(c, order, nowMs);
    Order placed = *OrderTable::find(c, id);
    c.afterCommit([this, placed] { m_events.publish(OrderChanged{placed}); });
    return placed;
}

Result<Order> OrderService::get(const QString& orderId, const QString& userId) {
    return m_db.read([&](db::Connection& c) -> Result<Order> {
        auto order = OrderTable::find(c, orderId);
        if (!order || (order->buyerId != userId && order->sellerId != userId))
            return ApiError::notFound(QStringLiteral("No such order."));
        return *order;
    });
}

Result<OrderPage> OrderService::mine(const QString& userId, const OrderQuery& query) {
    qint64 beforeSeq = 0;
    if (!query.cursor.isEmpty()) {
        const auto cursor = Cursor::decode(query.cursor);
        if (!cursor || cursor->sort != kCursorSort || cursor->keys.size() != 1)
            return ApiError::validation(QStringLiteral("This cursor is not valid for this query."),
                                        "cursor");
        beforeSeq = cursor->keys[0].toInteger();
    }
    return m_db.read([&](db::Connection& c) -> Result<OrderPage> {
        auto page = OrderTable::forUser(c, userId, query.role, query.status, beforeSeq, query.limit);
        OrderPage out{page.items, {}};
        if (page.nextBeforeSeq)
            out.nextCursor = Cursor{kCursorSort, QJsonArray{*page.nextBeforeSeq}}.encode();
        return out;
    });
}

} // namespace bitmarket::server::orders
