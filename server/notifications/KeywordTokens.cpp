#include "notifications/KeywordTokens.h"

namespace bitmarket::server::notifications {

QStringList KeywordTokens::wordsOf(const QString& text) {
    QStringList words;
    QString word;
    const auto flush = [&] {
        if (!word.isEmpty() && !words.contains(word))
            words.append(word.left(kMaxWordLength));
        word.clear();
    };
    for (const QChar ch : text.toLower()) {
        if (ch.isLetterOrNumber())
            word.append(ch);
        else
            flush();
    }
    flush();
    return words;
}

QSet<QString> KeywordTokens::prefixesOf(const QStringList& words) {
    QSet<QString> prefixes;
    for (const QString& word : words) {
        for (int length = 1; length <= word.size(); ++length)
            prefixes.insert(word.left(length));
    }
    return prefixes;
}

} // namespace bitmarket::server::notifications
