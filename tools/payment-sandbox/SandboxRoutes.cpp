#include "SandboxRoutes.h"

#include "CheckoutPage.h"
#include "TossShape.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>
#include <QUrlQuery>
#include <QUuid>

#include <thread>

namespace sandbox {

namespace {

std::optional<QJsonObject> jsonBody(const httplib::Request& req) {
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(req.body), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    return doc.object();
}

// With the charset named, cpp-httplib does not compress the answer: it would brotli every
// answer to a client that accepts it (Qt's does), at the slowest quality, which cost the
// sandbox more than everything else it does.
void sendJson(httplib::Response& res, int status, const QJsonObject& body) {
    res.status = status;
    res.set_content(QJsonDocument(body).toJson(QJsonDocument::Compact).toStdString(),
                    "application/json; charset=utf-8");
}

void sendHtml(httplib::Response& res, int status, const QString& html) {
    res.status = status;
    res.set_content(html.toStdString(), "text/html; charset=utf-8");
}

// The sandbox's own error body: {error: {code, message}}.
void refuse(httplib::Response& res, const Refusal& r) {
    sendJson(res, r.status, QJsonObject{{"error", QJsonObject{{"code", r.code}, {"message", r.message}}}});
}

void refuseToss(httplib::Response& res, const Refusal& r) { sendJson(res, r.status, tossError(r)); }

const Refusal kBadBody{400, QStringLiteral("INVALID_REQUEST"), QStringLiteral("The body is not a JSON object.")};
const Refusal kUnauthorized{401, QStringLiteral("UNAUTHORIZED_KEY"), QStringLiteral("Wrong or missing API key.")};
const Refusal kNotFound{404, QStringLiteral("NOT_FOUND_PAYMENT"), QStringLiteral("No such payment.")};

QJsonObject money(qint64 amount, const QString& currency) {
    return QJsonObject{{"amount", amount}, {"currency", currency}};
}

QString header(const httplib::Request& req, const char* name) {
    return QString::fromStdString(req.get_header_value(name));
}

QString withQuery(const QString& url, const QList<std::pair<QString, QString>>& items) {
    QUrl u(url);
    QUrlQuery q(u);
    for (const auto& [key, value] : items)
        q.addQueryItem(key, value);
    u.setQuery(q);
    return u.toString(QUrl::FullyEncoded);
}

QJsonObject ownPayment(const Payment& p, const QString& checkoutUrl) {
    return QJsonObject{{"id", p.id},
                       {"orderId", p.orderId},
                       {"amount", money(p.amount, p.currency)},
                       {"status", p.status},
                       {"checkoutUrl", checkoutUrl},
                       {"createdAt", rfc3339(p.createdAtMs)},
                       {"updatedAt", rfc3339(p.updatedAtMs)}};
}

} // namespace

SandboxRoutes::SandboxRoutes(PaymentBook& book, WebhookSender& webhooks, Misbehaviour& misbehaviour,
                             RouteOptions options)
    : m_book(book), m_webhooks(webhooks), m_misbehaviour(misbehaviour), m_options(std::move(options)) {}

QString SandboxRoutes::checkoutUrl(const Payment& p) const {
    return m_publicUrl + QStringLiteral("/checkout/") + p.id;
}

void SandboxRoutes::announce(const Payment& p, bool beforeAnswer) {
    const QString eventId = QStringLiteral("evt_") + QUuid::createUuid().toString(QUuid::Id128).left(24);
    QJsonObject event;
    if (p.shape == u"toss")
        event = QJsonObject{{"id", eventId},
                            {"eventType", "PAYMENT_STATUS_CHANGED"},
                            {"type", "PAYMENT_STATUS_CHANGED"},
                            {"createdAt", rfc3339(nowMs())},
                            {"data", tossPayment(p, checkoutUrl(p))}};
    else
        event = QJsonObject{{"id", eventId},
                            {"type", "payment.updated"},
                            {"createdAt", rfc3339(nowMs())},
                            {"data", QJsonObject{{"paymentId", p.id},
                                                 {"orderId", p.orderId},
                                                 {"status", p.status}}}};
    if (beforeAnswer)
        m_webhooks.sendAndWait(event, 10'000);
    else
        m_webhooks.send(event);
}

void SandboxRoutes::answerChange(httplib::Response& res, const Outcome<Payment>& done, bool toss) {
    if (!done.value)
        return toss ? refuseToss(res, done.refusal) : refuse(res, done.refusal);
    if (!done.replayed)
        announce(*done.value);
    const QString url = checkoutUrl(*done.value);
    sendJson(res, 200, toss ? tossPayment(*done.value, url)
                            : QJsonObject{{"payment", ownPayment(*done.value, url)}});
}

void SandboxRoutes::answerTossLookup(httplib::Response& res, const std::optional<Payment>& p) {
    if (!p || p->shape != u"toss")
        return refuseToss(res, kNotFound);
    sendJson(res, 200, tossPayment(*p, checkoutUrl(*p)));
}

void SandboxRoutes::install(httplib::Server& server) {
    // The API misbehaves when told to; checkout and control always answer.
    server.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
        const bool api = req.path.rfind("/api/", 0) == 0 || req.path.rfind("/v1/", 0) == 0;
        if (!api)
            return httplib::Server::HandlerResponse::Unhandled;
        if (const int delay = m_misbehaviour.now().apiDelayMs; delay > 0)
            std::this_thread::sleep_for(std::chrono::milliseconds(delay));
        if (m_misbehaviour.takeApiFailure()) {
            sendJson(res, 500, QJsonObject{{"code", "PROVIDER_ERROR"},
                                           {"message", "The sandbox was told to fail this call."}});
            return httplib::Server::HandlerResponse::Handled;
        }
        return httplib::Server::HandlerResponse::Unhandled;
    });
    addOwnApi(server);
    addTossApi(server);
    addCheckout(server);
    addControl(server);
}

