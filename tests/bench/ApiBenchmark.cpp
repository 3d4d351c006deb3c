// bitmarket-bench-api: seeds a large catalogue, starts the real server on it and
// measures search and detail against /healthz (the ceiling) in the same run.
//   bitmarket-bench-api [--listings 100000] [--clients 8] [--seconds 5] [--keep DIR]
// --keep seeds DIR once and reuses it on later runs (seeding takes ~30 s).
// BITMARKET_SERVER_BINARY=path runs another build's server (before/after runs).
#include "CatalogueSeeder.h"
#include "LoadGenerator.h"
#include "support/ServerProcess.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QUrl>

#include <cstdio>

using namespace bitmarket;

namespace {

int argValue(const QStringList& args, const QString& name, int fallback) {
    const int i = args.indexOf(name);
    return i >= 0 && i + 1 < args.size() ? args[i + 1].toInt() : fallback;
}

long peakMemoryKb(qint64 pid) {
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLong();
    }
    return -1;
}

void print(const char* name, const bench::LoadResult& r, const bench::LoadResult& ceiling) {
    std::printf("%-22s %9.0f req/s  p50 %6.2f ms  p99 %6.2f ms  max %7.2f ms  failures %ld  "
                "(throughput %.2fx of healthz, p99 %.1fx)\n",
                name, r.throughput(), r.p50Ms, r.p99Ms, r.maxMs, r.failures,
                r.throughput() / std::max(1.0, ceiling.throughput()),
                r.p99Ms / std::max(0.001, ceiling.p99Ms));
}

// The read path's goals (issue 8): a share of the /healthz rate in the same
// run, and p99 under 5 ms, at 8 clients.
struct Goal {
    const char* name;
    double shareOfHealthz;
    double p99Ms;
};

bool check(const Goal& goal, const bench::LoadResult& r, const bench::LoadResult& ceiling) {
    const double share = r.throughput() / std::max(1.0, ceiling.throughput());
    const bool met = share >= goal.shareOfHealthz && r.p99Ms < goal.p99Ms && r.failures == 0;
    std::printf("goal %-10s %5.1f%% of healthz (goal >= %4.1f%%), p99 %5.2f ms (goal < %.0f ms): "
                "%s\n",
                goal.name, 100 * share, 100 * goal.shareOfHealthz, r.p99Ms, goal.p99Ms,
                met ? "met" : "MISSED");
    return met;
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int listings = argValue(args, "--listings", 100000);
    const int clients = argValue(args, "--clients", 8);
    const double seconds = argValue(args, "--seconds", 5);

    const int keepIndex = args.indexOf("--keep");
    const QString keepDir = keepIndex >= 0 && keepIndex + 1 < args.size() ? args[keepIndex + 1] : QString();
    test::ServerProcess server(keepDir);
    QElapsedTimer timer;
    timer.start();
    const bool reuse = !keepDir.isEmpty() && QFile::exists(keepDir + "/bitmarket.db");
    const bench::SeededCatalogue catalogue = reuse ? bench::loadCatalogue(keepDir)
                                                   : bench::seedCatalogue(server.dataDir(), listings);
    std::printf("%s %lld listings in %.1f s\n", reuse ? "reused" : "seeded",
                static_cast<long long>(catalogue.listingIds.size()), timer.elapsed() / 1000.0);
    if (!server.start({QStringLiteral("--http-threads"), QString::number(clients + 8)})) {
        std::fprintf(stderr, "server did not start\n");
        return 1;
    }
    const QUrl url = server.httpUrl();
    bench::LoadGenerator load(url.host().toStdString(), url.port(), clients, seconds);
    std::printf("%d keep-alive clients, %.0f s per workload, server pid %lld\n\n", clients,
                seconds, server.pid());

    const auto healthz = load.run([](int, long) { return std::string("/healthz"); });
    const auto& terms = catalogue.searchTerms;
    const auto search = load.run([&](int client, long i) {
        const QString term = terms[(client * 7 + i) % terms.size()];
        return "/api/v1/listings?limit=20&q=" + QUrl::toPercentEncoding(term).toStdString();
    });
    const auto browse = load.run([&](int client, long i) {
        static const char* sorts[] = {"newest", "price_asc", "popular"};
        return std::string("/api/v1/listings?limit=20&category=phones&sort=") +
               sorts[(client + i) % 3];
    });
    const auto& ids = catalogue.listingIds;
    const auto detail = load.run([&](int, long) {
        return "/api/v1/listings/" +
               ids[QRandomGenerator::global()->bounded(ids.size())].toStdString();
    });

    print("GET /healthz", healthz, healthz);
    print("GET /listings?q=", search, healthz);
    print("GET /listings?category", browse, healthz);
    print("GET /listings/{id}", detail, healthz);
    std::printf("\nserver peak memory (VmHWM): %ld MB\n", peakMemoryKb(server.pid()) / 1024);
    if (clients != 8)
        std::printf("(the goals are set for 8 clients; this run has %d)\n", clients);
    bool allMet = check({"search", 0.15, 5}, search, healthz);
    allMet = check({"browse", 0.30, 5}, browse, healthz) && allMet;
    allMet = check({"detail", 0.50, 5}, detail, healthz) && allMet;
    std::printf("read path goals: %s\n", allMet ? "all met" : "NOT all met");
    server.stop();
    return 0;
}
