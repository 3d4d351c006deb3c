// Database::read on a real file: everything one read reads is one snapshot (a write that
// commits in the middle is not half seen), and a read that fails, by an error or by an
// exception, leaves its connection ready for the next read. Writes from many threads are
// answered after what they announce, in commit order, and are all there when reopened. Under
// writes that never pause, the write-ahead log still starts over instead of growing, and a read
// that keeps the old log does not make every write wait for it.
#include "db/Database.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

using namespace bitmarket;
using namespace bitmarket::server;

namespace {
qint64 categoryCount(db::Connection& c) {
    auto q = c.query("SELECT count(*) FROM categories");
    q.next();
    return q.integer(0);
}

Result<qint64> addCategory(db::Database& db, const QString& id) {
    return db.write([&](db::Connection& c) -> Result<qint64> {
        c.query("INSERT INTO categories (id, name, position) VALUES (?1, ?1, 99)").bind(id).run();
        return c.changes();
    });
}
} // namespace

class DatabaseTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void aReadIsOneSnapshot() {
        QTemporaryDir dir;
        db::Database db({dir.filePath("bitmarket.db"), 1});
        qint64 before = -1, after = -1;
        const auto read = db.read([&](db::Connection& c) -> Result<bool> {
            before = categoryCount(c);
            // Committed (write() returns after the commit) between the read's two statements.
            if (!addCategory(db, QStringLiteral("snapshot-test")))
                return ApiError::internal(QStringLiteral("the write failed"));
            after = categoryCount(c);
            return true;
        });
        QVERIFY(read.ok());
        QVERIFY(before > 0);
        QCOMPARE(after, before);
        const qint64 outside = db.read([](db::Connection& c) -> Result<qint64> { return categoryCount(c); }).value();
        QCOMPARE(outside, before + 1);
    }

    void aFailedReadLeavesItsConnectionReady() {
        QTemporaryDir dir;
        // One reader: every read below takes the same connection.
        db::Database db({dir.filePath("bitmarket.db"), 1});
        const auto refused = db.read([](db::Connection& c) -> Result<qint64> {
            categoryCount(c);
            return ApiError::notFound(QStringLiteral("nothing"));
        });
        QVERIFY(!refused.ok());
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, db.read([](db::Connection& c) -> Result<qint64> {
            categoryCount(c);
            throw std::runtime_error("a bug in a read");
        }));
        const auto broken = db.read([](db::Connection& c) -> Result<qint64> {
            c.query("SELECT no_such_column FROM categories").next();
            return 0;
        });
        QCOMPARE(broken.error().code, ErrorCode::Internal);
        // Each of those ended its transaction: this read sees a write made after them.
        QVERIFY(addCategory(db, QStringLiteral("after-failures")).ok());
        const auto seen = db.read([](db::Connection& c) -> Result<qint64> {
            auto q = c.query("SELECT count(*) FROM categories WHERE id = 'after-failures'");
            q.next();
            return q.integer(0);
        });
        QCOMPARE(seen.value(), 1);
    }

    void writesAreAnsweredAfterTheirAnnouncementsInCommitOrder() {
        QTemporaryDir dir;
        const QString path = dir.filePath("bitmarket.db");
        constexpr int kThreads = 8;
        constexpr int kWritesEach = 150;
        std::mutex announcedMutex;
        std::vector<qint64> announced; // the rows, in the order their commits were announced
        int announcedBeforeAnswer = 0;
        {
            db::Database db({path, 2});
            QVERIFY(db.write([](db::Connection& c) -> Result<bool> {
                          c.exec("CREATE TABLE written (seq INTEGER PRIMARY KEY, writer INTEGER)");
                          return true;
                      }).ok());
            std::vector<std::thread> writers;
            for (int t = 0; t < kThreads; ++t) {
                writers.emplace_back([&, t] {
                    for (int i = 0; i < kWritesEach; ++i) {
                        // Every fifth write changes its mind: it must never be announced.
                        const bool keep = i % 5 != 0;
                        qint64 row = 0;
                        auto written = db.write([&](db::Connection& c) -> Result<bool> {
                            c.query("INSERT INTO written (writer) VALUES (?1)").bind(t).run();
                            row = c.lastInsertRowId();
                            c.afterCommit([&announced, &announcedMutex, row] {
                                std::lock_guard lock(announcedMutex);
                                announced.push_back(row);
                            });
                            if (!keep)
                                return ApiError::validation(QStringLiteral("changed its mind"));
                            return true;
                        });
                        if (written.ok() != keep)
                            continue;
                        std::lock_guard lock(announcedMutex);
                        if (keep && std::find(announced.begin(), announced.end(), row) != announced.end())
                            ++announcedBeforeAnswer;
                    }
                });
            }
            for (std::thread& w : writers)
                w.join();
        }
        const int kept = kThreads * kWritesEach * 4 / 5;
        QCOMPARE(announcedBeforeAnswer, kept);
        QCOMPARE(static_cast<int>(announced.size()), kept);
        QVERIFY(std::is_sorted(announced.begin(), announced.end()));
        // Reopened: every answered write is there, and none that was undone.
        db::Database reopened({path, 1});
        const auto stored = reopened.read([](db::Connection& c) -> Result<qint64> {
            auto q = c.query("SELECT count(*) FROM written");
            q.next();
            return q.integer(0);
        });
        QCOMPARE(stored.value(), qint64(kept));
    }

    void theLogStartsOverUnderWritesThatNeverPause() {
        QTemporaryDir dir;
        const QString path = dir.filePath("bitmarket.db");
        // A row fills a page: every write adds a page to the log, 40,000 in all, queued at once
        // so that the writer commits full batches one after another, while reads go on. Each
        // write also counts for a while, as real writes do, so that a checkpoint beside the
        // writer copies faster than the log grows.
        constexpr int kRows = 40'000;
        constexpr qint64 kFrameBytes = 4096 + 24;
        db::Database db({path, 2});
        QVERIFY(db.write([](db::Connection& c) -> Result<bool> {
                      c.exec("CREATE TABLE pages (seq INTEGER PRIMARY KEY, body BLOB)");
                      return true;
                  }).ok());
        std::atomic<bool> writing = true;
        std::thread reader([&] {
            while (writing)
                db.read([](db::Connection& c) -> Result<qint64> {
                    auto q = c.query("SELECT max(seq) FROM pages");
                    q.next();
                    return q.integer(0);
                });
        });
        for (int i = 0; i < kRows; ++i)
            db.writeDetached([](db::Connection& c) {
                c.query("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                        "WHERE i < 300) INSERT INTO pages (body) SELECT zeroblob(3000 + count(*) "
                        "- 300) FROM n")
                    .run();
            });
        db.flush();
        writing = false;
        reader.join();
        const auto stored = db.read([](db::Connection& c) -> Result<qint64> {
            auto q = c.query("SELECT count(*) FROM pages");
            q.next();
            return q.integer(0);
        });
        QCOMPARE(stored.value(), qint64(kRows));
        // Never starting over, the log would hold every one of those pages; starting over, it
        // stays near the checkpoint threshold (10,000 pages) plus what came during one copy.
        const qint64 frames = QFileInfo(path + "-wal").size() / kFrameBytes;
        QVERIFY2(frames < kRows / 2, qPrintable(QStringLiteral("%1 frames in the log").arg(frames)));
    }

    void aLongReadDoesNotHoldUpEveryWrite() {
        QTemporaryDir dir;
        db::Database db({dir.filePath("bitmarket.db"), 2});
        QVERIFY(db.write([](db::Connection& c) -> Result<bool> {
                      c.exec("CREATE TABLE pages (seq INTEGER PRIMARY KEY, body BLOB)");
                      return true;
                  }).ok());
        // A read that stays open: no checkpoint can copy past it, nor the log start over.
        std::mutex mutex;
        std::condition_variable changed;
        bool reading = false, done = false;
        std::thread reader([&] {
            db.read([&](db::Connection& c) -> Result<qint64> {
                auto q = c.query("SELECT count(*) FROM pages");
                q.next();
                std::unique_lock lock(mutex);
                reading = true;
                changed.notify_all();
                changed.wait(lock, [&] { return done; });
                return q.integer(0);
            });
        });
        {
            std::unique_lock lock(mutex);
            changed.wait(lock, [&] { return reading; });
        }
        // Past the size at which the checkpointer holds the writer to start the log over, which
        // the open read refuses.
        for (int i = 0; i < 41'000; ++i)
            db.writeDetached([](db::Connection& c) {
                c.query("INSERT INTO pages (body) VALUES (zeroblob(3000))").run();
            });
        db.flush();
        QElapsedTimer elapsed;
        elapsed.start();
        constexpr int kWrites = 50;
        for (int i = 0; i < kWrites; ++i)
            QVERIFY(db.write([](db::Connection& c) -> Result<bool> {
                          c.query("INSERT INTO pages (body) VALUES (x'00')").run();
                          return true;
                      }).ok());
        const qint64 ms = elapsed.elapsed();
        {
            std::lock_guard lock(mutex);
            done = true;
        }
        changed.notify_all();
        reader.join();
        // Held for the checkpointer's whole wait (20 ms) at each commit, they would take a second.
        QVERIFY2(ms < 500, qPrintable(QStringLiteral("%1 writes took %2 ms").arg(kWrites).arg(ms)));
    }
};

QTEST_GUILESS_MAIN(DatabaseTest)
#include "DatabaseTest.moc"
