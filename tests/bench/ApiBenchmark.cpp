// bitmarket-bench-api: seeds a large catalogue, starts the real server on it and
// measures search and detail against /healthz (the ceiling) in the same run.
//   bitmarket-bench-api [--listings 100000] [--clients 8] [--seconds 5] [--rounds 5] [--keep DIR]
//                       [--only search|browse|detail]
// Each workload runs --seconds in all, in --rounds turns taken in rotation with the
// others, so that a change in the machine's load mid-run weighs on all of them alike.
// --keep seeds DIR once and reuses it on later runs (seeding takes ~10 s).
// BITMARKET_SERVER_BINARY=path runs another build's server (before/after runs).
// --only runs /healthz and that one workload (to profile it with perf alone).
#include "CatalogueSeeder.h"
#include "LoadGenerator.h"
#include "support/RawConnection.h"
#include "support/ServerProcess.h"

#include <QCoreApplication>
#include <QDir>
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

void print(const char* name, const bench::LoadResult& r, double cpuSeconds,
           const bench::LoadResult& ceiling) {
    std::printf("%-22s %9.0f req/s  p50 %6.2f ms  p99 %6.2f ms  max %7.2f ms  server CPU %5.0f us/req"
                "  failures %ld  (throughput %.2fx of healthz, p99 %.1fx)\n",
                name, r.throughput(), r.percentileMs(0.50), r.percentileMs(0.99), r.maxMs(),
                1e6 * cpuSeconds / std::max(1L, r.requests()), r.failures,
                r.throughput() / std::max(1.0, ceiling.throughput()),
                r.percentileMs(0.99) / std::max(0.001, ceiling.percentileMs(0.99)));
}

// The read path's goals (issue 8): a share of the /healthz rate in the same
// run, and p99 under 5 ms, at 8 clients.
struct Goal {
    const char* name;
    double shareOfHealthz;
    double p99Ms;
};

bool check(const Goal& goal, const bench::LoadResult& r, const bench::LoadResult& ceiling) {
    if (r.requests() == 0) {
        std::printf("goal %-10s not run\n", goal.name);
        return false;
    }
    const double share = r.throughput() / std::max(1.0, ceiling.throughput());
    const double p99 = r.percentileMs(0.99);
    const bool met = share >= goal.shareOfHealthz && p99 < goal.p99Ms && r.failures == 0;
    std::printf("goal %-10s %5.1f%% of healthz (goal >= %4.1f%%), p99 %5.2f ms (goal < %.0f ms): "
                "%s\n",
                goal.name, 100 * share, 100 * goal.shareOfHealthz, p99, goal.p99Ms,
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
    const int rounds = std::max(1, argValue(args, "--rounds", 5));

    const int keepIndex = args.indexOf("--keep");
    const QString keepDir = keepIndex >= 0 && keepIndex + 1 < args.size() ? args[keepIndex + 1] : QString();
    if (!keepDir.isEmpty())
        QDir().mkpath(keepDir);
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
    bench::LoadGenerator load(url.host().toStdString(), url.port(), clients, seconds / rounds);
    std::printf("%d keep-alive clients, %.0f s per workload in %d rounds, server pid %lld\n\n",
                clients, seconds, rounds, server.pid());

    const auto& terms = catalogue.searchTerms;
    const auto& ids = catalogue.listingIds;
    struct Workload {
        const char* key;
        const char* name;
        bench::LoadGenerator::PathSource path;
        bench::LoadResult result;
        double cpuSeconds = 0;
    };
    Workload workloads[] = {
        {"healthz", "GET /healthz", [](int, long) { return std::string("/healthz"); }, {}, 0},
        {"search", "GET /listings?q=",
         [&](int client, long i) {
             const QString term = terms[(client * 7 + i) % terms.size()];
             return "/api/v1/listings?limit=20&q=" + QUrl::toPercentEncoding(term).toStdString();
         },
         {}, 0},
        {"browse", "GET /listings?category",
         [](int client, long i) {
             static const char* sorts[] = {"newest", "price_asc", "popular"};
             return std::string("/api/v1/listings?limit=20&category=phones&sort=") +
                    sorts[(client + i) % 3];
         },
         {}, 0},
        {"detail", "GET /listings/{id}",
         [&](int, long) {
             return "/api/v1/listings/" +
                    ids[QRandomGenerator::global()->bounded(ids.size())].toStdString();
         },
         {}, 0},
    };
    const int onlyIndex = args.indexOf("--only");
    const QString only = onlyIndex >= 0 && onlyIndex + 1 < args.size() ? args[onlyIndex + 1] : QString();
    for (int round = 0; round < rounds; ++round) {
        for (Workload& w : workloads) {
            if (!only.isEmpty() && w.key != only && w.key != QLatin1String("healthz"))
                continue;
            const double cpuBefore = test::cpuSecondsOf(server.pid());
            w.result.add(load.run(w.path));
            w.cpuSeconds += test::cpuSecondsOf(server.pid()) - cpuBefore;
        }
    }
    const bench::LoadResult& healthz = workloads[0].result;
    for (const Workload& w : workloads) {
        if (w.result.requests() > 0)
            print(w.name, w.result, w.cpuSeconds, healthz);
    }
    const bench::LoadResult& search = workloads[1].result;
    const bench::LoadResult& browse = workloads[2].result;
    const bench::LoadResult& detail = workloads[3].result;
    std::printf("\nserver peak memory (VmHWM): %ld MB\n", test::memoryOf(server.pid()).peakKb / 1024);
    if (clients != 8)
        std::printf("(the goals are set for 8 clients; this run has %d)\n", clients);
    bool allMet = check({"search", 0.15, 5}, search, healthz);
    allMet = check({"browse", 0.30, 5}, browse, healthz) && allMet;
    allMet = check({"detail", 0.50, 5}, detail, healthz) && allMet;
    std::printf("read path goals: %s\n", allMet ? "all met" : "NOT all met");
    server.stop();
    return 0;
}
