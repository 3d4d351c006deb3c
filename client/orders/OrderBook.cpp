#include "orders/OrderBook.h"

#include "realtime/RealtimeClient.h"
#include "session/Session.h"

#include <QCoreApplication>
#include <QEvent>

using bitmarket::ErrorCode;
using bitmarket::Order;
using bitmarket::Result;

OrderBook::OrderBook(ApiClient* api, RealtimeClient* realtime, Session* session,
                     CheckoutLauncher* checkout, QObject* parent)
    : QObject(parent), m_api(api), m_realtime(realtime), m_session(session), m_checkout(checkout),
      m_calls(api), m_buying(QStringLiteral("buyer"), api, this),
      m_selling(QStringLiteral("seller"), api, this) {
    connect(m_session, &Session::stateChanged, this, &OrderBook::follow);
    connect(m_session, &Session::userChanged, this, &OrderBook::follow);
    connect(m_realtime, &RealtimeClient::eventReceived, this, &OrderBook::onEvent);
    // Steps taken while the socket was down are only on the server.
    connect(m_realtime, &RealtimeClient::onlineChanged, this, [this] {
        if (m_realtime->online() && !m_topic.isEmpty()) {
            m_buying.reload();
            m_selling.reload();
        }
    });
    QCoreApplication::instance()->installEventFilter(this);
}

bool OrderBook::eventFilter(QObject* watched, QEvent* event) {
    if (watched == QCoreApplication::instance() && event->type() == QEvent::LanguageChange) {
        m_buying.retranslate();
        m_selling.retranslate();
    }
    return QObject::eventFilter(watched, event);
}

QString OrderBook::userId() const {
    return m_session->signedIn() ? m_session->userId() : QString();
}

void OrderBook::follow() {
    const QString topic = userId().isEmpty() ? QString() : QStringLiteral("user:") + userId();
    if (topic == m_topic)
        return;
    if (!m_topic.isEmpty())
        m_realtime->unsubscribe(m_topic);
    m_topic = topic;
    if (!m_topic.isEmpty())
        m_realtime->subscribe(m_topic);
    m_buying.setUserId(userId());
    m_selling.setUserId(userId());
}

void OrderBook::buy(const QString& listingId, const QString& method) {
    if (m_buyingNow)
        return;
    m_buyingNow = true;
    emit buyingNowChanged();
    m_calls.buy(listingId, method, this, [this](Result<Order> order) {
        m_buyingNow = false;
        emit buyingNowChanged();
        if (!order) {
            emit buyFailed(order.error().message, order.error().code == ErrorCode::Conflict);
            return;
        }
        publish(*order);
        emit bought(order->id);
    });
}

void OrderBook::publish(const Order& order) {
    m_buying.apply(order);
    m_selling.apply(order);
    emit orderChanged(order);
}

void OrderBook::onEvent(const QString& type, const QString& topic, const QJsonObject& data) {
    if (topic != m_topic || m_topic.isEmpty() || type != u"order.updated")
        return;
    publish(Order::fromJson(data.value("order").toObject()));
}
