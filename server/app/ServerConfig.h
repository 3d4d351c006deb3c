// Every setting of the server, read from (lowest to highest precedence)
// defaults, a JSON config file, BITMARKET_* environment variables and flags.
#pragma once

#include "bitmarket/Result.h"

#include <QString>
#include <QStringList>

namespace bitmarket::server {

struct ServerConfig {
    QString dataDir;
    QString httpHost = QStringLiteral("127.0.0.1");
    int httpPort = 8080;
    QString wsHost;  // empty: same as httpHost
    int wsPort = -1; // -1: HTTP port + 1 (or a free port when the HTTP port is 0)
    QString publicWebsocketUrl; // set behind a reverse proxy
    // HTTPS and WSS with this certificate chain and key (PEM files); plain when empty.
    QString tlsCertificateFile;
    QString tlsKeyFile;
    bool tls() const { return !tlsCertificateFile.isEmpty(); }
    // Proxies whose X-Forwarded-For names the client, and whose many clients are not
    // counted as one address.
    QStringList trustedProxies;
    bool demo = false;
    QString demoAssetsDir;
    bool worker = false;  // run only as a job worker
    int workers = 1;      // in-process job workers (0: none)
    qint64 jobLeaseMs = 60'000; // a job worker silent this long is taken for dead
    QString modelQuality = QStringLiteral("normal"); // draft | normal | high
    qint64 mediaGraceSeconds = 3600; // unused media younger than this is kept
    int httpThreads = 32;
    int registrationsPerHour = 20; // per client address
    int chatMessagesPer10s = 200;  // per user
    int minAuctionSeconds = 3600;      // the shortest auction a seller may create
    int auctionExtensionSeconds = 120; // the late-bid window and the extension it gives
    QString paymentProvider = QStringLiteral("sandbox"); // sandbox | toss
    QString paymentApi;               // the provider's API base URL
    QString paymentWebhookSecretFile; // the sandbox's shared secret
    QString tossSecretKeyFile;
    int platformFeePercent = 5;
    int orderPaymentSeconds = 30 * 60;
    int auctionPaymentSeconds = 3 * 24 * 3600;
    int orderAutoConfirmSeconds = 7 * 24 * 3600;
    int paymentReconcileSeconds = 60;
    int paymentRefundRetrySeconds = 30;
    int payoutIntervalSeconds = 24 * 3600;
    int accessTokenSeconds = 15 * 60; // shorter only for tests that watch tokens expire
    bool logRequests = false;
    bool printRoutes = false;
    QString grantAdmin; // --grant-admin USERNAME: give that user the admin role and exit

    // Parses argv (with --help/--version handled by printing and exiting).
    static Result<ServerConfig> load(const QStringList& arguments);
};

} // namespace bitmarket::server
