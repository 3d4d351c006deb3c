// bitmarket-server: see `bitmarket-server --help` and docs/openapi.json.
#include "app/ServerApp.h"
#include "app/ServerConfig.h"
#include "app/ServerLog.h"
#include "app/SignalWatcher.h"

#include <QCoreApplication>

#include <cstdio>
#include <sys/stat.h>

using namespace bitmarket::server;

int main(int argc, char** argv) {
    // What the server creates (the data dir, the database and its journal, logs, media,
    // the engine's scratch) holds accounts and private photos: for its own user only.
    ::umask(077);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("bitmarket-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BITMARKET_VERSION));

    auto config = ServerConfig::load(QCoreApplication::arguments());
    if (!config) {
        std::fprintf(stderr, "bitmarket-server: %s\n", qPrintable(config.error().message));
        return 2;
    }
    if (config->printRoutes)
        return ServerApp(config.value()).printRoutes() ? 0 : 1;
    if (!config->grantAdmin.isEmpty())
        return ServerApp(config.value()).grantAdmin(config->grantAdmin) ? 0 : 1;

    ServerLog::install(config->dataDir);
    SignalWatcher signals;
    ServerApp server(config.value());
    QObject::connect(&signals, &SignalWatcher::terminationRequested, &app, [](int signalNumber) {
        qInfo("signal %d: shutting down", signalNumber);
        QCoreApplication::quit();
    });
    QObject::connect(&signals, &SignalWatcher::reloadRequested, &app,
                     [&server] { server.reloadCertificate(); });
    if (!(config->worker ? server.startWorkerOnly() : server.start())) {
        ServerLog::uninstall();
        return 1;
    }
    const int code = QCoreApplication::exec();
    server.stop();
    qInfo("stopped cleanly");
    ServerLog::uninstall();
    return code;
}