void SandboxRoutes::addOwnApi(httplib::Server& server) {
    auto authorized = [this](const httplib::Request& req) {
        return req.get_header_value("Authorization") == "Bearer " + m_options.secret.toStdString();
    };
    server.Post("/api/payments", [this, authorized](const httplib::Request& req, httplib::Response& res) {
        if (!authorized(req))
            return refuse(res, kUnauthorized);
        const auto body = jsonBody(req);
        if (!body)
            return refuse(res, kBadBody);
        const QJsonObject amount = body->value("amount").toObject();
        Payment draft;
        draft.orderId = body->value("orderId").toString();
        draft.orderName = body->value("orderName").toString();
        draft.amount = amount.value("amount").toInteger();
        draft.currency = amount.value("currency").toString();
        draft.returnUrl = body->value("returnUrl").toString();
        draft.shape = QStringLiteral("sandbox");
        if (draft.orderId.isEmpty() || draft.amount <= 0 || draft.currency.isEmpty() ||
            !QUrl(draft.returnUrl).isValid() || draft.returnUrl.isEmpty())
            return refuse(res, Refusal{400, QStringLiteral("INVALID_REQUEST"),
                                       QStringLiteral("orderId, amount {amount, currency} and returnUrl are required.")});
        const auto created = m_book.create(draft, header(req, "Idempotency-Key"));
        if (!created.value)
            return refuse(res, created.refusal);
        sendJson(res, created.replayed ? 200 : 201,
                 QJsonObject{{"payment", ownPayment(*created.value, checkoutUrl(*created.value))}});
    });
    server.Get(R"(/api/payments/([^/]+))", [this, authorized](const httplib::Request& req, httplib::Response& res) {
        if (!authorized(req))
            return refuse(res, kUnauthorized);
        const auto p = m_book.find(QString::fromStdString(req.matches[1]));
        if (!p)
            return refuse(res, kNotFound);
        sendJson(res, 200, QJsonObject{{"payment", ownPayment(*p, checkoutUrl(*p))}});
    });
    server.Post(R"(/api/payments/([^/]+)/confirm)", [this, authorized](const httplib::Request& req, httplib::Response& res) {
        if (!authorized(req))
            return refuse(res, kUnauthorized);
        const auto body = jsonBody(req);
        if (!body)
            return refuse(res, kBadBody);
        const auto done = m_book.confirm(QString::fromStdString(req.matches[1]),
                                         body->value("orderId").toString(),
                                         body->value("amount").toObject().value("amount").toInteger());
        answerChange(res, done, false);
    });
    server.Post(R"(/api/payments/([^/]+)/refund)", [this, authorized](const httplib::Request& req, httplib::Response& res) {
        if (!authorized(req))
            return refuse(res, kUnauthorized);
        const auto body = jsonBody(req);
        if (!body)
            return refuse(res, kBadBody);
        const auto done = m_book.cancel(QString::fromStdString(req.matches[1]),
                                        body->value("reason").toString());
        answerChange(res, done, false);
    });
    server.Post("/api/payouts", [this, authorized](const httplib::Request& req, httplib::Response& res) {
        if (!authorized(req))
            return refuse(res, kUnauthorized);
        const auto body = jsonBody(req);
        if (!body)
            return refuse(res, kBadBody);
        const QJsonObject amount = body->value("amount").toObject();
        Payout draft{body->value("payoutId").toString(), body->value("recipient").toString(),
                     amount.value("amount").toInteger(), amount.value("currency").toString()};
        if (draft.id.isEmpty() || draft.recipient.isEmpty() || draft.amount <= 0)
            return refuse(res, Refusal{400, QStringLiteral("INVALID_REQUEST"),
                                       QStringLiteral("payoutId, recipient and amount are required.")});
        const auto paid = m_book.payOut(draft);
        if (!paid.value)
            return refuse(res, paid.refusal);
        // Paid, but the answer is lost on the way: the merchant must retry with the same id.
        if (!paid.replayed && m_misbehaviour.takePayoutFailure())
            return refuse(res, Refusal{500, QStringLiteral("PROVIDER_ERROR"),
                                       QStringLiteral("The payout answer was lost.")});
        sendJson(res, paid.replayed ? 200 : 201,
                 QJsonObject{{"payout", QJsonObject{{"id", paid.value->id},
                                                    {"recipient", paid.value->recipient},
                                                    {"amount", money(paid.value->amount, paid.value->currency)},
                                                    {"status", "paid"}}}});
    });
}

