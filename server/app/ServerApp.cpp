#include "app/ServerApp.h"

#include "app/DemoCatalogue.h"
#include "app/OpenFiles.h"
#include "app/ServerCertificate.h"
#include "app/ServerSecret.h"
#include "auctions/AuctionCloser.h"
#include "auctions/AuctionService.h"
#include "auth/AuthService.h"
#include "auth/UserRoles.h"
#include "chat/ChatService.h"
#include "db/Database.h"
#include "db/Poller.h"
#include "events/InProcessEventBus.h"
#include "http/AuctionRoutes.h"
#include "http/AuthRoutes.h"
#include "http/ChatRoutes.h"
#include "http/HttpServer.h"
#include "http/ListingRoutes.h"
#include "http/MediaRoutes.h"
#include "http/ModelRoutes.h"
#include "http/NotificationRoutes.h"
#include "http/OrderRoutes.h"
#include "http/PhotoRoutes.h"
#include "http/SystemRoutes.h"
#include "idempotency/IdempotencyCleanup.h"
#include "jobs/JobEventRelay.h"
#include "jobs/JobHandlers.h"
#include "jobs/JobQueue.h"
#include "jobs/Worker.h"
#include "jobs/WorkerRota.h"
#include "market/CategoryService.h"
#include "market/ListingPhotoUploads.h"
#include "market/ListingService.h"
#include "market/MediaSweeper.h"
#include "media/MediaStore.h"
#include "media/PhotoIngest.h"
#include "models/ModelJobHandler.h"
#include "models/ModelJobRunner.h"
#include "models/ModelJobService.h"
#include "notifications/KeywordAlertJob.h"
#include "notifications/NotificationCleanup.h"
#include "notifications/NotificationService.h"
#include "notifications/SavedKeywordService.h"
#include "orders/OrderJobs.h"
#include "orders/OrderPayments.h"
#include "orders/OrderService.h"
#include "orders/Payouts.h"
#include "payments/ProviderHttp.h"
#include "payments/SandboxProvider.h"
#include "payments/TossProvider.h"
#include "realtime/ConnectedUsers.h"
#include "realtime/RealtimeHub.h"

#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <cstdio>

