#include "app/ServerConfig.h"

#include <QCommandLineParser>
#include <QFile>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>

namespace bitmarket::server {

namespace {

struct Setting {
    const char* flag;   // also the config file key
    const char* envVar; // BITMARKET_...
    const char* valueName;
    const char* help;
};

constexpr Setting kSettings[] = {
    {"data-dir", "BITMARKET_DATA_DIR", "DIR", "Where the database, media and logs live."},
    {"listen", "BITMARKET_LISTEN", "HOST:PORT", "HTTP address (default 127.0.0.1:8080; port 0 picks a free port)."},
    {"ws-listen", "BITMARKET_WS_LISTEN", "HOST:PORT", "WebSocket address (default: HTTP port + 1)."},
    {"public-ws-url", "BITMARKET_PUBLIC_WS_URL", "URL", "WebSocket URL to announce in /healthz (behind a proxy)."},
    {"tls-cert", "BITMARKET_TLS_CERT", "FILE", "Serve HTTPS and WSS with this PEM certificate chain (e.g. a Let's Encrypt fullchain.pem); needs --tls-key. SIGHUP reloads it."},
    {"tls-key", "BITMARKET_TLS_KEY", "FILE", "The certificate's private key (PEM, unencrypted)."},
    {"trusted-proxy", "BITMARKET_TRUSTED_PROXY", "ADDRESSES", "Proxies (comma-separated addresses, e.g. 127.0.0.1 for nginx on this machine) whose X-Forwarded-For is believed."},
    {"demo-assets", "BITMARKET_DEMO_ASSETS", "DIR", "Photos and models for --demo."},
    {"workers", "BITMARKET_WORKERS", "N", "3D job workers inside this process (default 1, 0 for none)."},
    {"http-threads", "BITMARKET_HTTP_THREADS", "N", "HTTP worker threads (default 32)."},
    {"job-lease-ms", "BITMARKET_JOB_LEASE_MS", "MS", "A job worker silent this long is taken for dead and its job retried (default 60000)."},
    {"model-quality", "BITMARKET_MODEL_QUALITY", "QUALITY", "3D model quality: draft, normal (default) or high."},
    {"media-grace-s", "BITMARKET_MEDIA_GRACE_S", "S", "Photos and models no live listing shows are deleted once unused this long (default 3600); swept at start and hourly."},
    {"registrations-per-hour", "BITMARKET_REGISTRATIONS_PER_HOUR", "N", "Accounts one address may register per hour (default 20)."},
    {"chat-messages-per-10s", "BITMARKET_CHAT_MESSAGES_PER_10S", "N", "Chat messages one user may send in 10 seconds (default 200)."},
    {"min-auction-seconds", "BITMARKET_MIN_AUCTION_SECONDS", "S", "Shortest auction a seller may create (default 3600). Lower for demos and tests."},
    {"auction-extension-seconds", "BITMARKET_AUCTION_EXTENSION_SECONDS", "S", "A bid this close to an auction's end moves the end to this long after the bid (default 120)."},
    {"payment-provider", "BITMARKET_PAYMENT_PROVIDER", "NAME", "Who takes card payments: sandbox (default; bitmarket-payment-sandbox) or toss (Toss Payments)."},
    {"payment-api", "BITMARKET_PAYMENT_API", "URL", "The provider's API (default http://127.0.0.1:8090 for the sandbox, https://api.tosspayments.com for toss)."},
    {"payment-webhook-secret-file", "BITMARKET_PAYMENT_WEBHOOK_SECRET_FILE", "FILE", "The secret shared with the sandbox (its API key and webhook signing key)."},
    {"toss-secret-key-file", "BITMARKET_TOSS_SECRET_KEY_FILE", "FILE", "The Toss Payments secret key (test_sk_... or live_sk_...)."},
    {"platform-fee-percent", "BITMARKET_PLATFORM_FEE_PERCENT", "N", "The platform's fee on an escrow sale, in percent (default 5)."},
    {"order-payment-seconds", "BITMARKET_ORDER_PAYMENT_SECONDS", "S", "An unpaid escrow order is cancelled after this long (default 1800)."},
    {"auction-payment-seconds", "BITMARKET_AUCTION_PAYMENT_SECONDS", "S", "The same for an auction win (default 259200, 3 days)."},
    {"order-auto-confirm-seconds", "BITMARKET_ORDER_AUTO_CONFIRM_SECONDS", "S", "A shipped order is confirmed by itself after this long (default 604800, 7 days)."},
    {"payment-reconcile-seconds", "BITMARKET_PAYMENT_RECONCILE_SECONDS", "S", "How often payments still open are looked up at the provider (default 60)."},
    {"payment-refund-retry-seconds", "BITMARKET_PAYMENT_REFUND_RETRY_SECONDS", "S", "A refund the provider did not make at once is tried again after this long, then with backoff (default 30)."},
    {"payout-interval-seconds", "BITMARKET_PAYOUT_INTERVAL_SECONDS", "S", "How often sellers' balances are paid out (default 86400, daily)."},
    {"access-token-seconds", "BITMARKET_ACCESS_TOKEN_SECONDS", "S", "Access token lifetime (default 900). For tests that watch tokens expire; the API contract promises 15 minutes."},
};

constexpr const char* kSwitches[][3] = {
    {"demo", "BITMARKET_DEMO", "Fill an empty database with a demo catalogue."},
    {"worker", "BITMARKET_WORKER", "Run as a 3D job worker only (no HTTP)."},
    {"log-requests", "BITMARKET_LOG_REQUESTS", "Log every HTTP request."},
};

Result<std::pair<QString, int>> hostPort(const QString& text, const QString& field) {
    const int colon = text.lastIndexOf(u':');
    bool ok = false;
    const int port = colon > 0 ? text.mid(colon + 1).toInt(&ok) : 0;
    if (colon <= 0 || !ok || port < 0 || port > 65535)
        return ApiError::validation(QStringLiteral("Expected HOST:PORT, got '%1'.").arg(text), field);
    QString host = text.left(colon);
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    return std::pair{host, port};
}

Result<int> positive(const QString& text, const QString& field, int min) {
    bool ok = false;
    const int n = text.toInt(&ok);
    if (!ok || n < min || n > 1024)
        return ApiError::validation(QStringLiteral("Expected a number, got '%1'.").arg(text), field);
    return n;
}

Result<int> seconds(const QString& text, const QString& field, int max) {
    bool ok = false;
    const int n = text.toInt(&ok);
    if (!ok || n < 1 || n > max)
        return ApiError::validation(
            QStringLiteral("Expected seconds (1 to %1), got '%2'.").arg(max).arg(text), field);
    return n;
}

} // namespace

Result<ServerConfig> ServerConfig::load(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "BitMarket server: the marketplace API, live updates and the photo-to-3D pipeline.\n"
        "Every option can also be set in a JSON config file (same names as keys) or as an\n"
        "environment variable (BITMARKET_ + name in capitals, e.g. BITMARKET_DATA_DIR)."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({QStringLiteral("config"), QStringLiteral("JSON config file."),
                      QStringLiteral("FILE")});
    for (const Setting& s : kSettings)
        parser.addOption({QString::fromLatin1(s.flag), QString::fromLatin1(s.help),
                          QString::fromLatin1(s.valueName)});
    for (const auto& s : kSwitches)
        parser.addOption({QString::fromLatin1(s[0]), QString::fromLatin1(s[2])});
    parser.addOption(
        {QStringLiteral("print-routes"),
         QStringLiteral("Print the HTTP routes as 'METHOD PATH ACCESS' lines and exit.")});
    parser.addOption({QStringLiteral("grant-admin"),
                      QStringLiteral("Give USERNAME the admin role and exit (the server may be "
                                     "running on the same data dir)."),
                      QStringLiteral("USERNAME")});
    parser.process(arguments);

    QJsonObject file;
    if (parser.isSet("config")) {
        QFile f(parser.value("config"));
        if (!f.open(QIODevice::ReadOnly))
            return ApiError::validation(QStringLiteral("Cannot read %1.").arg(f.fileName()), "config");
        QJsonParseError err;
        const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &err);
        if (!doc.isObject())
            return ApiError::validation(
                QStringLiteral("%1 is not a JSON object: %2").arg(f.fileName(), err.errorString()),
                "config");
        file = doc.object();
    }
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const auto valueOf = [&](const char* flag, const char* envVar) -> QString {
        if (parser.isSet(QString::fromLatin1(flag)))
            return parser.value(QString::fromLatin1(flag));
        if (env.contains(QString::fromLatin1(envVar)))
            return env.value(QString::fromLatin1(envVar));
        const QJsonValue v = file.value(QString::fromLatin1(flag));
        return v.isDouble() ? QString::number(v.toInt()) : v.toString();
    };
    const auto switchOf = [&](const char* flag, const char* envVar) {
        if (parser.isSet(QString::fromLatin1(flag)))
            return true;
        const QString e = env.value(QString::fromLatin1(envVar));
        if (!e.isEmpty())
            return e == QLatin1String("1") || e == QLatin1String("true");
        return file.value(QString::fromLatin1(flag)).toBool();
    };

