// Fills a data dir's database with a large synthetic catalogue (one
// transaction), for benchmarks that need realistic table sizes.
#pragma once

#include <QString>
#include <QStringList>

namespace bitmarket::bench {

struct SeededCatalogue {
    QStringList listingIds;
    QStringList searchTerms; // words that occur in titles, English and Korean
};

SeededCatalogue seedCatalogue(const QString& dataDir, int listings);
// The catalogue a previous seedCatalogue left in dataDir.
SeededCatalogue loadCatalogue(const QString& dataDir);

} // namespace bitmarket::bench
