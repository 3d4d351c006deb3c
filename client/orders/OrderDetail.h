// One order as its page shows it, to the buyer or the seller: the listing it is about, the
// amount (and, for the seller, the fee and what they receive), the timeline of its steps, and
// the next step that is this side's to take: pay (the checkout opens in the browser; "payment
// in progress" until the provider's answer arrives as order.updated), ship with a carrier and a
// tracking number, confirm receipt or the hand-over, or cancel with a reason (a paid order is
// refunded). What the other side does arrives live through the app's OrderBook.
#pragma once

#include "api/OrdersApi.h"
#include "bitmarket/ApiTypes.h"
#include "orders/OrderBook.h"

#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

class OrderDetail : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(OrderBook* orders READ orders WRITE setOrders NOTIFY ordersChanged)
    Q_PROPERTY(QString orderId READ orderId WRITE setOrderId NOTIFY orderIdChanged)
    Q_PROPERTY(bool loaded READ loaded NOTIFY changed)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY loadingChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    // The server's words for the last step it refused, until the next step is tried.
    Q_PROPERTY(QString actionError READ actionError NOTIFY busyChanged)
    Q_PROPERTY(QString listingId READ listingId NOTIFY changed)
    Q_PROPERTY(QString title READ title NOTIFY changed)
    Q_PROPERTY(QUrl thumbUrl READ thumbUrl NOTIFY changed)
    Q_PROPERTY(QString amountText READ amountText NOTIFY changed)
    Q_PROPERTY(QString feeText READ feeText NOTIFY changed)
    Q_PROPERTY(QString method READ method NOTIFY changed)
    Q_PROPERTY(QString methodText READ methodText NOTIFY changed)
    Q_PROPERTY(QString status READ status NOTIFY changed)
    Q_PROPERTY(QString statusText READ statusText NOTIFY changed)
    Q_PROPERTY(bool isBuyer READ isBuyer NOTIFY changed)
    Q_PROPERTY(QString counterpartText READ counterpartText NOTIFY changed)
    // [{status, text, timeText}], oldest first.
    Q_PROPERTY(QVariantList steps READ steps NOTIFY changed)
    // What happens next, for this side, in a sentence.
    Q_PROPERTY(QString nextStepText READ nextStepText NOTIFY changed)
    Q_PROPERTY(QString shipmentText READ shipmentText NOTIFY changed)
    Q_PROPERTY(QString autoConfirmText READ autoConfirmText NOTIFY changed)
    Q_PROPERTY(bool paymentInProgress READ paymentInProgress NOTIFY changed)
    Q_PROPERTY(bool paymentFailed READ paymentFailed NOTIFY changed)
    Q_PROPERTY(bool canPay READ canPay NOTIFY changed)
    Q_PROPERTY(bool canShip READ canShip NOTIFY changed)
    Q_PROPERTY(bool canConfirm READ canConfirm NOTIFY changed)
    Q_PROPERTY(QString confirmText READ confirmText NOTIFY changed)
    Q_PROPERTY(bool canCancel READ canCancel NOTIFY changed)
    // Cancelling now gives the buyer their money back.
    Q_PROPERTY(bool cancelRefunds READ cancelRefunds NOTIFY changed)
    Q_PROPERTY(QString carrierError READ carrierError NOTIFY shipmentErrorsChanged)
    Q_PROPERTY(QString trackingError READ trackingError NOTIFY shipmentErrorsChanged)

public:
    explicit OrderDetail(QObject* parent = nullptr);
    ~OrderDetail() override;

    OrderBook* orders() const { return m_orders; }
    void setOrders(OrderBook* orders);
    QString orderId() const { return m_orderId; }
    void setOrderId(const QString& orderId);

    bool loaded() const { return !m_order.id.isEmpty(); }
    bool loading() const { return m_loading; }
    QString errorMessage() const { return m_errorMessage; }
    bool busy() const { return m_busy; }
    QString actionError() const { return m_actionError; }
    QString listingId() const { return m_order.listingId; }
    QString title() const { return m_order.listingTitle; }
    QUrl thumbUrl() const;
    QString amountText() const;
    QString feeText() const;
    QString method() const { return m_order.method; }
    QString methodText() const;
    QString status() const { return m_order.status; }
    QString statusText() const;
    bool isBuyer() const;
    QString counterpartText() const;
    QVariantList steps() const;
    QString nextStepText() const;
    QString shipmentText() const;
    QString autoConfirmText() const;
    bool paymentInProgress() const;
    bool paymentFailed() const;
    bool canPay() const;
    bool canShip() const;
    bool canConfirm() const;
    QString confirmText() const;
    bool canCancel() const;
    bool cancelRefunds() const { return m_order.status == u"paid"; }
    QString carrierError() const { return m_carrierError; }
    QString trackingError() const { return m_trackingError; }

    Q_INVOKABLE void reload();
    // Asks for the checkout and opens it in the browser.
    Q_INVOKABLE void pay();
    // Checks the form first: false (and the fields' errors set) when it is not sendable.
    Q_INVOKABLE bool ship(const QString& carrier, const QString& trackingNumber);
    Q_INVOKABLE void confirm();
    Q_INVOKABLE void cancel(const QString& reason);

    bool eventFilter(QObject* watched, QEvent* event) override;

signals:
    void ordersChanged();
    void orderIdChanged();
    void loadingChanged();
    void busyChanged();
    void shipmentErrorsChanged();
    void changed();
    // A step this side took went through (for the page's toast).
    void stepDone(const QString& message);

private:
    void show(const bitmarket::Order& order);
    // A step's answer: the order is shown and published, or the refusal kept.
    void answered(const bitmarket::Result<bitmarket::Order>& order, const QString& doneMessage);
    void setBusy(bool busy, const QString& error = {});
    bool isInPerson() const { return m_order.method == u"in_person"; }
    bool myConfirmationGiven() const;

    QPointer<OrderBook> m_orders;
    std::unique_ptr<OrdersApi> m_calls;
    QString m_orderId;
    bitmarket::Order m_order;
    QString m_errorMessage;
    QString m_actionError;
    QString m_carrierError;
    QString m_trackingError;
    bool m_loading = false;
    bool m_busy = false;
    int m_generation = 0;
};