void SandboxRoutes::addTossApi(httplib::Server& server) {
    auto authorized = [this](const httplib::Request& req) {
        const QByteArray expected = "Basic " + (m_options.tossSecretKey + ':').toBase64();
        return req.get_header_value("Authorization") == expected.toStdString();
    };
    server.Post("/v1/payments", [this, authorized](const httplib::Request& req, httplib::Response& res) {
        if (!authorized(req))
            return refuseToss(res, kUnauthorized);
        const auto body = jsonBody(req);
        if (!body)
            return refuseToss(res, kBadBody);
        Payment draft;
        draft.orderId = body->value("orderId").toString();
        draft.orderName = body->value("orderName").toString();
        draft.amount = body->value("amount").toInteger();
        draft.currency = QStringLiteral("KRW");
        draft.returnUrl = body->value("successUrl").toString();
        draft.failUrl = body->value("failUrl").toString();
        draft.shape = QStringLiteral("toss");
        if (draft.orderId.isEmpty() || draft.amount <= 0 || draft.returnUrl.isEmpty() ||
            draft.failUrl.isEmpty())
            return refuseToss(res, Refusal{400, QStringLiteral("INVALID_REQUEST"),
                                           QStringLiteral("amount, orderId, successUrl and failUrl are required.")});
        const auto created = m_book.create(draft, header(req, "Idempotency-Key"));
        if (!created.value)
            return refuseToss(res, created.refusal);
        sendJson(res, 200, tossPayment(*created.value, checkoutUrl(*created.value)));
    });
    server.Post("/v1/payments/confirm", [this, authorized](const httplib::Request& req, httplib::Response& res) {
        if (!authorized(req))
            return refuseToss(res, kUnauthorized);
        const auto body = jsonBody(req);
        if (!body)
            return refuseToss(res, kBadBody);
        const auto done = m_book.confirm(body->value("paymentKey").toString(),
                                         body->value("orderId").toString(),
                                         body->value("amount").toInteger());
        answerChange(res, done, true);
    });
    server.Get(R"(/v1/payments/orders/([^/]+))", [this, authorized](const httplib::Request& req, httplib::Response& res) {
        if (!authorized(req))
            return refuseToss(res, kUnauthorized);
        answerTossLookup(res, m_book.findByOrder(QString::fromStdString(req.matches[1])));
    });
    server.Get(R"(/v1/payments/([^/]+))", [this, authorized](const httplib::Request& req, httplib::Response& res) {
        if (!authorized(req))
            return refuseToss(res, kUnauthorized);
        answerTossLookup(res, m_book.find(QString::fromStdString(req.matches[1])));
    });
    server.Post(R"(/v1/payments/([^/]+)/cancel)", [this, authorized](const httplib::Request& req, httplib::Response& res) {
        if (!authorized(req))
            return refuseToss(res, kUnauthorized);
        const auto body = jsonBody(req);
        if (!body || body->value("cancelReason").toString().isEmpty())
            return refuseToss(res, Refusal{400, QStringLiteral("INVALID_REQUEST"),
                                           QStringLiteral("cancelReason is required.")});
        const auto done = m_book.cancel(QString::fromStdString(req.matches[1]),
                                        body->value("cancelReason").toString());
        answerChange(res, done, true);
    });
}

