#include "market/CategoryTable.h"

namespace bitmarket::server {

QList<Category> CategoryTable::all(db::Connection& c) {
    QList<Category> out;
    auto q = c.query("SELECT id, name, parent_id FROM categories ORDER BY position");
    while (q.next())
        out.append(Category{q.text(0), q.text(1), q.text(2)});
    return out;
}

bool CategoryTable::exists(db::Connection& c, const QString& categoryId) {
    auto q = c.query("SELECT 1 FROM categories WHERE id = ?1");
    q.bind(categoryId);
    return q.next();
}

QStringList CategoryTable::withChildren(db::Connection& c, const QString& categoryId) {
    QStringList ids;
    auto q = c.query("SELECT ?1 UNION ALL SELECT id FROM categories WHERE parent_id = ?1");
    q.bind(categoryId);
    while (q.next())
        ids.append(q.text(0));
    return ids;
}

QStringList CategoryTable::withParent(db::Connection& c, const QString& categoryId) {
    QStringList ids{categoryId};
    auto q = c.query("SELECT parent_id FROM categories WHERE id = ?1 AND parent_id IS NOT NULL");
    q.bind(categoryId);
    if (q.next())
        ids.append(q.text(0));
    return ids;
}

} // namespace bitmarket::server
