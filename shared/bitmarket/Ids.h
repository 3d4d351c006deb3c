// Opaque ids: a short type prefix and 96 random bits, URL-safe.
#pragma once

#include <QString>

namespace bitmarket {

QString newId(const char* prefix);
// True for strings newId could have produced (any prefix): used to reject junk early.
bool looksLikeId(const QString& text);

} // namespace bitmarket
