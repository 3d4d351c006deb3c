#include "market/ListingSearch.h"

#include "bitmarket/ApiTypes.h"
#include "market/ListingRows.h"

#include <QRegularExpression>

namespace bitmarket::server {

namespace {
constexpr int kMaxTerms = 8;
constexpr int kMaxQueryLength = 200;

struct SortSpec {
    const char* name;
    const char* key;   // column the cursor compares
    const char* order; // ORDER BY clause
    const char* after; // comparison that continues after a cursor (key, seq)
};

constexpr SortSpec kSorts[] = {
    // Newest is insertion order (seq), which also lets a text search walk the
    // FTS index backwards and stop after one page instead of sorting all matches.
    {"newest", "l.seq", "l.seq DESC", "(l.seq, l.seq) < (?, ?)"},
    {"price_asc", "l.price_amount", "l.price_amount ASC, l.seq ASC",
     "(l.price_amount, l.seq) > (?, ?)"},
    {"price_desc", "l.price_amount", "l.price_amount DESC, l.seq DESC",
     "(l.price_amount, l.seq) < (?, ?)"},
    {"popular", "l.favorite_count", "l.favorite_count DESC, l.seq DESC",
     "(l.favorite_count, l.seq) < (?, ?)"},
    // Auctions are keyed by the listing's seq: u.listing_seq is l.seq, named so that the
    // auctions_ending index serves the order.
    {"ending_soon", "u.ends_at", "u.ends_at ASC, u.listing_seq ASC",
     "(u.ends_at, u.listing_seq) > (?, ?)"},
};

const SortSpec* sortSpec(const QString& name) {
    for (const SortSpec& s : kSorts) {
        if (name == QLatin1String(s.name))
            return &s;
    }
    return nullptr;
}

std::string placeholders(qsizetype count) {
    std::string list = "?";
    for (qsizetype i = 1; i < count; ++i)
        list += ", ?";
    return list;
}

QString likePattern(const QString& term) {
    QString escaped = term;
    escaped.replace(u'\\', QStringLiteral("\\\\"))
        .replace(u'%', QStringLiteral("\\%"))
        .replace(u'_', QStringLiteral("\\_"));
    return u'%' + escaped + u'%';
}
} // namespace

qint64 ListingSearch::sortKeyOf(const QString& sort, qint64 seq, qint64 price, qint64 favorites,
                                qint64 endsAt) {
    if (sort.startsWith(QLatin1String("price")))
        return price;
    if (sort == QLatin1String("popular"))
        return favorites;
    if (sort == QLatin1String("ending_soon"))
        return endsAt;
    return seq;
}

QString ListingSearch::cursorAfter(const QString& sort, qint64 sortKey, qint64 seq) {
    return Cursor{sort, QJsonArray{sortKey, seq}}.encode();
}

Result<SearchStatement> ListingSearch::build(const ListingQuery& query,
                                             const QStringList& categoryIds,
                                             const CategoriesNamedBy& categoriesNamedBy,
                                             qint64 nowMs) {
    const SortSpec* sort = sortSpec(query.sort);
    if (!sort)
        return ApiError::validation(QStringLiteral("Unknown sort."), "sort");
    if (query.limit < 1 || query.limit > 100)
        return ApiError::validation(QStringLiteral("limit must be 1 to 100."), "limit");
    if (query.text.size() > kMaxQueryLength)
        return ApiError::validation(QStringLiteral("The search text is too long."), "q");
    if (!query.saleType.isEmpty() && !kSaleTypes.contains(query.saleType))
        return ApiError::validation(QStringLiteral("Unknown sale type."), "saleType");
    // Removed listings are gone for everyone; no query can bring them back.
    if (!kListingStatuses.contains(query.status) || query.status == QLatin1String("removed"))
        return ApiError::validation(QStringLiteral("Unknown status."), "status");

    const bool isNewest = query.sort == QLatin1String("newest");
    const bool endingSoon = query.sort == QLatin1String("ending_soon");
    SearchStatement st;
    std::string where = "l.status = ?";
    st.parameters.push_back(query.status);

    static const QRegularExpression whitespace(QStringLiteral("\\s+")); // compiled once
    const QStringList terms = query.text.split(whitespace, Qt::SkipEmptyParts);
    if (terms.size() > kMaxTerms)
        return ApiError::validation(QStringLiteral("Use at most %1 search words."), "q")
            .arg(kMaxTerms);
    QStringList ftsPhrases;
    for (const QString& term : terms) {
        const QString phrase = u'"' + QString(term).replace(u'"', QStringLiteral("\"\"")) + u'"';
        // Trigrams are of characters, not UTF-16 units (an emoji is two units).
        const bool trigram = term.toUcs4().size() >= 3;
        const QStringList named = categoriesNamedBy(term);
        if (trigram && named.isEmpty()) {
            ftsPhrases.append(phrase);
            continue;
        }
        std::string matches;
        if (trigram) {
            matches = "l.seq IN (SELECT rowid FROM listings_fts WHERE listings_fts MATCH ?)";
            st.parameters.push_back(phrase);
        } else {
            matches = "(l.title LIKE ? ESCAPE '\\' OR l.description LIKE ? ESCAPE '\\' OR "
                      "l.tags LIKE ? ESCAPE '\\')";
            const QString pattern = likePattern(term);
            st.parameters.insert(st.parameters.end(), {pattern, pattern, pattern});
        }
        if (named.isEmpty()) {
            where += " AND " + matches;
            continue;
        }
        // A word that names a category also finds what is filed there ("카메라").
        where += " AND (" + matches + " OR l.category_id IN (" + placeholders(named.size()) + "))";
        st.parameters.insert(st.parameters.end(), named.begin(), named.end());
    }
    const bool textSearch = !ftsPhrases.isEmpty();
    if (textSearch) {
        where += " AND listings_fts MATCH ?";
        st.parameters.push_back(ftsPhrases.join(QStringLiteral(" AND ")));
    }
    if (categoryIds.size() == 1) {
        where += " AND l.category_id = ?";
        st.parameters.push_back(categoryIds.front());
    } else if (!categoryIds.isEmpty()) {
        // A parent holds a large share of all listings: walking the sort order's
        // index and skipping the few others beats sorting all of the parent's
        // listings, so the category indexes are kept out of it ("+").
        where += " AND +l.category_id IN (" + placeholders(categoryIds.size()) + ")";
        st.parameters.insert(st.parameters.end(), categoryIds.begin(), categoryIds.end());
    }
    if (query.minPrice) {
        where += " AND l.price_amount >= ?";
        st.parameters.push_back(*query.minPrice);
    }
    if (query.maxPrice) {
        where += " AND l.price_amount <= ?";
        st.parameters.push_back(*query.maxPrice);
    }
    if (!query.saleType.isEmpty()) {
        where += " AND l.sale_type = ?";
        st.parameters.push_back(query.saleType);
    }
    if (!query.sellerId.isEmpty()) {
        where += " AND l.seller_id = ?";
        st.parameters.push_back(query.sellerId);
    }
    if (endingSoon) {
        where += " AND u.state = 'running' AND u.ends_at > ?";
        st.parameters.push_back(nowMs);
    }
    if (!query.cursor.isEmpty()) {
        const auto cursor = Cursor::decode(query.cursor);
        if (!cursor || cursor->sort != query.sort || cursor->keys.size() != 2)
            return ApiError::validation(QStringLiteral("This cursor is not valid for this query."),
                                        "cursor");
        if (isNewest && textSearch) {
            where += " AND f.rowid < ?";
            st.parameters.push_back(cursor->keys[1].toInteger());
        } else {
            where += std::string(" AND ") + sort->after;
            st.parameters.push_back(cursor->keys[0].toInteger());
            st.parameters.push_back(cursor->keys[1].toInteger());
        }
    }
    // CROSS JOIN keeps the FTS index as the outer loop, so its rowid order serves "newest".
    const std::string from =
        textSearch ? std::string(" FROM listings_fts f CROSS JOIN ") + kListingTables +
                         " WHERE l.seq = f.rowid AND "
                   : std::string(" FROM ") + (endingSoon ? kAuctionListingTables : kListingTables) +
                         " WHERE ";
    const std::string order = isNewest && textSearch ? "f.rowid DESC" : sort->order;
    st.sql =
        std::string("SELECT ") + kListingColumns + from + where + " ORDER BY " + order + " LIMIT ?";
    st.parameters.push_back(static_cast<qint64>(query.limit + 1));
    return st;
}

} // namespace bitmarket::server
