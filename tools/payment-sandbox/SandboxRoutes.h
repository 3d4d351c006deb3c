// The sandbox's HTTP surface:
// - its own API (`/api/...`, `Authorization: Bearer <secret>`): create, look up, confirm and
//   refund payments, pay out;
// - the Toss-shaped API (`/v1/payments...`, `Authorization: Basic base64(secretKey:)`);
// - the hosted checkout (`/checkout/{id}`), and `/control` for the switches and what was sent.
#pragma once

#include "Misbehaviour.h"
#include "PaymentBook.h"
#include "WebhookSender.h"

#include <httplib.h>

namespace sandbox {

struct RouteOptions {
    QByteArray secret;        // the sandbox API's bearer token and the webhook signing key
    QByteArray tossSecretKey; // the Toss-shaped API's secret key
    int cardTimeoutMs = 30'000; // how long the card that times out keeps the buyer waiting
};

class SandboxRoutes {
public:
    SandboxRoutes(PaymentBook& book, WebhookSender& webhooks, Misbehaviour& misbehaviour,
                  RouteOptions options);
    void install(httplib::Server& server);
    // The address buyers' browsers reach, for checkout URLs.
    void setPublicUrl(const QString& url) { m_publicUrl = url; }

private:
    QString checkoutUrl(const Payment& p) const;
    // Tells the merchant: the sandbox's event or Toss's PAYMENT_STATUS_CHANGED.
    void announce(const Payment& p, bool beforeAnswer = false);
    // A confirm or a cancel: refused, or the payment (announced unless it was a replay) in the
    // shape of the API that was asked.
    void answerChange(httplib::Response& res, const Outcome<Payment>& done, bool toss);
    // A Toss-shaped lookup: the payment, or not found (also for one made by the sandbox's own API).
    void answerTossLookup(httplib::Response& res, const std::optional<Payment>& p);
    void addOwnApi(httplib::Server& server);
    void addTossApi(httplib::Server& server);
    void addCheckout(httplib::Server& server);
    void addControl(httplib::Server& server);

    PaymentBook& m_book;
    WebhookSender& m_webhooks;
    Misbehaviour& m_misbehaviour;
    RouteOptions m_options;
    QString m_publicUrl;
};

} // namespace sandbox
