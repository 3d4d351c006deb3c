// The schema, as an ordered list of forward-only steps. Append; never edit a
// step that has shipped.
#pragma once

#include <span>

namespace bitmarket::server::db {

struct Migration {
    int version;
    const char* name;
    const char* sql;
};

std::span<const Migration> migrations();

} // namespace bitmarket::server::db
