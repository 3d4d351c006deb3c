#include "db/Connection.h"

#include "db/SqlError.h"

#include <sqlite3.h>

#include <mutex>

namespace bitmarket::server::db {

namespace {
// SQLite counts every allocation under one process-wide mutex unless told not to:
// with 24 connections on 2 cores that lock was a quarter of a text search's time.
// The setting only takes before SQLite initialises, so before the first open.
void configureSqliteOnce() {
    static std::once_flag configured;
    std::call_once(configured, [] { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
}
} // namespace

Connection::Connection(const QString& path, Mode mode) {
    configureSqliteOnce();
    const int flags = mode == Mode::ReadOnly
                          ? SQLITE_OPEN_READONLY
                          : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    const int rc = sqlite3_open_v2(path.toUtf8().constData(), &m_db, flags | SQLITE_OPEN_NOMUTEX,
                                   nullptr);
    if (rc != SQLITE_OK) {
        const std::string message = m_db ? sqlite3_errmsg(m_db) : "cannot open database";
        sqlite3_close(m_db);
        m_db = nullptr;
        throw SqlError(rc, message);
    }
    sqlite3_extended_result_codes(m_db, 1);
    // One plan per statement whatever is bound: without it every new text bound to a LIKE
    // (a short search word) made SQLite prepare the statement again, in case the pattern
    // could use an index (ours all start with '%').
    sqlite3_db_config(m_db, SQLITE_DBCONFIG_ENABLE_QPSG, 1, nullptr);
    sqlite3_busy_timeout(m_db, 10'000);
    exec("PRAGMA foreign_keys = ON");
    // Statement journals (each UPDATE or INSERT inside a write's savepoint keeps one, to
    // undo just that statement) and sorts live in memory: on a temporary file they cost a
    // pwrite per statement, 5,000 a second in the notification benchmark.
    exec("PRAGMA temp_store = MEMORY");
    // Up to 64 MiB of pages per connection instead of SQLite's 2 MB: once the chat messages'
    // indexes outgrew that, the writer read their pages back from the OS for every message.
    exec("PRAGMA cache_size = -65536");
    if (mode == Mode::ReadWrite)
        exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL");
}

Connection::~Connection() {
    for (auto& [sql, statement] : m_statements)
        sqlite3_finalize(statement);
    sqlite3_close(m_db);
}

Query Connection::query(const std::string& sql) {
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        sqlite3_stmt* statement = nullptr;
        const int rc = sqlite3_prepare_v3(m_db, sql.c_str(), static_cast<int>(sql.size()),
                                          SQLITE_PREPARE_PERSISTENT, &statement, nullptr);
        if (rc != SQLITE_OK)
            throw SqlError(rc, std::string(sqlite3_errmsg(m_db)) + " in: " + sql);
        it = m_statements.emplace(sql, statement).first;
    }
    return Query(it->second);
}

void Connection::beginRead() {
    query("BEGIN").run();
}

void Connection::endRead() noexcept {
    if (sqlite3_get_autocommit(m_db))
        return;
    // Not through query(): preparing could throw, and a failed COMMIT of a read leaves
    // nothing to undo; ROLLBACK is the fallback that always ends it.
    if (sqlite3_exec(m_db, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK)
        sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
}

void Connection::exec(const std::string& sql) {
    char* error = nullptr;
    const int rc = sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, &error);
    if (rc != SQLITE_OK) {
        const std::string message = error ? error : "sqlite error";
        sqlite3_free(error);
        throw SqlError(rc, message + " in: " + sql);
    }
}

qint64 Connection::lastInsertRowId() const { return sqlite3_last_insert_rowid(m_db); }
int Connection::changes() const { return sqlite3_changes(m_db); }

void Connection::afterCommit(std::function<void()> action) {
    if (!m_afterCommit)
        throw SqlError(0, "afterCommit outside a write");
    m_afterCommit->push_back(std::move(action));
}

} // namespace bitmarket::server::db
