#include "http/OrderRoutes.h"

#include "http/Responses.h"

namespace bitmarket::server {

namespace {

const QStringList kRoles = {QStringLiteral("buyer"), QStringLiteral("seller")};
const QStringList kStatuses = {
    QStringLiteral("awaiting_payment"), QStringLiteral("paid"),      QStringLiteral("shipped"),
    QStringLiteral("completed"),        QStringLiteral("cancelled"), QStringLiteral("refunded"),
    QStringLiteral("awaiting_meetup")};

Result<orders::OrderQuery> orderQueryFrom(const httplib::Request& req) {
    orders::OrderQuery q;
    const QString role = queryParam(req, "role");
    if (!role.isEmpty() && !kRoles.contains(role))
        return ApiError::validation(QStringLiteral("role is buyer or seller."), "role");
    if (!role.isEmpty())
        q.role = role;
    q.status = queryParam(req, "status");
    if (!q.status.isEmpty() && !kStatuses.contains(q.status))
        return ApiError::validation(QStringLiteral("Unknown status."), "status");
    q.cursor = queryParam(req, "cursor");
    BITMARKET_TRY(q.limit, pageLimit(req));
    return q;
}

} // namespace

void addOrderRoutes(Router& router, orders::OrderService& orders) {
    router.get("/api/v1/orders/{id}", Access::SignedIn,
               [&](const httplib::Request& req, httplib::Response& res, const Caller& caller) {
                   sendResult(req, res, 200, orders.get(pathParam(req, 1), caller.userId),
                              [](const Order& o) { return QJsonObject{{"order", o.toJson()}}; });
               });

    router.get("/api/v1/me/orders", Access::SignedIn,
               [&](const httplib::Request& req, httplib::Response& res, const Caller& caller) {
                   auto query = orderQueryFrom(req);
                   if (!query)
                       return sendError(req, res, query.error());
                   sendResult(req, res, 200, orders.mine(caller.userId, *query),
                              [](const orders::OrderPage& page) {
                                  QJsonArray items;
                                  for (const Order& o : page.items)
                                      items.append(o.toJson());
                                  return QJsonObject{{"items", items},
                                                     {"nextCursor", page.nextCursor.isEmpty()
                                                                        ? QJsonValue()
                                                                        : QJsonValue(page.nextCursor)}};
                              });
               });
}

} // namespace bitmarket::server
