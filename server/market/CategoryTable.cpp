#include "market/CategoryTable.h"

namespace bitmarket::server {

QList<Category> CategoryTable::all(db::Connection& c, Language language) {
    QList<Category> out;
    auto q = c.query(language == Language::Korean
                         ? "SELECT id, name_ko, parent_id FROM categories ORDER BY position"
                         : "SELECT id, name, parent_id FROM categories ORDER BY position");
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

QHash<QString, QStringList> CategoryTable::idsBySearchWord(db::Connection& c) {
    QHash<QString, QStringList> ids;
    auto q = c.query("SELECT c.search_words, c.id, k.id FROM categories c "
                     "LEFT JOIN categories k ON k.parent_id = c.id");
    while (q.next()) {
        for (const QString& word : q.text(0).split(u' ', Qt::SkipEmptyParts)) {
            QStringList& named = ids[word];
            for (const QString& id : {q.text(1), q.text(2)}) {
                if (!id.isEmpty() && !named.contains(id))
                    named.append(id);
            }
        }
    }
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
