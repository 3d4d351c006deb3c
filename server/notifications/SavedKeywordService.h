// A user's saved keywords for alerts (GET/POST/DELETE /me/keywords): at most 30 each, a word
// or a few, optionally only in a category or up to a price.
#pragma once

#include "bitmarket/ApiTypes.h"
#include "db/Database.h"

namespace bitmarket::server::notifications {

struct SavedKeywordAdded {
    SavedKeyword keyword;
    bool created = false; // false: the user had saved the same one already
};

class SavedKeywordService {
public:
    explicit SavedKeywordService(db::Database& db);

    Result<QList<SavedKeyword>> list(const QString& userId);
    // Validates `keyword` (text, known category, money) and the per-user limit.
    Result<SavedKeywordAdded> add(const QString& userId, const SavedKeyword& keyword);
    Result<void> remove(const QString& userId, const QString& keywordId);

private:
    db::Database& m_db;
};

} // namespace bitmarket::server::notifications
