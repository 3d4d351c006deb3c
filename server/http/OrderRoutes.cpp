#include "http/OrderRoutes.h"

#include "bitmarket/JsonFields.h"
#include "http/Responses.h"
#include "http/RetryKeys.h"

namespace bitmarket::server {

namespace {

const QStringList kRoles = {QStringLiteral("buyer"), QStringLiteral("seller")};
const QStringList kStatuses = {
    QStringLiteral("awaiting_payment"), QStringLiteral("paid"),      QStringLiteral("shipped"),
    QStringLiteral("completed"),        QStringLiteral("cancelled"), QStringLiteral("refunded"),
    QStringLiteral("awaiting_meetup")};
const QStringList kMethods = {QStringLiteral("in_person"), QStringLiteral("escrow")};

QJsonObject orderJson(const Order& o) { return QJsonObject{{"order", o.toJson()}}; }

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

// Where the browser reaches this server: the scheme and Host of the request itself.
QString baseUrlOf(const httplib::Request& req) {
    const std::string proto = req.get_header_value("X-Forwarded-Proto");
    return QStringLiteral("%1://%2").arg(proto == "https" ? u"https" : u"http",
                                         QString::fromStdString(req.get_header_value("Host")));
}

void sendPage(httplib::Response& res, int status, const QString& english, const QString& korean) {
    res.status = status;
    res.set_content(QStringLiteral("<!doctype html><html><head><meta charset=\"utf-8\">"
                                   "<title>BitMarket</title><style>body{font-family:sans-serif;"
                                   "max-width:30em;margin:4em auto;padding:0 1em}</style></head>"
                                   "<body><h1>%1</h1><p lang=\"ko\">%2</p></body></html>")
                        .arg(english.toHtmlEscaped(), korean.toHtmlEscaped())
                        .toStdString(),
                    "text/html; charset=utf-8");
}

} // namespace

void addOrderRoutes(Router& router, orders::OrderService& orders, orders::OrderPayments& payments,
                    orders::Payouts& payouts) {
    router.post("/api/v1/orders", Access::SignedIn,
                [&](const httplib::Request& req, httplib::Response& res, const Caller& caller) {
                    auto key = retryKeyOf(req);
                    if (!key)
                        return sendError(req, res, key.error());
                    auto body = jsonBody(req);
                    if (!body)
                        return sendError(req, res, body.error());
                    auto listingId = json::requireString(*body, "listingId", 1, 64);
                    if (!listingId)
                        return sendError(req, res, listingId.error());
                    auto method = json::requireEnum(*body, "method", kMethods);
                    if (!method)
                        return sendError(req, res, method.error());
                    sendResult(req, res, 201, orders.buy(*listingId, caller.userId, *method, *key),
                               orderJson);
                });

    router.get("/api/v1/orders/{id}", Access::SignedIn,
               [&](const httplib::Request& req, httplib::Response& res, const Caller& caller) {
                   sendResult(req, res, 200, orders.get(pathParam(req, 1), caller.userId), orderJson);
               });

    router.post("/api/v1/orders/{id}/payment", Access::SignedIn,
                [&](const httplib::Request& req, httplib::Response& res, const Caller& caller) {
                    sendResult(req, res, 201,
                               payments.start(pathParam(req, 1), caller.userId, baseUrlOf(req)),
                               [](const orders::Checkout& c) {
                                   return QJsonObject{{"paymentId", c.paymentId},
                                                      {"checkoutUrl", c.checkoutUrl}};
                               });
                });

    router.post("/api/v1/orders/{id}/ship", Access::SignedIn,
                [&](const httplib::Request& req, httplib::Response& res, const Caller& caller) {
                    auto shipment = bodyStrings(req, {{"carrier", 1, 60}, {"trackingNumber", 1, 60}});
                    if (!shipment)
                        return sendError(req, res, shipment.error());
                    sendResult(req, res, 200,
                               orders.ship(pathParam(req, 1), caller.userId, shipment->at(0),
                                           shipment->at(1)),
                               orderJson);
                });

    router.post("/api/v1/orders/{id}/confirm", Access::SignedIn,
                [&](const httplib::Request& req, httplib::Response& res, const Caller& caller) {
                    sendResult(req, res, 200, orders.confirm(pathParam(req, 1), caller.userId),
                               orderJson);
                });

    router.post("/api/v1/orders/{id}/cancel", Access::SignedIn,
                [&](const httplib::Request& req, httplib::Response& res, const Caller& caller) {
                    auto reason = bodyStrings(req, {{"reason", 1, 500}});
                    if (!reason)
                        return sendError(req, res, reason.error());
                    sendResult(req, res, 200,
                               payments.cancel(pathParam(req, 1), caller.userId, reason->at(0)),
                               orderJson);
                });

    router.get("/api/v1/me/orders", Access::SignedIn,
               [&](const httplib::Request& req, httplib::Response& res, const Caller& caller) {
                   auto query = orderQueryFrom(req);
                   if (!query)
                       return sendError(req, res, query.error());
                   sendResult(req, res, 200, orders.mine(caller.userId, *query),
                              pageJson<orders::OrderPage>);
               });

    router.get("/api/v1/me/balance", Access::SignedIn,
               [&](const httplib::Request& req, httplib::Response& res, const Caller& caller) {
                   sendResult(req, res, 200, payouts.balance(caller.userId),
                              [](const orders::Balance& b) { return b.toJson(); });
               });

    router.get("/api/v1/me/ledger", Access::SignedIn,
               [&](const httplib::Request& req, httplib::Response& res, const Caller& caller) {
                   auto limit = pageLimit(req);
                   if (!limit)
                       return sendError(req, res, limit.error());
                   sendResult(req, res, 200,
                              payouts.entries(caller.userId, queryParam(req, "cursor"), *limit),
                              pageJson<orders::LedgerPage>);
               });

    router.post("/api/v1/payments/webhooks/{provider}", Access::Anyone,
                [&](const httplib::Request& req, httplib::Response& res, const Caller&) {
                    QMap<QByteArray, QByteArray> headers;
                    for (const auto& [name, value] : req.headers)
                        headers.insert(QByteArray::fromStdString(name).toLower(),
                                       QByteArray::fromStdString(value));
                    auto received = payments.receiveWebhook(pathParam(req, 1), headers,
                                                            QByteArray::fromStdString(req.body));
                    if (!received)
                        return sendError(req, res, received.error());
                    sendJson(res, 200, QJsonObject{{"received", true}});
                });

    router.get("/payments/return/{provider}", Access::Anyone,
               [&](const httplib::Request& req, httplib::Response& res, const Caller&) {
                   QMap<QString, QString> query;
                   for (const auto& [name, value] : req.params)
                       query.insert(QString::fromStdString(name), QString::fromStdString(value));
                   auto settled = pathParam(req, 1) == payments.provider().name()
                                      ? payments.settleReturn(query)
                                      : Result<Order>(ApiError::notFound());
                   if (settled && settled->status != u"awaiting_payment")
                       return sendPage(res, 200, QStringLiteral("Payment received. Go back to BitMarket."),
                                       QStringLiteral("결제가 완료됐어요. BitMarket 앱으로 돌아가 주세요."));
                   if (settled)
                       return sendPage(res, 200,
                                       QStringLiteral("The payment did not go through. Go back to BitMarket to try again."),
                                       QStringLiteral("결제가 완료되지 않았어요. BitMarket 앱으로 돌아가 다시 시도해 주세요."));
                   sendPage(res, settled.error().code == ErrorCode::Internal ? 502 : 400,
                            QStringLiteral("The payment could not be confirmed. Go back to BitMarket; it will show the order's state."),
                            QStringLiteral("결제를 확인하지 못했어요. BitMarket 앱으로 돌아가 주문 상태를 확인해 주세요."));
               });
}

} // namespace bitmarket::server
