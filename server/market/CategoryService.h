// The category tree listings are filed under.
#pragma once

#include "bitmarket/ApiTypes.h"
#include "db/Database.h"

namespace bitmarket::server {

class CategoryService {
public:
    explicit CategoryService(db::Database& db) : m_db(db) {}
    Result<QList<Category>> all();

private:
    db::Database& m_db;
};

} // namespace bitmarket::server
