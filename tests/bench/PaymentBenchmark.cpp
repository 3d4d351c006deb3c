// Payments at once: 1,000 escrow orders, each paid at the real sandbox's checkout at the same
// moment, the sandbox delivering every webhook twice and out of order, the browser never coming
// back (webhooks only). Measures the time from the provider's approval (the checkout's answer)
// to `paid` in order.updated on the buyer's socket: p50, p99, max, and how many arrived. The
// baseline, measured first in the same run: the same path for orders paid one at a time, so
// the ratio shows what paying at once costs on this (shared, noisy) machine.
//
//   bitmarket-bench-payments [--orders N]
#include "EventWait.h"
#include "OrderTestSupport.h"
#include "support/RawConnection.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHash>
#include <QJsonDocument>
#include <QTimer>
#include <QUrlQuery>
#include <QWebSocket>

#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <mutex>
#include <thread>
#include <vector>

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
    std::printf("server pid %lld\n", qlonglong(market.server().pid()));
    std::fflush(stdout);
    const TestUser seller = market.user("seller");
    QList<TestUser> buyers;
    for (int i = 0; i < kBuyers; ++i)
        buyers << market.user("buyer");

    // The checkouts, ready to be paid: the baseline's first, then the ones paid at once.
    constexpr int kAlone = 20;
    QStringList ids;
    QHash<QString, QString> checkoutOf; // order id → checkout URL
    for (int i = 0; i < kAlone + orders; ++i) {
        const TestUser& buyer = buyers[i % kBuyers];
        const QString id = market.escrowOrder(seller, buyer, 10000 + i).value("id").toString();
        const HttpResponse payment = market.as(buyer)->post("/api/v1/orders/" + id + "/payment", {});
        if (payment.status != 201) {
            std::fprintf(stderr, "payment %d: %d %s\n", i, payment.status, payment.body.constData());
            return 1;
        }
        checkoutOf.insert(id, payment.json().value("checkoutUrl").toString());
        ids << id;
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
            const QString id = order.value("id").toString();
            if (frame.value("type").toString() != u"order.updated" || order.value("status").toString() != u"paid" ||
                paidAt.contains(id))
                return;
            paidAt.insert(id, clock.elapsed());
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

    // Every card of `batch` approved at once, from browser threads of their own (each keeping
    // its connection to the sandbox), while this thread reads the sockets. The approval is the
    // checkout's answer. Waits until all are paid on the sockets; the approval → paid latencies.
    constexpr int kBrowsers = 8;
    std::mutex approvedLock;
    QHash<QString, qint64> approvedAt; // guarded by approvedLock while browsers run
    const QUrl sandbox = market.sandbox().url();
    const auto payAtOnce = [&](const QStringList& batch) {
        std::atomic<int> next = 0;
        std::vector<std::thread> browsers;
        for (int b = 0; b < std::min<int>(kBrowsers, batch.size()); ++b)
            browsers.emplace_back([&] {
                httplib::Client browser(sandbox.host().toStdString(), sandbox.port());
                browser.set_keep_alive(true);
                browser.set_tcp_nodelay(true);
                for (int i = next++; i < batch.size(); i = next++) {
                    const std::string path = QUrl(checkoutOf.value(batch[i])).path().toStdString();
                    browser.Post(path, std::string("card=") + PaymentSandboxProcess::kApproves,
                                 "application/x-www-form-urlencoded");
                    std::lock_guard lock(approvedLock);
                    approvedAt.insert(batch[i], clock.elapsed());
                }
            });
        bitmarket::bench::runEventsUntil(
            [&] {
                return std::all_of(batch.begin(), batch.end(),
                                   [&](const QString& id) { return paidAt.contains(id); });
            },
            120'000);
        for (std::thread& browser : browsers)
            browser.join();
        QList<qint64> latencies;
        for (const QString& id : batch)
            if (paidAt.contains(id) && approvedAt.contains(id))
                latencies << std::max<qint64>(0, paidAt.value(id) - approvedAt.value(id));
        return latencies;
    };

    // The baseline: the same path, one payment at a time, with webhooks that behave.
    market.sandbox().control(QJsonObject{{"duplicateWebhooks", false}, {"outOfOrderWebhooks", false}});
    QList<qint64> alone;
    for (const QString& id : ids.mid(0, kAlone))
        alone << payAtOnce({id});
    market.sandbox().control(QJsonObject{{"duplicateWebhooks", true}, {"outOfOrderWebhooks", true}});
    const QStringList atOnce = ids.mid(kAlone);
    std::printf("paying %lld orders at once\n", qlonglong(atOnce.size()));
    std::fflush(stdout);
    const qint64 started = clock.elapsed();
    const QList<qint64> latencies = payAtOnce(atOnce);
    qint64 lastPaid = -1;
    int paid = 0;
    for (const QString& id : atOnce)
        if (paidAt.contains(id)) {
            ++paid;
            lastPaid = std::max(lastPaid, paidAt.value(id) - started);
        }

    std::printf("payments: duplicate and out-of-order webhooks, no return page\n");
    std::printf("  baseline, %d orders paid one at a time, webhooks behaving: approval -> paid p50 %lld ms, p99 %lld ms\n", kAlone,
                qlonglong(percentile(alone, 0.5)), qlonglong(percentile(alone, 0.99)));
    std::printf("  %d orders approved at once: %d paid on the buyer's socket, all within %lld ms (%.0f payments/s)\n",
                orders, paid, qlonglong(lastPaid), lastPaid > 0 ? paid * 1000.0 / lastPaid : 0.0);
    qint64 lastApproved = -1;
    for (const QString& id : atOnce)
        lastApproved = std::max(lastApproved, approvedAt.value(id, -1) - started);
    std::printf("  the checkout approved them all within %lld ms\n", qlonglong(lastApproved));
    std::printf("  approval -> paid: p50 %lld ms, p99 %lld ms, max %lld ms\n", qlonglong(percentile(latencies, 0.5)),
                qlonglong(percentile(latencies, 0.99)), qlonglong(percentile(latencies, 1.0)));
    std::printf("  p99 at once vs p50 alone: %.1fx\n",
                percentile(alone, 0.5) > 0 ? double(percentile(latencies, 0.99)) / percentile(alone, 0.5) : 0.0);
    std::printf("  server peak memory (VmHWM): %ld MB\n", memoryOf(market.server().pid()).peakKb / 1024);
    qDeleteAll(sockets);
    return paid == orders ? 0 : 1;
}
