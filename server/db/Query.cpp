#include "db/Query.h"

#include "db/SqlError.h"

#include <sqlite3.h>

namespace bitmarket::server::db {

namespace {
void check(sqlite3_stmt* statement, int rc) {
    if (rc != SQLITE_OK)
        throw SqlError(rc, sqlite3_errmsg(sqlite3_db_handle(statement)));
}
} // namespace

Query::Query(sqlite3_stmt* statement) : m_statement(statement) {}

Query::Query(Query&& other) noexcept : m_statement(other.m_statement) {
    other.m_statement = nullptr;
}

Query::~Query() {
    if (m_statement) {
        sqlite3_reset(m_statement);
        sqlite3_clear_bindings(m_statement);
    }
}

Query& Query::bindAt(int index, qint64 value) {
    check(m_statement, sqlite3_bind_int64(m_statement, index, value));
    return *this;
}

Query& Query::bindAt(int index, double value) {
    check(m_statement, sqlite3_bind_double(m_statement, index, value));
    return *this;
}

Query& Query::bindAt(int index, const QString& value) {
    const QByteArray utf8 = value.toUtf8();
    check(m_statement,
          sqlite3_bind_text(m_statement, index, utf8.constData(), utf8.size(), SQLITE_TRANSIENT));
    return *this;
}

Query& Query::bindAt(int index, const QByteArray& blob) {
    check(m_statement,
          sqlite3_bind_blob(m_statement, index, blob.constData(), blob.size(), SQLITE_TRANSIENT));
    return *this;
}

Query& Query::bindAt(int index, std::nullopt_t) {
    check(m_statement, sqlite3_bind_null(m_statement, index));
    return *this;
}

Query& Query::bindAt(int index, const QVariant& value) {
    switch (value.typeId()) {
    case QMetaType::LongLong:
    case QMetaType::Int:
        return bindAt(index, value.toLongLong());
    case QMetaType::QString:
        return bindAt(index, value.toString());
    default:
        return bindAt(index, std::nullopt);
    }
}

bool Query::next() {
    const int rc = sqlite3_step(m_statement);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    throw SqlError(rc, sqlite3_errmsg(sqlite3_db_handle(m_statement)));
}

void Query::run() {
    while (next()) {
    }
}

qint64 Query::integer(int column) const { return sqlite3_column_int64(m_statement, column); }
double Query::real(int column) const { return sqlite3_column_double(m_statement, column); }

QString Query::text(int column) const {
    const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(m_statement, column));
    return QString::fromUtf8(data, sqlite3_column_bytes(m_statement, column));
}

QByteArray Query::textBytes(int column) const {
    const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(m_statement, column));
    return QByteArray::fromRawData(data, sqlite3_column_bytes(m_statement, column));
}

QByteArray Query::blob(int column) const {
    const auto* data = static_cast<const char*>(sqlite3_column_blob(m_statement, column));
    return QByteArray(data, sqlite3_column_bytes(m_statement, column));
}

bool Query::isNull(int column) const {
    return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
}

std::optional<qint64> Query::optionalInteger(int column) const {
    if (isNull(column))
        return std::nullopt;
    return integer(column);
}

} // namespace bitmarket::server::db
