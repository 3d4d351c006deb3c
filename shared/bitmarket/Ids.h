// Opaque ids: a short type prefix and 96 random bits, URL-safe.
#pragma once

#include <QString>

namespace bitmarket {

QString newId(const char* prefix);
// For rows written thousands of times a second (chat messages, notifications): the prefix, the
// creation time in milliseconds and 48 random bits, in an alphabet that sorts like the
// numbers it spells. Ids made later sort after earlier ones, so the index over them grows at
// its end instead of dirtying a random page for every row. Not secret: it tells when it was made.
QString newOrderedId(const char* prefix, qint64 nowMs);
// True for strings newId could have produced (any prefix): used to reject junk early.
bool looksLikeId(const QString& text);

} // namespace bitmarket
