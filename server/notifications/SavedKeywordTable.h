// The one writer of `saved_keywords` and of its word index `saved_keyword_tokens`: saved
// searches for keyword alerts, and finding the ones a new listing matches.
#pragma once

#include "bitmarket/ApiTypes.h"
#include "db/Connection.h"

#include <QSet>

namespace bitmarket::server::notifications {

// A saved keyword with whose it is, as matching needs it.
struct KeywordOwner {
    SavedKeyword keyword;
    QString userId;
};

class SavedKeywordTable {
public:
    // `words` are the keyword's (KeywordTokens::wordsOf), at least one.
    static SavedKeyword add(db::Connection& c, const QString& userId, const SavedKeyword& keyword,
                            const QStringList& words, qint64 nowMs);
    static QList<SavedKeyword> of(db::Connection& c, const QString& userId);
    static int countOf(db::Connection& c, const QString& userId);
    // The user's keyword with the same text, category and price cap, if any.
    static std::optional<SavedKeyword> sameAs(db::Connection& c, const QString& userId,
                                              const SavedKeyword& keyword);
    // False when the user has no such keyword.
    static bool remove(db::Connection& c, const QString& userId, const QString& keywordId);

    // The keywords all of whose words are among `tokens` (the prefixes of a listing's words),
    // found through the word index: one lookup per token, however many keywords are saved.
    static QList<KeywordOwner> matching(db::Connection& c, const QSet<QString>& tokens);
};

} // namespace bitmarket::server::notifications
