#include "notifications/SavedKeywordTable.h"

#include "bitmarket/Ids.h"

#include <QHash>

namespace bitmarket::server::notifications {

namespace {

constexpr const char* kColumns = "id, keyword, category_id, max_price, currency, user_id";

SavedKeyword fromRow(const db::Query& q) {
    SavedKeyword k;
    k.id = q.text(0);
    k.keyword = q.text(1);
    k.categoryId = q.isNull(2) ? QString() : q.text(2);
    if (!q.isNull(3))
        k.maxPrice = Money{q.integer(3), q.text(4)};
    return k;
}

std::optional<qint64> maxAmountOf(const SavedKeyword& k) {
    return k.maxPrice ? std::optional<qint64>(k.maxPrice->amount) : std::nullopt;
}

std::optional<QString> currencyOf(const SavedKeyword& k) {
    return k.maxPrice ? std::optional<QString>(k.maxPrice->currency) : std::nullopt;
}

std::optional<QString> categoryOf(const SavedKeyword& k) {
    return k.categoryId.isEmpty() ? std::nullopt : std::optional<QString>(k.categoryId);
}

} // namespace

SavedKeyword SavedKeywordTable::add(db::Connection& c, const QString& userId,
                                    const SavedKeyword& keyword, const QStringList& words,
                                    qint64 nowMs) {
    SavedKeyword k = keyword;
    k.id = newId("k");
    c.query("INSERT INTO saved_keywords (id, user_id, keyword, category_id, max_price, currency, "
            "token_count, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
        .bind(k.id, userId, k.keyword, categoryOf(k), maxAmountOf(k), currencyOf(k),
              static_cast<qint64>(words.size()), nowMs)
        .run();
    const qint64 seq = c.lastInsertRowId();
    for (const QString& word : words)
        c.query("INSERT OR IGNORE INTO saved_keyword_tokens (token, keyword_seq) VALUES (?1, ?2)")
            .bind(word, seq)
            .run();
    return k;
}

QList<SavedKeyword> SavedKeywordTable::of(db::Connection& c, const QString& userId) {
    auto q = c.query(std::string("SELECT ") + kColumns +
                     " FROM saved_keywords WHERE user_id = ?1 ORDER BY seq");
    q.bind(userId);
    QList<SavedKeyword> out;
    while (q.next())
        out.append(fromRow(q));
    return out;
}

int SavedKeywordTable::countOf(db::Connection& c, const QString& userId) {
    auto q = c.query("SELECT count(*) FROM saved_keywords WHERE user_id = ?1");
    q.bind(userId);
    q.next();
    return static_cast<int>(q.integer(0));
}

std::optional<SavedKeyword> SavedKeywordTable::sameAs(db::Connection& c, const QString& userId,
                                                      const SavedKeyword& keyword) {
    auto q = c.query(std::string("SELECT ") + kColumns +
                     " FROM saved_keywords WHERE user_id = ?1 AND keyword = ?2 "
                     "AND category_id IS ?3 AND max_price IS ?4 AND currency IS ?5");
    q.bind(userId, keyword.keyword, categoryOf(keyword), maxAmountOf(keyword),
           currencyOf(keyword));
    if (!q.next())
        return std::nullopt;
    return fromRow(q);
}

bool SavedKeywordTable::remove(db::Connection& c, const QString& userId,
                               const QString& keywordId) {
    auto found = c.query("SELECT seq FROM saved_keywords WHERE id = ?1 AND user_id = ?2");
    found.bind(keywordId, userId);
    if (!found.next())
        return false;
    const qint64 seq = found.integer(0);
    c.query("DELETE FROM saved_keyword_tokens WHERE keyword_seq = ?1").bind(seq).run();
    c.query("DELETE FROM saved_keywords WHERE seq = ?1").bind(seq).run();
    return true;
}

QList<KeywordOwner> SavedKeywordTable::matching(db::Connection& c, const QSet<QString>& tokens) {
    // A keyword matches when every one of its words is among the tokens: count the hits.
    QHash<qint64, int> hits;
    for (const QString& token : tokens) {
        auto q = c.query("SELECT keyword_seq FROM saved_keyword_tokens WHERE token = ?1");
        q.bind(token);
        while (q.next())
            ++hits[q.integer(0)];
    }
    QList<KeywordOwner> out;
    for (auto it = hits.cbegin(); it != hits.cend(); ++it) {
        auto q = c.query(std::string("SELECT ") + kColumns +
                         " FROM saved_keywords WHERE seq = ?1 AND token_count = ?2");
        q.bind(it.key(), static_cast<qint64>(it.value()));
        if (q.next())
            out.append(KeywordOwner{fromRow(q), q.text(5)});
    }
    return out;
}

} // namespace bitmarket::server::notifications
