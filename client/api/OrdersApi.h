// The orders part of the API (docs/orders.md, docs/openapi.json "Order", "Balance",
// "LedgerEntry") as typed calls: buying, the order's steps, the user's orders, and a seller's
// balance and ledger. The only client code that knows their paths.
#pragma once

#include "api/ApiAnswer.h"
#include "api/ApiClient.h"
#include "api/Page.h"
#include "bitmarket/ApiTypes.h"

#include <QPointer>

// Where the buyer pays: the provider's page, opened in the system browser.
struct Checkout {
    QString paymentId;
    QString checkoutUrl;

    static Checkout fromJson(const QJsonObject& o);
};

// A seller's money: held for paid orders, theirs to be paid out, and paid out.
struct Balance {
    bitmarket::Money pending;
    bitmarket::Money available;
    bitmarket::Money paidOut;

    static Balance fromJson(const QJsonObject& o);
};

// One line of the user's ledger: a transfer (payment, completion, refund, payout) as it touched
// one of their accounts (buyer, escrow, payable, paid_out).
struct LedgerEntry {
    QString id;
    QString kind;
    QString account;
    bitmarket::Money amount;
    QString orderId;
    qint64 createdAtMs = 0;

    static LedgerEntry fromJson(const QJsonObject& o);
};

class OrdersApi {
public:
    explicit OrdersApi(ApiClient* client) : m_client(client) {}

    // Buys a fixed-price listing: method "in_person" or "escrow".
    ApiCall* buy(const QString& listingId, const QString& method, QObject* context,
                 Answer<bitmarket::Order> answer);
    ApiCall* order(const QString& orderId, QObject* context, Answer<bitmarket::Order> answer);
    // The caller's orders as "buyer" or "seller", newest first.
    ApiCall* mine(const QString& role, int limit, const QString& cursor, QObject* context,
                  Answer<Page<bitmarket::Order>> answer);
    // The buyer's checkout; asked again while it is open, the same one.
    ApiCall* startPayment(const QString& orderId, QObject* context, Answer<Checkout> answer);
    ApiCall* ship(const QString& orderId, const QString& carrier, const QString& trackingNumber,
                  QObject* context, Answer<bitmarket::Order> answer);
    ApiCall* confirm(const QString& orderId, QObject* context, Answer<bitmarket::Order> answer);
    ApiCall* cancel(const QString& orderId, const QString& reason, QObject* context,
                    Answer<bitmarket::Order> answer);
    ApiCall* balance(QObject* context, Answer<Balance> answer);
    // Newest first.
    ApiCall* ledger(int limit, const QString& cursor, QObject* context,
                    Answer<Page<LedgerEntry>> answer);

private:
    QPointer<ApiClient> m_client;
};
