#include "bitmarket/Language.h"

#include <QStringList>
#include <optional>

namespace bitmarket {

namespace {

std::optional<Language> languageOfTag(const QString& tag) {
    const QString primary = tag.section(u'-', 0, 0).toLower();
    if (primary == QLatin1String("ko"))
        return Language::Korean;
    if (primary == QLatin1String("en"))
        return Language::English;
    return std::nullopt;
}

// The q-value of one "tag;q=0.5" entry: 1 without one, 0 when unreadable.
double weightOf(const QStringList& parameters) {
    for (const QString& p : parameters) {
        const QString trimmed = p.trimmed();
        if (!trimmed.startsWith(QLatin1String("q="), Qt::CaseInsensitive))
            continue;
        bool ok = false;
        const double q = trimmed.mid(2).toDouble(&ok);
        return ok && q >= 0 && q <= 1 ? q : 0;
    }
    return 1;
}

} // namespace

Language languageFromAcceptLanguage(const QString& header) {
    Language best = Language::English;
    double bestWeight = 0;
    for (const QString& entry : header.split(u',', Qt::SkipEmptyParts)) {
        QStringList parts = entry.split(u';');
        const auto language = languageOfTag(parts.takeFirst().trimmed());
        const double weight = weightOf(parts);
        // The first of equally weighted entries wins, as the header lists them by preference.
        if (language && weight > bestWeight) {
            best = *language;
            bestWeight = weight;
        }
    }
    return best;
}

} // namespace bitmarket
