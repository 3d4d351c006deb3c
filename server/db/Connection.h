// One SQLite connection with a cache of prepared statements.
#pragma once

#include "db/Query.h"

#include <QString>

#include <string>
#include <unordered_map>

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

private:
    sqlite3* m_db = nullptr;
    std::unordered_map<std::string, struct sqlite3_stmt*> m_statements;
};

} // namespace bitmarket::server::db
