#include "db/Database.h"

#include "db/Migrations.h"

#include <QFile>
#include <QLoggingCategory>

#include <sqlite3.h>

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace bitmarket::server::db {

Q_LOGGING_CATEGORY(lcDb, "bitmarket.db")

namespace {
// WAL pages after which the checkpointer copies the log into the database: ten times SQLite's
// own threshold (wal_autocheckpoint). Busy pages (a chat's last messages, its row, the indexes'
// inner pages) are written into the log again at nearly every commit, and a checkpoint copies
// each page once however often it was logged: about 4% less server CPU per chat message at
// 10,000 a second.
constexpr int kCheckpointPages = 10000;
// The log starts over only when a checkpoint has copied all of it before the writer's next
// commit and no reader reads it then, which under steady writes and reads rarely happens: the
// WAL grew to a gigabyte in 20 s of bidding, and writing into new blocks of the file (ext4
// zeroes them first) took a fifth of the writer's time. So the checkpointer copies beside the
// writer until fewer than this many pages are left, then holds the writer for those.
constexpr int kHeldCheckpointPages = 1000;
constexpr int kCheckpointPassesBeside = 3;
// Writes faster than a checkpoint copies (a burst of imports) never leave that few: past this
// size the writer is held for the whole rest, which bounds the log.
constexpr int kMostLogPages = 4 * kCheckpointPages;
constexpr int kHeldCheckpointBusyMs = 20;

// A database written by a newer release has a schema this code does not know;
// running on it could damage it, so refuse before anything writes to the file
// (even switching it to WAL).
void refuseNewerSchema(const QString& path) {
    if (!QFile::exists(path))
        return;
    Connection probe(path, Connection::Mode::ReadOnly);
    auto q = probe.query("PRAGMA user_version");
    q.next();
    const qint64 current = q.integer(0);
    const int newest = migrations().back().version;
    if (current > newest)
        throw SqlError(0, "database schema " + std::to_string(current) +
                              " is newer than this server (" + std::to_string(newest) +
                              "); use a newer bitmarket-server");
}
} // namespace

Database::Database(Options options) : m_options(std::move(options)) {
    refuseNewerSchema(m_options.path);
    m_writer = std::make_unique<Connection>(m_options.path, Connection::Mode::ReadWrite);
    migrate(*m_writer);
    // The writer's commits go into the WAL without an fsync each: the commit thread makes
    // them durable, several batches per fsync, before anyone is answered (see the header).
    m_writer->exec("PRAGMA synchronous = NORMAL");
    for (int i = 0; i < m_options.readers; ++i) {
        m_readers.push_back(
            std::make_unique<Connection>(m_options.path, Connection::Mode::ReadOnly));
        m_idleReaders.push_back(m_readers.back().get());
    }
    // SQLite checkpoints inside the commit that grows the WAL past 1,000 pages: that commit,
    // and every write waiting behind it, then waits for a thousand page copies and an fsync
    // of the database. Here the commit only says so, and a passive checkpoint runs beside the
    // writer instead (it never blocks it).
    m_checkpointer = std::make_unique<Connection>(m_options.path, Connection::Mode::ReadWrite);
    // How long the held writer may wait for readers of the old log: past it, the log goes on.
    sqlite3_busy_timeout(m_checkpointer->m_db, kHeldCheckpointBusyMs);
    sqlite3_wal_hook(
        m_writer->m_db,
        [](void* self, sqlite3*, const char*, int pages) {
            if (pages >= kCheckpointPages) {
                auto* db = static_cast<Database*>(self);
                {
                    std::lock_guard lock(db->m_checkpointMutex);
                    db->m_checkpointDue = true;
                }
                db->m_walGrown.notify_one();
            }
            return SQLITE_OK;
        },
        this);
    m_checkpointThread = std::thread([this] { checkpointLoop(); });
    m_commitThread = std::thread([this] { commitLoop(); });
    m_writerThread = std::thread([this] { writerLoop(); });
}

Database::~Database() {
    {
        std::lock_guard lock(m_queueMutex);
        m_stopping = true;
    }
    m_queueChanged.notify_all();
    m_writerThread.join();
    {
        std::lock_guard lock(m_committedMutex);
        m_writerDone = true;
    }
    m_batchCommitted.notify_all();
    m_commitThread.join();
    if (m_walFd >= 0)
        ::close(m_walFd);
    {
        std::lock_guard lock(m_checkpointMutex);
        m_checkpointerStopping = true;
    }
    m_walGrown.notify_all();
    m_checkpointThread.join();
}

void Database::checkpointLoop() {
    struct Pass {
        int logged = 0; // frames in the log
        int left = -1;  // frames not yet copied into the database; -1 when the pass failed
    };
    const auto checkpoint = [this](int mode) {
        Pass pass;
        int copied = 0;
        const int rc = sqlite3_wal_checkpoint_v2(m_checkpointer->m_db, nullptr, mode,
                                                 &pass.logged, &copied);
        if (rc != SQLITE_OK && rc != SQLITE_BUSY)
            qCWarning(lcDb) << "checkpoint failed:" << sqlite3_errstr(rc);
        if (rc == SQLITE_OK)
            pass.left = pass.logged - copied;
        return pass;
    };
    int holdAgainAt = 0; // log pages below which the writer is not held again
    for (;;) {
        {
            std::unique_lock lock(m_checkpointMutex);
            m_walGrown.wait(lock, [this] { return m_checkpointDue || m_checkpointerStopping; });
            if (m_checkpointerStopping)
                return;
            m_checkpointDue = false;
        }
        Pass pass = checkpoint(SQLITE_CHECKPOINT_PASSIVE);
        for (int n = 1; n < kCheckpointPassesBeside && pass.left > kHeldCheckpointPages; ++n)
            pass = checkpoint(SQLITE_CHECKPOINT_PASSIVE);
        if (pass.left < 0 || pass.logged < holdAgainAt ||
            (pass.left > kHeldCheckpointPages && pass.logged < kMostLogPages))
            continue;
        // Even with all of it copied, the writer's next commit starts the log over only if no
        // reader is still reading it, which with reads going on all the time is rare. RESTART
        // copies the rest and waits for those readers (the connection's short busy timeout),
        // while new reads read the database alone.
        holdWriter();
        const Pass restarted = checkpoint(SQLITE_CHECKPOINT_RESTART);
        {
            std::lock_guard lock(m_checkpointMutex);
            m_checkpointDue = false; // the commits before asked about the log just restarted
        }
        releaseWriter();
        // A reader that outlasted the wait (a long read) would make every later commit hold the
        // writer again for as long: the next hold waits until the log has grown as much again.
        holdAgainAt = restarted.left == 0 ? 0 : pass.logged + kCheckpointPages;
    }
}

void Database::enterBatch() {
    std::unique_lock lock(m_holdMutex);
    m_holdChanged.wait(lock, [this] { return !m_writerHeld; });
    m_inBatch = true;
}

void Database::leaveBatch() {
    std::lock_guard lock(m_holdMutex);
    m_inBatch = false;
    if (m_writerHeld)
        m_holdChanged.notify_all();
}

void Database::holdWriter() {
    std::unique_lock lock(m_holdMutex);
    m_writerHeld = true;
    m_holdChanged.wait(lock, [this] { return !m_inBatch; });
}

void Database::releaseWriter() {
    {
        std::lock_guard lock(m_holdMutex);
        m_writerHeld = false;
    }
    m_holdChanged.notify_all();
}

int Database::schemaVersion() {
    return read([](Connection& c) -> Result<int> {
               auto q = c.query("PRAGMA user_version");
               q.next();
               return static_cast<int>(q.integer(0));
           })
        .value();
}

ApiError Database::internalError(const SqlError& e) {
    qCWarning(lcDb) << "sqlite error" << e.code() << e.what();
    return ApiError::internal();
}

Database::Lease::Lease(Database& database) : db(database) {
    std::unique_lock lock(db.m_readersMutex);
    db.m_readerFree.wait(lock, [this] { return !db.m_idleReaders.empty(); });
    connection = db.m_idleReaders.back();
    db.m_idleReaders.pop_back();
}

Database::Lease::~Lease() {
    connection->endRead();
    {
        std::lock_guard lock(db.m_readersMutex);
        db.m_idleReaders.push_back(connection);
    }
    db.m_readerFree.notify_one();
}

void Database::enqueue(Task task) {
    bool wakeWriter = false;
    {
        std::lock_guard lock(m_queueMutex);
        if (task.awaited)
            ++m_awaitedInQueue;
        // Waking the writer for every detached write would cost a context
        // switch each: it only needs waking for work, a waiter or a full batch.
        wakeWriter = task.awaited || m_queue.empty() ||
                     static_cast<int>(m_queue.size()) + 1 >= m_options.maxBatch;
        m_queue.push_back(std::move(task));
    }
    if (wakeWriter)
        m_queueChanged.notify_one();
}

void Database::writeDetached(std::function<void(Connection&)> work) {
    enqueue(Task{[work = std::move(work)](Connection& c) {
                     work(c);
                     return true;
                 },
                 [](const SqlError*) {}, false});
}

void Database::flush() {
    std::promise<void> done;
    auto finished = done.get_future();
    enqueue(Task{[](Connection&) { return true; }, [&done](const SqlError*) { done.set_value(); }});
    finished.wait();
}

void Database::writerLoop() {
    for (;;) {
        std::vector<Task> batch;
        {
            std::unique_lock lock(m_queueMutex);
            m_queueChanged.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
            if (m_queue.empty() && m_stopping)
                return;
            m_queueChanged.wait_for(lock, kDetachedDelay, [this] {
                return m_stopping || m_awaitedInQueue > 0 ||
                       static_cast<int>(m_queue.size()) >= m_options.maxBatch;
            });
            while (!m_queue.empty() && static_cast<int>(batch.size()) < m_options.maxBatch) {
                if (m_queue.front().awaited)
                    --m_awaitedInQueue;
                batch.push_back(std::move(m_queue.front()));
                m_queue.pop_front();
            }
        }
        // The transaction statements come from the connection's cache like any other:
        // parsing them again for every task cost a tenth of a busy server's CPU.
        std::optional<SqlError> commitError;
        enterBatch();
        try {
            m_writer->query("BEGIN IMMEDIATE").run();
            for (Task& task : batch) {
                m_writer->query("SAVEPOINT task").run();
                bool keep = false;
                m_writer->m_afterCommit = &task.afterCommit;
                try {
                    keep = task.run(*m_writer);
                } catch (const SqlError& e) {
                    qCWarning(lcDb) << "write failed:" << e.what();
                }
                m_writer->m_afterCommit = nullptr;
                if (!keep) {
                    task.afterCommit.clear();
                    m_writer->query("ROLLBACK TO task").run();
                }
                m_writer->query("RELEASE task").run();
            }
            m_writer->query("COMMIT").run();
        } catch (const SqlError& e) {
            commitError = e;
            m_writer->m_afterCommit = nullptr;
            for (Task& task : batch)
                task.afterCommit.clear();
            qCWarning(lcDb) << "commit failed:" << e.what();
            try {
                m_writer->exec("ROLLBACK");
            } catch (const SqlError&) {
            }
        }
        leaveBatch();
        {
            std::lock_guard lock(m_committedMutex);
            m_committed.push_back(Committed{std::move(batch), std::move(commitError)});
        }
        m_batchCommitted.notify_one();
    }
}

void Database::commitLoop() {
    for (;;) {
        std::deque<Committed> ready;
        {
            std::unique_lock lock(m_committedMutex);
            m_batchCommitted.wait(lock, [this] { return m_writerDone || !m_committed.empty(); });
            if (m_committed.empty())
                return;
            ready.swap(m_committed);
        }
        // Started after every batch in `ready` was committed, so it covers them all.
        const bool anyCommitted =
            std::any_of(ready.begin(), ready.end(), [](const Committed& c) { return !c.error; });
        const std::optional<SqlError> syncError = anyCommitted ? syncWal() : std::nullopt;
        // In commit order, on this thread: what one write announces never overtakes what an
        // earlier write announced.
        for (Committed& committed : ready) {
            const SqlError* error = committed.error ? &*committed.error
                                    : syncError     ? &*syncError
                                                    : nullptr;
            if (!error) {
                for (Task& task : committed.batch) {
                    for (const auto& action : task.afterCommit)
                        action();
                }
            }
            for (Task& task : committed.batch)
                task.finish(error);
        }
    }
}

std::optional<SqlError> Database::syncWal() {
    if (m_walFd < 0)
        m_walFd = ::open((m_options.path + QStringLiteral("-wal")).toLocal8Bit().constData(),
                         O_RDONLY | O_CLOEXEC);
    if (m_walFd >= 0 && ::fdatasync(m_walFd) == 0)
        return std::nullopt;
    const SqlError error(SQLITE_IOERR_FSYNC,
                         std::string("cannot make the write-ahead log durable: ") +
                             std::strerror(errno));
    qCCritical(lcDb) << error.what();
    return error;
}

void Database::migrate(Connection& connection) {
    const int current = [&connection] {
        auto q = connection.query("PRAGMA user_version");
        q.next();
        return static_cast<int>(q.integer(0));
    }();
    for (const Migration& m : migrations()) {
        if (m.version <= current)
            continue;
        connection.exec("BEGIN IMMEDIATE");
        try {
            connection.exec(m.sql);
            connection.exec("PRAGMA user_version = " + std::to_string(m.version));
            connection.exec("COMMIT");
            qCInfo(lcDb) << "migrated to schema" << m.version << m.name;
        } catch (const SqlError&) {
            connection.exec("ROLLBACK");
            throw;
        }
    }
}

} // namespace bitmarket::server::db
