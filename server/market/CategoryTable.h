// The `categories` table (written only by migrations): the category tree.
#pragma once

#include "bitmarket/ApiTypes.h"
#include "db/Connection.h"

namespace bitmarket::server {

class CategoryTable {
public:
    static QList<Category> all(db::Connection& c);
    static bool exists(db::Connection& c, const QString& categoryId);
    // The category and its children: what browsing it shows (just the id
    // itself when it has no children or is unknown, so it matches nothing).
    static QStringList withChildren(db::Connection& c, const QString& categoryId);
    // The category and its parent, if any: the categories a listing in it is browsed under.
    static QStringList withParent(db::Connection& c, const QString& categoryId);
};

} // namespace bitmarket::server
