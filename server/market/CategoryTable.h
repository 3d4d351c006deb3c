// The `categories` table (written only by migrations): the category tree, its
// names in each language and the words a search may name a category by.
#pragma once

#include "bitmarket/ApiTypes.h"
#include "bitmarket/Language.h"
#include "db/Connection.h"

#include <QHash>

namespace bitmarket::server {

class CategoryTable {
public:
    static QList<Category> all(db::Connection& c, Language language);
    static bool exists(db::Connection& c, const QString& categoryId);
    // The category and its children: what browsing it shows (just the id
    // itself when it has no children or is unknown, so it matches nothing).
    static QStringList withChildren(db::Connection& c, const QString& categoryId);
    // Every word a search may name a category by, in either language ("카메라",
    // "cameras", "camera"), with the categories (and their children) it names.
    static QHash<QString, QStringList> idsBySearchWord(db::Connection& c);
    // The category and its parent, if any: the categories a listing in it is browsed under.
    static QStringList withParent(db::Connection& c, const QString& categoryId);
};

} // namespace bitmarket::server
