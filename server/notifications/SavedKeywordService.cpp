#include "notifications/SavedKeywordService.h"

#include "bitmarket/NotificationRules.h"
#include "bitmarket/Timestamp.h"
#include "market/CategoryTable.h"
#include "notifications/KeywordTokens.h"
#include "notifications/SavedKeywordTable.h"

namespace bitmarket::server::notifications {

SavedKeywordService::SavedKeywordService(db::Database& db) : m_db(db) {
}

Result<QList<SavedKeyword>> SavedKeywordService::list(const QString& userId) {
    return m_db.read([&](db::Connection& c) -> Result<QList<SavedKeyword>> {
        return SavedKeywordTable::of(c, userId);
    });
}

Result<SavedKeywordAdded> SavedKeywordService::add(const QString& userId,
                                                   const SavedKeyword& input) {
    SavedKeyword keyword = input;
    keyword.keyword = input.keyword.simplified();
    if (keyword.keyword.isEmpty() || keyword.keyword.size() > notification::kKeywordMaxLength)
        return ApiError::validation(QStringLiteral("A keyword has 1 to %1 characters."), "keyword")
            .arg(notification::kKeywordMaxLength);
    const QStringList words = KeywordTokens::wordsOf(keyword.keyword);
    if (words.isEmpty())
        return ApiError::validation(QStringLiteral("A keyword needs at least one letter or digit."),
                                    "keyword");
    return m_db.write([&](db::Connection& c) -> Result<SavedKeywordAdded> {
        if (!keyword.categoryId.isEmpty() && !CategoryTable::exists(c, keyword.categoryId))
            return ApiError::validation(QStringLiteral("Unknown category."), "categoryId");
        if (auto same = SavedKeywordTable::sameAs(c, userId, keyword))
            return SavedKeywordAdded{*same, false};
        if (SavedKeywordTable::countOf(c, userId) >= notification::kMaxKeywordsPerUser)
            return ApiError::conflict(QStringLiteral("You can save at most %1 keywords."))
                .arg(notification::kMaxKeywordsPerUser);
        return SavedKeywordAdded{SavedKeywordTable::add(c, userId, keyword, words, nowMs()), true};
    });
}

Result<void> SavedKeywordService::remove(const QString& userId, const QString& keywordId) {
    return m_db.write([&](db::Connection& c) -> Result<void> {
        if (!SavedKeywordTable::remove(c, userId, keywordId))
            return ApiError::notFound(QStringLiteral("No such saved keyword."));
        return {};
    });
}

} // namespace bitmarket::server::notifications
