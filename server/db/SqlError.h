// Thrown by the SQLite wrapper only; Database::read/write turn it into an
// ApiError so it never crosses into services or handlers.
#pragma once

#include <stdexcept>
#include <string>

namespace bitmarket::server::db {

class SqlError : public std::runtime_error {
public:
    SqlError(int code, const std::string& message) : std::runtime_error(message), m_code(code) {}
    int code() const { return m_code; }
    bool isConstraint() const { return (m_code & 0xff) == 19; } // SQLITE_CONSTRAINT

private:
    int m_code;
};

} // namespace bitmarket::server::db
