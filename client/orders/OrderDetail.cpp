#include "orders/OrderDetail.h"

#include "bitmarket/Timestamp.h"
#include "format/MoneyFormat.h"
#include "orders/CheckoutLauncher.h"
#include "orders/OrderLabels.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QEvent>
#include <QLocale>
#include <QRegularExpression>

using bitmarket::Money;
using bitmarket::Order;
using bitmarket::Result;

namespace {

const QStringList kOpenPayment = {QStringLiteral("pending"), QStringLiteral("authorized")};
const QStringList kFailedPayment = {QStringLiteral("declined"), QStringLiteral("expired"),
                                    QStringLiteral("cancelled")};

} // namespace

OrderDetail::OrderDetail(QObject* parent) : QObject(parent) {
    QCoreApplication::instance()->installEventFilter(this);
}

OrderDetail::~OrderDetail() = default;

bool OrderDetail::eventFilter(QObject* watched, QEvent* event) {
    if (watched == QCoreApplication::instance() && event->type() == QEvent::LanguageChange)
        emit changed();
    return QObject::eventFilter(watched, event);
}

void OrderDetail::setOrders(OrderBook* orders) {
    if (orders == m_orders)
        return;
    if (m_orders)
        disconnect(m_orders, nullptr, this, nullptr);
    m_orders = orders;
    m_calls = orders ? std::make_unique<OrdersApi>(orders->api()) : nullptr;
    if (m_orders)
        connect(m_orders, &OrderBook::orderChanged, this, [this](const Order& order) {
            if (order.id == m_orderId)
                show(order);
        });
    emit ordersChanged();
    reload();
}

void OrderDetail::setOrderId(const QString& orderId) {
    if (orderId == m_orderId)
        return;
    m_orderId = orderId;
    m_order = Order{};
    emit orderIdChanged();
    emit changed();
    reload();
}

void OrderDetail::reload() {
    if (!m_calls || m_orderId.isEmpty())
        return;
    const int generation = ++m_generation;
    m_loading = true;
    emit loadingChanged();
    m_calls->order(m_orderId, this, [this, generation](Result<Order> order) {
        if (generation != m_generation)
            return;
        m_loading = false;
        m_errorMessage = order ? QString() : order.error().message;
        emit loadingChanged();
        if (order)
            show(*order);
    });
}

void OrderDetail::show(const Order& order) {
    m_order = order;
    emit changed();
}

QUrl OrderDetail::thumbUrl() const {
    if (!m_orders || m_order.listingThumbUrl.isEmpty())
        return {};
    return m_orders->api()->mediaUrl(m_order.listingThumbUrl);
}

QString OrderDetail::amountText() const {
    return loaded() ? MoneyFormat::format(m_order.amount) : QString();
}

QString OrderDetail::feeText() const {
    if (!loaded() || isBuyer() || m_order.method != u"escrow")
        return {};
    const Money receives{m_order.amount.amount - m_order.fee.amount, m_order.amount.currency};
    return tr("Fee %1 · you receive %2")
        .arg(MoneyFormat::format(m_order.fee), MoneyFormat::format(receives));
}

QString OrderDetail::methodText() const {
    return OrderLabels::methodText(m_order.method);
}

QString OrderDetail::statusText() const {
    return OrderLabels::statusText(m_order.status);
}

bool OrderDetail::isBuyer() const {
    return m_orders && !m_order.buyerId.isEmpty() && m_order.buyerId == m_orders->userId();
}

QString OrderDetail::counterpartText() const {
    if (!loaded())
        return {};
    return isBuyer() ? tr("Bought from %1").arg(m_order.sellerName)
                     : tr("Sold to %1").arg(m_order.buyerName);
}

QVariantList OrderDetail::steps() const {
    QVariantList steps;
    const qint64 now = bitmarket::nowMs();
    for (const Order::Step& step : m_order.history)
        steps.append(QVariantMap{{"status", step.status},
                                 {"text", OrderLabels::stepText(step.status, m_order.method)},
                                 {"timeText", OrderLabels::momentText(step.atMs, now)}});
    return steps;
}

bool OrderDetail::myConfirmationGiven() const {
    return isBuyer() ? m_order.buyerConfirmed : m_order.sellerConfirmed;
}

QString OrderDetail::nextStepText() const {
    const QString& s = m_order.status;
    const bool buyer = isBuyer();
    if (s == u"awaiting_meetup") {
        if (myConfirmationGiven())
            return buyer ? tr("You confirmed the hand-over. Waiting for the seller to confirm too.")
                         : tr("You confirmed the hand-over. Waiting for the buyer to confirm too.");
        return tr("Meet up, check the item and hand over the money. Then both of you confirm here.");
    }
    if (s == u"awaiting_payment") {
        if (!buyer)
            return tr("Waiting for the buyer to pay. You ship once the payment is in.");
        if (paymentInProgress())
            return tr("Payment in progress. Finish it in your browser; this page updates by itself.");
        if (paymentFailed())
            return tr("The payment did not go through. You can try again.");
        return tr("Pay safely: the money is held until you confirm the item arrived.");
    }
    if (s == u"paid")
        return buyer ? tr("Paid. The money is held until you confirm receipt. Waiting for the seller to ship.")
                     : tr("The buyer paid. Ship the item and enter the tracking number.");
    if (s == u"shipped")
        return buyer ? tr("On its way. Confirm once it has arrived and is as described.")
                     : tr("Shipped. You are paid once the buyer confirms receipt.");
    if (s == u"completed")
        return buyer ? tr("Completed. Enjoy it!")
                     : m_order.method == u"escrow"
                           ? tr("Completed. %1 is yours and goes out with the next payout.")
                                 .arg(MoneyFormat::format(Money{m_order.amount.amount - m_order.fee.amount,
                                                                m_order.amount.currency}))
                           : tr("Completed.");
    if (s == u"cancelled")
        return tr("This order was cancelled. The item is for sale again.");
    if (s == u"refunded")
        return tr("This order was cancelled and the buyer refunded in full.");
    return {};
}

