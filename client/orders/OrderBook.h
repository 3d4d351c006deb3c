// The signed-in user's orders, app-wide: the Buying and Selling lists, buying itself ("Buy" on
// a listing), and the live side. It follows user:{id}: each order.updated goes to both lists
// and to every open order page (orderChanged), so a step taken in the other side's app, or a
// payment the provider confirmed, shows without a reload. It reloads the lists when the user
// changes or the connection comes back.
#pragma once

#include "api/OrdersApi.h"
#include "bitmarket/ApiTypes.h"
#include "orders/OrderListModel.h"

#include <QObject>
#include <QtQml/qqmlregistration.h>

class CheckoutLauncher;
class RealtimeClient;
class Session;

class OrderBook : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The application provides one as Orders")
    Q_PROPERTY(OrderListModel* buying READ buying CONSTANT)
    Q_PROPERTY(OrderListModel* selling READ selling CONSTANT)
    Q_PROPERTY(bool buyingNow READ buyingNow NOTIFY buyingNowChanged)

public:
    OrderBook(ApiClient* api, RealtimeClient* realtime, Session* session,
              CheckoutLauncher* checkout, QObject* parent = nullptr);

    OrderListModel* buying() { return &m_buying; }
    OrderListModel* selling() { return &m_selling; }
    bool buyingNow() const { return m_buyingNow; }
    ApiClient* api() const { return m_api; }
    CheckoutLauncher* checkout() const { return m_checkout; }
    QString userId() const;

    // Buys a fixed-price listing ("in_person" or "escrow"): bought(), or buyFailed() with the
    // server's words (`taken`: someone else bought it first).
    Q_INVOKABLE void buy(const QString& listingId, const QString& method);
    // An order as the server answered a step taken in this app.
    void publish(const bitmarket::Order& order);

    bool eventFilter(QObject* watched, QEvent* event) override;

signals:
    void buyingNowChanged();
    void bought(const QString& orderId);
    void buyFailed(const QString& message, bool taken);
    void orderChanged(const bitmarket::Order& order);

private:
    void follow();
    void onEvent(const QString& type, const QString& topic, const QJsonObject& data);

    ApiClient* m_api;
    RealtimeClient* m_realtime;
    Session* m_session;
    CheckoutLauncher* m_checkout;
    OrdersApi m_calls;
    OrderListModel m_buying;
    OrderListModel m_selling;
    QString m_topic; // user:{id} while signed in
    bool m_buyingNow = false;
};
