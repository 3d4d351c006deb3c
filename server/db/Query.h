// One prepared statement in use: bind, step, read columns. Resets the cached
// statement when it goes out of scope.
#pragma once

#include <QByteArray>
#include <QString>
#include <QVariant>

#include <optional>

struct sqlite3_stmt;

namespace bitmarket::server::db {

class Query {
public:
    explicit Query(sqlite3_stmt* statement);
    Query(Query&& other) noexcept;
    Query(const Query&) = delete;
    Query& operator=(const Query&) = delete;
    ~Query();

    // Binds the arguments to ?1, ?2, ... in order.
    template <typename... Args> Query& bind(const Args&... args) {
        int index = 1;
        (bindAt(index++, args), ...);
        return *this;
    }
    Query& bindAt(int index, qint64 value);
    Query& bindAt(int index, int value) { return bindAt(index, static_cast<qint64>(value)); }
    Query& bindAt(int index, bool value) { return bindAt(index, static_cast<qint64>(value)); }
    Query& bindAt(int index, double value);
    Query& bindAt(int index, const QString& value);
    Query& bindAt(int index, const char* value) { return bindAt(index, QString::fromUtf8(value)); }
    Query& bindAt(int index, const QByteArray& blob);
    Query& bindAt(int index, std::nullopt_t);
    // Integers and strings; anything else binds NULL.
    Query& bindAt(int index, const QVariant& value);
    template <typename T> Query& bindAt(int index, const std::optional<T>& value) {
        return value ? bindAt(index, *value) : bindAt(index, std::nullopt);
    }

    // Steps once; true while there is a row to read.
    bool next();
    // Steps to completion (for statements that return no rows).
    void run();

    qint64 integer(int column) const;
    double real(int column) const;
    QString text(int column) const;
    // The column's UTF-8 bytes without a copy; valid until the next step or reset.
    QByteArray textBytes(int column) const;
    QByteArray blob(int column) const;
    bool isNull(int column) const;
    std::optional<qint64> optionalInteger(int column) const;

private:
    sqlite3_stmt* m_statement;
};

} // namespace bitmarket::server::db
