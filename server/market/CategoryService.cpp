#include "market/CategoryService.h"

#include "market/CategoryTable.h"

namespace bitmarket::server {

Result<QList<Category>> CategoryService::all(Language language) {
    return m_db.read([language](db::Connection& c) -> Result<QList<Category>> {
        return CategoryTable::all(c, language);
    });
}

} // namespace bitmarket::server