QString OrderDetail::shipmentText() const {
    if (m_order.carrier.isEmpty())
        return {};
    return tr("%1, tracking number %2").arg(m_order.carrier, m_order.trackingNumber);
}

QString OrderDetail::autoConfirmText() const {
    if (m_order.status != u"shipped" || m_order.autoConfirmAtMs == 0)
        return {};
    const QDate day = QDateTime::fromMSecsSinceEpoch(m_order.autoConfirmAtMs).date();
    return tr("Confirmed by itself on %1 if nobody does it sooner.")
        .arg(QLocale().toString(day, QLocale::LongFormat));
}

bool OrderDetail::paymentInProgress() const {
    return m_order.status == u"awaiting_payment" && kOpenPayment.contains(m_order.paymentStatus);
}

bool OrderDetail::paymentFailed() const {
    return m_order.status == u"awaiting_payment" && kFailedPayment.contains(m_order.paymentStatus);
}

bool OrderDetail::canPay() const {
    return isBuyer() && m_order.status == u"awaiting_payment";
}

bool OrderDetail::canShip() const {
    return loaded() && !isBuyer() && m_order.status == u"paid";
}

bool OrderDetail::canConfirm() const {
    if (m_order.status == u"awaiting_meetup")
        return !myConfirmationGiven();
    return isBuyer() && m_order.status == u"shipped";
}

QString OrderDetail::confirmText() const {
    return isInPerson() ? tr("Confirm the hand-over") : tr("Confirm receipt");
}

bool OrderDetail::canCancel() const {
    const QString& s = m_order.status;
    return s == u"awaiting_payment" || s == u"awaiting_meetup" || s == u"paid";
}

void OrderDetail::setBusy(bool busy, const QString& error) {
    m_busy = busy;
    m_actionError = error;
    emit busyChanged();
}

void OrderDetail::answered(const Result<Order>& order, const QString& doneMessage) {
    if (!order) {
        setBusy(false, order.error().message);
        return;
    }
    setBusy(false);
    if (m_orders)
        m_orders->publish(*order);
    show(*order);
    emit stepDone(doneMessage);
}

void OrderDetail::pay() {
    if (!m_calls || m_busy || !canPay())
        return;
    setBusy(true);
    m_calls->startPayment(m_orderId, this, [this](Result<Checkout> checkout) {
        if (!checkout) {
            setBusy(false, checkout.error().message);
            return;
        }
        if (!m_orders || !m_orders->checkout() ||
            !m_orders->checkout()->open(QUrl(checkout->checkoutUrl))) {
            setBusy(false, tr("The payment page could not be opened."));
            return;
        }
        setBusy(false);
        // Open at the provider from now on, until its answer arrives as order.updated.
        m_order.paymentStatus = QStringLiteral("pending");
        emit changed();
    });
}

bool OrderDetail::ship(const QString& carrier, const QString& trackingNumber) {
    static const QRegularExpression tracking(QStringLiteral("^[A-Za-z0-9-]{6,40}$"));
    const QString c = carrier.trimmed();
    const QString t = trackingNumber.trimmed().remove(u' ');
    m_carrierError = c.isEmpty() ? tr("Name the carrier.")
                     : c.size() > 60 ? tr("At most 60 characters.")
                                     : QString();
    m_trackingError = tracking.match(t).hasMatch()
                          ? QString()
                          : tr("6 to 40 letters, digits or dashes, as on the receipt.");
    emit shipmentErrorsChanged();
    if (!m_carrierError.isEmpty() || !m_trackingError.isEmpty() || !m_calls || m_busy)
        return false;
    setBusy(true);
    m_calls->ship(m_orderId, c, t, this, [this](Result<Order> order) {
        answered(order, tr("Marked as shipped. The buyer is told."));
    });
    return true;
}

void OrderDetail::confirm() {
    if (!m_calls || m_busy)
        return;
    setBusy(true);
    m_calls->confirm(m_orderId, this, [this](Result<Order> order) {
        answered(order, tr("Confirmed."));
    });
}

void OrderDetail::cancel(const QString& reason) {
    if (!m_calls || m_busy)
        return;
    setBusy(true);
    const bool refunds = cancelRefunds();
    m_calls->cancel(m_orderId, reason.trimmed(), this, [this, refunds](Result<Order> order) {
        answered(order, refunds ? tr("Cancelled. The buyer is refunded in full.")
                                : tr("Order cancelled."));
    });
}
