// bitmarket-payment-sandbox: a card provider to develop and test against (docs/orders.md, "Providers").
#include "Misbehaviour.h"
#include "PaymentBook.h"
#include "SandboxRoutes.h"
#include "WebhookSender.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>

#include <httplib.h>

#include <csignal>
#include <cstdio>

namespace {

httplib::Server* g_server = nullptr;
constexpr size_t kServingThreads = 64;

void stopOnSignal(int) {
    if (g_server)
        g_server->stop();
}

int fail(const QString& message) {
    std::fprintf(stderr, "bitmarket-payment-sandbox: %s\n", qPrintable(message));
    return 2;
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("bitmarket-payment-sandbox"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("A stand-in card provider for BitMarket."));
    parser.addHelpOption();
    const QCommandLineOption listen(QStringLiteral("listen"), QStringLiteral("HOST:PORT (port 0: a free one)."),
                                    QStringLiteral("address"), QStringLiteral("127.0.0.1:8090"));
    const QCommandLineOption webhookUrl(QStringLiteral("webhook-url"),
                                        QStringLiteral("Where events are delivered."), QStringLiteral("url"));
    const QCommandLineOption secretFile(QStringLiteral("webhook-secret-file"),
                                        QStringLiteral("The shared secret: API key and webhook signing key."),
                                        QStringLiteral("file"));
    const QCommandLineOption tossKey(QStringLiteral("toss-secret-key"),
                                     QStringLiteral("The secret key the Toss-shaped API accepts."),
                                     QStringLiteral("key"), QStringLiteral("test_sk_sandbox"));
    const QCommandLineOption retryMs(QStringLiteral("webhook-retry-ms"),
                                     QStringLiteral("The first wait before a webhook is sent again."),
                                     QStringLiteral("ms"), QStringLiteral("1000"));
    const QCommandLineOption retryMaxMs(QStringLiteral("webhook-retry-max-ms"),
                                        QStringLiteral("The longest wait between attempts."),
                                        QStringLiteral("ms"), QStringLiteral("60000"));
    const QCommandLineOption cardTimeoutMs(QStringLiteral("card-timeout-ms"),
                                           QStringLiteral("How long the timing-out test card waits."),
                                           QStringLiteral("ms"), QStringLiteral("30000"));
    const QCommandLineOption duplicate(QStringLiteral("duplicate-webhooks"),
                                       QStringLiteral("Deliver every event twice."));
    const QCommandLineOption outOfOrder(QStringLiteral("out-of-order-webhooks"),
                                        QStringLiteral("Hold each event back until the next one went out."));
    const QCommandLineOption beforeRedirect(QStringLiteral("webhook-before-redirect"),
                                            QStringLiteral("Redirect the buyer only once the webhook was answered."));
    const QCommandLineOption apiDelay(QStringLiteral("api-delay-ms"),
                                      QStringLiteral("Answer every API call this late."), QStringLiteral("ms"),
                                      QStringLiteral("0"));
    const QCommandLineOption apiFailures(QStringLiteral("api-failures"),
                                         QStringLiteral("Fail the first N API calls with 500."), QStringLiteral("n"),
                                         QStringLiteral("0"));
    parser.addOptions({listen, webhookUrl, secretFile, tossKey, retryMs, retryMaxMs, cardTimeoutMs,
                       duplicate, outOfOrder, beforeRedirect, apiDelay, apiFailures});
    parser.process(app);

    if (!parser.isSet(webhookUrl) || !parser.isSet(secretFile))
        return fail(QStringLiteral("--webhook-url and --webhook-secret-file are required."));
    QFile file(parser.value(secretFile));
    if (!file.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("cannot read %1").arg(file.fileName()));
    const QByteArray secret = file.readAll().trimmed();
    if (secret.size() < 16)
        return fail(QStringLiteral("the webhook secret must be at least 16 characters."));
    const QString address = parser.value(listen);
    const qsizetype colon = address.lastIndexOf(u':');
    bool portOk = false;
    const int port = colon > 0 ? address.mid(colon + 1).toInt(&portOk) : 0;
    if (colon <= 0 || !portOk || port < 0 || port > 65535)
        return fail(QStringLiteral("--listen takes HOST:PORT."));
    const QString host = address.left(colon);

    sandbox::Misbehaviour misbehaviour;
    misbehaviour.apply(QJsonObject{{"duplicateWebhooks", parser.isSet(duplicate)},
                                   {"outOfOrderWebhooks", parser.isSet(outOfOrder)},
                                   {"webhookBeforeRedirect", parser.isSet(beforeRedirect)},
                                   {"apiDelayMs", parser.value(apiDelay).toInt()},
                                   {"apiFailures", parser.value(apiFailures).toInt()}});
    sandbox::PaymentBook book;
    sandbox::WebhookSender webhooks(
        {parser.value(webhookUrl), secret, parser.value(retryMs).toLongLong(),
         parser.value(retryMaxMs).toLongLong()},
        misbehaviour);
    sandbox::SandboxRoutes routes(book, webhooks, misbehaviour,
                                  {secret, parser.value(tossKey).toUtf8(), parser.value(cardTimeoutMs).toInt()});

    httplib::Server server;
    // A provider answers many merchants at once, and every keep-alive connection holds a thread.
    server.new_task_queue = [] { return new httplib::ThreadPool(kServingThreads); };
    server.set_tcp_nodelay(true);
    // httplib listens with a backlog of 5: a burst of new connections beyond it (a merchant's
    // payment workers, buyers' browsers) waits a second for the SYN to be sent again.
    socket_t listening = INVALID_SOCKET;
    server.set_socket_options([&listening](socket_t socket) {
        httplib::default_socket_options(socket);
        listening = socket;
    });
    routes.install(server);
    const int bound = port == 0 ? server.bind_to_any_port(host.toStdString())
                                : (server.bind_to_port(host.toStdString(), port) ? port : -1);
    if (bound < 0)
        return fail(QStringLiteral("cannot listen on %1").arg(address));
    ::listen(listening, SOMAXCONN);
    const QString publicUrl = QStringLiteral("http://%1:%2").arg(host).arg(bound);
    routes.setPublicUrl(publicUrl);
    webhooks.start();
    g_server = &server;
    std::signal(SIGTERM, stopOnSignal);
    std::signal(SIGINT, stopOnSignal);
    std::printf("payment sandbox on %s\n", qPrintable(publicUrl));
    std::fflush(stdout);
    server.listen_after_bind();
    webhooks.stop();
    return 0;
}
