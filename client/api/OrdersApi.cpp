#include "api/OrdersApi.h"

#include "bitmarket/Timestamp.h"

#include <QUuid>

using bitmarket::Money;
using bitmarket::Order;
using Request = ApiCall::Request;

namespace {

QString orderPath(const QString& orderId, const QString& rest = {}) {
    return QStringLiteral("/orders/") + orderId + rest;
}

// Single orders come wrapped: {"order": {...}}.
Order orderOf(const QJsonObject& body) {
    return Order::fromJson(body.value("order").toObject());
}

Money moneyOf(const QJsonValue& value) {
    const QJsonObject o = value.toObject();
    return Money{o.value("amount").toInteger(), o.value("currency").toString("KRW")};
}

qint64 timeOf(const QJsonValue& value) {
    return bitmarket::fromRfc3339(value.toString()).value_or(0);
}

} // namespace

Checkout Checkout::fromJson(const QJsonObject& o) {
    return Checkout{o.value("paymentId").toString(), o.value("checkoutUrl").toString()};
}

Balance Balance::fromJson(const QJsonObject& o) {
    return Balance{moneyOf(o.value("pending")), moneyOf(o.value("available")),
                         moneyOf(o.value("paidOut"))};
}

LedgerEntry LedgerEntry::fromJson(const QJsonObject& o) {
    return LedgerEntry{o.value("id").toString(),      o.value("kind").toString(),
                       o.value("account").toString(), moneyOf(o.value("amount")),
                       o.value("orderId").toString(), timeOf(o.value("createdAt"))};
}

ApiCall* OrdersApi::buy(const QString& listingId, const QString& method, QObject* context,
                        Answer<Order> answer) {
    Request request = Request::json("orders.buy", "POST", "/orders",
                                    {{"listingId", listingId}, {"method", method}});
    // Sent again by ApiClient (after renewing the token) it is the same purchase, not a second.
    request.headers.append({"Idempotency-Key", QUuid::createUuid().toByteArray(QUuid::WithoutBraces)});
    return deliver(m_client->send(request), context, std::move(answer), &orderOf);
}

ApiCall* OrdersApi::order(const QString& orderId, QObject* context, Answer<Order> answer) {
    return deliver(m_client->send(Request::get("orders.get", orderPath(orderId))), context,
                   std::move(answer), &orderOf);
}

ApiCall* OrdersApi::mine(const QString& role, int limit, const QString& cursor, QObject* context,
                         Answer<Page<Order>> answer) {
    QUrlQuery query = pageQuery(limit, cursor);
    query.addQueryItem("role", role);
    return deliver(m_client->send(Request::get("orders.mine", "/me/orders", query)), context,
                   std::move(answer), &Page<Order>::fromJson);
}

ApiCall* OrdersApi::startPayment(const QString& orderId, QObject* context, Answer<Checkout> answer) {
    return deliver(m_client->send(Request::json("orders.payment", "POST",
                                                orderPath(orderId, "/payment"), {})),
                   context, std::move(answer), &Checkout::fromJson);
}

ApiCall* OrdersApi::ship(const QString& orderId, const QString& carrier,
                         const QString& trackingNumber, QObject* context, Answer<Order> answer) {
    return deliver(m_client->send(Request::json("orders.ship", "POST", orderPath(orderId, "/ship"),
                                                {{"carrier", carrier},
                                                 {"trackingNumber", trackingNumber}})),
                   context, std::move(answer), &orderOf);
}

ApiCall* OrdersApi::confirm(const QString& orderId, QObject* context, Answer<Order> answer) {
    return deliver(m_client->send(Request::json("orders.confirm", "POST",
                                                orderPath(orderId, "/confirm"), {})),
                   context, std::move(answer), &orderOf);
}

ApiCall* OrdersApi::cancel(const QString& orderId, const QString& reason, QObject* context,
                           Answer<Order> answer) {
    return deliver(m_client->send(Request::json("orders.cancel", "POST",
                                                orderPath(orderId, "/cancel"), {{"reason", reason}})),
                   context, std::move(answer), &orderOf);
}

ApiCall* OrdersApi::balance(QObject* context, Answer<Balance> answer) {
    return deliver(m_client->send(Request::get("orders.balance", "/me/balance")), context,
                   std::move(answer), &Balance::fromJson);
}

ApiCall* OrdersApi::ledger(int limit, const QString& cursor, QObject* context,
                           Answer<Page<LedgerEntry>> answer) {
    return deliver(m_client->send(Request::get("orders.ledger", "/me/ledger", pageQuery(limit, cursor))),
                   context, std::move(answer), &Page<LedgerEntry>::fromJson);
}