    ServerConfig c;
    c.dataDir = valueOf("data-dir", "BITMARKET_DATA_DIR");
    if (c.dataDir.isEmpty())
        return ApiError::validation(QStringLiteral("--data-dir is required."), "data-dir");
    if (const QString listen = valueOf("listen", "BITMARKET_LISTEN"); !listen.isEmpty()) {
        std::pair<QString, int> hp;
        BITMARKET_TRY(hp, hostPort(listen, "listen"));
        std::tie(c.httpHost, c.httpPort) = hp;
    }
    if (const QString ws = valueOf("ws-listen", "BITMARKET_WS_LISTEN"); !ws.isEmpty()) {
        std::pair<QString, int> hp;
        BITMARKET_TRY(hp, hostPort(ws, "ws-listen"));
        std::tie(c.wsHost, c.wsPort) = hp;
    }
    if (c.wsHost.isEmpty())
        c.wsHost = c.httpHost;
    if (c.wsPort < 0)
        c.wsPort = c.httpPort == 0 ? 0 : c.httpPort + 1;
    c.publicWebsocketUrl = valueOf("public-ws-url", "BITMARKET_PUBLIC_WS_URL");
    c.tlsCertificateFile = valueOf("tls-cert", "BITMARKET_TLS_CERT");
    c.tlsKeyFile = valueOf("tls-key", "BITMARKET_TLS_KEY");
    if (c.tlsCertificateFile.isEmpty() != c.tlsKeyFile.isEmpty())
        return ApiError::validation(QStringLiteral("--tls-cert and --tls-key go together."),
                                    c.tlsKeyFile.isEmpty() ? "tls-key" : "tls-cert");
    for (const QString& address : valueOf("trusted-proxy", "BITMARKET_TRUSTED_PROXY").split(u',', Qt::SkipEmptyParts)) {
        const QHostAddress parsed(address.trimmed());
        if (parsed.isNull())
            return ApiError::validation(QStringLiteral("Expected an IP address, got '%1'.").arg(address),
                                        "trusted-proxy");
        c.trustedProxies.append(parsed.toString());
    }
    c.demoAssetsDir = valueOf("demo-assets", "BITMARKET_DEMO_ASSETS");
    if (const QString w = valueOf("workers", "BITMARKET_WORKERS"); !w.isEmpty())
        BITMARKET_TRY(c.workers, positive(w, "workers", 0));
    if (const QString t = valueOf("http-threads", "BITMARKET_HTTP_THREADS"); !t.isEmpty())
        BITMARKET_TRY(c.httpThreads, positive(t, "http-threads", 2));
    if (const QString r = valueOf("registrations-per-hour", "BITMARKET_REGISTRATIONS_PER_HOUR");
        !r.isEmpty())
        BITMARKET_TRY(c.registrationsPerHour, positive(r, "registrations-per-hour", 1));
    if (const QString m = valueOf("chat-messages-per-10s", "BITMARKET_CHAT_MESSAGES_PER_10S");
        !m.isEmpty())
        BITMARKET_TRY(c.chatMessagesPer10s, positive(m, "chat-messages-per-10s", 1));
    if (const QString l = valueOf("job-lease-ms", "BITMARKET_JOB_LEASE_MS"); !l.isEmpty()) {
        bool ok = false;
        c.jobLeaseMs = l.toLongLong(&ok);
        // Heartbeats come about once a second; a shorter lease would expire under a live worker.
        if (!ok || c.jobLeaseMs < 3000 || c.jobLeaseMs > 24LL * 3600 * 1000)
            return ApiError::validation(
                QStringLiteral("Expected milliseconds (3000 or more), got '%1'.").arg(l),
                "job-lease-ms");
    }
    if (const QString m = valueOf("min-auction-seconds", "BITMARKET_MIN_AUCTION_SECONDS"); !m.isEmpty())
        BITMARKET_TRY(c.minAuctionSeconds, seconds(m, "min-auction-seconds", 14 * 24 * 3600));
    if (const QString e = valueOf("auction-extension-seconds", "BITMARKET_AUCTION_EXTENSION_SECONDS");
        !e.isEmpty())
        BITMARKET_TRY(c.auctionExtensionSeconds, seconds(e, "auction-extension-seconds", 3600));
    if (const QString s = valueOf("access-token-seconds", "BITMARKET_ACCESS_TOKEN_SECONDS"); !s.isEmpty()) {
        bool ok = false;
        c.accessTokenSeconds = s.toInt(&ok);
        if (!ok || c.accessTokenSeconds < 1 || c.accessTokenSeconds > 24 * 3600)
            return ApiError::validation(
                QStringLiteral("Expected seconds (1 to 86400), got '%1'.").arg(s), "access-token-seconds");
    }
    if (const QString g = valueOf("media-grace-s", "BITMARKET_MEDIA_GRACE_S"); !g.isEmpty()) {
        bool ok = false;
        c.mediaGraceSeconds = g.toLongLong(&ok);
        if (!ok || c.mediaGraceSeconds < 0 || c.mediaGraceSeconds > 365LL * 24 * 3600)
            return ApiError::validation(
                QStringLiteral("Expected seconds (0 to 31536000), got '%1'.").arg(g), "media-grace-s");
    }
    if (const QString q = valueOf("model-quality", "BITMARKET_MODEL_QUALITY"); !q.isEmpty()) {
        if (q != u"draft" && q != u"normal" && q != u"high")
            return ApiError::validation(
                QStringLiteral("Expected draft, normal or high, got '%1'.").arg(q), "model-quality");
        c.modelQuality = q;
    }
    if (const QString p = valueOf("payment-provider", "BITMARKET_PAYMENT_PROVIDER"); !p.isEmpty()) {
        if (p != u"sandbox" && p != u"toss")
            return ApiError::validation(
                QStringLiteral("Expected sandbox or toss, got '%1'.").arg(p), "payment-provider");
        c.paymentProvider = p;
    }
    c.paymentApi = valueOf("payment-api", "BITMARKET_PAYMENT_API");
    if (c.paymentApi.isEmpty())
        c.paymentApi = c.paymentProvider == u"toss" ? QStringLiteral("https://api.tosspayments.com")
                                                    : QStringLiteral("http://127.0.0.1:8090");
    c.paymentWebhookSecretFile =
        valueOf("payment-webhook-secret-file", "BITMARKET_PAYMENT_WEBHOOK_SECRET_FILE");
    c.tossSecretKeyFile = valueOf("toss-secret-key-file", "BITMARKET_TOSS_SECRET_KEY_FILE");
    if (const QString f = valueOf("platform-fee-percent", "BITMARKET_PLATFORM_FEE_PERCENT"); !f.isEmpty()) {
        bool ok = false;
        c.platformFeePercent = f.toInt(&ok);
        if (!ok || c.platformFeePercent < 0 || c.platformFeePercent > 50)
            return ApiError::validation(
                QStringLiteral("Expected a percent (0 to 50), got '%1'.").arg(f), "platform-fee-percent");
    }
    struct Period {
        const char* flag;
        const char* envVar;
        int& target;
    };
    const Period periods[] = {
        {"order-payment-seconds", "BITMARKET_ORDER_PAYMENT_SECONDS", c.orderPaymentSeconds},
        {"auction-payment-seconds", "BITMARKET_AUCTION_PAYMENT_SECONDS", c.auctionPaymentSeconds},
        {"order-auto-confirm-seconds", "BITMARKET_ORDER_AUTO_CONFIRM_SECONDS", c.orderAutoConfirmSeconds},
        {"payment-reconcile-seconds", "BITMARKET_PAYMENT_RECONCILE_SECONDS", c.paymentReconcileSeconds},
        {"payment-refund-retry-seconds", "BITMARKET_PAYMENT_REFUND_RETRY_SECONDS", c.paymentRefundRetrySeconds},
        {"payout-interval-seconds", "BITMARKET_PAYOUT_INTERVAL_SECONDS", c.payoutIntervalSeconds},
    };
    for (const Period& period : periods)
        if (const QString v = valueOf(period.flag, period.envVar); !v.isEmpty())
            BITMARKET_TRY(period.target, seconds(v, QString::fromLatin1(period.flag), 30 * 24 * 3600));
    c.demo = switchOf("demo", "BITMARKET_DEMO");
    c.worker = switchOf("worker", "BITMARKET_WORKER");
    c.logRequests = switchOf("log-requests", "BITMARKET_LOG_REQUESTS");
    c.printRoutes = parser.isSet("print-routes");
    c.grantAdmin = parser.value("grant-admin").trimmed();
    return c;
}

} // namespace bitmarket::server
