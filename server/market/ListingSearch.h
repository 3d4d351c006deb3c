// Turns a listing query (text, filters, sort, cursor) into one SQL statement.
// Text search: terms of 3+ characters use the trigram FTS index; shorter ones
// (common in Korean: "폰") fall back to a substring scan, so every term is a
// substring match either way. A word that names a category ("카메라", "cameras")
// also matches every listing filed there.
#pragma once

#include "bitmarket/Cursor.h"
#include "bitmarket/Result.h"

#include <QString>
#include <QStringList>
#include <QVariant>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace bitmarket::server {

struct ListingQuery {
    QString text;
    QString categoryId;
    std::optional<qint64> minPrice;
    std::optional<qint64> maxPrice;
    QString saleType;
    QString status = QStringLiteral("active");
    QString sellerId;
    QString sort = QStringLiteral("newest");
    QString cursor;
    int limit = 20;
};

struct SearchStatement {
    std::string sql;
    std::vector<QVariant> parameters; // qint64 or QString, bound in order
};

class ListingSearch {
public:
    // The categories a search word names (with their children), if any.
    using CategoriesNamedBy = std::function<QStringList(const QString& word)>;

    // Validates the query and builds the statement; it selects limit + 1 rows
    // so the caller knows whether there is a next page. `categoryIds` are the
    // query's category and its children (empty: any category).
    static Result<SearchStatement> build(const ListingQuery& query, const QStringList& categoryIds,
                                         const CategoriesNamedBy& categoriesNamedBy, qint64 nowMs);
    // The cursor that continues after `row` (values of the sort keys).
    static QString cursorAfter(const QString& sort, qint64 sortKey, qint64 seq);
    static qint64 sortKeyOf(const QString& sort, qint64 seq, qint64 price, qint64 favorites,
                            qint64 endsAt);
};

} // namespace bitmarket::server
