// Builds the server's objects in dependency order and runs its listeners: the
// one place that knows how the parts fit together.
#pragma once

#include "app/OpenFiles.h"
#include "app/ServerConfig.h"
#include "jobs/JobQueue.h"

#include <QString>

#include <functional>
#include <memory>
#include <thread>
#include <vector>

namespace bitmarket::server {

class ServerApp {
public:
    explicit ServerApp(ServerConfig config);
    ~ServerApp();

    // Opens storage, registers routes, starts both listeners and prints their
    // addresses. False (with the reason logged) when anything fails.
    bool start();
    // Prints "METHOD PATH ACCESS" for every route; used by the contract test.
    bool printRoutes();
    // Gives `username` the admin role in the data dir's database and says so; false (with
    // the reason printed) for an unknown user or unusable storage. Safe while a server runs
    // on the same data dir: it reads roles afresh for every request.
    bool grantAdmin(const QString& username);
    // Runs only job workers on the data dir (bitmarket-server --worker): no listeners.
    bool startWorkerOnly();
    // Reads --tls-cert and --tls-key again (renewed files) for new connections; the old
    // pair stays when the new one does not load. Logs what happened.
    void reloadCertificate();
    void stop();

private:
    struct Parts;

    bool openStorage();
    // The card provider --payment-provider names, with its key; false (logged) when the key
    // file cannot be read.
    bool openPaymentProvider();
    // Loads --tls-cert and --tls-key, if set; false (logged) when they do not load.
    bool loadCertificate();
    void addRoutes();
    // What the model jobs call when they changed a listing: ListingService::announceUpdate.
    std::function<void(const QString& listingId)> listingChanged();
    void startWorkers(int count, const jobs::JobQueue::Kinds& kinds);

    ServerConfig m_config;
    std::unique_ptr<Parts> m_parts;
    ConnectionBudget m_connectionBudget;
    std::thread m_httpThread;
};

} // namespace bitmarket::server
