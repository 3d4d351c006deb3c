// Payments at once: 1,000 escrow orders, each paid at the real sandbox's checkout at the same
// moment, the sandbox delivering every webhook twice and out of order, the browser never coming
// back (webhooks only). Measures the time from the provider's approval (the checkout's answer)
// to `paid` in order.updated on the buyer's socket: p50, p99, max, and how many arrived.
//
//   bitmarket-bench-payments [--orders N]
#include "OrderTestSupport.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHash>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QTimer>
#include <QUrlQuery>
#include <QWebSocket>

#include <algorithm>
#include <cstdio>

using namespace bitmarket::test;

namespace {

qint64 percentile(QList<qint64> values, double p) {
    if (values.isEmpty())
        return -1;
    std::sort(values.begin(), values.end());
    return values[std::min<qsizetype>(values.size() - 1, qsizetype(p * values.size()))];
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption ordersOption("orders", "How many orders are paid at once.", "N", "1000");
    parser.addOption(ordersOption);
    parser.process(app);
    const int orders = parser.value(ordersOption).toInt();
    // Fewer sockets than the hub lets one address open.
    constexpr int kBuyers = 30;

    OrderMarket market;
    if (!market.start({"--http-threads", "64"}, {"--duplicate-webhooks", "--out-of-order-webhooks"})) {
        std::fprintf(stderr, "cannot start the server and the sandbox\n");
        return 1;
    }
    const TestUser seller = market.user("seller");
    QList<TestUser> buyers;
    for (int i = 0; i < kBuyers; ++i)
        buyers << market.user("buyer");

    // The checkouts, ready to be paid.
    QHash<QString, QString> checkoutOf; // order id → checkout URL
    QHash<QString, QString> buyerOf;
    for (int i = 0; i < orders; ++i) {
        const TestUser& buyer = buyers[i % kBuyers];
        const QString id = market.escrowOrder(seller, buyer, 10000 + i).value("id").toString();
        const HttpResponse payment = market.as(buyer)->post("/api/v1/orders/" + id + "/payment", {});
        if (payment.status != 201) {
            std::fprintf(stderr, "payment %d: %d %s\n", i, payment.status, payment.body.constData());
            return 1;
        }
        checkoutOf.insert(id, payment.json().value("checkoutUrl").toString());
        buyerOf.insert(id, buyer.id);
    }

    QElapsedTimer clock;
    clock.start();
    QHash<QString, qint64> paidAt;
    QList<QWebSocket*> sockets;
    for (const TestUser& buyer : buyers) {
        auto* socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, &app);
        QObject::connect(socket, &QWebSocket::textMessageReceived, [&](const QString& text) {
            const QJsonObject frame = QJsonDocument::fromJson(text.toUtf8()).object();
            const QJsonObject order = frame.value("data").toObject().value("order").toObject();
            if (frame.value("type").toString() == u"order.updated" && order.value("status").toString() == u"paid" &&
                !paidAt.contains(order.value("id").toString()))
                paidAt.insert(order.value("id").toString(), clock.elapsed());
        });
        QNetworkRequest request(market.server().wsUrl());
        request.setRawHeader("Authorization", "Bearer " + buyer.accessToken.toUtf8());
        QEventLoop connected;
        QObject::connect(socket, &QWebSocket::connected, &connected, &QEventLoop::quit);
        socket->open(request);
        QTimer::singleShot(5000, &connected, &QEventLoop::quit);
        connected.exec();
        socket->sendTextMessage(QString::fromUtf8(QJsonDocument(QJsonObject{
            {"type", "subscribe"}, {"data", QJsonObject{{"topics", QJsonArray{"user:" + buyer.id}}}}})
                                                     .toJson(QJsonDocument::Compact)));
        sockets << socket;
    }
    QTest::qWait(500);

    // Every card approved at once; the approval is the checkout's answer.
    QNetworkAccessManager network;
    QHash<QString, qint64> approvedAt;
    const qint64 started = clock.elapsed();
    for (auto it = checkoutOf.cbegin(); it != checkoutOf.cend(); ++it) {
        QNetworkRequest request{QUrl(it.value())};
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/x-www-form-urlencoded");
        QNetworkReply* reply = network.post(request, QByteArray("card=") + PaymentSandboxProcess::kApproves);
        const QString id = it.key();
        QObject::connect(reply, &QNetworkReply::finished, [&, reply, id] {
            approvedAt.insert(id, clock.elapsed());
            reply->deleteLater();
        });
    }
    QElapsedTimer waited;
    waited.start();
    while (paidAt.size() < orders && waited.elapsed() < 120'000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);

    QList<qint64> latencies;
    for (auto it = paidAt.cbegin(); it != paidAt.cend(); ++it)
        if (approvedAt.contains(it.key()))
            latencies << std::max<qint64>(0, it.value() - approvedAt.value(it.key()));
    std::printf("payments: %d orders approved at once (duplicate and out-of-order webhooks, no return page)\n", orders);
    std::printf("  paid on the buyer's socket: %lld of %d, all within %lld ms of the first approval\n",
                qlonglong(paidAt.size()), orders, qlonglong(paidAt.isEmpty() ? -1 : *std::max_element(paidAt.cbegin(), paidAt.cend()) - started));
    std::printf("  approval -> paid: p50 %lld ms, p99 %lld ms, max %lld ms\n", qlonglong(percentile(latencies, 0.5)),
                qlonglong(percentile(latencies, 0.99)), qlonglong(percentile(latencies, 1.0)));
    qDeleteAll(sockets);
    return paidAt.size() == orders ? 0 : 1;
}
