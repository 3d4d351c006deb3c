#include "market/CategoryService.h"

#include "market/CategoryTable.h"

namespace bitmarket::server {

Result<QList<Category>> CategoryService::all() {
    return m_db.read(
        [](db::Connection& c) -> Result<QList<Category>> { return CategoryTable::all(c); });
}

} // namespace bitmarket::server