namespace bitmarket::server {

Q_LOGGING_CATEGORY(lcApp, "bitmarket.app")

namespace {
// Room for a full set of phone photos in one upload (20 x ~6 MB); each photo is
// also checked on its own by PhotoIngest.
constexpr qint64 kMaxRequestBytes = 128LL * 1024 * 1024;
// One photo sent in a chat, with room for the multipart framing; PhotoIngest checks it too.
constexpr qint64 kMaxChatPhotoBytes = 32LL * 1024 * 1024;
// How often media no live listing shows is looked for (and at every start).
constexpr std::chrono::hours kMediaSweepInterval{1};
// How often what other processes wrote to the database is looked for.
constexpr std::chrono::milliseconds kRelayInterval{500};
// The most connections of each kind (HTTP, WebSocket), when the open-file limit allows.
constexpr int kMostConnections = 8192;
// Workers that process stored payment webhooks (each waits on the provider's answers).
constexpr int kPaymentEventWorkers = 32;
}

struct ServerApp::Parts {
    std::unique_ptr<db::Database> db;
    InProcessEventBus events;
    SameTransactionEvents effects;
    std::unique_ptr<AuthService> auth;
    std::unique_ptr<CategoryService> categories;
    std::unique_ptr<ListingService> listings;
    std::unique_ptr<media::MediaStore> mediaStore;
    std::unique_ptr<media::PhotoIngest> photoIngest;
    std::unique_ptr<ListingPhotoUploads> photoUploads;
    std::unique_ptr<MediaSweeper> mediaSweeper;
    std::unique_ptr<jobs::JobQueue> jobQueue;
    jobs::JobHandlers jobHandlers;
    std::unique_ptr<models::ModelJobRunner> modelRunner;
    std::unique_ptr<models::ModelJobHandler> modelHandler;
    std::unique_ptr<models::ModelJobService> modelJobs;
    std::unique_ptr<notifications::NotificationService> notifications;
    std::unique_ptr<notifications::KeywordAlertJob> keywordAlerts;
    std::unique_ptr<notifications::SavedKeywordService> keywords;
    std::unique_ptr<notifications::NotificationCleanup> notificationCleanup;
    std::unique_ptr<orders::OrderService> orders;
    std::unique_ptr<payments::ProviderHttp> providerHttp;
    std::unique_ptr<payments::PaymentProvider> paymentProvider;
    std::unique_ptr<orders::OrderPayments> orderPayments;
    std::unique_ptr<orders::Payouts> payouts;
    std::unique_ptr<orders::OrderDeadlineJob> orderDeadlines;
    std::unique_ptr<orders::PaymentEventJob> paymentEvents;
    std::unique_ptr<orders::PaymentRefundJob> paymentRefunds;
    std::unique_ptr<orders::PayoutJob> payoutJob;
    std::unique_ptr<orders::PaymentReconciliation> paymentReconciliation;
    std::unique_ptr<orders::PayoutRun> payoutRun;
    std::unique_ptr<auctions::AuctionService> auctions;
    std::unique_ptr<auctions::AuctionCloser> auctionCloser;
    ConnectedUsers connectedUsers;
    std::unique_ptr<chat::ChatService> chats;
    std::unique_ptr<idempotency::IdempotencyCleanup> idempotencyCleanup;
    std::vector<std::unique_ptr<jobs::Worker>> workers;
    std::unique_ptr<jobs::WorkerRota> paymentWorkerRota; // wakes one payment worker per event
    std::vector<std::thread> workerThreads;
    std::unique_ptr<jobs::JobEventRelay> jobRelay;
    std::unique_ptr<db::Poller> notificationRelay;
    std::unique_ptr<RealtimeHub> hub;
    std::unique_ptr<HttpServer> http;
    std::unique_ptr<Router> router;
    std::optional<ServerCertificate> certificate;
};

ServerApp::ServerApp(ServerConfig config)
    : m_config(std::move(config)), m_parts(std::make_unique<Parts>()),
      m_connectionBudget(connectionBudget(kMostConnections)) {}

ServerApp::~ServerApp() { stop(); }

bool ServerApp::openStorage() {
    if (!QDir().mkpath(m_config.dataDir)) {
        qCCritical(lcApp) << "cannot create data dir" << m_config.dataDir;
        return false;
    }
    auto secret = loadOrCreateServerSecret(m_config.dataDir);
    if (!secret) {
        qCCritical(lcApp).noquote() << secret.error().message;
        return false;
    }
    try {
        m_parts->db = std::make_unique<db::Database>(db::Database::Options{
            m_config.dataDir + QStringLiteral("/bitmarket.db"), m_config.httpThreads});
    } catch (const db::SqlError& e) {
        qCCritical(lcApp) << "cannot open the database:" << e.what();
        return false;
    }
    Parts& p = *m_parts;
    AuthService::Limits authLimits;
    authLimits.registrationsPerAddress = m_config.registrationsPerHour;
    p.auth = std::make_unique<AuthService>(
        *p.db, p.events, PasswordHasher{},
        AccessTokenSigner(secret.value(), m_config.accessTokenSeconds), authLimits);
    p.categories = std::make_unique<CategoryService>(*p.db);
    p.jobQueue = std::make_unique<jobs::JobQueue>(*p.db, p.events);
    p.notifications =
        std::make_unique<notifications::NotificationService>(*p.db, p.events, *p.jobQueue);
    p.keywordAlerts = std::make_unique<notifications::KeywordAlertJob>(*p.notifications);
    p.jobHandlers.add(*p.keywordAlerts);
    p.keywords = std::make_unique<notifications::SavedKeywordService>(*p.db);
    // Notifications are written in the transaction of what they are about.
    p.effects.subscribe([notifications = p.notifications.get()](
                            db::Connection& c, const DomainEvent& event) {
        return notifications->handle(c, event);
    });
    p.listings = std::make_unique<ListingService>(*p.db, p.events, p.effects);
    p.mediaStore = std::make_unique<media::MediaStore>(m_config.dataDir);
    p.photoIngest = std::make_unique<media::PhotoIngest>(*p.mediaStore);
    p.photoUploads =
        std::make_unique<ListingPhotoUploads>(*p.listings, *p.photoIngest, *p.mediaStore);
    models::ModelJobRunner::Options runnerOptions;
    // Scratch space for the engine sits on the data disk, next to what it produces.
    runnerOptions.workDir = m_config.dataDir + QStringLiteral("/work");
    runnerOptions.quality = m_config.modelQuality;
    p.modelRunner = std::make_unique<models::ModelJobRunner>(*p.db, *p.mediaStore, runnerOptions);
    models::ModelJobHandler::Options modelOptions;
    modelOptions.listingChanged = listingChanged();
    modelOptions.effects = &p.effects;
    p.modelHandler = std::make_unique<models::ModelJobHandler>(*p.modelRunner, modelOptions);
    p.jobHandlers.add(*p.modelHandler);
    p.notificationCleanup =
        std::make_unique<notifications::NotificationCleanup>(*p.db, *p.jobQueue);
    p.jobHandlers.add(*p.notificationCleanup);
    p.modelJobs =
        std::make_unique<models::ModelJobService>(*p.db, *p.jobQueue, listingChanged());
    orders::OrderService::Options orderOptions;
    orderOptions.paymentWindowMs = m_config.orderPaymentSeconds * 1000LL;
    orderOptions.auctionPaymentWindowMs = m_config.auctionPaymentSeconds * 1000LL;
    orderOptions.autoConfirmMs = m_config.orderAutoConfirmSeconds * 1000LL;
    orderOptions.feePercent = m_config.platformFeePercent;
    p.orders = std::make_unique<orders::OrderService>(*p.db, p.events, p.effects, *p.jobQueue,
                                                      *p.listings, orderOptions);
    if (!openPaymentProvider())
        return false;
    p.orderPayments = std::make_unique<orders::OrderPayments>(
        *p.db, *p.orders, *p.paymentProvider, *p.jobQueue,
        m_config.paymentRefundRetrySeconds * 1000LL);
    p.payouts = std::make_unique<orders::Payouts>(*p.db, *p.paymentProvider, *p.jobQueue);
    p.orderDeadlines = std::make_unique<orders::OrderDeadlineJob>(*p.orders);
    p.paymentEvents = std::make_unique<orders::PaymentEventJob>(*p.orderPayments);
    p.paymentRefunds = std::make_unique<orders::PaymentRefundJob>(*p.orderPayments);
    p.payoutJob = std::make_unique<orders::PayoutJob>(*p.payouts);
    p.paymentReconciliation = std::make_unique<orders::PaymentReconciliation>(
        *p.orderPayments, *p.jobQueue, m_config.paymentReconcileSeconds * 1000LL);
    p.payoutRun = std::make_unique<orders::PayoutRun>(*p.payouts, *p.jobQueue,
                                                      m_config.payoutIntervalSeconds * 1000LL);
    for (jobs::JobHandler* handler :
         std::initializer_list<jobs::JobHandler*>{p.orderDeadlines.get(), p.paymentEvents.get(),
                                                  p.paymentRefunds.get(), p.payoutJob.get(),
                                                  p.paymentReconciliation.get(), p.payoutRun.get()})
        p.jobHandlers.add(*handler);
    auctions::AuctionService::Options auctionOptions;
    auctionOptions.shortestAuctionMs = m_config.minAuctionSeconds * 1000LL;
    auctionOptions.lateBidWindowMs = m_config.auctionExtensionSeconds * 1000LL;
    p.auctions = std::make_unique<auctions::AuctionService>(*p.db, p.events, p.effects, *p.listings,
                                                            *p.orders, auctionOptions);
    // A published auction listing starts its auction in the same transaction.
    p.effects.subscribe([auctions = p.auctions.get()](db::Connection& c, const DomainEvent& event) {
        return auctions->handle(c, event);
    });
    chat::ChatService::Options chatOptions;
    chatOptions.sendsPerWindow = m_config.chatMessagesPer10s;
    p.chats = std::make_unique<chat::ChatService>(*p.db, p.events, p.effects, *p.listings,
                                                  *p.photoIngest, p.connectedUsers, chatOptions);
    // A listing's new status or price is told in its chats in the same transaction.
    p.effects.subscribe([chats = p.chats.get()](db::Connection& c, const DomainEvent& event) {
        return chats->handle(c, event);
    });
    p.idempotencyCleanup = std::make_unique<idempotency::IdempotencyCleanup>(*p.db, *p.jobQueue);
    p.jobHandlers.add(*p.idempotencyCleanup);
    return true;
}

bool ServerApp::openPaymentProvider() {
    Parts& p = *m_parts;
    const bool toss = m_config.paymentProvider == u"toss";
    const QString keyFile = toss ? m_config.tossSecretKeyFile : m_config.paymentWebhookSecretFile;
    QByteArray secret;
    if (!keyFile.isEmpty()) {
        QFile file(keyFile);
        if (!file.open(QIODevice::ReadOnly)) {
            qCCritical(lcApp) << "cannot read the payment key file" << keyFile;
            return false;
        }
        secret = file.readAll().trimmed();
    } else {
        // Without a secret nobody can sign a webhook this server accepts, nor call the provider.
        qCInfo(lcApp) << "no payment key file: card payments will fail until one is configured";
    }
    constexpr int kProviderTimeoutMs = 10'000;
    p.providerHttp = std::make_unique<payments::ProviderHttp>(kProviderTimeoutMs);
    const QUrl api(m_config.paymentApi);
    if (toss)
        p.paymentProvider = std::make_unique<payments::TossProvider>(*p.providerHttp, api, secret);
    else
        p.paymentProvider = std::make_unique<payments::SandboxProvider>(*p.providerHttp, api, secret);
    return true;
}

std::function<void(const QString&)> ServerApp::listingChanged() {
    // The job side changed a listing's model state; the listing's owner tells live viewers,
    // with the listing in its one public shape.
    return [this](const QString& listingId) { m_parts->listings->announceUpdate(listingId); };
}

void ServerApp::addRoutes() {
    Parts& p = *m_parts;
    HttpServer::Options httpOptions{m_config.httpHost, m_config.httpPort, m_config.httpThreads,
                                    kMaxRequestBytes, m_config.logRequests, HttpLimits{}};
    httpOptions.limits.maxConnections = m_connectionBudget.http;
    if (p.certificate)
        httpOptions.tls = p.certificate->https();
    for (const QString& proxy : m_config.trustedProxies)
        httpOptions.trustedProxies.insert(proxy.toStdString());
    p.http = std::make_unique<HttpServer>(httpOptions);
    p.router = std::make_unique<Router>(p.http->raw(), *p.auth);
    p.http->setBodyAdmission(
        [router = p.router.get()](const RequestHead& head) { return router->admitBody(head); });
    addSystemRoutes(*p.router,
                    HealthInfo{QStringLiteral(BITMARKET_VERSION), [this](const QString& localAddress) {
                                   if (!m_config.publicWebsocketUrl.isEmpty())
                                       return m_config.publicWebsocketUrl;
                                   // Listening on every address: the one this client reached.
                                   const bool anyHost = m_config.wsHost == QLatin1String("0.0.0.0") ||
                                                        m_config.wsHost == QLatin1String("::");
                                   QString wsHost = anyHost && !localAddress.isEmpty()
                                                        ? localAddress
                                                        : m_config.wsHost;
                                   if (wsHost.contains(u':'))
                                       wsHost = u'[' + wsHost + u']';
                                   return QStringLiteral("%1://%2:%3/ws")
                                       .arg(m_config.tls() ? u"wss" : u"ws")
                                       .arg(wsHost)
                                       .arg(m_parts->hub ? m_parts->hub->port() : 0);
                               }});
    addAuthRoutes(*p.router, *p.auth);
    addListingRoutes(*p.router, *p.listings, *p.categories, *p.auctions);
    addPhotoRoutes(*p.router, *p.listings, *p.photoUploads, kMaxRequestBytes);
    addMediaRoutes(*p.router, *p.mediaStore);
    addModelRoutes(*p.router, *p.modelJobs);
    addNotificationRoutes(*p.router, *p.notifications, *p.keywords);
    addAuctionRoutes(*p.router, *p.auctions);
    addOrderRoutes(*p.router, *p.orders, *p.orderPayments, *p.payouts);
    addChatRoutes(*p.router, *p.chats, kMaxChatPhotoBytes);
}

void ServerApp::startWorkers(int count, const jobs::JobQueue::Kinds& kinds) {
    Parts& p = *m_parts;
    for (int i = 0; i < count; ++i) {
        jobs::Worker::Options options;
        options.leaseMs = m_config.jobLeaseMs;
        options.kinds = kinds;
        p.workers.push_back(std::make_unique<jobs::Worker>(*p.jobQueue, p.jobHandlers, options));
        jobs::Worker* worker = p.workers.back().get();
        p.workerThreads.emplace_back([worker] { worker->run(); });
    }
}

bool ServerApp::startWorkerOnly() {
    if (!openStorage())
        return false;
    startWorkers(std::max(1, m_config.workers), jobs::JobQueue::Kinds::only({models::ModelJobHandler::kKind}));
    qCInfo(lcApp).noquote() << "job worker serving" << m_config.dataDir;
    return true;
}

bool ServerApp::printRoutes() {
    if (!openStorage())
        return false;
    addRoutes();
    for (const RouteInfo& r : m_parts->router->routes())
        std::printf("%s %s %s\n", r.method.c_str(), r.path.c_str(), accessName(r.access));
    return true;
}

bool ServerApp::grantAdmin(const QString& username) {
    if (!openStorage())
        return false;
    auto granted = UserRoles(*m_parts->db).grant(username, Role::Admin);
    if (!granted) {
        if (granted.error().code == ErrorCode::NotFound)
            std::fprintf(stderr, "bitmarket-server: there is no user named '%s' in %s.\n",
                         qPrintable(username), qPrintable(m_config.dataDir));
        else
            std::fprintf(stderr, "bitmarket-server: cannot grant the admin role: %s\n",
                         qPrintable(granted.error().message));
        return false;
    }
    std::printf(granted->alreadyHeld ? "%s is already an admin.\n" : "%s is now an admin.\n",
                qPrintable(username));
    return true;
}

bool ServerApp::start() {
    if (!openStorage())
        return false;
    if (!loadCertificate())
        return false;
    Parts& p = *m_parts;
    if (m_config.demo) {
        DemoCatalogue demo(*p.db, *p.auth, *p.listings, *p.keywords, p.effects, *p.auctions,
                           *p.chats, *p.orders, *p.photoIngest, *p.mediaStore,
                           DemoCatalogue::findAssetsDir(m_config.demoAssetsDir));
        if (auto seeded = demo.seedIfEmpty(); !seeded) {
            qCCritical(lcApp).noquote() << "demo catalogue failed:" << seeded.error().message;
            return false;
        }
    }
    addRoutes();
    if (auto scheduled = p.notificationCleanup->scheduleFirst(); !scheduled) {
        qCCritical(lcApp).noquote() << "cannot schedule the notification clean-up:"
                                    << scheduled.error().message;
        return false;
    }
    for (jobs::RecurringJob* recurring : std::initializer_list<jobs::RecurringJob*>{
             p.paymentReconciliation.get(), p.payoutRun.get()}) {
        if (auto scheduled = recurring->scheduleFirst(); !scheduled) {
            qCCritical(lcApp).noquote() << "cannot schedule" << recurring->kind() << ":"
                                        << scheduled.error().message;
            return false;
        }
    }
    if (auto scheduled = p.idempotencyCleanup->scheduleFirst(); !scheduled) {
        qCCritical(lcApp).noquote() << "cannot schedule the Idempotency-Key clean-up:"
                                    << scheduled.error().message;
        return false;
    }
    // Auctions that came due while the server was down close first, in the order they ended.
    p.auctionCloser = std::make_unique<auctions::AuctionCloser>(*p.auctions);
    p.auctions->onAuctionStarted([closer = p.auctionCloser.get()] { closer->wake(); });
    p.auctionCloser->start();
    p.mediaSweeper = std::make_unique<MediaSweeper>(
        *p.db, *p.mediaStore, std::chrono::seconds(m_config.mediaGraceSeconds));
    p.mediaSweeper->keepAlso(&chat::ChatService::imageHashes);
    p.mediaSweeper->startPeriodic(kMediaSweepInterval);

    const AuthService& auth = *p.auth;
    RealtimeHub::Options hubOptions;
    hubOptions.address = QHostAddress(m_config.wsHost);
    hubOptions.port = static_cast<quint16>(m_config.wsPort);
    hubOptions.maxConnections = m_connectionBudget.webSockets;
    hubOptions.trustedProxies = m_config.trustedProxies;
    if (p.certificate)
        hubOptions.tls = p.certificate->wss();
    hubOptions.commands.chatSend = [chats = p.chats.get()](const QString& userId,
                                                           const QString& chatId,
                                                           const QString& text,
                                                           const QString& clientId,
                                                           ClientCommands::Reply reply) {
        chats->sendTextThen(chatId, userId, text, clientId,
                            [reply = std::move(reply)](Result<chat::SentMessage> sent) {
                                if (!sent)
                                    return reply(sent.error());
                                std::string data;
                                JsonWriter w(data);
                                w.beginObject().key("created").boolean(sent->created);
                                sent->message.writeJson(w.key("message"));
                                w.endObject();
                                reply(std::move(data));
                            });
    };
    hubOptions.commands.chatTyping = [chats = p.chats.get()](const QString& userId,
                                                             const QString& chatId) {
        return chats->typing(chatId, userId);
    };
    p.hub = std::make_unique<RealtimeHub>(
        p.events,
        [&auth](const QString& token) -> RealtimeHub::Admission {
            const AccessCheck check = auth.checkAccess(token);
            switch (check.verdict) {
            case AccessCheck::Verdict::Granted:
                return RealtimeHub::Caller{check.claims.userId, check.claims.sessionId,
                                           check.claims.expiresAtS * 1000};
            case AccessCheck::Verdict::Expired:
                return RealtimeHub::Refusal::TokenExpired;
            case AccessCheck::Verdict::SessionEnded:
                return RealtimeHub::Refusal::SessionEnded;
            case AccessCheck::Verdict::Invalid:
                break;
            }
            return RealtimeHub::Refusal::InvalidToken;
        },
        p.connectedUsers, hubOptions);
    QString hubError;
    if (!p.hub->start(&hubError)) {
        qCCritical(lcApp).noquote() << "cannot start the WebSocket listener:" << hubError;
        return false;
    }
    // Webhook events have workers of their own, woken as each is stored: a payment shows as
    // paid within moments of the provider's word, however many arrive at once. Started before
    // the HTTP listener, so that the first webhook finds them.
    const size_t firstPaymentWorker = p.workers.size();
    startWorkers(kPaymentEventWorkers, jobs::JobQueue::Kinds::only({orders::OrderPayments::kEventKind}));
    std::vector<jobs::Worker*> paymentWorkers;
    for (size_t i = firstPaymentWorker; i < p.workers.size(); ++i)
        paymentWorkers.push_back(p.workers[i].get());
    p.paymentWorkerRota = std::make_unique<jobs::WorkerRota>(std::move(paymentWorkers));
    p.orderPayments->onEventStored([rota = p.paymentWorkerRota.get()] { rota->wakeOne(); });
    auto port = p.http->bind();
    if (!port) {
        qCCritical(lcApp).noquote() << port.error().message;
        return false;
    }
    m_httpThread = std::thread([this] { m_parts->http->serve(); });
    if (!p.http->waitUntilServing(10'000)) {
        qCCritical(lcApp) << "the HTTP listener did not start";
        return false;
    }
    // --workers counts the 3D model workers; a model takes minutes, so every other
    // kind of job (due at a time: closes, clean-ups) has a worker of its own.
    startWorkers(m_config.workers, jobs::JobQueue::Kinds::only({models::ModelJobHandler::kKind}));
    startWorkers(1, jobs::JobQueue::Kinds::allBut(
                        {models::ModelJobHandler::kKind, orders::OrderPayments::kEventKind}));

    // Progress of workers in other processes reaches live clients through the database.
    p.jobRelay =
        std::make_unique<jobs::JobEventRelay>(*p.db, p.events, *p.jobQueue, p.jobHandlers);
    p.jobRelay->start();
    // And their notifications (a 3D model a --worker finished) reach live clients the same way.
    p.notificationRelay = std::make_unique<db::Poller>(
        kRelayInterval, [notifications = p.notifications.get()] {
            if (auto relayed = notifications->announceAddedElsewhere(); !relayed)
                qCWarning(lcApp).noquote() << "notification relay:" << relayed.error().message;
        });
    p.notificationRelay->start();
    const char* secure = m_config.tls() ? "s" : "";
    std::printf("listening on http%s://%s:%d\n", secure, qPrintable(m_config.httpHost), port.value());
    std::printf("websocket on ws%s://%s:%d/ws\n", secure, qPrintable(m_config.wsHost), p.hub->port());
    std::fflush(stdout);
    qCInfo(lcApp).noquote() << "serving" << m_config.dataDir << "on port" << port.value()
                            << "and websocket port" << p.hub->port();
    return true;
}

bool ServerApp::loadCertificate() {
    if (!m_config.tls())
        return true;
    auto certificate = ServerCertificate::load(m_config.tlsCertificateFile, m_config.tlsKeyFile);
    if (!certificate) {
        qCCritical(lcApp).noquote() << certificate.error().message;
        return false;
    }
    if (certificate->expiresAt() < QDateTime::currentDateTimeUtc())
        qCWarning(lcApp).noquote() << "the TLS certificate" << m_config.tlsCertificateFile
                                   << "expired on" << certificate->expiresAt().toString(Qt::ISODate)
                                   << "; clients will refuse it";
    m_parts->certificate = std::move(certificate).value();
    return true;
}

void ServerApp::reloadCertificate() {
    if (!m_config.tls() || !m_parts || !m_parts->http || !m_parts->hub)
        return;
    auto certificate = ServerCertificate::load(m_config.tlsCertificateFile, m_config.tlsKeyFile);
    if (!certificate) {
        qCWarning(lcApp).noquote() << "kept the TLS certificate in use:" << certificate.error().message;
        return;
    }
    m_parts->http->setTls(certificate->https());
    m_parts->hub->setTls(certificate->wss());
    qCInfo(lcApp).noquote() << "reloaded the TLS certificate" << m_config.tlsCertificateFile
                            << "(valid until" << certificate->expiresAt().toString(Qt::ISODate) + ")";
    m_parts->certificate = std::move(certificate).value();
}

void ServerApp::stop() {
    if (!m_parts)
        return;
    Parts& p = *m_parts;
    if (p.http)
        p.http->stop();
    if (m_httpThread.joinable())
        m_httpThread.join();
    if (p.jobRelay)
        p.jobRelay->stop();
    p.notificationRelay.reset();
    for (auto& worker : p.workers)
        worker->stop();
    for (auto& thread : p.workerThreads)
        thread.join();
    p.workerThreads.clear();
    if (p.auctionCloser)
        p.auctionCloser->stop();
    if (p.hub)
        p.hub->stop();
    p.mediaSweeper.reset();
    if (p.db)
        p.db->flush();
}

} // namespace bitmarket::server
