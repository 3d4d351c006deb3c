// One SQLite connection with a cache of prepared statements.
#pragma once

#include "db/Query.h"

#include <QString>

#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

struct sqlite3;

namespace bitmarket::server::db {

class Connection {
public:
    enum class Mode { ReadWrite, ReadOnly };

    Connection(const QString& path, Mode mode);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    // A prepared statement from the cache (prepared on first use).
    Query query(const std::string& sql);
    // Runs one or more statements that take no parameters.
    void exec(const std::string& sql);
    qint64 lastInsertRowId() const;
    int changes() const;

    // A read transaction: every statement until endRead() sees the same snapshot, and the
    // snapshot is taken once instead of once per statement.
    void beginRead();
    // Ends it, if one is open; never throws (a read transaction has nothing to keep).
    void endRead() noexcept;

    // Inside Database::write: `action` runs once the write it belongs to is committed, and
    // never if the write rolls back. Actions run on the database's commit thread in commit
    // order, once the write is durable, before write() returns; they must be quick (publishing
    // an event). What a write did is announced here, so nothing is announced that did not
    // happen, nor out of order.
    void afterCommit(std::function<void()> action);

private:
    friend class Database;
    using Actions = std::vector<std::function<void()>>;

    sqlite3* m_db = nullptr;
    Actions* m_afterCommit = nullptr; // the current write's, while the writer runs it
    std::unordered_map<std::string, struct sqlite3_stmt*> m_statements;
};

} // namespace bitmarket::server::db