void SandboxRoutes::addCheckout(httplib::Server& server) {
    server.Get(R"(/checkout/([^/]+))", [this](const httplib::Request& req, httplib::Response& res) {
        const auto p = m_book.find(QString::fromStdString(req.matches[1]));
        if (!p)
            return sendHtml(res, 404, checkoutMessage(QStringLiteral("No such payment"),
                                                      QStringLiteral("This checkout link is not valid.")));
        if (p->status != u"pending")
            return sendHtml(res, 409, checkoutMessage(QStringLiteral("Already decided"),
                                                      QStringLiteral("This payment is ") + p->status + u'.'));
        sendHtml(res, 200, checkoutForm(*p));
    });
    server.Post(R"(/checkout/([^/]+))", [this](const httplib::Request& req, httplib::Response& res) {
        const QString id = QString::fromStdString(req.matches[1]);
        const QString card = QString::fromStdString(req.get_param_value("card")).remove(u' ');
        QString verdict;
        if (card == QLatin1String(card::kApproves))
            verdict = QStringLiteral("authorized");
        else if (card == QLatin1String(card::kDeclines))
            verdict = QStringLiteral("declined");
        else if (card == QLatin1String(card::kTimesOut)) {
            std::this_thread::sleep_for(std::chrono::milliseconds(m_options.cardTimeoutMs));
            const auto expired = m_book.decide(id, QStringLiteral("expired"));
            if (expired.value)
                announce(*expired.value);
            return sendHtml(res, 504, checkoutMessage(QStringLiteral("The card issuer did not answer"),
                                                      QStringLiteral("Nothing was charged. Go back to the app and try again.")));
        } else
            return sendHtml(res, 400, checkoutMessage(QStringLiteral("Unknown card"),
                                                      QStringLiteral("Use one of the sandbox's test cards.")));
        const auto decided = m_book.decide(id, verdict);
        if (!decided.value)
            return sendHtml(res, decided.refusal.status,
                            checkoutMessage(QStringLiteral("Cannot pay"), decided.refusal.message));
        const Payment& p = *decided.value;
        announce(p, m_misbehaviour.now().webhookBeforeRedirect);
        QString location;
        if (p.shape == u"toss")
            location = verdict == u"authorized"
                           ? withQuery(p.returnUrl, {{"paymentKey", p.id}, {"orderId", p.orderId},
                                                     {"amount", QString::number(p.amount)}})
                           : withQuery(p.failUrl, {{"code", "REJECT_CARD_PAYMENT"},
                                                   {"message", "The card was declined."},
                                                   {"orderId", p.orderId}});
        else
            location = withQuery(p.returnUrl, {{"paymentId", p.id}, {"status", p.status}});
        res.status = 303;
        res.set_header("Location", location.toStdString());
    });
}

void SandboxRoutes::addControl(httplib::Server& server) {
    server.Get("/control", [this](const httplib::Request&, httplib::Response& res) {
        QJsonObject o = m_misbehaviour.now().toJson();
        o.insert("webhookUrl", m_webhooks.url());
        sendJson(res, 200, o);
    });
    server.Post("/control", [this](const httplib::Request& req, httplib::Response& res) {
        const auto body = jsonBody(req);
        if (!body)
            return refuse(res, kBadBody);
        m_misbehaviour.apply(*body);
        if (body->contains("webhookUrl"))
            m_webhooks.setUrl(body->value("webhookUrl").toString());
        QJsonObject o = m_misbehaviour.now().toJson();
        o.insert("webhookUrl", m_webhooks.url());
        sendJson(res, 200, o);
    });
    server.Get("/control/deliveries", [this](const httplib::Request&, httplib::Response& res) {
        sendJson(res, 200, QJsonObject{{"items", m_webhooks.deliveries()}});
    });
    server.Get("/control/payouts", [this](const httplib::Request&, httplib::Response& res) {
        QJsonArray items;
        for (const Payout& p : m_book.payouts())
            items.append(QJsonObject{{"id", p.id}, {"recipient", p.recipient},
                                     {"amount", money(p.amount, p.currency)}});
        sendJson(res, 200, QJsonObject{{"items", items}});
    });
}

} // namespace sandbox
