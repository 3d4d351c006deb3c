#include "market/CategoryService.h"

namespace bitmarket::server {

Result<QList<Category>> CategoryService::all() {
    return m_db.read([](db::Connection& c) -> Result<QList<Category>> {
        QList<Category> out;
        auto q = c.query("SELECT id, name, parent_id FROM categories ORDER BY position");
        while (q.next())
            out.append(Category{q.text(0), q.text(1), q.text(2)});
        return out;
    });
}

} // namespace bitmarket::server
