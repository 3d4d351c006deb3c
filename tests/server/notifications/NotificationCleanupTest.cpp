// The scheduled clean-up of inboxes, on a real database with a clock of the test's: it
// deletes notifications read more than 30 days ago, keeps unread ones however old and recent
// reads, and books its next run a day later under its one key.
#include "bitmarket/NotificationRules.h"
#include "db/Database.h"
#include "events/InProcessEventBus.h"
#include "jobs/JobQueue.h"
#include "notifications/NotificationCleanup.h"
#include "notifications/NotificationTable.h"

#include <QTemporaryDir>
#include <QTest>

using namespace bitmarket;
using namespace bitmarket::server;
using namespace bitmarket::server::notifications;

namespace {
constexpr qint64 kDay = 24LL * 3600 * 1000;
constexpr qint64 kNow = 400 * kDay;
} // namespace

class NotificationCleanupTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void deletesOnlyLongReadNotifications() {
        QTemporaryDir dir;
        db::Database db({dir.filePath("bitmarket.db"), 1});
        InProcessEventBus bus;
        jobs::JobQueue queue(db, bus, jobs::JobQueue::Options{[] { return kNow; }});
        QStringList kept;
        auto seeded = db.write([&](db::Connection& c) -> Result<void> {
            c.query("INSERT INTO users (id, username, username_key, email, email_key, display_name, "
                    "password_hash, created_at) VALUES ('u_1', 'a', 'a', 'a@x', 'a@x', 'A', '-', 0)")
                .run();
            const auto add = [&](const QString& subject, qint64 createdAt, qint64 readAt) {
                const StoredNotification n = NotificationTable::add(
                    c, "u_1", notification::kPriceDrop, subject, QJsonObject{}, createdAt);
                if (readAt > 0)
                    NotificationTable::markRead(c, "u_1", {n.id}, readAt);
                return n.id;
            };
            add("read long ago", kNow - 60 * kDay, kNow - 31 * kDay);
            add("read just over a month ago", kNow - 40 * kDay, kNow - 30 * kDay - 1000);
            kept.append(add("read this month", kNow - 60 * kDay, kNow - 29 * kDay));
            kept.append(add("never read", kNow - 90 * kDay, 0));
            return {};
        });
        QVERIFY(seeded);

        NotificationCleanup cleanup(db, queue);
        QVERIFY(cleanup.scheduleFirst());
        auto first = queue.pending(NotificationCleanup::kKind);
        QVERIFY(first && first->has_value());
        QCOMPARE((*first)->runAfterMs, kNow);

        auto outcome = cleanup.run(**first, [](double, const QString&) { return true; });
        QVERIFY(outcome);
        QCOMPARE(outcome->value("deleted").toInt(), 2);
        auto left = db.read([](db::Connection& c) -> Result<QStringList> {
            QStringList ids;
            for (const StoredNotification& n :
                 NotificationTable::page(c, "u_1", false, LLONG_MAX, LLONG_MAX, 10))
                ids.append(n.id);
            return ids;
        });
        QVERIFY(left);
        QCOMPARE(QSet<QString>(left->begin(), left->end()), QSet<QString>(kept.begin(), kept.end()));

        auto next = queue.pending(NotificationCleanup::kKind);
        QVERIFY(next && next->has_value());
        QCOMPARE((*next)->runAfterMs, kNow + NotificationCleanup::kIntervalMs);
    }
};

QTEST_GUILESS_MAIN(NotificationCleanupTest)
#include "NotificationCleanupTest.moc"
