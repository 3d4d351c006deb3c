// The category tree listings are filed under.
#pragma once

#include "bitmarket/ApiTypes.h"
#include "bitmarket/Language.h"
#include "db/Database.h"

namespace bitmarket::server {

class CategoryService {
public:
    explicit CategoryService(db::Database& db) : m_db(db) {}
    // Named in the caller's language.
    Result<QList<Category>> all(Language language);

private:
    db::Database& m_db;
};

} // namespace bitmarket::server
