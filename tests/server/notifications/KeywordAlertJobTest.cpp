// The keyword-alert job on a real database: publishing queues one job with the listing;
// the job tells every matching user (forty, in parts of eight) and not the seller; a run
// stopped after its first part and run again, or a whole run repeated, tells no one twice.
#include "bitmarket/NotificationRules.h"
#include "db/Database.h"
#include "events/InProcessEventBus.h"
#include "events/SameTransactionEvents.h"
#include "jobs/JobQueue.h"
#include "market/ListingService.h"
#include "notifications/KeywordAlertJob.h"
#include "notifications/KeywordTokens.h"
#include "notifications/NotificationTable.h"
#include "notifications/SavedKeywordTable.h"

#include <QTemporaryDir>
#include <QTest>

using namespace bitmarket;
using namespace bitmarket::server;
using namespace bitmarket::server::notifications;

class KeywordAlertJobTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyMatchingUserOnceAcrossRetries() {
        QTemporaryDir dir;
        db::Database db({dir.filePath("bitmarket.db"), 1});
        InProcessEventBus bus;
        SameTransactionEvents effects;
        jobs::JobQueue queue(db, bus);
        NotificationService notifications(db, bus, queue);
        effects.subscribe([&](db::Connection& c, const DomainEvent& e) { return notifications.handle(c, e); });
        ListingService listings(db, bus, effects);

        constexpr int kWatchers = 40;
        QStringList watchers;
        auto seeded = db.write([&](db::Connection& c) -> Result<void> {
            for (int i = 0; i <= kWatchers; ++i) {
                const QString id = QStringLiteral("u_%1").arg(i);
                c.query("INSERT INTO users (id, username, username_key, email, email_key, "
                        "display_name, password_hash, created_at) VALUES (?1, ?1, ?1, ?1, ?1, ?1, '-', 0)")
                    .bind(id)
                    .run();
                SavedKeyword keyword;
                keyword.keyword = QStringLiteral("lamp");
                SavedKeywordTable::add(c, id, keyword, KeywordTokens::wordsOf(keyword.keyword), 0);
                if (i > 0)
                    watchers << id;
            }
            return {};
        });
        QVERIFY(seeded);
        ListingDraft draft;
        draft.title = QStringLiteral("Brass desk lamp");
        draft.description = QStringLiteral("Works.");
        draft.categoryId = QStringLiteral("home");
        draft.price = Money{30'000, QStringLiteral("KRW")};
        draft.condition = QStringLiteral("good");
        draft.region = QStringLiteral("Seoul");
        draft.saleType = QStringLiteral("fixed");
        const auto listing = listings.create(QStringLiteral("u_0"), draft); // u_0 sells
        QVERIFY(listing);

        const auto unread = [&](const QString& user) {
            return db.read([&](db::Connection& c) -> Result<qint64> {
                          return NotificationTable::unreadCount(c, user);
                      })
                .value();
        };
        const auto told = [&] {
            int n = 0;
            for (const QString& w : watchers)
                n += unread(w) == 1 ? 1 : 0;
            return n;
        };
        // Nothing yet: the alerts are the job's.
        QCOMPARE(told(), 0);
        auto claimed = queue.claim("test-worker", 60'000);
        QVERIFY(claimed && claimed->has_value());
        const jobs::JobRecord job = **claimed;
        QCOMPARE(job.job.kind, NotificationService::kKeywordAlertsKind);
        QCOMPARE(job.payload.value("listingId").toString(), listing->id);
        QVERIFY(!queue.claim("test-worker", 60'000)->has_value()); // one job per listing

        KeywordAlertJob alerts(notifications);
        // Stopped after its first part (a worker shutting down).
        int parts = 0;
        QVERIFY(!alerts.run(job, [&](double, const QString&) { return ++parts < 1; }));
        QCOMPARE(told(), 8);
        const auto keepGoing = [](double, const QString&) { return true; };
        QVERIFY(alerts.run(job, keepGoing));
        QCOMPARE(told(), kWatchers);
        QVERIFY(alerts.run(job, keepGoing));
        for (const QString& w : watchers)
            QCOMPARE(unread(w), 1);
        QCOMPARE(unread(QStringLiteral("u_0")), 0);
    }
};

QTEST_GUILESS_MAIN(KeywordAlertJobTest)
#include "KeywordAlertJobTest.moc"
