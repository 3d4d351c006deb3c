// How keyword alerts compare words: lower-cased runs of letters and digits, in any script. A
// saved word matches a listing's word that starts with it ("lamp" matches "lamps", "조명"
// matches "조명을"), so a listing looks keywords up by the prefixes of its words.
#pragma once

#include <QSet>
#include <QStringList>

namespace bitmarket::server::notifications {

class KeywordTokens {
public:
    // Longer words are cut to this many characters before prefixes are taken.
    static constexpr int kMaxWordLength = 32;

    // The distinct words of `text`, lower-cased, in order of first appearance.
    static QStringList wordsOf(const QString& text);
    // Every prefix of every word: the tokens a saved keyword may be filed under to match.
    static QSet<QString> prefixesOf(const QStringList& words);
};

} // namespace bitmarket::server::notifications
